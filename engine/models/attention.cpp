// Multi-head attention as one fused tape op, RoPE, sinusoidal positions and ALiBi slopes.
//
// Legend: B = batch, H = query heads, Hkv = key/value heads, G = H / Hkv (query heads per KV
// head), Tq = query length, Tk = key length, D = head dim, i = query row, j = key column,
// off = Tk − Tq (query i sits at absolute position i + off, so a KV cache lines up).
//
// Forward, per (b, h), row by row:   s_j = scale q_i·k_j + bias_ij   (−inf where masked)
//                                     p = softmax(s)   (all −inf → p = 0)
//                                     o_i = Σ_j p_j v_j
// Backward, per (b, kv head), over the G query heads sharing it, row by row:
//   dp_j = dO_i·v_j;  ds_j = p_j (dp_j − Σ_l dp_l p_l);  dq_i += scale Σ_j ds_j k_j;
//   dk_j += scale ds_j q_i;  dv_j += p_j dO_i.
// Rows go in blocks of 4 through three register-blocked kernels (S = Q Kᵀ with kᵀ in scratch,
// O = P V, M += Wᵀ X) on 16-float panels, shared with the chunked path (models/attentionkernels.h);
// no BLAS in the hot loop: the per-head products are too small for it and OpenBLAS would start
// threads of its own.
// Work is split into contiguous blocks of independent units, one block per thread; each unit is
// computed by exactly one thread with the same arithmetic, so results do not depend on the count.
#include "models/attention.h"

#include "core/fastmath.h"
#include "core/tape.h"
#include "models/attentionkernels.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace lm {

using namespace detail;

namespace {

// One softmax row in place over s[0..n): s = scale·dot + bias, −inf where masked (padMask[j]
// = −inf for padding keys, or null). Writes p[0..Tk): zeros past n, on masked keys, and in the
// whole row when every key is masked.
[[gnu::noinline]] void softmaxRow(std::int64_t n, std::int64_t Tk, float scale, float slope, float pos,
                                  const float *__restrict padMask, float *__restrict s, float *__restrict p)
{
    // ALiBi: s_ij += −slope (pos_i − j)
    if (padMask)
        for (std::int64_t j = 0; j < n; ++j)
            s[j] = s[j] * scale - slope * (pos - static_cast<float>(j)) + padMask[j];
    else
        for (std::int64_t j = 0; j < n; ++j)
            s[j] = s[j] * scale - slope * (pos - static_cast<float>(j));
    float m = kNegInf;
    for (std::int64_t j = 0; j < n; ++j)
        m = std::max(m, s[j]);
    if (m == kNegInf) {
        std::fill_n(p, Tk, 0.0f);
        return;
    }
    float total = 0.0f;
    for (std::int64_t j = 0; j < n; ++j) {
        const float e = s[j] == kNegInf ? 0.0f : expApprox(s[j] - m);
        p[j] = e;
        total += e;
    }
    const float inv = 1.0f / total;
    for (std::int64_t j = 0; j < n; ++j)
        p[j] *= inv;
    std::fill(p + n, p + Tk, 0.0f);
}

// p = softmax(s)  ->  ds_j = p_j (dp_j − Σ_l dp_l p_l); s = scale q·k + bias folds scale in.
// dp[0..n) becomes ds (p_j = 0 past the row's own causal limit, so ds_j = 0 there).
[[gnu::noinline]] void softmaxBackwardRow(std::int64_t n, float scale, const float *__restrict p, float *__restrict dp)
{
    float c = 0.0f;
    for (std::int64_t j = 0; j < n; ++j)
        c += dp[j] * p[j];
    for (std::int64_t j = 0; j < n; ++j)
        dp[j] = p[j] * (dp[j] - c) * scale;
}

void attentionBackward(const Dims &d, const Tensor &q, const Tensor &k, const Tensor &v, const Tensor &P,
                       const float *dOut, float *dq, float *dk, float *dv)
{
    const std::int64_t units = d.B * d.Hkv, nThreads = threadsFor(units, 3 * d.B * d.H * d.Tq * d.Tk * d.D);
    const std::int64_t ldK = roundUp(d.Tk), ldD = roundUp(d.D);
    // Per-thread scratch: vᵀ (D, ldK); k, dk, dv (Tk, ldD); dp/ds rows (4, ldK); dO, q and dq
    // rows (4, ldD).
    const std::int64_t vtSize = d.D * ldK, kvSize = d.Tk * ldD, rowsK = kRows * ldK, rowsD = kRows * ldD;
    std::vector<std::vector<float>> scratch(static_cast<std::size_t>(nThreads),
                                            std::vector<float>(static_cast<std::size_t>(vtSize + 3 * kvSize + rowsK + 3 * rowsD)));
    const float *pq = q.data(), *pk = k.data(), *pv = v.data(), *pp = P.data();
    parallelFor(units, nThreads, [&](std::int64_t first, std::int64_t last, int thread) {
        float *VT = scratch[static_cast<std::size_t>(thread)].data();
        float *Kp = VT + vtSize, *dK = Kp + kvSize, *dV = dK + kvSize, *dS = dV + kvSize;
        float *dOp = dS + rowsK, *qp = dOp + rowsD, *dQ = qp + rowsD;
        for (std::int64_t u = first; u < last; ++u) {
            const std::int64_t b = u / d.Hkv, g = u % d.Hkv;
            const std::int64_t kvOff = (b * d.Hkv + g) * d.Tk * d.D;
            transposePadded(pv + kvOff, d.Tk, d.D, ldK, VT);
            copyPadded(pk + kvOff, d.Tk, d.D, ldD, Kp);
            std::fill_n(dK, 2 * kvSize, 0.0f); // dK and dV
            for (std::int64_t h = g * d.G; h < (g + 1) * d.G; ++h) { // fixed order: sums are reproducible
                const std::int64_t qOff = (b * d.H + h) * d.Tq * d.D;
                const float *Ph = pp + (b * d.H + h) * d.Tq * d.Tk;
                for (std::int64_t i0 = 0; i0 < d.Tq; i0 += kRows) {
                    const int R = static_cast<int>(std::min<std::int64_t>(kRows, d.Tq - i0));
                    const std::int64_t n = visible(d, i0 + R - 1); // the widest row of the block
                    const float *pRows[kRows], *dORows[kRows], *dsRows[kRows];
                    for (int r = 0; r < R; ++r) {
                        pRows[r] = Ph + (i0 + r) * d.Tk;
                        dORows[r] = dOut + qOff + (i0 + r) * d.D;
                        dsRows[r] = dS + r * ldK;
                    }
                    copyPadded(dOut + qOff + i0 * d.D, R, d.D, ldD, dOp);
                    if (dv) // o_i = Σ_j p_ij v_j  ->  dv_j += Σ_i p_ij dO_i
                        accumulateOuter(R, n, ldD, pRows, dOp, dV);
                    if (!dq && !dk)
                        continue;
                    // dp_ij = dO_i · v_j
                    rowsTimesPanels(R, d.D, roundUp(n), ldK, dORows, VT, dS, ldK);
                    for (int r = 0; r < R; ++r)
                        softmaxBackwardRow(n, d.scale, pRows[r], dS + r * ldK);
                    // s_ij = scale q_i·k_j  ->  dq_i += Σ_j ds_ij k_j,  dk_j += Σ_i ds_ij q_i
                    if (dq) {
                        weightsTimesRows(R, n, ldD, dsRows, Kp, dQ);
                        addRows(R, d.D, ldD, dQ, dq + qOff + i0 * d.D);
                    }
                    if (dk) {
                        copyPadded(pq + qOff + i0 * d.D, R, d.D, ldD, qp);
                        accumulateOuter(R, n, ldD, dsRows, qp, dK);
                    }
                }
            }
            for (std::int64_t j = 0; j < d.Tk; ++j)
                for (std::int64_t c = 0; c < d.D; ++c) {
                    if (dk)
                        dk[kvOff + j * d.D + c] += dK[j * ldD + c];
                    if (dv)
                        dv[kvOff + j * d.D + c] += dV[j * ldD + c];
                }
        }
    });
}

} // namespace

Tensor attention(const Tensor &q, const Tensor &k, const Tensor &v, const AttentionOptions &options)
{
    checkShapes("attention", q, k, v, options);
    const Dims d = makeDims(q, k, options);

    const bool record = detail::shouldRecord({&q, &k, &v});
    Tensor out = Tensor::zeros({d.B, d.H, d.Tq, d.D}, record);
    // P: (B, H, Tq, Tk), kept only for backward; without a tape each thread uses one row of scratch.
    Tensor P = record ? Tensor::zeros({d.B, d.H, d.Tq, d.Tk}) : Tensor();
    const std::vector<float> slopes = headSlopes(d), padMask = paddingMask(options);
    // Trace rows for batch row 0, written by whichever thread computes (0, h).
    std::vector<float *> traceRows(static_cast<std::size_t>(d.H), nullptr);
    if (options.trace && d.B > 0)
        for (std::int64_t h = 0; h < d.H; ++h) {
            TraceMatrix &m = options.trace->matrices[options.tracePrefix + "head" + std::to_string(h) + ".attention"];
            m = TraceMatrix{static_cast<int>(d.Tq), static_cast<int>(d.Tk),
                            std::vector<float>(static_cast<std::size_t>(d.Tq * d.Tk))};
            traceRows[static_cast<std::size_t>(h)] = m.values.data();
        }
    // The head's inputs for batch row 0 (q of head h; k, v of the KV head serving it), the scale
    // and the causal flag, so a view can redo the computation step by step. Copies only when tracing.
    if (options.trace && d.B > 0) {
        const auto put = [&](const std::string &name, std::int64_t rows, std::int64_t cols, const float *src) {
            options.trace->matrices[options.tracePrefix + name] =
                TraceMatrix{static_cast<int>(rows), static_cast<int>(cols), std::vector<float>(src, src + rows * cols)};
        };
        for (std::int64_t h = 0; h < d.H; ++h) {
            const std::string head = "head" + std::to_string(h);
            const std::int64_t kv = h / d.G;
            put(head + ".q", d.Tq, d.D, q.data() + h * d.Tq * d.D);
            put(head + ".k", d.Tk, d.D, k.data() + kv * d.Tk * d.D);
            put(head + ".v", d.Tk, d.D, v.data() + kv * d.Tk * d.D);
        }
        const float scale = d.scale, causal = d.causal ? 1.0f : 0.0f;
        put("scale", 1, 1, &scale);
        put("causal", 1, 1, &causal);
    }

    const std::int64_t units = d.B * d.H, nThreads = threadsFor(units, 2 * d.B * d.H * d.Tq * d.Tk * d.D);
    const std::int64_t ldK = roundUp(d.Tk), ldD = roundUp(d.D);
    // Per-thread scratch: kᵀ (D, ldK), v (Tk, ldD), logits and probability rows (4, ldK), output
    // rows (4, ldD).
    const std::int64_t ktSize = d.D * ldK, vSize = d.Tk * ldD, rowsK = kRows * ldK, rowsD = kRows * ldD;
    std::vector<std::vector<float>> scratch(static_cast<std::size_t>(nThreads),
                                            std::vector<float>(static_cast<std::size_t>(ktSize + vSize + 2 * rowsK + rowsD)));
    const float *pq = q.data(), *pk = k.data(), *pv = v.data();
    float *po = out.data(), *pP = record ? P.data() : nullptr;
    parallelFor(units, nThreads, [&](std::int64_t first, std::int64_t last, int thread) {
        float *KT = scratch[static_cast<std::size_t>(thread)].data();
        float *Vp = KT + ktSize, *S = Vp + vSize, *pScratch = S + rowsK, *O = pScratch + rowsK;
        std::int64_t cachedKv = -1;
        for (std::int64_t u = first; u < last; ++u) {
            const std::int64_t b = u / d.H, h = u % d.H, kv = b * d.Hkv + h / d.G;
            if (kv != cachedKv) {
                transposePadded(pk + kv * d.Tk * d.D, d.Tk, d.D, ldK, KT);
                copyPadded(pv + kv * d.Tk * d.D, d.Tk, d.D, ldD, Vp);
                cachedKv = kv;
            }
            const float *pad = padMask.empty() ? nullptr : padMask.data() + b * d.Tk;
            const float slope = slopes[static_cast<std::size_t>(h)];
            float *traceRow = b == 0 ? traceRows[static_cast<std::size_t>(h)] : nullptr;
            for (std::int64_t i0 = 0; i0 < d.Tq; i0 += kRows) {
                const int R = static_cast<int>(std::min<std::int64_t>(kRows, d.Tq - i0));
                const std::int64_t n = visible(d, i0 + R - 1); // the widest row of the block
                const float *qRows[kRows], *pRows[kRows];
                for (int r = 0; r < R; ++r)
                    qRows[r] = pq + (u * d.Tq + i0 + r) * d.D;
                rowsTimesPanels(R, d.D, roundUp(n), ldK, qRows, KT, S, ldK);
                for (int r = 0; r < R; ++r) {
                    const std::int64_t i = i0 + r;
                    float *p = pP ? pP + (u * d.Tq + i) * d.Tk : pScratch + r * ldK;
                    softmaxRow(visible(d, i), d.Tk, d.scale, slope, static_cast<float>(i + d.off), pad, S + r * ldK, p);
                    pRows[r] = p;
                    if (traceRow)
                        std::copy_n(p, d.Tk, traceRow + i * d.Tk);
                }
                weightsTimesRows(R, n, ldD, pRows, Vp, O);
                for (int r = 0; r < R; ++r)
                    std::copy_n(O + r * ldD, d.D, po + (u * d.Tq + i0 + r) * d.D);
            }
        }
    });

    if (record)
        Tape::active()->push([d, q = gradTarget(q), k = gradTarget(k), v = gradTarget(v), qv = q.detach(),
                              kv = k.detach(), vv = v.detach(), P, out]() {
            if (!out.hasGrad())
                return;
            // grad() allocates on first use: do it here, before the threads share the buffers.
            attentionBackward(d, qv, kv, vv, P, out.gradOrNull(), q.defined() ? q.grad() : nullptr,
                              k.defined() ? k.grad() : nullptr, v.defined() ? v.grad() : nullptr);
        });
    return out;
}

Tensor rope(const Tensor &x, int offset, float theta)
{
    if (!x.defined() || x.dim() != 4 || x.size(3) % 2 != 0 || x.size(3) == 0)
        throw std::invalid_argument("rope: x must be (B, H, T, D) with D even, got " +
                                    (x.defined() ? shapeString(x.shape()) : std::string("undefined")));
    if (offset < 0)
        throw std::invalid_argument("rope: negative offset " + std::to_string(offset));
    const std::int64_t T = x.size(2), D = x.size(3), half = D / 2, rows = x.numel() / (T * D);
    // Angles as Hugging Face computes them in float32 (inv_freq = 1 / θ^(2i/D), angle = pos·inv_freq),
    // cos/sin rounded from double: the same table LlamaRotaryEmbedding builds. (T, D/2) each.
    std::vector<float> cosT(static_cast<std::size_t>(T * half)), sinT(cosT.size());
    for (std::int64_t i = 0; i < half; ++i) {
        const float invFreq = 1.0f / std::pow(theta, static_cast<float>(2 * i) / static_cast<float>(D));
        for (std::int64_t t = 0; t < T; ++t) {
            const float angle = static_cast<float>(offset + t) * invFreq;
            cosT[static_cast<std::size_t>(t * half + i)] = static_cast<float>(std::cos(static_cast<double>(angle)));
            sinT[static_cast<std::size_t>(t * half + i)] = static_cast<float>(std::sin(static_cast<double>(angle)));
        }
    }
    const bool record = detail::shouldRecord({&x});
    Tensor y = Tensor::zeros(x.shape(), record);
    // y = x cos + rotate_half(x) sin, rotate_half(x) = (−x2, x1):
    //   y1 = x1 cos − x2 sin,  y2 = x2 cos + x1 sin
    // inverse = rotation by −angle; sign = +1 forward, −1 backward (its transpose).
    const auto rotate = [T, D, half, rows](const float *src, float *dst, const std::vector<float> &c,
                                           const std::vector<float> &s, float sign, bool accumulate) {
        for (std::int64_t r = 0; r < rows; ++r)
            for (std::int64_t t = 0; t < T; ++t) {
                const float *__restrict a = src + (r * T + t) * D;
                float *__restrict o = dst + (r * T + t) * D;
                const float *__restrict ct = c.data() + t * half;
                const float *__restrict st = s.data() + t * half;
                if (accumulate)
                    for (std::int64_t i = 0; i < half; ++i) {
                        o[i] += a[i] * ct[i] - sign * a[i + half] * st[i];
                        o[i + half] += a[i + half] * ct[i] + sign * a[i] * st[i];
                    }
                else
                    for (std::int64_t i = 0; i < half; ++i) {
                        o[i] = a[i] * ct[i] - sign * a[i + half] * st[i];
                        o[i + half] = a[i + half] * ct[i] + sign * a[i] * st[i];
                    }
            }
    };
    rotate(x.data(), y.data(), cosT, sinT, 1.0f, false);
    if (record)
        Tape::active()->push([x, y, cosT = std::move(cosT), sinT = std::move(sinT), rotate]() {
            if (y.hasGrad()) // y = R x with R orthogonal  ->  dx += Rᵀ dy = R(−angle) dy
                rotate(y.gradOrNull(), x.grad(), cosT, sinT, -1.0f, true);
        });
    return y;
}

Tensor sinusoidalPositions(int T, int C)
{
    if (T < 0 || C < 0)
        throw std::invalid_argument("sinusoidalPositions: negative size (" + std::to_string(T) + ", " +
                                    std::to_string(C) + ")");
    Tensor pe = Tensor::zeros({T, C});
    float *p = pe.data();
    for (int c = 0; c < C; ++c) {
        // column 2i: sin(t / 10000^(2i/C)), column 2i + 1: cos of the same angle
        const double freq = std::pow(10000.0, -static_cast<double>(c / 2 * 2) / C);
        for (int t = 0; t < T; ++t)
            p[static_cast<std::size_t>(t) * C + c] = static_cast<float>(c % 2 == 0 ? std::sin(t * freq) : std::cos(t * freq));
    }
    return pe;
}

float alibiSlope(int head, int heads)
{
    if (heads < 1 || head < 0 || head >= heads)
        throw std::invalid_argument("alibiSlope: head " + std::to_string(head) + " of " + std::to_string(heads));
    // HF get_alibi_slopes: n = the largest power of two <= heads; the first n heads get
    // 2^(−8(h+1)/n); the rest take the odd terms of the sequence for 2n heads, 2^(−8(2m+1)/(2n)).
    const int n = static_cast<int>(std::bit_floor(static_cast<unsigned>(heads)));
    if (head < n)
        return static_cast<float>(std::exp2(-8.0 * (head + 1) / n));
    const int m = head - n;
    return static_cast<float>(std::exp2(-8.0 * (2 * m + 1) / (2.0 * n)));
}

} // namespace lm
