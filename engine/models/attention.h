#pragma once
// Multi-head attention on the tape: scaled dot-product attention with causal, padding and
// arbitrary masks, grouped-query attention (fewer K/V heads), cross-attention (queries from one
// sequence, keys and values from another), ALiBi biases, and RoPE applied to queries and keys.
// One tape op per call: QKᵀ, scaling, mask, softmax and ×V fused per (batch, head), parallel over
// batch × heads on the engine's thread pool (core/parallel.h; backward: over batch × KV heads); each unit is
// computed by one thread, so the numbers do not depend on the thread count. The probabilities
// (B, H, Tq, Tk) are kept for backward only while a tape records; chunkedAttention()
// (models/chunkedattention.h) computes the same without them, in memory linear in Tk.
//
// Legend: B = batch, Tq = query length, Tk = key length, H = query heads, Hkv = key/value heads
// (H % Hkv == 0; each KV head serves H / Hkv query heads), D = head dim.
#include "core/tensor.h"
#include "core/trace.h"

#include <string>
#include <vector>

namespace lm {

struct AttentionOptions {
    bool causal = false;       // query i sees keys j <= i + (Tk − Tq) (so a KV cache lines up)
    const std::vector<std::uint8_t> *keyPadding = nullptr; // (B, Tk): 1 = padding, never attended
    // ALiBi: add −slope_h · (i + Tk − Tq − j) to every logit (the linear form, also for j > i
    // without a causal mask). With the causal mask this is Press et al. and HF BLOOM's
    // slope·(j − i) (softmax ignores the per-row constant); slopes from alibiSlope().
    bool alibi = false;
    float scale = 0.0f;        // 0 = 1/√D
    // Records for batch row 0: "{tracePrefix}head{h}.attention" (Tq, Tk), the head's inputs
    // "{tracePrefix}head{h}.q" (Tq, D), ".k" and ".v" (Tk, D) (under GQA those of the KV head
    // serving h), "{tracePrefix}scale" (1, 1) and "{tracePrefix}causal" (1, 1): 1 or 0.
    Trace *trace = nullptr;
    std::string tracePrefix;   // e.g. "layer2."
};

// q: (B, H, Tq, D), k, v: (B, Hkv, Tk, D) -> (B, H, Tq, D). Fully masked rows give zeros.
// Throws std::invalid_argument on shapes that do not fit (also keyPadding->size() != B·Tk).
// Trace (when options.trace): P, q, k, v of batch row 0 per query head, the scale and the
// causal flag, written in the forward call.
Tensor attention(const Tensor &q, const Tensor &k, const Tensor &v, const AttentionOptions &options = {});

// Rotary position embedding in the Hugging Face "rotate half" layout: dims (i, i + D/2) of each
// head are rotated by angle pos·θ^(−2i/D). x: (B, H, T, D), positions start at `offset`.
// The angles are computed in float32 as LlamaRotaryEmbedding does. Backward is the inverse
// rotation. Throws std::invalid_argument unless x is 4-d with D even, or when offset < 0.
Tensor rope(const Tensor &x, int offset = 0, float theta = 10000.0f);

// Sinusoidal positions (Vaswani et al. 2017): (T, C), row t = sin/cos of t·10000^(−2i/C)
// interleaved as [sin, cos] pairs (an odd C ends with a sin column). No gradient.
Tensor sinusoidalPositions(int T, int C);

// The ALiBi slope of head h of H (geometric sequence starting at 2^(−8/H)). H not a power of two:
// HF get_alibi_slopes / the paper's rule (the 2^⌊log2 H⌋ sequence, then every other slope of the
// sequence for twice that many heads). Throws std::invalid_argument unless 0 <= head < heads.
float alibiSlope(int head, int heads);

} // namespace lm
