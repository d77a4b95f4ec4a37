#pragma once
// The memory lab's profiler: runs a model in one of three modes and measures the peak bytes of
// live tensors (MemoryMeter) and the time it took.
//   train  : AdamW steps (forward + backward + update) over a (batch, T) batch of random tokens;
//            the second step is measured, so the optimizer state already exists.
//   prefill: one forward of (batch, T) without gradients (no tape), loss included.
//   infer  : token-by-token generation of `batch` sequences side by side up to T tokens with
//            nextTokenLogits, which keeps a KV cache (Transformers) or the recurrent state (RNNs);
//            one copy of the model per sequence, since the interface decodes one context. An
//            encoder–decoder first encodes `batch` sources of T tokens, then writes T tokens for
//            all of them at once with its caches; only the writing is measured.
// Generic: it builds the model with createModel (models/architecture.h) and uses only the
// LanguageModel interface, so a family added to the registry is profiled without changes here.
//
// Reported bytes are those the run adds on top of the model's weights (the weights are measured
// separately): they are what grows with batch and length, and what the analytic prediction in
// inspect/memorymodel.h is checked against.
#include "core/cancel.h"
#include "core/result.h"
#include "models/memoryparts.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lm {

struct MemoryMeasurement {
    std::int64_t weightBytes = 0; // live tensor bytes the built model holds
    std::int64_t runBytes = 0;    // peak live bytes during the run, minus the weights (infer: of every copy)
    double seconds = 0.0;         // train: the measured step; prefill: the forward; infer: all T tokens
};

// Builds the model `config` describes (seeded, so runs repeat) and measures `mode` at (batch, T). Errors: a config createModel refuses, batch or T outside 1..1<<20, a
// cancelled run ("cancelled"). Must not run while other threads allocate tensors (MemoryMeter
// is process-wide).
Result<MemoryMeasurement> measureMemory(const nlohmann::json &config, MemoryMode mode, int batch, int seqLen,
                                        const CancelToken *cancel = nullptr);

// The slope of log(bytes) against log(T) through two points (x1 < x2, both y > 0): 2 when bytes
// grow as T², 1 when linear, 0 when constant. NaN when a value is not positive or x1 == x2.
double logLogSlope(double x1, double y1, double x2, double y2);

} // namespace lm
