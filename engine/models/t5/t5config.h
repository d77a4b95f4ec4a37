#pragma once
// A T5 encoder–decoder's configuration (models/t5/t5.h): sizes, the feed-forward kind, the
// relative-position buckets and the head, validated and read from / written to a checkpoint's
// config JSON. The fields mirror Hugging Face's T5Config (d_model, d_kv, d_ff, num_layers,
// num_decoder_layers, num_heads, relative_attention_num_buckets, relative_attention_max_distance,
// feed_forward_proj, tie_word_embeddings) under our own names.
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

// relu      : wo(relu(wi x))                         (the original T5)
// gated-gelu: wo(gelu_new(wi_0 x) ⊙ wi_1 x)          (T5 v1.1, flan-T5)
enum class T5FeedForward { Relu, GatedGelu };
const std::vector<std::string> &t5FeedForwardNames(); // "relu", "gated-gelu"

struct T5Config {
    int vocabSize = 256;        // V
    int dim = 64;               // d_model
    int heads = 4;              // num_heads
    int headDim = 0;            // d_kv; 0 = dim / heads. heads · d_kv may differ from dim.
    int ffnHidden = 0;          // d_ff; 0 = 4 · dim
    int layers = 2;             // encoder blocks (num_layers)
    int decoderLayers = 0;      // decoder blocks (num_decoder_layers); 0 = layers
    int buckets = 32;           // relative_attention_num_buckets
    int maxDistance = 128;      // relative_attention_max_distance
    float normEps = 1e-6f;      // layer_norm_epsilon
    T5FeedForward feedForward = T5FeedForward::Relu;
    bool tiedHead = true;       // logits = (d_model^-0.5 · h) sharedᵀ; false: lm_head (V, d_model)
    float dropout = 0.0f;       // dropout_rate
    std::int32_t decoderStart = 0; // decoder_start_token_id (T5: <pad> = 0)

    static const std::string &arch(); // "t5"
    int resolvedHeadDim() const { return headDim > 0 ? headDim : (heads > 0 ? dim / heads : 0); }
    int resolvedFfnHidden() const { return ffnHidden > 0 ? ffnHidden : 4 * dim; }
    int resolvedDecoderLayers() const { return decoderLayers > 0 ? decoderLayers : layers; }
    int inner() const { return heads * resolvedHeadDim(); } // the attention's width, heads · d_kv
    // Empty when usable, else a message naming the field.
    std::string validate() const;
    // Exact, without allocating; needs a config that passes validate().
    std::int64_t parameterCount() const;
    // snake_case fields ("vocab_size", "dim", "heads", "head_dim", "ffn_hidden", "layers",
    // "decoder_layers", "buckets", "max_distance", "norm_eps", "feed_forward", "tied_head",
    // "dropout", "decoder_start"), all resolved.
    nlohmann::json toJson() const;
    // Validates every field, the error names it; omitted fields keep the defaults above.
    static Result<T5Config> fromJson(const nlohmann::json &j);
};

} // namespace lm
