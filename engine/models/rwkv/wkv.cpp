// RWKV-4's WKV (models/rwkv/wkv.h).
// Legend: B = batch, T = time, C = channels, w = −exp(time_decay), u = time_first, g_t = dL/dy_t.
//
// Forward, per (b, c), with the state (a, b) of the tokens so far scaled by e^p (p their largest
// exponent):
//   q = max(p, u + k_t);  y_t = (e^{p−q} a + e^{u+k_t−q} v_t) / (e^{p−q} b + e^{u+k_t−q})
//   logD_t = q + ln(e^{p−q} b + e^{u+k_t−q})           (the log of y_t's true denominator D_t)
//   q' = max(p + w, k_t);  a = e^{p+w−q'} a + e^{k_t−q'} v_t;  b likewise with 1;  p = q'
// Backward, with ĝ_t = g_t e^{−logD_t} (= g_t / D_t):
//   the current token:  dv_t += e^{u+k_t} ĝ_t;  dk_t, du += e^{u+k_t} ĝ_t (v_t − y_t)
//   earlier tokens i<s: d/dv_i of y_s is e^{(s−1−i)w+k_i} / D_s, d/dk_i adds (v_i − y_s), and
//   d/dw adds (s−1−i) times that. Backwards in time, P_t = Σ_{s>t} e^{(s−1−t)w} ĝ_s and Q_t (the
//   same with ĝ_s y_s) give dv_t += e^{k_t} P_t, dk_t += e^{k_t}(v_t P_t − Q_t); forwards,
//   α_s = Σ_{i<s} (s−1−i) e^{(s−1−i)w+k_i} v_i (and β_s without v_i) give
//   dw += Σ_s ĝ_s (α_s − y_s β_s); then d time_decay = dw · w (w = −exp(time_decay)).
// P, Q are kept scaled by e^R (R their largest exponent) and α, β by the forward's e^p, so every
// exponential taken is of a number ≤ 0 up to rounding (e^{k_t+R} ≤ 1 because D_s holds the term).
#include "models/rwkv/wkv.h"

#include "core/fastmath.h"
#include "core/parallel.h"
#include "core/tape.h"
#include "core/threads.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace lm {

namespace {

// The "no token yet" exponent: finite, so p − q never meets ∞ − ∞, and e^{it − anything} is 0
// to float precision once multiplied by the zero state it scales.
constexpr float kEmpty = -1e38f;

Tensor gradTargetOf(const Tensor &t) { return t.requiresGrad() ? t : Tensor(); }

struct Dims {
    std::int64_t B = 0, T = 0, C = 0;
};

Dims checkShapes(const Tensor &k, const Tensor &v, const Tensor &timeDecay, const Tensor &timeFirst)
{
    if (k.dim() != 3 || k.shape() != v.shape())
        throw std::invalid_argument("wkv: k and v must both be (B, T, C), got " + shapeString(k.shape()) + " and " +
                                    shapeString(v.shape()));
    const Shape channels{k.size(2)};
    if (timeDecay.shape() != channels || timeFirst.shape() != channels)
        throw std::invalid_argument("wkv: time_decay and time_first must be (" + std::to_string(k.size(2)) + "), got " +
                                    shapeString(timeDecay.shape()) + " and " + shapeString(timeFirst.shape()));
    return {k.size(0), k.size(1), k.size(2)};
}

// Channels handled together by one unit of work: a vector's worth of state per array.
constexpr std::int64_t kChannelBlock = 64;

// Runs work(b, c0, c1) over every row and block of channels, in parallel.
template <class Work>
void forRowsAndChannels(const Dims &d, Work work)
{
    const std::int64_t blocks = (d.C + kChannelBlock - 1) / kChannelBlock, units = d.B * blocks;
    parallelFor(units, blocksFor(units, d.B * d.T * d.C * 16), [&](std::int64_t first, std::int64_t last, int) {
        for (std::int64_t unit = first; unit < last; ++unit) {
            const std::int64_t b = unit / blocks, c0 = (unit % blocks) * kChannelBlock;
            work(b, c0, std::min(d.C, c0 + kChannelBlock));
        }
    });
}

void forward(const Dims &d, const float *k, const float *v, const float *w, const float *u, float *y, float *logD)
{
    forRowsAndChannels(d, [&](std::int64_t b, std::int64_t c0, std::int64_t c1) {
        const std::int64_t n = c1 - c0;
        float a[kChannelBlock], den[kChannelBlock], p[kChannelBlock];
        std::fill_n(a, n, 0.0f);
        std::fill_n(den, n, 0.0f);
        std::fill_n(p, n, kEmpty);
        for (std::int64_t t = 0; t < d.T; ++t) {
            const std::int64_t row = (b * d.T + t) * d.C + c0;
            const float *kt = k + row, *vt = v + row;
            float *yt = y + row;
            for (std::int64_t j = 0; j < n; ++j) {
                const float ww = u[c0 + j] + kt[j];
                const float q = std::max(p[j], ww);
                const float e1 = expApprox(p[j] - q), e2 = expApprox(ww - q);
                const float dn = e1 * den[j] + e2;
                yt[j] = (e1 * a[j] + e2 * vt[j]) / dn;
                if (logD)
                    logD[row + j] = q + std::log(dn);
                const float decayed = p[j] + w[c0 + j];
                const float q2 = std::max(decayed, kt[j]);
                const float f1 = expApprox(decayed - q2), f2 = expApprox(kt[j] - q2);
                a[j] = f1 * a[j] + f2 * vt[j];
                den[j] = f1 * den[j] + f2;
                p[j] = q2;
            }
        }
    });
}

// Gradients into dk, dv (B, T, C; each may be null) and dw, du (C; summed over rows, may be null).
void backward(const Dims &d, const float *k, const float *v, const float *w, const float *u, const float *y,
              const float *logD, const float *gy, float *dk, float *dv, float *dw, float *du)
{
    // Per-row sums of dw and du, added up at the end in a fixed order (same result on any thread count).
    std::vector<float> rowDw(static_cast<std::size_t>(d.B * d.C), 0.0f), rowDu(rowDw.size(), 0.0f);
    forRowsAndChannels(d, [&](std::int64_t b, std::int64_t c0, std::int64_t c1) {
        const std::int64_t n = c1 - c0;
        float a[kChannelBlock], den[kChannelBlock], al[kChannelBlock], be[kChannelBlock], p[kChannelBlock];
        float sw[kChannelBlock], su[kChannelBlock];
        std::fill_n(a, n, 0.0f);
        std::fill_n(den, n, 0.0f);
        std::fill_n(al, n, 0.0f);
        std::fill_n(be, n, 0.0f);
        std::fill_n(p, n, kEmpty);
        std::fill_n(sw, n, 0.0f);
        std::fill_n(su, n, 0.0f);
        // Forwards: the current token's terms and dw.
        for (std::int64_t t = 0; t < d.T; ++t) {
            const std::int64_t row = (b * d.T + t) * d.C + c0;
            for (std::int64_t j = 0; j < n; ++j) {
                const std::int64_t i = row + j;
                const float g = gy[i], kt = k[i], vt = v[i], yt = y[i], ld = logD[i];
                sw[j] += g * expApprox(p[j] - ld) * (al[j] - yt * be[j]);
                const float eu = g * expApprox(u[c0 + j] + kt - ld);
                su[j] += eu * (vt - yt);
                if (dk)
                    dk[i] += eu * (vt - yt);
                if (dv)
                    dv[i] += eu;
                const float decayed = p[j] + w[c0 + j];
                const float q = std::max(decayed, kt);
                const float f1 = expApprox(decayed - q), f2 = expApprox(kt - q);
                al[j] = f1 * (al[j] + a[j]);
                be[j] = f1 * (be[j] + den[j]);
                a[j] = f1 * a[j] + f2 * vt;
                den[j] = f1 * den[j] + f2;
                p[j] = q;
            }
        }
        for (std::int64_t j = 0; j < n; ++j) {
            rowDw[b * d.C + c0 + j] = sw[j] * w[c0 + j];
            rowDu[b * d.C + c0 + j] = su[j];
        }
        if (!dk && !dv)
            return;
        // Backwards: what token t gives the later outputs, through P_t and Q_t.
        float P[kChannelBlock], Q[kChannelBlock], R[kChannelBlock];
        std::fill_n(P, n, 0.0f);
        std::fill_n(Q, n, 0.0f);
        std::fill_n(R, n, kEmpty);
        for (std::int64_t t = d.T - 1; t >= 0; --t) {
            const std::int64_t row = (b * d.T + t) * d.C + c0;
            for (std::int64_t j = 0; j < n; ++j) {
                const std::int64_t i = row + j;
                const float kt = k[i], vt = v[i];
                const float e = expApprox(kt + R[j]);
                if (dv)
                    dv[i] += e * P[j];
                if (dk)
                    dk[i] += e * (vt * P[j] - Q[j]);
                // P_{t−1} = ĝ_t + e^w P_t, with ĝ_t = g_t e^{−logD_t}.
                const float decayed = R[j] + w[c0 + j], fresh = -logD[i];
                const float r = std::max(decayed, fresh);
                const float f1 = expApprox(decayed - r), f2 = expApprox(fresh - r);
                P[j] = f1 * P[j] + f2 * gy[i];
                Q[j] = f1 * Q[j] + f2 * gy[i] * y[i];
                R[j] = r;
            }
        }
    });
    for (std::int64_t b = 0; b < d.B; ++b)
        for (std::int64_t c = 0; c < d.C; ++c) {
            if (dw)
                dw[c] += rowDw[b * d.C + c];
            if (du)
                du[c] += rowDu[b * d.C + c];
        }
}

std::vector<float> negativeExp(const Tensor &timeDecay)
{
    std::vector<float> w(static_cast<std::size_t>(timeDecay.numel()));
    for (std::size_t c = 0; c < w.size(); ++c)
        w[c] = -std::exp(timeDecay.data()[c]);
    return w;
}

} // namespace

Tensor wkv(const Tensor &k, const Tensor &v, const Tensor &timeDecay, const Tensor &timeFirst)
{
    const Dims d = checkShapes(k, v, timeDecay, timeFirst);
    const bool record = detail::shouldRecord({&k, &v, &timeDecay, &timeFirst});
    const std::vector<float> w = negativeExp(timeDecay);
    Tensor y = Tensor::zeros({d.B, d.T, d.C}, record);
    Tensor logD = record ? Tensor::zeros({d.B, d.T, d.C}) : Tensor();
    forward(d, k.data(), v.data(), w.data(), timeFirst.data(), y.data(), record ? logD.data() : nullptr);
    if (record)
        Tape::active()->push([d, w, kg = gradTargetOf(k), vg = gradTargetOf(v), wg = gradTargetOf(timeDecay),
                              ug = gradTargetOf(timeFirst), kv = k.detach(), vv = v.detach(), uv = timeFirst.detach(),
                              y, logD]() {
            if (!y.hasGrad())
                return;
            // grad() allocates on first use: before the threads share the buffers.
            backward(d, kv.data(), vv.data(), w.data(), uv.data(), y.data(), logD.data(), y.gradOrNull(),
                     kg.defined() ? kg.grad() : nullptr, vg.defined() ? vg.grad() : nullptr,
                     wg.defined() ? wg.grad() : nullptr, ug.defined() ? ug.grad() : nullptr);
        });
    return y;
}

WkvState::WkvState(std::int64_t channels) : values(Tensor::zeros({3, channels}))
{
    std::fill_n(max(), channels, kEmpty);
}

void wkvStep(const float *k, const float *v, const float *decay, const float *first, WkvState &state, float *y)
{
    const std::int64_t C = state.channels();
    float *num = state.num(), *den = state.den(), *max = state.max();
    for (std::int64_t c = 0; c < C; ++c) {
        float &a = num[c], &b = den[c], &p = max[c];
        const float ww = first[c] + k[c];
        const float q = std::max(p, ww);
        const float e1 = expApprox(p - q), e2 = expApprox(ww - q);
        y[c] = (e1 * a + e2 * v[c]) / (e1 * b + e2);
        const float decayed = p + decay[c];
        const float q2 = std::max(decayed, k[c]);
        const float f1 = expApprox(decayed - q2), f2 = expApprox(k[c] - q2);
        a = f1 * a + f2 * v[c];
        b = f1 * b + f2;
        p = q2;
    }
}

std::vector<float> wkvWeights(const Tensor &k, const Tensor &timeDecay, const Tensor &timeFirst)
{
    if (k.dim() != 2 || timeDecay.shape() != Shape{k.size(1)} || timeFirst.shape() != Shape{k.size(1)})
        throw std::invalid_argument("wkvWeights: k must be (T, C) and time_decay, time_first (C)");
    const std::int64_t T = k.size(0), C = k.size(1);
    const std::vector<float> w = negativeExp(timeDecay);
    const float *kd = k.data(), *u = timeFirst.data();
    std::vector<float> out(static_cast<std::size_t>(C * T * T), 0.0f);
    for (std::int64_t c = 0; c < C; ++c)
        for (std::int64_t t = 0; t < T; ++t) {
            // Exponents of the weights in row t, then a softmax over them.
            float *rowOut = out.data() + (c * T + t) * T;
            float top = u[c] + kd[t * C + c];
            for (std::int64_t i = 0; i < t; ++i)
                top = std::max(top, static_cast<float>(t - 1 - i) * w[c] + kd[i * C + c]);
            double total = 0.0;
            for (std::int64_t i = 0; i <= t; ++i) {
                const float e = i == t ? u[c] + kd[t * C + c] : static_cast<float>(t - 1 - i) * w[c] + kd[i * C + c];
                rowOut[i] = std::exp(e - top);
                total += rowOut[i];
            }
            for (std::int64_t i = 0; i <= t; ++i)
                rowOut[i] = static_cast<float>(rowOut[i] / total);
        }
    return out;
}

} // namespace lm
