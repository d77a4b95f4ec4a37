// Chunked attention with an online softmax (models/chunkedattention.h).
//
// Legend: B = batch, H = query heads, Hkv = key/value heads, G = H / Hkv, Tq = query length,
// Tk = key length, D = head dim, c = keys per block, i = query row, j = key column,
// off = Tk − Tq (query i sits at absolute position i + off), s_ij = scale q_i·k_j + bias_ij.
//
// Forward, per (b, h), key block by key block, for every query row that sees the block:
//   m' = max(m, max_j s_ij);  p_j = e^(s_ij − m');  α = e^(m − m')
//   l = α l + Σ_j p_j;  o_i = α o_i + Σ_j p_j v_j;  m = m'
// and at the end o_i /= l, lse_i = m + ln l (a row that saw no key keeps o_i = 0, lse_i = −inf).
// Backward, per (b, kv head) and key block, over the G query heads sharing it:
//   p_ij = e^(s_ij − lse_i)                       (the forward's softmax, recomputed)
//   dv_j += Σ_i p_ij dO_i;  dp_ij = dO_i·v_j;  ds_ij = p_ij (dp_ij − δ_i) with
//   δ_i = Σ_j dp_ij p_ij = dO_i·o_i (o_i = Σ_j p_ij v_j);  dq_i += scale Σ_j ds_ij k_j;
//   dk_j += scale Σ_i ds_ij q_i.
// Keys go in the outer loop so each block is transposed once per unit; query rows go in blocks
// of 4 through the register-blocked kernels of attention.cpp (models/attentionkernels.h).
#include "models/chunkedattention.h"

#include "core/fastmath.h"
#include "core/tape.h"
#include "models/attentionkernels.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace lm {

using namespace detail;

namespace {

// The first query row that sees key j0 (causal: visible(i) > j0); rows before it see none of the
// block, and later blocks start no earlier.
std::int64_t firstRow(const Dims &d, std::int64_t j0)
{
    return d.causal ? std::clamp<std::int64_t>(j0 - d.off, 0, d.Tq) : 0;
}

// Logits of one row against one key block, in place: s[0..ni) = scale·dot + bias with the key
// columns j0..j0 + ni (ALiBi: −slope (pos − j); padMask[j] = −inf for padding keys, or null).
void logitsRow(std::int64_t ni, std::int64_t j0, float scale, float slope, float pos, const float *__restrict padMask,
               float *__restrict s)
{
    if (padMask)
        for (std::int64_t j = 0; j < ni; ++j)
            s[j] = s[j] * scale - slope * (pos - static_cast<float>(j0 + j)) + padMask[j];
    else
        for (std::int64_t j = 0; j < ni; ++j)
            s[j] = s[j] * scale - slope * (pos - static_cast<float>(j0 + j));
}

// One row's online-softmax step over a key block. s[0..n) holds the dots; the row sees the first
// ni <= n of them. Makes s[0..n) the block's unnormalised weights e^(s_j − m') (0 on masked keys
// and past ni), updates the running max m and sum l, and returns α = e^(m − m'), the factor for
// the row's running output (1 while the row has seen no key: its output is still 0).
[[gnu::noinline]] float onlineSoftmaxRow(std::int64_t n, std::int64_t ni, std::int64_t j0, float scale, float slope,
                                         float pos, const float *__restrict padMask, float *__restrict s, float &m,
                                         float &l)
{
    logitsRow(ni, j0, scale, slope, pos, padMask, s);
    float mNew = m;
    for (std::int64_t j = 0; j < ni; ++j)
        mNew = std::max(mNew, s[j]);
    if (mNew == kNegInf) {
        std::fill_n(s, n, 0.0f);
        return 1.0f;
    }
    float total = 0.0f;
    for (std::int64_t j = 0; j < ni; ++j) {
        const float e = s[j] == kNegInf ? 0.0f : expApprox(s[j] - mNew);
        s[j] = e;
        total += e;
    }
    std::fill(s + ni, s + n, 0.0f);
    const float alpha = m == kNegInf ? 0.0f : expApprox(m - mNew);
    l = l * alpha + total;
    m = mNew;
    return alpha;
}

// The forward's probabilities of one row against one key block, in place: s[0..n) holds the
// dots; p_j = e^(s_j − lse) for the ni visible keys, 0 past them and on masked keys (and on the
// whole row when lse = −inf: the row saw no key).
[[gnu::noinline]] void probabilityRow(std::int64_t n, std::int64_t ni, std::int64_t j0, float scale, float slope,
                                      float pos, const float *__restrict padMask, float lse, float *__restrict s)
{
    if (lse == kNegInf) {
        std::fill_n(s, n, 0.0f);
        return;
    }
    logitsRow(ni, j0, scale, slope, pos, padMask, s);
    for (std::int64_t j = 0; j < ni; ++j)
        s[j] = s[j] == kNegInf ? 0.0f : expApprox(s[j] - lse);
    std::fill(s + ni, s + n, 0.0f);
}

// ds_ij = p_ij (dp_ij − δ_i), times scale (s = scale q·k + bias). dp[0..n) becomes ds.
[[gnu::noinline]] void softmaxBackwardRow(std::int64_t n, float scale, float delta, const float *__restrict p,
                                          float *__restrict dp)
{
    for (std::int64_t j = 0; j < n; ++j)
        dp[j] = p[j] * (dp[j] - delta) * scale;
}

struct Problem {
    Dims d;
    std::int64_t chunk; // keys per block, 1..max(Tk, 1)
    std::vector<float> slopes;  // (H)
    std::vector<float> padMask; // (B, Tk) additive 0 / −inf, or empty
};

// out: (B, H, Tq, D) zero on entry; lse: (B, H, Tq) or null when no tape records.
void chunkedForward(const Problem &pr, const float *pq, const float *pk, const float *pv, float *po, float *lse)
{
    const Dims &d = pr.d;
    const std::int64_t c = pr.chunk, units = d.B * d.H, nThreads = threadsFor(units, 2 * d.B * d.H * d.Tq * d.Tk * d.D);
    const std::int64_t ldC = roundUp(c), ldD = roundUp(d.D);
    // Per-thread scratch: kᵀ of a block (D, ldC), v of a block (c, ldD), weight rows (4, ldC),
    // output rows (4, ldD), running max and sum (Tq) each.
    const std::int64_t ktSize = d.D * ldC, vSize = c * ldD, rowsC = kRows * ldC, rowsD = kRows * ldD;
    std::vector<std::vector<float>> scratch(static_cast<std::size_t>(nThreads),
                                            std::vector<float>(static_cast<std::size_t>(ktSize + vSize + rowsC + rowsD + 2 * d.Tq)));
    parallelFor(units, nThreads, [&](std::int64_t first, std::int64_t last, int thread) {
        float *KT = scratch[static_cast<std::size_t>(thread)].data();
        float *Vp = KT + ktSize, *S = Vp + vSize, *Ob = S + rowsC, *M = Ob + rowsD, *L = M + d.Tq;
        for (std::int64_t u = first; u < last; ++u) {
            const std::int64_t b = u / d.H, h = u % d.H, kvOff = (b * d.Hkv + h / d.G) * d.Tk * d.D;
            const float *pad = pr.padMask.empty() ? nullptr : pr.padMask.data() + b * d.Tk;
            const float slope = pr.slopes[static_cast<std::size_t>(h)];
            const float *Q = pq + u * d.Tq * d.D;
            float *O = po + u * d.Tq * d.D;
            std::fill_n(M, d.Tq, kNegInf);
            std::fill_n(L, d.Tq, 0.0f);
            for (std::int64_t j0 = 0; j0 < d.Tk && firstRow(d, j0) < d.Tq; j0 += c) {
                const std::int64_t cb = std::min(c, d.Tk - j0);
                transposePadded(pk + kvOff + j0 * d.D, cb, d.D, ldC, KT);
                copyPadded(pv + kvOff + j0 * d.D, cb, d.D, ldD, Vp);
                for (std::int64_t i0 = firstRow(d, j0); i0 < d.Tq; i0 += kRows) {
                    const int R = static_cast<int>(std::min<std::int64_t>(kRows, d.Tq - i0));
                    // keys of this block the widest row of the row block sees
                    const std::int64_t n = std::clamp<std::int64_t>(visible(d, i0 + R - 1) - j0, 0, cb);
                    const float *qRows[kRows], *wRows[kRows];
                    float alpha[kRows];
                    for (int r = 0; r < R; ++r) {
                        qRows[r] = Q + (i0 + r) * d.D;
                        wRows[r] = S + r * ldC;
                    }
                    rowsTimesPanels(R, d.D, roundUp(n), ldC, qRows, KT, S, ldC);
                    for (int r = 0; r < R; ++r) {
                        const std::int64_t i = i0 + r, ni = std::clamp<std::int64_t>(visible(d, i) - j0, 0, n);
                        alpha[r] = onlineSoftmaxRow(n, ni, j0, d.scale, slope, static_cast<float>(i + d.off),
                                                    pad ? pad + j0 : nullptr, S + r * ldC, M[i], L[i]);
                    }
                    weightsTimesRows(R, n, ldD, wRows, Vp, Ob); // Σ_j p_j v_j over the block
                    for (int r = 0; r < R; ++r) {
                        float *__restrict o = O + (i0 + r) * d.D;
                        const float *__restrict add = Ob + r * ldD;
                        for (std::int64_t x = 0; x < d.D; ++x)
                            o[x] = alpha[r] * o[x] + add[x];
                    }
                }
            }
            for (std::int64_t i = 0; i < d.Tq; ++i) {
                if (L[i] > 0.0f) {
                    const float inv = 1.0f / L[i];
                    for (std::int64_t x = 0; x < d.D; ++x)
                        O[i * d.D + x] *= inv;
                }
                if (lse)
                    lse[u * d.Tq + i] = L[i] > 0.0f ? M[i] + std::log(L[i]) : kNegInf;
            }
        }
    });
}

// dOut, out: (B, H, Tq, D); lse: (B, H, Tq). dq: (B, H, Tq, D), dk, dv: (B, Hkv, Tk, D) or null
// for inputs that need no gradient; accumulated with +=.
void chunkedBackward(const Problem &pr, const float *pq, const float *pk, const float *pv, const float *out,
                     const float *lse, const float *dOut, float *dq, float *dk, float *dv)
{
    const Dims &d = pr.d;
    const std::int64_t c = pr.chunk, units = d.B * d.Hkv,
                       nThreads = threadsFor(units, 4 * d.B * d.H * d.Tq * d.Tk * d.D);
    const std::int64_t ldC = roundUp(c), ldD = roundUp(d.D);
    // Per-thread scratch: kᵀ and vᵀ of a block (D, ldC) each; k, dk and dv of a block (c, ldD)
    // each; probability and dp/ds rows (4, ldC) each; dO, q and dq rows (4, ldD) each; δ of the
    // unit's query rows (G, Tq).
    const std::int64_t tSize = d.D * ldC, bSize = c * ldD, rowsC = kRows * ldC, rowsD = kRows * ldD;
    std::vector<std::vector<float>> scratch(
        static_cast<std::size_t>(nThreads),
        std::vector<float>(static_cast<std::size_t>(2 * tSize + 3 * bSize + 2 * rowsC + 3 * rowsD + d.G * d.Tq)));
    parallelFor(units, nThreads, [&](std::int64_t first, std::int64_t last, int thread) {
        float *KT = scratch[static_cast<std::size_t>(thread)].data();
        float *VT = KT + tSize, *Kp = VT + tSize, *dKb = Kp + bSize, *dVb = dKb + bSize;
        float *P = dVb + bSize, *dS = P + rowsC, *dOp = dS + rowsC, *qp = dOp + rowsD, *dQb = qp + rowsD;
        float *delta = dQb + rowsD;
        for (std::int64_t u = first; u < last; ++u) {
            const std::int64_t b = u / d.Hkv, g = u % d.Hkv, kvOff = (b * d.Hkv + g) * d.Tk * d.D;
            const std::int64_t h0 = g * d.G; // the unit's query heads: h0 .. h0 + G
            const float *pad = pr.padMask.empty() ? nullptr : pr.padMask.data() + b * d.Tk;
            // δ_i = dO_i·o_i for the G heads' rows, (G, Tq)
            for (std::int64_t row = 0; row < d.G * d.Tq; ++row) {
                const std::int64_t at = ((b * d.H + h0) * d.Tq + row) * d.D;
                float s = 0.0f;
                for (std::int64_t x = 0; x < d.D; ++x)
                    s += dOut[at + x] * out[at + x];
                delta[row] = s;
            }
            for (std::int64_t j0 = 0; j0 < d.Tk && firstRow(d, j0) < d.Tq; j0 += c) {
                const std::int64_t cb = std::min(c, d.Tk - j0);
                transposePadded(pk + kvOff + j0 * d.D, cb, d.D, ldC, KT);
                transposePadded(pv + kvOff + j0 * d.D, cb, d.D, ldC, VT);
                copyPadded(pk + kvOff + j0 * d.D, cb, d.D, ldD, Kp);
                std::fill_n(dKb, 2 * bSize, 0.0f); // dKb and dVb
                for (std::int64_t h = h0; h < h0 + d.G; ++h) { // fixed order: sums are reproducible
                    const std::int64_t hq = b * d.H + h, qOff = hq * d.Tq * d.D;
                    const float slope = pr.slopes[static_cast<std::size_t>(h)];
                    for (std::int64_t i0 = firstRow(d, j0); i0 < d.Tq; i0 += kRows) {
                        const int R = static_cast<int>(std::min<std::int64_t>(kRows, d.Tq - i0));
                        const std::int64_t n = std::clamp<std::int64_t>(visible(d, i0 + R - 1) - j0, 0, cb);
                        const float *qRows[kRows], *dORows[kRows], *pRows[kRows], *dsRows[kRows];
                        for (int r = 0; r < R; ++r) {
                            qRows[r] = pq + qOff + (i0 + r) * d.D;
                            dORows[r] = dOut + qOff + (i0 + r) * d.D;
                            pRows[r] = P + r * ldC;
                            dsRows[r] = dS + r * ldC;
                        }
                        // the forward's p_ij, recomputed from s_ij and lse_i
                        rowsTimesPanels(R, d.D, roundUp(n), ldC, qRows, KT, P, ldC);
                        for (int r = 0; r < R; ++r) {
                            const std::int64_t i = i0 + r, ni = std::clamp<std::int64_t>(visible(d, i) - j0, 0, n);
                            probabilityRow(n, ni, j0, d.scale, slope, static_cast<float>(i + d.off),
                                           pad ? pad + j0 : nullptr, lse[hq * d.Tq + i], P + r * ldC);
                        }
                        copyPadded(dOut + qOff + i0 * d.D, R, d.D, ldD, dOp);
                        if (dv) // o_i = Σ_j p_ij v_j  ->  dv_j += Σ_i p_ij dO_i
                            accumulateOuter(R, n, ldD, pRows, dOp, dVb);
                        if (!dq && !dk)
                            continue;
                        // dp_ij = dO_i · v_j
                        rowsTimesPanels(R, d.D, roundUp(n), ldC, dORows, VT, dS, ldC);
                        for (int r = 0; r < R; ++r)
                            softmaxBackwardRow(n, d.scale, delta[(h - h0) * d.Tq + i0 + r], P + r * ldC, dS + r * ldC);
                        // s_ij = scale q_i·k_j  ->  dq_i += Σ_j ds_ij k_j,  dk_j += Σ_i ds_ij q_i
                        if (dq) {
                            weightsTimesRows(R, n, ldD, dsRows, Kp, dQb);
                            addRows(R, d.D, ldD, dQb, dq + qOff + i0 * d.D);
                        }
                        if (dk) {
                            copyPadded(pq + qOff + i0 * d.D, R, d.D, ldD, qp);
                            accumulateOuter(R, n, ldD, dsRows, qp, dKb);
                        }
                    }
                }
                for (std::int64_t j = 0; j < cb; ++j)
                    for (std::int64_t x = 0; x < d.D; ++x) {
                        if (dk)
                            dk[kvOff + (j0 + j) * d.D + x] += dKb[j * ldD + x];
                        if (dv)
                            dv[kvOff + (j0 + j) * d.D + x] += dVb[j * ldD + x];
                    }
            }
        }
    });
}

} // namespace

Tensor chunkedAttention(const Tensor &q, const Tensor &k, const Tensor &v, const AttentionOptions &options, int chunk)
{
    checkShapes("chunkedAttention", q, k, v, options);
    if (chunk < 1)
        throw std::invalid_argument("chunkedAttention: chunk must be at least 1, got " + std::to_string(chunk));
    Problem pr{makeDims(q, k, options), 0, {}, paddingMask(options)};
    pr.chunk = std::max<std::int64_t>(1, std::min<std::int64_t>(chunk, pr.d.Tk));
    pr.slopes = headSlopes(pr.d);
    const Dims d = pr.d;

    const bool record = detail::shouldRecord({&q, &k, &v});
    Tensor out = Tensor::zeros({d.B, d.H, d.Tq, d.D}, record);
    // lse: (B, H, Tq), the per-row log-sum-exp backward recomputes the probabilities from.
    Tensor lse = record ? Tensor::zeros({d.B, d.H, d.Tq}) : Tensor();
    chunkedForward(pr, q.data(), k.data(), v.data(), out.data(), record ? lse.data() : nullptr);

    if (record)
        Tape::active()->push([pr = std::move(pr), q = gradTarget(q), k = gradTarget(k), v = gradTarget(v),
                              qv = q.detach(), kv = k.detach(), vv = v.detach(), out, lse]() {
            if (!out.hasGrad())
                return;
            // grad() allocates on first use: do it here, before the threads share the buffers.
            chunkedBackward(pr, qv.data(), kv.data(), vv.data(), out.data(), lse.data(), out.gradOrNull(),
                            q.defined() ? q.grad() : nullptr, k.defined() ? k.grad() : nullptr,
                            v.defined() ? v.grad() : nullptr);
        });
    return out;
}

} // namespace lm
