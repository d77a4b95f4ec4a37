#pragma once
// The memory lab's analytic side: how many bytes a model needs, predicted from its config alone,
// broken into parts. The formulas count the tensors this engine keeps (see core/tape.h: every
// intermediate a backward closure holds stays alive, and gets a gradient of its own size, until
// the tape is cleared), so they can be checked against inspect/memoryprofile.h's measurements;
// the same formulas, applied to real configurations (GPT-2 small, a 7B Llama) at a chosen
// precision, give the calculator's estimates.
//
// Legend: B = batch, T = sequence length, C = dim, L = layers, H = heads, KV = kv_heads·head_dim,
// F = FFN hidden, V = vocabulary, N = B·T, b = bytes per number.
#include "core/result.h"
#include "inspect/memoryprofile.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

struct MemoryParts {
    std::int64_t weights = 0;     // the parameters
    std::int64_t gradients = 0;   // train: one gradient per parameter
    std::int64_t optimizer = 0;   // train: AdamW's two moments per parameter
    std::int64_t activations = 0; // what the forward keeps for backward, and their gradients;
                                  // prefill / infer: the largest set alive at once
    std::int64_t attention = 0;   // train: the (B, H, T, T) probabilities per layer (chunked: a
                                  // log-sum-exp per row instead)
    std::int64_t kvCache = 0;     // infer: keys and values of every position, every layer
    std::int64_t state = 0;       // infer: the recurrent state (h, and c for an LSTM)

    // What a run adds on top of the weights: the quantity measureMemory reports.
    std::int64_t run() const { return gradients + optimizer + activations + attention + kvCache + state; }
    std::int64_t total() const { return weights + run(); }
};

// Parts for `config` (a createModel config: arch and that family's fields) in `mode` at
// (batch, T), with bytesPerValue bytes per number (4 = float32, what the engine runs). Infer:
// `batch` sequences decoded side by side, as measureMemory does. Errors: an arch
// without a formula, a config the family refuses, batch or T below 1.
Result<MemoryParts> predictMemory(const nlohmann::json &config, MemoryMode mode, std::int64_t batch, std::int64_t seqLen,
                                  int bytesPerValue = 4);

// The parameter count of `config`, from its fields alone (no model is built).
Result<std::int64_t> predictParameterCount(const nlohmann::json &config);

// The memory lab's small models: `arch` (rnn, lstm, gru, gpt, llama) with a byte vocabulary (256),
// `dim` as embedding and hidden width, `layers`, `heads` (transformers), learned positions sized
// to fit T (gpt), chunked attention when asked. Throws std::invalid_argument for an arch the lab
// does not know.
struct LabModel {
    std::string arch = "gpt";
    int dim = 64;
    int layers = 2;
    int heads = 4;
    bool chunkedAttention = false;
};
std::vector<std::string> memoryLabArchitectures();
nlohmann::json labModelConfig(const LabModel &model, int seqLen);

// Real configurations for the calculator, by display name ("GPT-2 small (124M)", …), each a
// createModel-style config that predictMemory accepts.
struct NamedConfig {
    std::string name;
    nlohmann::json config;
};
std::vector<NamedConfig> referenceConfigs();

// Bytes the system could give this process now (MemAvailable in /proc/meminfo; 0 when unknown).
std::int64_t availableMemoryBytes();
// The guard: an Error with the estimate, in a sentence, when `predicted` (total bytes) exceeds
// `available` (> 0); success otherwise, also when available is 0 (unknown).
Status checkFitsInMemory(std::int64_t predicted, std::int64_t available);

// "1.5 GB", "312 kB", "17 B": decimal units, 3 significant figures.
std::string formatBytes(double bytes);

} // namespace lm
