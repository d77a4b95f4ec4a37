#pragma once
// Trace: what a model saw and computed, recorded only when asked (DESIGN.md). A flat, named store
// of small matrices so every family can fill it without new types:
//   "layer0.forward.hidden"   (T, H)   recurrent hidden states of the first batch row
//   "layer0.forward.gate.f"   (T, H)   LSTM forget gate (i, f, g, o; GRU r, z, n)
//   "layer0.forward.grad_norm"(T, 1)   |dL/dh_t| over the batch, filled by the backward pass
//   "layer2.head1.attention"  (T, T)   attention weights of one head (rows sum to 1)
//   "layer0.implicit.attention" (T, T) a state-space layer's implicit attention, averaged over channels
//   "layer1.moe.experts"      (T, K)   the experts each token went to; "layer1.moe.probs" (T, E)
// Models write under these names; views read them. Nothing is recorded when no Trace is given.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace lm {

struct TraceMatrix {
    int rows = 0, cols = 0;
    std::vector<float> values; // (rows, cols) row-major
    float at(int r, int c) const { return values[static_cast<std::size_t>(r) * cols + c]; }
};

struct Trace {
    std::vector<std::string> tokens; // the text under the time axis, one per position
    std::map<std::string, TraceMatrix> matrices;

    bool has(const std::string &name) const { return matrices.count(name) != 0; }
    // Stores the (rows, cols) row-major values at `values` under `name` (batch row 0 of a
    // (B, rows, cols) tensor is its first rows·cols values).
    void put(const std::string &name, int rows, int cols, const float *values)
    {
        matrices[name] = TraceMatrix{rows, cols, std::vector<float>(values, values + static_cast<std::ptrdiff_t>(rows) * cols)};
    }
    const TraceMatrix *find(const std::string &name) const
    {
        const auto it = matrices.find(name);
        return it == matrices.end() ? nullptr : &it->second;
    }
};

} // namespace lm
