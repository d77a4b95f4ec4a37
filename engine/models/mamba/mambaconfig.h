#pragma once
// A Mamba language model's configuration (models/mamba/mamba.h): its sizes, validated and read
// from / written to the config JSON of a checkpoint.
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace lm {

struct MambaConfig {
    int vocabSize = 256;
    int dim = 128;          // H: the residual stream (hidden_size)
    int layers = 4;
    int stateSize = 16;     // N: the SSM state per channel (state_size, d_state)
    int expand = 2;         // D = expand · H channels inside a block (intermediate_size)
    int convKernel = 4;     // K: the causal depthwise convolution's width (conv_kernel)
    int dtRank = 0;         // R: Δ's low-rank projection; 0 = ⌈H / 16⌉ (time_step_rank "auto")
    bool projBias = false;  // in_proj and out_proj with biases (use_bias)
    bool convBias = true;   // the convolution with a bias (use_conv_bias)
    bool tiedHead = true;   // the output layer is the embedding table
    float normEps = 1e-5f;  // every RMSNorm (layer_norm_epsilon)

    static const std::string &arch(); // "mamba"
    int innerDim() const { return expand * dim; }
    int resolvedDtRank() const { return dtRank > 0 ? dtRank : (dim + 15) / 16; }
    // Empty when usable, else a message naming the field.
    std::string validate() const;
    // Exact, without allocating. Needs a config that passes validate().
    std::int64_t parameterCount() const;
    // Every field in snake_case ("vocab_size", "state_size", "dt_rank", …), dt_rank resolved.
    nlohmann::json toJson() const;
    // Validates every field; the error names it. Fields left out keep the defaults above.
    static Result<MambaConfig> fromJson(const nlohmann::json &j);
};

} // namespace lm
