#include "core/ops_nn.h"

#include "core/parallel.h"

#include "core/ops.h"
#include "core/rng.h"
#include "core/tape.h"
#include "core/uninitialized.h"

#include <unsupported/Eigen/SpecialFunctions>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace lm {
namespace {

// y = f(x) elementwise; backward dx += g * df(x, y).
template <class Fwd, class Bwd>
Tensor unary(const Tensor &x, Fwd fwd, Bwd dfdx)
{
    const bool record = detail::shouldRecord({&x});
    Tensor y = detail::uninitialized(x.shape(), record); // written in full
    const float *px = x.data();
    float *py = y.data();
    for (std::int64_t i = 0; i < x.numel(); ++i)
        py[i] = fwd(px[i]);
    if (record)
        Tape::active()->push([x, y, dfdx]() {
            if (!y.hasGrad())
                return;
            const float *g = y.gradOrNull(), *px = x.data(), *py = y.data();
            float *gx = x.grad();
            for (std::int64_t i = 0; i < x.numel(); ++i)
                gx[i] += g[i] * dfdx(px[i], py[i]);
        });
    return y;
}

std::int64_t lastDim(const Tensor &x, const char *op)
{
    if (x.dim() < 1)
        throw std::invalid_argument(std::string(op) + ": needs rank >= 1, got a scalar");
    return x.size(-1);
}

void checkChannelVector(const Tensor &v, std::int64_t C, const char *op, const char *what)
{
    if (v.defined() && (v.dim() != 1 || v.size(0) != C))
        throw std::invalid_argument(std::string(op) + ": " + what + " " + shapeString(v.shape()) + " should be (" +
                                    std::to_string(C) + ")");
}

// Row maximum and Σ exp(x − max) of C values: the pieces of a stable softmax / log-sum-exp.
struct ExpSum {
    float max;
    float sum;
};
ExpSum expSum(const float *in, std::int64_t C)
{
    float mx = -std::numeric_limits<float>::infinity();
    for (std::int64_t c = 0; c < C; ++c)
        mx = std::max(mx, in[c]);
    float total = 0.0f;
    if (mx != -std::numeric_limits<float>::infinity())
        for (std::int64_t c = 0; c < C; ++c)
            total += std::exp(in[c] - mx);
    return {mx, total};
}

constexpr float kSqrt2OverPi = 0.7978845608028654f;
constexpr float kInvSqrt2 = 0.7071067811865476f;
constexpr float kInvSqrt2Pi = 0.3989422804014327f;

} // namespace

Tensor embedding(const Tensor &weight, const std::vector<std::int32_t> &ids, const Shape &idsShape)
{
    if (weight.dim() != 2)
        throw std::invalid_argument("embedding: weight " + shapeString(weight.shape()) + " should be (V, C)");
    if (static_cast<std::int64_t>(ids.size()) != shapeNumel(idsShape))
        throw std::invalid_argument("embedding: " + std::to_string(ids.size()) + " ids for shape " + shapeString(idsShape));
    const std::int64_t V = weight.size(0), C = weight.size(1);
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] < 0 || ids[i] >= V)
            throw std::invalid_argument("embedding: id " + std::to_string(ids[i]) + " at position " + std::to_string(i) +
                                        " is outside the vocabulary of " + std::to_string(V));
    Shape outShape = idsShape;
    outShape.push_back(C);
    const bool record = detail::shouldRecord({&weight});
    Tensor y = detail::uninitialized(outShape, record); // every row copied
    for (std::size_t i = 0; i < ids.size(); ++i)
        std::copy_n(weight.data() + ids[i] * C, C, y.data() + static_cast<std::int64_t>(i) * C);
    if (record)
        Tape::active()->push([weight, ids, y, C]() {
            if (!y.hasGrad())
                return;
            // y[i] = W[ids[i]]  ->  dW[ids[i]] += g[i]   (rows repeat: scatter-add)
            float *gw = weight.grad();
            const float *g = y.gradOrNull();
            for (std::size_t i = 0; i < ids.size(); ++i) {
                float *row = gw + ids[i] * C;
                const float *gi = g + static_cast<std::int64_t>(i) * C;
                for (std::int64_t c = 0; c < C; ++c)
                    row[c] += gi[c];
            }
        });
    return y;
}

Tensor relu(const Tensor &x)
{
    return unary(x, [](float v) { return v > 0.0f ? v : 0.0f; }, [](float v, float) { return v > 0.0f ? 1.0f : 0.0f; });
}

Tensor tanh(const Tensor &x)
{
    return unary(x, [](float v) { return std::tanh(v); }, [](float, float y) { return 1.0f - y * y; });
}

Tensor sigmoid(const Tensor &x)
{
    return unary(x, [](float v) { return 1.0f / (1.0f + std::exp(-v)); }, [](float, float y) { return y * (1.0f - y); });
}

Tensor silu(const Tensor &x)
{
    // y = x s(x)  ->  dy/dx = s (1 + x (1 - s))
    return unary(
        x, [](float v) { return v / (1.0f + std::exp(-v)); },
        [](float v, float) {
            const float s = 1.0f / (1.0f + std::exp(-v));
            return s * (1.0f + v * (1.0f - s));
        });
}

Tensor gelu(const Tensor &x)
{
    // y = x Φ(x) = ½x(1 + erf(x/√2))  ->  dy/dx = Φ(x) + x φ(x)
    // Eigen's float erf (unsupported/SpecialFunctions: a rational approximation, vectorised) and
    // exp over whole blocks, in parallel: libm's scalar erff was 15 % of an encoder's step.
    // Unaligned: a parallel block starts anywhere in the buffer (first · 4 bytes past its start).
    using ConstArrayMap = Eigen::Map<const Eigen::ArrayXf, Eigen::Unaligned>;
    using ArrayMap = Eigen::Map<Eigen::ArrayXf, Eigen::Unaligned>;
    const bool record = detail::shouldRecord({&x});
    Tensor y = detail::uninitialized(x.shape(), record); // written in full
    const std::int64_t n = x.numel();
    parallelFor(n, blocksFor(n, 30 * n), [&](std::int64_t first, std::int64_t last, int) {
        const ConstArrayMap v(x.data() + first, last - first);
        ArrayMap(y.data() + first, last - first) = 0.5f * v * (1.0f + (v * kInvSqrt2).erf());
    });
    if (record)
        Tape::active()->push([x, y]() {
            if (!y.hasGrad())
                return;
            const std::int64_t n = x.numel();
            float *gx = x.grad();
            parallelFor(n, blocksFor(n, 40 * n), [&](std::int64_t first, std::int64_t last, int) {
                const ConstArrayMap v(x.data() + first, last - first), g(y.gradOrNull() + first, last - first);
                ArrayMap(gx + first, last - first) +=
                    g * (0.5f * (1.0f + (v * kInvSqrt2).erf()) + v * kInvSqrt2Pi * (-0.5f * v * v).exp());
            });
        });
    return y;
}

Tensor geluTanh(const Tensor &x)
{
    // y = ½x(1 + t), t = tanh(u), u = √(2/π)(x + 0.044715x³)
    // dy/dx = ½(1 + t) + ½x(1 − t²)·√(2/π)(1 + 3·0.044715x²)
    // Whole-array Eigen expressions: Eigen's tanh is vectorised (a rational approximation within a
    // few ulp of std::tanh), the scalar std::tanh loop was the FFN's largest non-GEMM cost.
    // Backward recomputes t rather than keeping it, so activation memory is unchanged.
    // Unaligned: a parallel block starts anywhere in the buffer (first · 4 bytes past its start).
    using ConstArrayMap = Eigen::Map<const Eigen::ArrayXf, Eigen::Unaligned>;
    using ArrayMap = Eigen::Map<Eigen::ArrayXf, Eigen::Unaligned>;
    const bool record = detail::shouldRecord({&x});
    Tensor y = detail::uninitialized(x.shape(), record); // written in full
    const std::int64_t n = x.numel();
    parallelFor(n, blocksFor(n, 30 * n), [&](std::int64_t first, std::int64_t last, int) {
        const ConstArrayMap v(x.data() + first, last - first);
        ArrayMap(y.data() + first, last - first) = 0.5f * v * (1.0f + (kSqrt2OverPi * (v + 0.044715f * v * v * v)).tanh());
    });
    if (record)
        Tape::active()->push([x, y]() {
            if (!y.hasGrad())
                return;
            const std::int64_t n = x.numel();
            float *gx = x.grad();
            parallelFor(n, blocksFor(n, 40 * n), [&](std::int64_t first, std::int64_t last, int) {
                const ConstArrayMap v(x.data() + first, last - first), g(y.gradOrNull() + first, last - first);
                const Eigen::ArrayXf t = (kSqrt2OverPi * (v + 0.044715f * v * v * v)).tanh();
                ArrayMap(gx + first, last - first) += g * (0.5f * (1.0f + t) + 0.5f * v * (1.0f - t * t) * kSqrt2OverPi *
                                                                                   (1.0f + 3.0f * 0.044715f * v * v));
            });
        });
    return y;
}

Tensor softmax(const Tensor &x)
{
    const std::int64_t C = lastDim(x, "softmax"), rows = C ? x.numel() / C : 0;
    const bool record = detail::shouldRecord({&x});
    Tensor y = Tensor::zeros(x.shape(), record);
    for (std::int64_t r = 0; r < rows; ++r) {
        const float *in = x.data() + r * C;
        float *out = y.data() + r * C;
        const ExpSum e = expSum(in, C);
        if (e.sum == 0.0f) // a fully masked row (all −inf): all zero
            continue;
        const float inv = 1.0f / e.sum;
        for (std::int64_t c = 0; c < C; ++c)
            out[c] = std::exp(in[c] - e.max) * inv;
    }
    if (record)
        Tape::active()->push([x, y, rows, C]() {
            if (!y.hasGrad())
                return;
            // dx = y ⊙ (g − Σ g⊙y)
            for (std::int64_t r = 0; r < rows; ++r) {
                const float *g = y.gradOrNull() + r * C, *p = y.data() + r * C;
                float *gx = x.grad() + r * C;
                float dot = 0.0f;
                for (std::int64_t c = 0; c < C; ++c)
                    dot += g[c] * p[c];
                for (std::int64_t c = 0; c < C; ++c)
                    gx[c] += p[c] * (g[c] - dot);
            }
        });
    return y;
}

Tensor logSoftmax(const Tensor &x)
{
    const std::int64_t C = lastDim(x, "logSoftmax"), rows = C ? x.numel() / C : 0;
    const bool record = detail::shouldRecord({&x});
    Tensor y = detail::uninitialized(x.shape(), record); // written in full
    for (std::int64_t r = 0; r < rows; ++r) {
        const float *in = x.data() + r * C;
        float *out = y.data() + r * C;
        const ExpSum e = expSum(in, C);
        const float lse = e.max + std::log(e.sum);
        for (std::int64_t c = 0; c < C; ++c)
            out[c] = in[c] - lse;
    }
    if (record)
        Tape::active()->push([x, y, rows, C]() {
            if (!y.hasGrad())
                return;
            // y = x − logΣexp(x)  ->  dx = g − softmax(x) Σ g
            for (std::int64_t r = 0; r < rows; ++r) {
                const float *g = y.gradOrNull() + r * C, *ly = y.data() + r * C;
                float *gx = x.grad() + r * C;
                float total = 0.0f;
                for (std::int64_t c = 0; c < C; ++c)
                    total += g[c];
                for (std::int64_t c = 0; c < C; ++c)
                    gx[c] += g[c] - std::exp(ly[c]) * total;
            }
        });
    return y;
}

Tensor layerNorm(const Tensor &x, const Tensor &weight, const Tensor &bias, float eps)
{
    const std::int64_t C = lastDim(x, "layerNorm"), rows = C ? x.numel() / C : 0;
    checkChannelVector(weight, C, "layerNorm", "weight");
    checkChannelVector(bias, C, "layerNorm", "bias");
    const bool record = detail::shouldRecord({&x, &weight, &bias});
    Tensor y = detail::uninitialized(x.shape(), record); // y and x̂ written in full
    // Saved for backward: x̂ = (x − μ)/σ per element and 1/σ per row.
    Tensor xhat = detail::uninitialized(x.shape());
    Tensor invStd = Tensor::zeros({rows});
    parallelFor(rows, blocksFor(rows, 6 * rows * C), [&](std::int64_t firstRow, std::int64_t lastRow, int) {
    for (std::int64_t r = firstRow; r < lastRow; ++r) {
        const float *in = x.data() + r * C;
        float mu = 0.0f;
        for (std::int64_t c = 0; c < C; ++c)
            mu += in[c];
        mu /= static_cast<float>(C);
        float var = 0.0f;
        for (std::int64_t c = 0; c < C; ++c)
            var += (in[c] - mu) * (in[c] - mu);
        var /= static_cast<float>(C);
        const float inv = 1.0f / std::sqrt(var + eps);
        invStd.data()[r] = inv;
        float *xh = xhat.data() + r * C, *out = y.data() + r * C;
        for (std::int64_t c = 0; c < C; ++c) {
            xh[c] = (in[c] - mu) * inv;
            out[c] = xh[c] * (weight.defined() ? weight.data()[c] : 1.0f) + (bias.defined() ? bias.data()[c] : 0.0f);
        }
    }
    });
    if (record)
        Tape::active()->push([x, weight, bias, y, xhat, invStd, rows, C]() {
            if (!y.hasGrad())
                return;
            // y = x̂ w + b, x̂ = (x − μ)/σ
            // dx = (1/σ)(ĝ − mean(ĝ) − x̂ mean(ĝ x̂)) with ĝ = g w;  dw += Σ g x̂;  db += Σ g
            const bool wantX = x.requiresGrad();
            float *gwOut = weight.defined() && weight.requiresGrad() ? weight.grad() : nullptr;
            float *gbOut = bias.defined() && bias.requiresGrad() ? bias.grad() : nullptr;
            float *gxAll = wantX ? x.grad() : nullptr; // allocated here, before the blocks share it
            // Blocks of rows in parallel; each block sums its dw and db apart, added in block order.
            const std::int64_t blocks = blocksFor(rows, 8 * rows * C);
            std::vector<float> partial(static_cast<std::size_t>(blocks * 2 * C), 0.0f);
            parallelFor(rows, blocks, [&](std::int64_t firstRow, std::int64_t lastRow, int block) {
            float *gw = gwOut ? partial.data() + block * 2 * C : nullptr;
            float *gb = gbOut ? partial.data() + block * 2 * C + C : nullptr;
            std::vector<float> gh(static_cast<std::size_t>(C));
            for (std::int64_t r = firstRow; r < lastRow; ++r) {
                const float *g = y.gradOrNull() + r * C, *xh = xhat.data() + r * C;
                float meanG = 0.0f, meanGX = 0.0f;
                for (std::int64_t c = 0; c < C; ++c) {
                    gh[static_cast<std::size_t>(c)] = g[c] * (weight.defined() ? weight.data()[c] : 1.0f);
                    meanG += gh[static_cast<std::size_t>(c)];
                    meanGX += gh[static_cast<std::size_t>(c)] * xh[c];
                    if (gw)
                        gw[c] += g[c] * xh[c];
                    if (gb)
                        gb[c] += g[c];
                }
                if (!wantX)
                    continue;
                meanG /= static_cast<float>(C);
                meanGX /= static_cast<float>(C);
                float *gx = gxAll + r * C;
                const float inv = invStd.data()[r];
                for (std::int64_t c = 0; c < C; ++c)
                    gx[c] += inv * (gh[static_cast<std::size_t>(c)] - meanG - xh[c] * meanGX);
            }
            });
            for (std::int64_t b = 0; b < blocks; ++b)
                for (std::int64_t c = 0; c < C; ++c) {
                    if (gwOut)
                        gwOut[c] += partial[static_cast<std::size_t>(b * 2 * C + c)];
                    if (gbOut)
                        gbOut[c] += partial[static_cast<std::size_t>(b * 2 * C + C + c)];
                }
        });
    return y;
}

Tensor rmsNorm(const Tensor &x, const Tensor &weight, float eps)
{
    const std::int64_t C = lastDim(x, "rmsNorm"), rows = C ? x.numel() / C : 0;
    checkChannelVector(weight, C, "rmsNorm", "weight");
    const bool record = detail::shouldRecord({&x, &weight});
    Tensor y = Tensor::zeros(x.shape(), record);
    Tensor invRms = Tensor::zeros({rows}); // 1 / sqrt(mean(x²) + eps) per row
    for (std::int64_t r = 0; r < rows; ++r) {
        const float *in = x.data() + r * C;
        float ms = 0.0f;
        for (std::int64_t c = 0; c < C; ++c)
            ms += in[c] * in[c];
        const float inv = 1.0f / std::sqrt(ms / static_cast<float>(C) + eps);
        invRms.data()[r] = inv;
        float *out = y.data() + r * C;
        for (std::int64_t c = 0; c < C; ++c)
            out[c] = in[c] * inv * (weight.defined() ? weight.data()[c] : 1.0f);
    }
    if (record)
        Tape::active()->push([x, weight, y, invRms, rows, C]() {
            if (!y.hasGrad())
                return;
            // y = x̂ w, x̂ = x r, r = (mean(x²) + eps)^-½
            // dx = r (ĝ − x̂ mean(ĝ x̂)) with ĝ = g w;  dw += Σ g x̂
            float *gw = weight.defined() && weight.requiresGrad() ? weight.grad() : nullptr;
            for (std::int64_t r = 0; r < rows; ++r) {
                const float *g = y.gradOrNull() + r * C, *in = x.data() + r * C;
                const float inv = invRms.data()[r];
                float meanGX = 0.0f;
                for (std::int64_t c = 0; c < C; ++c) {
                    const float xh = in[c] * inv;
                    const float gh = g[c] * (weight.defined() ? weight.data()[c] : 1.0f);
                    meanGX += gh * xh;
                    if (gw)
                        gw[c] += g[c] * xh;
                }
                if (!x.requiresGrad())
                    continue;
                meanGX /= static_cast<float>(C);
                float *gx = x.grad() + r * C;
                for (std::int64_t c = 0; c < C; ++c) {
                    const float gh = g[c] * (weight.defined() ? weight.data()[c] : 1.0f);
                    gx[c] += inv * (gh - in[c] * inv * meanGX);
                }
            }
        });
    return y;
}

Tensor crossEntropy(const Tensor &logits, const std::vector<std::int32_t> &targets, std::int32_t ignoreIndex)
{
    if (logits.dim() != 2 || logits.size(0) != static_cast<std::int64_t>(targets.size()))
        throw std::invalid_argument("crossEntropy: logits " + shapeString(logits.shape()) + " should be (N, V) with N = " +
                                    std::to_string(targets.size()) + " targets");
    const std::int64_t N = logits.size(0), V = logits.size(1);
    for (std::size_t i = 0; i < targets.size(); ++i)
        if (targets[i] != ignoreIndex && (targets[i] < 0 || targets[i] >= V))
            throw std::invalid_argument("crossEntropy: target " + std::to_string(targets[i]) + " at row " +
                                        std::to_string(i) + " is outside [0, " + std::to_string(V) + ")");
    const bool record = detail::shouldRecord({&logits});
    Tensor loss = Tensor::zeros({}, record);
    // Softmax probabilities kept for backward: d loss / d logits = (p − onehot) / count.
    Tensor probs = record ? Tensor::zeros(logits.shape()) : Tensor();
    // Rows in blocks; each block sums its own loss and count, added in block order.
    const std::int64_t blocks = blocksFor(N, 4 * N * V);
    std::vector<double> blockTotal(static_cast<std::size_t>(blocks), 0.0);
    std::vector<std::int64_t> blockCount(static_cast<std::size_t>(blocks), 0);
    parallelFor(N, blocks, [&](std::int64_t firstRow, std::int64_t lastRow, int block) {
    double total = 0.0;
    std::int64_t count = 0;
    for (std::int64_t r = firstRow; r < lastRow; ++r) {
        const float *in = logits.data() + r * V;
        // Vectorised exp (Eigen) computed once per row: it fills the saved probabilities and
        // gives Σ exp(x − max); the scalar std::exp passes over (N, V) were a visible cost.
        const Eigen::Map<const Eigen::ArrayXf> row(in, V);
        const float mx = V ? row.maxCoeff() : -std::numeric_limits<float>::infinity();
        float sumExp = 0.0f;
        if (mx != -std::numeric_limits<float>::infinity()) {
            if (record) {
                Eigen::Map<Eigen::ArrayXf> p(probs.data() + r * V, V);
                p = (row - mx).exp();
                sumExp = p.sum();
                p *= 1.0f / sumExp;
            } else {
                sumExp = (row - mx).exp().sum();
            }
        }
        const std::int32_t t = targets[static_cast<std::size_t>(r)];
        if (t == ignoreIndex)
            continue;
        total += static_cast<double>(mx + std::log(sumExp) - in[t]);
        ++count;
    }
    blockTotal[static_cast<std::size_t>(block)] = total;
    blockCount[static_cast<std::size_t>(block)] = count;
    });
    double total = 0.0;
    std::int64_t count = 0;
    for (std::int64_t b = 0; b < blocks; ++b) {
        total += blockTotal[static_cast<std::size_t>(b)];
        count += blockCount[static_cast<std::size_t>(b)];
    }
    loss.data()[0] = count ? static_cast<float>(total / static_cast<double>(count)) : std::numeric_limits<float>::quiet_NaN();
    if (record && count)
        Tape::active()->push([logits, targets, ignoreIndex, loss, probs, N, V, count]() {
            if (!loss.hasGrad())
                return;
            const float scale = loss.gradOrNull()[0] / static_cast<float>(count);
            float *gx = logits.grad();
            parallelFor(N, blocksFor(N, 2 * N * V), [&](std::int64_t firstRow, std::int64_t lastRow, int) {
                for (std::int64_t r = firstRow; r < lastRow; ++r) {
                    const std::int32_t t = targets[static_cast<std::size_t>(r)];
                    if (t == ignoreIndex)
                        continue;
                    const float *p = probs.data() + r * V;
                    float *g = gx + r * V;
                    for (std::int64_t c = 0; c < V; ++c)
                        g[c] += scale * p[c];
                    g[t] -= scale;
                }
            });
        });
    return loss;
}

Tensor dropout(const Tensor &x, float p, Rng &rng, bool training)
{
    if (!(p >= 0.0f && p < 1.0f))
        throw std::invalid_argument("dropout: p must be in [0, 1), got " + std::to_string(p));
    if (!training || p == 0.0f)
        return x;
    const float keepScale = 1.0f / (1.0f - p);
    Tensor mask = Tensor::zeros(x.shape()); // 0 or 1/(1-p)
    for (std::int64_t i = 0; i < x.numel(); ++i)
        mask.data()[i] = rng.uniform() >= p ? keepScale : 0.0f;
    return mul(x, mask);
}

} // namespace lm
