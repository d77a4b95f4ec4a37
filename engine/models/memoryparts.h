#pragma once
// What a model run needs in memory, by part, and the three kinds of run the memory lab measures.
// Each family's entry in the architecture table (models/architecture.h) predicts these parts;
// inspect/memoryprofile.h measures the same runs.
#include <cstdint>
#include <optional>
#include <string>

namespace lm {

// train  : forward + backward + AdamW update over (batch, T).
// prefill: one forward of (batch, T) without gradients.
// infer  : token-by-token generation of `batch` sequences up to T tokens (KV cache or state);
//          an encoder–decoder first reads a source of T tokens.
enum class MemoryMode { Train, Prefill, Infer };

std::string memoryModeName(MemoryMode mode); // "train" | "prefill" | "infer"
std::optional<MemoryMode> memoryModeFromName(const std::string &name);

// Counts of numbers (or bytes, once scaled by the bytes per number).
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
    std::int64_t crossCache = 0;  // infer, encoder–decoders: each decoder layer's keys and values
                                  // of the source, computed once (kvCache is the decoder's own)

    // What a run adds on top of the weights: the quantity measureMemory reports.
    std::int64_t run() const { return gradients + optimizer + activations + attention + kvCache + state + crossCache; }
    std::int64_t total() const { return weights + run(); }
};

} // namespace lm
