#pragma once
// An RWKV-4 language model's configuration (models/rwkv/rwkv.h): its sizes, validated and read
// from / written to the config JSON of a checkpoint.
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace lm {

struct RwkvConfig {
    int vocabSize = 256;
    int dim = 128;          // C: the residual stream (Hugging Face hidden_size)
    int layers = 4;
    int attentionDim = 0;   // A: the time-mix's k, v, r width; 0 = C (attention_hidden_size)
    int ffnHidden = 0;      // F: the channel-mix's key width; 0 = 4·C (intermediate_size)
    bool tiedHead = false;  // the output layer is the embedding table
    float dropout = 0.0f;   // after each block's time-mix and channel-mix, when training
    float normEps = 1e-5f;  // every LayerNorm (layer_norm_epsilon)

    static const std::string &arch(); // "rwkv"
    int resolvedAttentionDim() const { return attentionDim > 0 ? attentionDim : dim; }
    int resolvedFfnHidden() const { return ffnHidden > 0 ? ffnHidden : 4 * dim; }
    // Empty when usable, else a message naming the field.
    std::string validate() const;
    // Exact, without allocating. Needs a config that passes validate().
    std::int64_t parameterCount() const;
    // Every field in snake_case ("vocab_size", "attention_dim", "ffn_hidden", …), widths resolved.
    nlohmann::json toJson() const;
    // Validates every field; the error names it. Fields left out keep the defaults above.
    static Result<RwkvConfig> fromJson(const nlohmann::json &j);
};

} // namespace lm
