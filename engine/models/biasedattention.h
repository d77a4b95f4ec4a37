#pragma once
// Multi-head attention from plain tape ops with an additive term on the logits — a learned
// position bias (T5's buckets), a causal or padding mask (−1e30 where a key is hidden), or both —
// as the encoder–decoder families compute it. Unlike models/attention.h's fused kernel, the bias
// may itself need a gradient (T5 learns it). The probabilities of batch row 0 go to the trace.
//
// Legend: B = batch, Tq/Tk = query/key tokens, nh = heads, dk = head width, I = nh · dk.
#include "core/rng.h"
#include "core/tensor.h"
#include "core/trace.h"

#include <string>

namespace lm {

// Added to a logit that must get no weight: exp underflows to 0, and a bias added to it is lost
// in rounding (as Hugging Face's finfo.min).
inline constexpr float kHiddenLogit = -1e30f;

struct BiasedAttentionOptions {
    int heads = 1;                // nh
    Tensor additive;              // broadcasts to (B, nh, Tq, Tk); undefined = none
    Trace *trace = nullptr;       // records "{tracePrefix}head{h}.attention" (Tq, Tk) of batch row 0
    std::string tracePrefix;
    float dropout = 0.0f;         // on the probabilities, when training
    Rng *rng = nullptr;           // for dropout
    bool training = false;
};

// q (B, Tq, I), k and v (B, Tk, I), already projected (and q scaled, if the family scales it)
// -> softmax(q kᵀ + additive) v per head, (B, Tq, I). Throws std::invalid_argument when I is not a
// multiple of heads or the shapes do not fit.
Tensor biasedAttention(const Tensor &q, const Tensor &k, const Tensor &v, const BiasedAttentionOptions &options);

// The additive term for a causal decoder of T tokens: (1, 1, T, T), kHiddenLogit above the
// diagonal. And for source padding: (B, 1, 1, Ts), kHiddenLogit where mask[b·Ts + s] == 0.
Tensor causalLogitMask(int T);
Tensor paddingLogitMask(const std::vector<std::uint8_t> &mask, int batch, int time);

} // namespace lm
