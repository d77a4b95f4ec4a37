// Mamba's memory formula (see mambamemory.h).
#include "models/mamba/mambamemory.h"

#include <algorithm>

namespace lm {

// Training holds every op output until backward reaches it (the scan keeps δ, not its states:
// its backward recomputes them a channel at a time); without a tape only what the code still references is alive; generation keeps each
// layer's convolution window and SSM state, whatever the context's length.
MemoryParts mambaMemory(const MambaConfig &c, MemoryMode mode, std::int64_t B, std::int64_t T)
{
    const std::int64_t M = B * T, H = c.dim, D = c.innerDim(), S = c.stateSize, K = c.convKernel,
                       R = c.resolvedDtRank(), V = c.vocabSize, L = c.layers;
    MemoryParts p;
    if (mode == MemoryMode::Train) {
        // Per layer: RMSNorm (y, 1/rms), in_proj (2D); the x slice, convolution, SiLU and the gate
        // slice (D each); x_proj and its three slices (2 (R + 2S)); Δ_raw; the scan's output and δ;
        // SiLU(gate), the product; out_proj and the residual add (H each).
        const std::int64_t layer = 3 * M * H + M + 11 * M * D + 2 * M * (R + 2 * S);
        p.activations = M * H + L * layer + (M * H + M) + 3 * M * V;
        return p;
    }
    if (mode == MemoryMode::Prefill) {
        // The residual add ends a layer with everything it made still referenced.
        const std::int64_t layer = 3 * M * H + 8 * M * D + M * (R + 4 * S); // the scan's δ is gone by then
        const std::int64_t head = M * H + 2 * M * V;
        p.activations = std::max(layer, head);
        return p;
    }
    // Infer: per sequence and layer the last K − 1 convolution inputs (D each) and the (D, S)
    // state; each sequence's last logits and the copy handed out.
    p.state = B * L * ((K - 1) * D + D * S);
    p.activations = B * V + V;
    return p;
}

} // namespace lm
