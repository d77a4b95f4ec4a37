// Mamba's sequence ops (models/mamba/mambaops.h).
// Legend: B = batch, T = time, D = channels (d_inner), N = state size, K = kernel width,
// a_t = e^{δ_t A}, u_t = δ_t B_t x_t (so h_t = a_t h_{t−1} + u_t), g_t = dL/dy_t.
//
// Scan backward, per row and channel, from the last step down, with dh the gradient reaching h_t:
//   dh += g_t C_t;  dC_t += g_t h_t;  dD += g_t x_t;  dx_t += g_t D
//   dδ_t += Σ_n dh (h_{t−1} A a_t + B_t x_t);  dA += dh h_{t−1} δ_t a_t
//   dB_t += dh δ_t x_t;  dx_t += Σ_n dh δ_t B_t;  then dh ← a_t dh for step t − 1.
// The backward recomputes one channel's states h_t and decays a_t at a time ((T, N) each, in
// cache) instead of the forward keeping all of them ((B, T, D, N)). Rows run in parallel; dA and
// dD are summed per row and added up in a fixed order after, so the result does not depend on
// the thread count.
#include "models/mamba/mambaops.h"

#include "core/fastmath.h"
#include "core/parallel.h"
#include "core/tape.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace lm {

namespace {

Tensor gradTargetOf(const Tensor &t) { return t.defined() && t.requiresGrad() ? t : Tensor(); }

// torch.nn.functional.softplus with beta 1, threshold 20.
float softplus(float x) { return x > 20.0f ? x : std::log1p(std::exp(x)); }
float softplusSlope(float x) { return x > 20.0f ? 1.0f : 1.0f / (1.0f + std::exp(-x)); }

struct ScanDims {
    std::int64_t B = 0, T = 0, D = 0, N = 0;
};

ScanDims checkScan(const Tensor &x, const Tensor &deltaRaw, const Tensor &aLog, const Tensor &b, const Tensor &c,
                   const Tensor &d)
{
    if (x.dim() != 3 || deltaRaw.shape() != x.shape())
        throw std::invalid_argument("selectiveScan: x and delta must both be (B, T, D), got " + shapeString(x.shape()) +
                                    " and " + shapeString(deltaRaw.shape()));
    const ScanDims s{x.size(0), x.size(1), x.size(2), aLog.dim() == 2 ? aLog.size(1) : 0};
    if (aLog.shape() != Shape{s.D, s.N} || s.N < 1)
        throw std::invalid_argument("selectiveScan: A_log must be (" + std::to_string(s.D) + ", N), got " +
                                    shapeString(aLog.shape()));
    if (b.shape() != Shape{s.B, s.T, s.N} || c.shape() != b.shape())
        throw std::invalid_argument("selectiveScan: B and C must be " + shapeString({s.B, s.T, s.N}) + ", got " +
                                    shapeString(b.shape()) + " and " + shapeString(c.shape()));
    if (d.shape() != Shape{s.D})
        throw std::invalid_argument("selectiveScan: D must be (" + std::to_string(s.D) + "), got " + shapeString(d.shape()));
    return s;
}

std::vector<float> negativeExp(const Tensor &aLog)
{
    std::vector<float> a(static_cast<std::size_t>(aLog.numel()));
    for (std::size_t i = 0; i < a.size(); ++i)
        a[i] = -std::exp(aLog.data()[i]);
    return a;
}

// One step of the scan's forward recompute for one channel: a_t = e^{δ A}, h_t = a_t h_{t−1} + u B_t.
inline void scanStep(std::int64_t N, float dt, float u, const float *__restrict a, const float *__restrict bt,
                     const float *__restrict hp, float *__restrict at, float *__restrict ht)
{
    for (std::int64_t n = 0; n < N; ++n) {
        at[n] = expApprox(dt * a[n]);
        ht[n] = at[n] * hp[n] + u * bt[n];
    }
}

// One step of the scan's backward for one channel (see the top of this file); returns dδ_t and
// Σ_n dh B_t (dx_t's share from u_t, before × δ_t), and leaves dh ready for step t − 1.
inline void scanBackStep(std::int64_t N, float gt, float xt, float dt, const float *__restrict a,
                         const float *__restrict bt, const float *__restrict ct, const float *__restrict ht,
                         const float *__restrict at, const float *__restrict hp, float *__restrict dh,
                         float *__restrict dCt, float *__restrict dA, float *__restrict dBt, float &ddt, float &dxB)
{
    float sumDt = 0.0f, sumB = 0.0f;
    for (std::int64_t n = 0; n < N; ++n) {
        const float d = dh[n] + gt * ct[n];
        dCt[n] += gt * ht[n];
        sumDt += d * (hp[n] * a[n] * at[n] + bt[n] * xt);
        dA[n] += d * hp[n] * dt * at[n];
        dBt[n] += d * dt * xt;
        sumB += d * bt[n];
        dh[n] = d * at[n];
    }
    ddt = sumDt;
    dxB = sumB;
}

} // namespace

Tensor causalDepthwiseConv(const Tensor &x, const Tensor &weight, const Tensor &bias)
{
    if (x.dim() != 3 || weight.dim() != 3 || weight.size(0) != x.size(2) || weight.size(1) != 1 ||
        (bias.defined() && bias.shape() != Shape{x.size(2)}))
        throw std::invalid_argument("causalDepthwiseConv: x (B, T, D), weight (D, 1, K), bias (D); got " +
                                    shapeString(x.shape()) + ", " + shapeString(weight.shape()));
    const std::int64_t B = x.size(0), T = x.size(1), D = x.size(2), K = weight.size(2);
    const bool record = detail::shouldRecord({&x, &weight, &bias});
    Tensor y = Tensor::zeros(x.shape(), record);
    const float *xd = x.data(), *w = weight.data();
    float *yd = y.data();
    for (std::int64_t b = 0; b < B; ++b)
        for (std::int64_t t = 0; t < T; ++t) {
            float *out = yd + (b * T + t) * D;
            if (bias.defined())
                std::copy_n(bias.data(), D, out);
            for (std::int64_t k = 0; k < K; ++k) {
                const std::int64_t src = t - K + 1 + k;
                if (src < 0)
                    continue;
                const float *in = xd + (b * T + src) * D;
                for (std::int64_t d = 0; d < D; ++d)
                    out[d] += w[d * K + k] * in[d];
            }
        }
    if (record)
        Tape::active()->push([x, weight, bias, y, B, T, D, K]() {
            if (!y.hasGrad())
                return;
            const float *g = y.gradOrNull(), *xd = x.data(), *w = weight.data();
            float *dx = x.requiresGrad() ? x.grad() : nullptr, *dw = weight.requiresGrad() ? weight.grad() : nullptr;
            float *db = bias.defined() && bias.requiresGrad() ? bias.grad() : nullptr;
            for (std::int64_t b = 0; b < B; ++b)
                for (std::int64_t t = 0; t < T; ++t) {
                    const float *gt = g + (b * T + t) * D;
                    if (db)
                        for (std::int64_t d = 0; d < D; ++d)
                            db[d] += gt[d];
                    for (std::int64_t k = 0; k < K; ++k) {
                        const std::int64_t src = t - K + 1 + k;
                        if (src < 0)
                            continue;
                        const std::int64_t row = (b * T + src) * D;
                        for (std::int64_t d = 0; d < D; ++d) {
                            if (dx)
                                dx[row + d] += w[d * K + k] * gt[d];
                            if (dw)
                                dw[d * K + k] += gt[d] * xd[row + d];
                        }
                    }
                }
        });
    return y;
}

Tensor selectiveScan(const Tensor &x, const Tensor &deltaRaw, const Tensor &aLog, const Tensor &b, const Tensor &c,
                     const Tensor &d)
{
    const ScanDims s = checkScan(x, deltaRaw, aLog, b, c, d);
    const bool record = detail::shouldRecord({&x, &deltaRaw, &aLog, &b, &c, &d});
    const std::vector<float> A = negativeExp(aLog);
    Tensor y = Tensor::zeros(x.shape(), record);
    // δ (B, T, D), which the backward reuses; the states it recomputes (see above).
    Tensor delta = Tensor::zeros(x.shape());
    for (std::int64_t i = 0; i < delta.numel(); ++i)
        delta.data()[i] = softplus(deltaRaw.data()[i]);
    const float *xd = x.data(), *dl = delta.data(), *bd = b.data(), *cd = c.data(), *skip = d.data();
    float *yd = y.data();
    parallelFor(s.B * s.D, blocksFor(s.B * s.D, s.B * s.T * s.D * s.N * 4), [&](std::int64_t first, std::int64_t last, int) {
        std::vector<float> h(static_cast<std::size_t>(s.N));
        for (std::int64_t unit = first; unit < last; ++unit) {
            const std::int64_t row = unit / s.D, ch = unit % s.D;
            const float *a = A.data() + ch * s.N;
            std::fill(h.begin(), h.end(), 0.0f);
            for (std::int64_t t = 0; t < s.T; ++t) {
                const std::int64_t i = (row * s.T + t) * s.D + ch;
                const float dt = dl[i], u = dt * xd[i];
                const float *bt = bd + (row * s.T + t) * s.N, *ct = cd + (row * s.T + t) * s.N;
                float *hn = h.data();
                for (std::int64_t n = 0; n < s.N; ++n) // no reduction here, so it vectorises
                    hn[n] = expApprox(dt * a[n]) * hn[n] + u * bt[n];
                float out = 0.0f;
                for (std::int64_t n = 0; n < s.N; ++n)
                    out += ct[n] * hn[n];
                yd[i] = out + skip[ch] * xd[i];
            }
        }
    });
    if (record)
        Tape::active()->push([s, A, y, delta, xv = x.detach(), rawv = deltaRaw.detach(), bv = b.detach(),
                              cv = c.detach(), dv = d.detach(), xg = gradTargetOf(x), rawg = gradTargetOf(deltaRaw),
                              ag = gradTargetOf(aLog), bg = gradTargetOf(b), cg = gradTargetOf(c), dg = gradTargetOf(d)]() {
            if (!y.hasGrad())
                return;
            const float *g = y.gradOrNull(), *xd = xv.data(), *dl = delta.data(), *raw = rawv.data(), *bd = bv.data(),
                        *cd = cv.data(), *skip = dv.data();
            float *dx = xg.defined() ? xg.grad() : nullptr, *draw = rawg.defined() ? rawg.grad() : nullptr;
            float *dB = bg.defined() ? bg.grad() : nullptr, *dC = cg.defined() ? cg.grad() : nullptr;
            // Per row: dA (D, N) and dD (D), added up below.
            std::vector<float> rowA(static_cast<std::size_t>(s.B * s.D * s.N), 0.0f), rowD(static_cast<std::size_t>(s.B * s.D), 0.0f);
            parallelFor(s.B, blocksFor(s.B, s.B * s.T * s.D * s.N * 8), [&](std::int64_t first, std::int64_t last, int) {
                // One channel's states and decays over the whole sequence, recomputed here rather
                // than kept from the forward: (T, N) each, small enough to stay in cache.
                std::vector<float> dh(static_cast<std::size_t>(s.N)), hs(static_cast<std::size_t>(s.T * s.N)),
                    decays(static_cast<std::size_t>(s.T * s.N)), zeros(static_cast<std::size_t>(s.N), 0.0f),
                    scratch(static_cast<std::size_t>(2 * s.N));
                for (std::int64_t row = first; row < last; ++row)
                    for (std::int64_t ch = 0; ch < s.D; ++ch) {
                        const float *a = A.data() + ch * s.N;
                        for (std::int64_t t = 0; t < s.T; ++t) {
                            const std::int64_t i = (row * s.T + t) * s.D + ch;
                            float *ht = hs.data() + t * s.N;
                            scanStep(s.N, dl[i], dl[i] * xd[i], a, bd + (row * s.T + t) * s.N,
                                     t > 0 ? ht - s.N : zeros.data(), decays.data() + t * s.N, ht);
                        }
                        float *dA = rowA.data() + (row * s.D + ch) * s.N;
                        std::fill(dh.begin(), dh.end(), 0.0f);
                        for (std::int64_t t = s.T - 1; t >= 0; --t) {
                            const std::int64_t i = (row * s.T + t) * s.D + ch;
                            const float gt = g[i], xt = xd[i], dt = dl[i];
                            const float *ht = hs.data() + t * s.N;
                            // Gradients into B and C go to scratch when nobody wants them.
                            float *dCt = dC ? dC + (row * s.T + t) * s.N : scratch.data();
                            float *dBt = dB ? dB + (row * s.T + t) * s.N : scratch.data() + s.N;
                            float ddt = 0.0f, dxB = 0.0f;
                            scanBackStep(s.N, gt, xt, dt, a, bd + (row * s.T + t) * s.N, cd + (row * s.T + t) * s.N, ht,
                                         decays.data() + t * s.N, t > 0 ? ht - s.N : zeros.data(), dh.data(), dCt, dA,
                                         dBt, ddt, dxB);
                            rowD[row * s.D + ch] += gt * xt;
                            if (dx)
                                dx[i] += gt * skip[ch] + dt * dxB;
                            if (draw)
                                draw[i] += ddt * softplusSlope(raw[i]);
                        }
                    }
            });
            if (ag.defined()) {
                float *dALog = ag.grad();
                for (std::int64_t row = 0; row < s.B; ++row)
                    for (std::int64_t k = 0; k < s.D * s.N; ++k)
                        dALog[k] += rowA[static_cast<std::size_t>(row * s.D * s.N + k)] * A[static_cast<std::size_t>(k)];
            }
            if (dg.defined()) {
                float *dD = dg.grad();
                for (std::int64_t row = 0; row < s.B; ++row)
                    for (std::int64_t ch = 0; ch < s.D; ++ch)
                        dD[ch] += rowD[static_cast<std::size_t>(row * s.D + ch)];
            }
        });
    return y;
}

void selectiveScanStep(const float *x, const float *deltaRaw, const Tensor &aLog, const float *b, const float *c,
                       const Tensor &d, float *state, float *y)
{
    const std::int64_t D = aLog.size(0), N = aLog.size(1);
    const float *aLogData = aLog.data();
    for (std::int64_t ch = 0; ch < D; ++ch) {
        const float dt = softplus(deltaRaw[ch]), u = dt * x[ch];
        float *h = state + ch * N;
        float out = 0.0f;
        for (std::int64_t n = 0; n < N; ++n) {
            const float a = -std::exp(aLogData[ch * N + n]);
            h[n] = expApprox(dt * a) * h[n] + u * b[n];
            out += c[n] * h[n];
        }
        y[ch] = out + d.data()[ch] * x[ch];
    }
}

std::vector<float> scanImplicitAttention(const Tensor &deltaRaw, const Tensor &aLog, const Tensor &b, const Tensor &c,
                                         std::int64_t first, std::int64_t last)
{
    const std::int64_t T = deltaRaw.size(1), D = deltaRaw.size(2), N = aLog.size(1);
    if (first < 0 || last > D || first > last)
        throw std::invalid_argument("scanImplicitAttention: channels outside [0, " + std::to_string(D) + ")");
    const std::vector<float> A = negativeExp(aLog);
    std::vector<float> out(static_cast<std::size_t>((last - first) * T * T), 0.0f);
    std::vector<double> cumulative(static_cast<std::size_t>(T)); // Σ_{k<=t} δ_k
    for (std::int64_t ch = first; ch < last; ++ch) {
        double sum = 0.0;
        for (std::int64_t t = 0; t < T; ++t) {
            sum += softplus(deltaRaw.data()[t * D + ch]);
            cumulative[static_cast<std::size_t>(t)] = sum;
        }
        float *m = out.data() + (ch - first) * T * T;
        for (std::int64_t r = 0; r < T; ++r)
            for (std::int64_t s = 0; s <= r; ++s) {
                const double span = cumulative[static_cast<std::size_t>(r)] - cumulative[static_cast<std::size_t>(s)];
                const double ds = softplus(deltaRaw.data()[s * D + ch]);
                double v = 0.0;
                for (std::int64_t n = 0; n < N; ++n)
                    v += double(c.data()[r * N + n]) * std::exp(double(A[static_cast<std::size_t>(ch * N + n)]) * span) * ds *
                         b.data()[s * N + n];
                m[r * T + s] = static_cast<float>(v);
            }
    }
    return out;
}

} // namespace lm
