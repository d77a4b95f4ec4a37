// RWKV-4's memory formula (see rwkvmemory.h).
#include "models/rwkv/rwkvmemory.h"

#include <algorithm>

namespace lm {

// Training holds every op output until backward reaches it (as transformermemory.cpp counts);
// without a tape only what the code still references is alive; generation keeps a fixed state
// per layer, however long the context: no part grows with T.
MemoryParts rwkvMemory(const RwkvConfig &c, MemoryMode mode, std::int64_t B, std::int64_t T)
{
    const std::int64_t N = B * T, C = c.dim, A = c.resolvedAttentionDim(), F = c.resolvedFfnHidden(),
                       V = c.vocabSize, L = c.layers;
    const std::int64_t norm = 2 * N * C + N; // LayerNorm: y, x̂, 1/σ per row
    MemoryParts p;
    if (mode == MemoryMode::Train) {
        // Per layer: two norms; 14 (N, C): two shifts, five mixes, the time-mix output and its
        // residual add, the channel-mix value, receptance, σ, gate product and residual add;
        // 7 (N, A): k, v, r, σ(r), WKV's y and log-denominator, r ⊙ y; 3 (N, F): key, relu, square.
        const std::int64_t layer = 2 * norm + 14 * N * C + 7 * N * A + 3 * N * F;
        p.activations = N * C + norm + L * layer + norm + 3 * N * V; // + logits, softmax, first gradient
        return p;
    }
    if (mode == MemoryMode::Prefill) {
        // Moments of one layer: k, v, r and y live until the layer ends.
        const std::int64_t timeMix = 5 * N * C + 5 * N * A;                  // r ⊙ y through its residual add
        const std::int64_t channelMix = 7 * N * C + 4 * N * A + 2 * N * F;   // the value through its residual add
        const std::int64_t normMoment = 3 * N * C + N;
        const std::int64_t head = N * C + N * V + N * V;                     // normalised x, logits, softmax
        p.activations = std::max({timeMix, channelMix, normMoment, head});
        return p;
    }
    // Infer: per sequence and layer, WKV's numerator, denominator and maximum (A each) and the last
    // token's LN1 and LN2 outputs (C each); each sequence's last logits and the copy handed out.
    p.state = B * L * (3 * A + 2 * C);
    p.activations = B * V + V;
    return p;
}

} // namespace lm
