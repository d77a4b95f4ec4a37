#pragma once
// Mamba's two sequence ops (REFERENCE.md, Mamba; transformers' modeling_mamba.py, slow path).
//
// causalDepthwiseConv: per channel, a convolution over the last K positions only (torch Conv1d
// with groups = channels, padding K − 1, the output cut to T):
//   y[t][d] = bias[d] + Σ_{k<K} w[d][k] · x[t − K + 1 + k][d]        (x before 0 is 0)
//
// selectiveScan: the selective state-space recurrence, per channel d and state n:
//   δ = softplus(δ_raw) (= δ_raw above 20, as torch),  A = −exp(A_log)
//   h_t[d][n] = e^{δ_t[d] A[d][n]} h_{t−1}[d][n] + δ_t[d] B_t[n] x_t[d]
//   y_t[d]   = Σ_n C_t[n] h_t[d][n] + D[d] x_t[d]
// Zero-order hold for A, Euler for B, as the Mamba paper's reference code. Time runs in sequence,
// rows and channels in parallel; the backward runs the recurrence in reverse.
#include "core/tensor.h"

#include <cstdint>
#include <vector>

namespace lm {

// x: (B, T, D), weight: (D, 1, K) as torch stores it, bias: (D) or undefined -> (B, T, D).
Tensor causalDepthwiseConv(const Tensor &x, const Tensor &weight, const Tensor &bias);

// x, deltaRaw: (B, T, D); aLog: (D, N); b, c: (B, T, N); d: (D) -> (B, T, D). Records the exact
// gradient into all six. Throws std::invalid_argument on shapes that disagree.
Tensor selectiveScan(const Tensor &x, const Tensor &deltaRaw, const Tensor &aLog, const Tensor &b, const Tensor &c,
                     const Tensor &d);

// One token of the recurrent form, for one row. x, deltaRaw (D), b, c (N); state (D, N) advanced
// in place; y (D) written.
void selectiveScanStep(const float *x, const float *deltaRaw, const Tensor &aLog, const float *b, const float *c,
                       const Tensor &d, float *state, float *y);

// The implicit attention of one sequence's scan (its row 0): for each channel d,
// α[d][r][s] = Σ_n C_r[n] (Π_{k=s+1..r} e^{δ_k[d] A[d][n]}) δ_s[d] B_s[n] for s <= r, else 0,
// so that y_r[d] = Σ_s α[d][r][s] x_s[d] + D[d] x_r[d]. x is not needed. Returns (D, T, T)
// for the channels in [first, last).
std::vector<float> scanImplicitAttention(const Tensor &deltaRaw, const Tensor &aLog, const Tensor &b, const Tensor &c,
                                         std::int64_t first, std::int64_t last);

} // namespace lm
