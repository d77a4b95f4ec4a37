#pragma once
// A BART encoder–decoder's configuration (models/bart/bart.h), mirroring Hugging Face's
// BartConfig (d_model, encoder_layers, decoder_layers, encoder_attention_heads,
// decoder_attention_heads, encoder_ffn_dim, decoder_ffn_dim, max_position_embeddings,
// activation_function, scale_embedding, pad_token_id, decoder_start_token_id) under our own names;
// validated, read from and written to a checkpoint's config JSON.
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

// gelu = the erf form (BART's "gelu"), gelu_new = the tanh form, relu.
enum class BartActivation { Gelu, GeluNew, Relu };
const std::vector<std::string> &bartActivationNames(); // "gelu", "gelu_new", "relu"

struct BartConfig {
    int vocabSize = 256;       // V
    int dim = 64;              // d_model
    int layers = 2;            // encoder layers
    int decoderLayers = 0;     // 0 = layers
    int heads = 4;             // encoder attention heads
    int decoderHeads = 0;      // 0 = heads
    int ffnHidden = 0;         // encoder_ffn_dim; 0 = 4 · dim
    int decoderFfnHidden = 0;  // decoder_ffn_dim; 0 = ffnHidden
    int maxSeq = 512;          // max_position_embeddings (the tables hold 2 more rows: offset 2)
    bool scaleEmbedding = false; // word vectors × √d_model
    BartActivation activation = BartActivation::Gelu;
    float normEps = 1e-5f;
    float dropout = 0.0f;
    std::int32_t padToken = 1;     // pad_token_id: its embedding row gets no gradient from lookups
    std::int32_t decoderStart = 2; // decoder_start_token_id (</s>)

    static const std::string &arch(); // "bart"
    int resolvedDecoderLayers() const { return decoderLayers > 0 ? decoderLayers : layers; }
    int resolvedDecoderHeads() const { return decoderHeads > 0 ? decoderHeads : heads; }
    int resolvedFfnHidden() const { return ffnHidden > 0 ? ffnHidden : 4 * dim; }
    int resolvedDecoderFfnHidden() const { return decoderFfnHidden > 0 ? decoderFfnHidden : resolvedFfnHidden(); }
    // Empty when usable, else a message naming the field.
    std::string validate() const;
    // Exact, without allocating; needs a config that passes validate().
    std::int64_t parameterCount() const;
    // snake_case fields ("vocab_size", "dim", "layers", "decoder_layers", "heads", "decoder_heads",
    // "ffn_hidden", "decoder_ffn_hidden", "max_seq", "scale_embedding", "activation", "norm_eps",
    // "dropout", "pad_token", "decoder_start"), all resolved.
    nlohmann::json toJson() const;
    // Validates every field, the error names it; omitted fields keep the defaults above.
    static Result<BartConfig> fromJson(const nlohmann::json &j);
};

} // namespace lm
