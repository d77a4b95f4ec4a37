#pragma once
// One-row arithmetic for the recurrent (generation) forms of the state-space families: no tape,
// no allocation, plain loops over a single token's vectors.
#include "core/tensor.h"

#include <cmath>
#include <cstdint>

namespace lm::rowops {

// y = W x (+ bias): W (out, in) as torch.nn.Linear stores it, x (in) -> y (out); bias may be undefined.
inline void matVec(const Tensor &w, const float *x, float *y, const Tensor &bias = Tensor())
{
    const std::int64_t out = w.size(0), in = w.size(1);
    Eigen::Map<Eigen::VectorXf>(y, out).noalias() =
        ConstMatrixMap(w.data(), out, in) * Eigen::Map<const Eigen::VectorXf>(x, in);
    if (bias.defined())
        for (std::int64_t i = 0; i < out; ++i)
            y[i] += bias.data()[i];
}

// torch.nn.LayerNorm over C values (biased variance); y may be x.
inline void layerNorm(const float *x, const Tensor &weight, const Tensor &bias, float eps, float *y, std::int64_t C)
{
    double mean = 0.0, var = 0.0;
    for (std::int64_t c = 0; c < C; ++c)
        mean += x[c];
    mean /= static_cast<double>(C);
    for (std::int64_t c = 0; c < C; ++c)
        var += (x[c] - mean) * (x[c] - mean);
    const float inv = static_cast<float>(1.0 / std::sqrt(var / static_cast<double>(C) + eps));
    for (std::int64_t c = 0; c < C; ++c)
        y[c] = (x[c] - static_cast<float>(mean)) * inv * weight.data()[c] + bias.data()[c];
}

// x / sqrt(mean(x²) + eps) · weight over C values; y may be x.
inline void rmsNorm(const float *x, const Tensor &weight, float eps, float *y, std::int64_t C)
{
    double squares = 0.0;
    for (std::int64_t c = 0; c < C; ++c)
        squares += double(x[c]) * x[c];
    const float inv = static_cast<float>(1.0 / std::sqrt(squares / static_cast<double>(C) + eps));
    for (std::int64_t c = 0; c < C; ++c)
        y[c] = x[c] * inv * weight.data()[c];
}

inline float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }
inline float silu(float x) { return x * sigmoid(x); }

} // namespace lm::rowops
