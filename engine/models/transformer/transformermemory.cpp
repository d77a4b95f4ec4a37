// The Transformer's memory formula (see transformermemory.h).
#include "models/transformer/transformermemory.h"

#include <algorithm>

namespace lm {
namespace {

// The counts below follow the engine op by op. In training every op output is held by a backward
// closure until backward reaches it, so the peak comes as backward starts: every value the
// forward kept (reshape views share theirs), plus the first (N, V) gradient. Further down, each
// closure frees its output and that output's gradient as it allocates its inputs' gradients.
// Without a tape (prefill, infer) only what the code still references is alive, so those parts
// are the largest set of tensors alive at one moment, found by walking the forward.
struct TransformerDims {
    std::int64_t B, T, C, L, H, KV, F, V, N;
    bool gptLayout, rms, swiglu, learned, sinusoidal, rope, tied, chunked;
};

} // namespace

MemoryParts transformerMemory(const TransformerConfig &c, MemoryMode mode, std::int64_t B, std::int64_t T)
{
    const bool chunked = c.attention == AttentionKind::Chunked;
    TransformerDims d{};
    d.B = B;
    d.T = T;
    d.C = c.dim;
    d.L = c.layers;
    d.H = c.heads;
    d.KV = static_cast<std::int64_t>(c.kvHeads > 0 ? c.kvHeads : c.heads) * c.headDim();
    d.F = c.resolvedFfnHidden();
    d.V = c.vocabSize;
    d.N = B * T;
    d.gptLayout = c.layout == TransformerLayout::Gpt2;
    d.rms = c.norm == NormKind::RmsNorm;
    d.swiglu = c.ffn == FfnKind::SwiGlu;
    d.learned = c.positions == PositionKind::Learned;
    d.sinusoidal = c.positions == PositionKind::Sinusoidal;
    d.rope = c.positions == PositionKind::Rope;
    d.tied = c.tiedHead;
    d.chunked = chunked;
    const std::int64_t N = d.N, C = d.C, KV = d.KV, F = d.F, V = d.V, QKV = C + 2 * KV;
    MemoryParts p;
    if (mode == MemoryMode::Train) {
        std::int64_t a = N * C; // token embedding
        if (d.learned || d.sinusoidal)
            a += T * C + N * C; // the positions' rows, the sum
        const std::int64_t norm = d.rms ? N * C + N : 2 * N * C + N; // y, x̂ for LayerNorm, 1/σ per row
        const std::int64_t proj = d.gptLayout ? 2 : 1; // Conv1D: matmul and bias add are two ops
        std::int64_t layer = 2 * norm;
        layer += d.gptLayout ? 3 * N * QKV : N * QKV; // fused c_attn, bias, three slices; or q, k, v
        layer += N * QKV;                             // heads split (transposed copies)
        if (d.rope)
            layer += N * (C + KV);
        layer += 2 * N * C;      // attention output, heads merged
        layer += proj * N * C;   // output projection
        layer += 2 * N * C;      // two residual adds
        if (d.swiglu)
            layer += 2 * proj * N * F + 2 * N * F + proj * N * C; // gate, up, silu, ⊙, down
        else
            layer += proj * N * F + N * F + proj * N * C; // fc, gelu, down
        a += d.L * layer;
        a += norm + 3 * N * V; // final norm; logits, softmax kept, the first gradient (N, V)
        p.activations = a;
        p.attention = d.L * (chunked ? d.B * d.H * T : d.B * d.H * T * T);
        return p;
    }
    if (mode == MemoryMode::Prefill) {
        // Moments of the forward (the residual stream x and the normalised xn are alive in each):
        const std::int64_t embed = 2 * N * C + (d.learned || d.sinusoidal ? T * C : 0);
        const std::int64_t normMoment = 3 * N * C + N;
        std::int64_t attn;
        if (d.gptLayout) // x, xn, c_attn output (matmul + bias add, then the three slices)
            attn = 2 * N * C + 2 * N * QKV;
        else // x, xn, q, k, v, and one rotated or transposed copy
            attn = 2 * N * C + N * QKV + N * C;
        std::int64_t ffn;
        if (d.swiglu) // x, xn, gate, silu, up, ⊙, down (+ its bias add)
            ffn = 2 * N * C + 4 * N * F + (d.gptLayout ? 2 : 1) * N * C;
        else // x, xn, fc, gelu, down (+ its bias add)
            ffn = 2 * N * C + 2 * N * F + (d.gptLayout ? 2 : 1) * N * C;
        const std::int64_t head = N * C + N * V;
        p.activations = std::max({embed, normMoment, attn, ffn, head});
        return p;
    }
    // Infer: K and V of every position in every layer. At the peak, the last layer appends the
    // last token: its old (T − 1) and new (T) keys and values are both alive (concat), with the
    // previous token's logits, the token's residual, normalised input and query, and its K/V.
    // Every sequence keeps its cache and its last logits; one sequence at a time is mid-token.
    p.kvCache = B * d.L * 2 * T * KV;
    p.activations = B * V + 2 * KV * (T - 1) + 3 * C + KV;
    return p;
}

} // namespace lm
