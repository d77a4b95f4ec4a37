// Jamba's memory formula (see jambamemory.h).
#include "models/jamba/jambamemory.h"

#include <algorithm>

namespace lm {

// Training holds every op output until backward reaches it; without a tape only what the code
// still references is alive. A mixture-of-experts layer is counted as if every expert got its
// share, K·M/E of the M tokens (the router decides the real split, so these lines are the
// estimate of the formula). Generation keeps each Mamba layer's state and each attention layer's
// keys and values, which grow by one row a token.
MemoryParts jambaMemory(const JambaConfig &c, MemoryMode mode, std::int64_t B, std::int64_t T)
{
    const std::int64_t M = B * T, H = c.dim, V = c.vocabSize, F = c.resolvedFfnHidden(), E = c.experts,
                       K = c.expertsPerToken, KV = std::int64_t(c.resolvedKvHeads()) * c.headDim(),
                       D = std::int64_t(c.expand) * H, S = c.stateSize, R = c.resolvedDtRank(), Kc = c.convKernel;
    const std::int64_t norm = M * H + M; // RMSNorm: y, 1/rms per row
    MemoryParts p;
    if (mode == MemoryMode::Train) {
        std::int64_t a = M * H; // embedding
        for (int l = 0; l < c.layers; ++l) {
            a += 2 * norm + 2 * M * H; // two norms, two residual adds
            if (c.attends(l)) {
                a += 5 * M * H + 4 * M * KV; // q, k, v and their head-split copies, output, merged, o_proj
                p.attention += B * c.heads * T * T;
            } else {
                a += M * H + 11 * M * D + 2 * M * (R + 2 * S); // the Mamba mixer (mambamemory.cpp)
            }
            if (c.routes(l)) // router, softmax; gathered rows, SwiGLU, weights, weighted rows; placed, summed
                a += 2 * M * E + 3 * K * M * H + 4 * K * M * F + K * M + E * M * H + (E - 1) * M * H + E;
            else
                a += 4 * M * F + M * H;
        }
        p.activations = a + norm + 3 * M * V;
        return p;
    }
    if (mode == MemoryMode::Prefill) {
        std::int64_t peak = M * H + 2 * M * V; // the head: normalised x, logits, softmax
        for (int l = 0; l < c.layers; ++l) {
            // x and the normalised h stay alive through each sublayer.
            peak = std::max(peak, c.attends(l) ? 5 * M * H + 2 * M * KV : 3 * M * H + 8 * M * D + M * (R + 4 * S));
            const std::int64_t share = K * M / E;
            peak = std::max(peak, c.routes(l) ? 5 * M * H + M * E + share * (H + 1) : 3 * M * H + 4 * M * F);
            peak = std::max(peak, c.routes(l) ? 3 * M * H + M * E + share * (2 * H + 4 * F) : 0);
        }
        p.activations = peak;
        return p;
    }
    // Infer: per sequence, the Mamba layers' windows and states, the attention layers' keys and
    // values of all T tokens; at the peak the last attention layer also holds its previous copy
    // (T − 1 rows) while it appends. Each sequence keeps its last logits.
    std::int64_t mambaLayers = 0, attentionLayers = 0;
    for (int l = 0; l < c.layers; ++l)
        (c.attends(l) ? attentionLayers : mambaLayers) += 1;
    p.state = B * mambaLayers * ((Kc - 1) * D + D * S);
    p.kvCache = B * attentionLayers * 2 * T * KV;
    p.activations = B * V + (attentionLayers > 0 ? 2 * KV * (T - 1) : V);
    return p;
}

} // namespace lm
