#pragma once
// RWKV-4's WKV: per channel, a weighted average of the values so far, the weights decaying
// exponentially with distance, the current token given a bonus (REFERENCE.md, RWKV-4).
//
//   y_t = (Σ_{i<t} e^{(t−1−i)w + k_i} v_i + e^{u + k_t} v_t) / (Σ_{i<t} e^{(t−1−i)w + k_i} + e^{u + k_t})
//
// with w = −exp(time_decay) < 0 and u = time_first, both per channel. Every exponential is taken
// against a running maximum of the exponents, so no k overflows (Hugging Face's
// rwkv_linear_attention_cpu does the same).
#include "core/tensor.h"

#include <cstdint>
#include <vector>

namespace lm {

// The parallel (training) form. k, v: (B, T, C); timeDecay, timeFirst: (C). Returns (B, T, C) and,
// on a tape, records the exact gradient into all four. Rows and channels run in parallel, time in
// sequence. Throws std::invalid_argument on shapes that disagree.
Tensor wkv(const Tensor &k, const Tensor &v, const Tensor &timeDecay, const Tensor &timeFirst);

// The recurrent (generation) form: one row's state per channel after the tokens so far, scaled
// by the running maximum: the true numerator is num·e^max, the denominator den·e^max. A Tensor,
// so the memory meter counts it.
struct WkvState {
    Tensor values; // (3, C): num, den, max

    explicit WkvState(std::int64_t channels = 0);
    std::int64_t channels() const { return values.defined() ? values.size(1) : 0; }
    float *num() { return values.data(); }
    float *den() { return values.data() + channels(); }
    float *max() { return values.data() + 2 * channels(); }
};

// One token: k, v (C) -> y (C), advancing `state`. decay = −exp(time_decay) (C), first = u (C).
void wkvStep(const float *k, const float *v, const float *decay, const float *first, WkvState &state, float *y);

// The weights WKV gives each earlier token, for one sequence: k (T, C) -> (C, T, T) with
// [c][t][i] the share of v_i in y_t for channel c (rows sum to 1, zero above the diagonal).
std::vector<float> wkvWeights(const Tensor &k, const Tensor &timeDecay, const Tensor &timeFirst);

} // namespace lm
