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
#include "models/architecture.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lm {


// Parts for `config` (a createModel config: arch and that family's fields) in `mode` at
// (batch, T), with bytesPerValue bytes per number (4 = float32, what the engine runs). Infer:
// `batch` sequences decoded side by side, as measureMemory does. Errors: an arch
// without a formula, a config the family refuses, batch or T below 1.
Result<MemoryParts> predictMemory(const nlohmann::json &config, MemoryMode mode, std::int64_t batch, std::int64_t seqLen,
                                  int bytesPerValue = 4);

// The memory lab's small models: `arch` (a family of the table with a memory formula) with a
// byte vocabulary (256), `dim` as embedding and recurrent width, `layers`, `heads`, chunked
// attention when asked, each where the family has that option; learned positions are sized to
// fit T. An Error for a family the lab cannot measure.
struct LabModel {
    std::string arch;
    int dim = 64;
    int layers = 2;
    int heads = 4;
    bool chunkedAttention = false;
};
constexpr int kLabVocabulary = 256;
std::vector<std::string> memoryLabArchitectures();        // every family with a memory formula
std::vector<std::string> memoryLabDefaultArchitectures(); // those the lab measures unless told
Result<nlohmann::json> labModelConfig(const LabModel &model, int seqLen);

// Real configurations for the calculator, by display name ("GPT-2 small (124M)", …), each a
// createModel-style config that predictMemory accepts; from the table's entries.
std::vector<NamedConfig> referenceConfigs();

// Bytes the system could give this process now (MemAvailable in /proc/meminfo; 0 when unknown).
std::int64_t availableMemoryBytes();
// The guard: an Error with the estimate, in a sentence, when `predicted` (total bytes) exceeds
// `available` (> 0); success otherwise, also when available is 0 (unknown).
Status checkFitsInMemory(std::int64_t predicted, std::int64_t available);

// "1.5 GB", "312 kB", "17 B": decimal units, 3 significant figures.
std::string formatBytes(double bytes);

} // namespace lm
