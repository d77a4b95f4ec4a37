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
// Every loop runs over D or over Tk with a contiguous inner dimension (keys are transposed into
// per-thread scratch for the q·k dot products), so GCC vectorises them; no BLAS in the hot loop:
// the products are too small for it and OpenBLAS would start threads of its own.
// Work is split into contiguous blocks of independent units, one block per thread; each unit is
// computed by exactly one thread with the same arithmetic, so results do not depend on the count.
#include "models/attention.h"

#include "core/tape.h"
#include "core/threads.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <thread>

namespace lm {
namespace {

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

// e^x with Cephes' expf polynomial (as in recurrent.cpp): within 2 ulp of std::exp on [−87, 88],
// branch-free so the softmax loop vectorises. x <= 0 here.
inline float expApprox(float x)
{
    x = std::min(std::max(x, -87.0f), 88.0f);
    const float shifter = 12582912.0f; // 1.5·2^23: adding it rounds to an integer
    const float n = (x * 1.44269504088896341f + shifter) - shifter;
    const float r = (x - n * 0.693359375f) + n * 2.12194440e-4f; // x − n ln2 in two parts
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    const auto bits = static_cast<std::int32_t>(static_cast<std::int32_t>(n) + 127) << 23;
    return p * std::bit_cast<float>(bits);
}

struct Dims {
    std::int64_t B, H, Hkv, G, Tq, Tk, D, off;
    float scale;
    bool causal, alibi;
};

// Threads for `units` independent units of `flops` multiply-adds in all: lm::threadCount(), at
// most one per unit, and one when the whole call is too small to repay starting threads (~50 µs).
std::int64_t threadsFor(std::int64_t units, std::int64_t flops)
{
    if (flops < (std::int64_t(1) << 17))
        return 1;
    return std::max<std::int64_t>(1, std::min<std::int64_t>(threadCount(), units));
}

// Runs work(first, last, threadIndex) over [0, units) split into n contiguous blocks.
template <class F>
void parallelFor(std::int64_t units, std::int64_t n, F &&work)
{
    if (n == 1) {
        work(std::int64_t(0), units, 0);
        return;
    }
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(n - 1));
    for (std::int64_t t = 1; t < n; ++t)
        pool.emplace_back([&work, t, n, units] { work(t * units / n, (t + 1) * units / n, static_cast<int>(t)); });
    work(0, units / n, 0);
    for (std::thread &th : pool)
        th.join();
}

// Keys a query row may see: j < visible(i) (the causal limit; Tk without a causal mask).
inline std::int64_t visible(const Dims &d, std::int64_t i)
{
    return d.causal ? std::clamp<std::int64_t>(i + d.off + 1, 0, d.Tk) : d.Tk;
}

// src: (R, C) -> dst: (C, R)
void transposeInto(const float *__restrict src, std::int64_t R, std::int64_t C, float *__restrict dst)
{
    for (std::int64_t r = 0; r < R; ++r)
        for (std::int64_t c = 0; c < C; ++c)
            dst[c * R + r] = src[r * C + c];
}

// y[0..n) += a x[0..n)
[[gnu::always_inline]] inline void axpy(std::int64_t n, float a, const float *__restrict x, float *__restrict y)
{
    for (std::int64_t k = 0; k < n; ++k)
        y[k] += a * x[k];
}

// s[0..n) = Σ_d a[d] KT[d, 0..n)   (KT: (D, ld) row-major): n dot products in axpy form.
[[gnu::noinline]] void rowTimesTransposed(std::int64_t D, std::int64_t n, std::int64_t ld, const float *__restrict a,
                                          const float *__restrict KT, float *__restrict s)
{
    std::fill_n(s, n, 0.0f);
    for (std::int64_t d = 0; d < D; ++d) {
        const float ad = a[d];
        const float *__restrict kt = KT + d * ld;
        for (std::int64_t j = 0; j < n; ++j)
            s[j] += ad * kt[j];
    }
}

// One softmax row in place over s[0..n): s = scale·dot + bias, −inf where masked (padMask[j]
// = −inf for padding keys, or null). Writes p[0..Tk) (zeros past n and on masked keys). Returns
// false when every key is masked (then p = 0).
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

// o[0..D) = Σ_{j<n} p_j v_j   (v: (Tk, D))
[[gnu::noinline]] void weightedRows(std::int64_t n, std::int64_t D, const float *__restrict p, const float *__restrict v,
                                    float *__restrict o)
{
    std::fill_n(o, D, 0.0f);
    for (std::int64_t j = 0; j < n; ++j)
        if (p[j] != 0.0f)
            axpy(D, p[j], v + j * D, o);
}

// One query row of the backward pass; see the file comment for the formulas.
// dp: scratch [0..n).  dq, dk, dv may be null (that input needs no gradient).
[[gnu::noinline]] void backwardRow(std::int64_t n, std::int64_t D, float scale, const float *__restrict p,
                                   const float *__restrict dO, const float *__restrict q, const float *__restrict k,
                                   const float *__restrict VT, std::int64_t ldVT, float *__restrict dp,
                                   float *__restrict dq, float *__restrict dk, float *__restrict dv)
{
    if (dv) // o_i = Σ_j p_ij v_j  ->  dv_j += p_ij dO_i
        for (std::int64_t j = 0; j < n; ++j)
            if (p[j] != 0.0f)
                axpy(D, p[j], dO, dv + j * D);
    if (!dq && !dk)
        return;
    // dp_ij = dO_i · v_j
    rowTimesTransposed(D, n, ldVT, dO, VT, dp);
    // p = softmax(s)  ->  ds_j = p_j (dp_j − Σ_l dp_l p_l); s = scale q·k + bias folds scale in.
    float c = 0.0f;
    for (std::int64_t j = 0; j < n; ++j)
        c += dp[j] * p[j];
    for (std::int64_t j = 0; j < n; ++j)
        dp[j] = p[j] * (dp[j] - c) * scale;
    for (std::int64_t j = 0; j < n; ++j) {
        const float ds = dp[j];
        if (ds == 0.0f)
            continue;
        if (dq) // s_ij = scale q_i·k_j  ->  dq_i += ds_ij k_j,  dk_j += ds_ij q_i
            axpy(D, ds, k + j * D, dq);
        if (dk)
            axpy(D, ds, q, dk + j * D);
    }
}

void checkShapes(const Tensor &q, const Tensor &k, const Tensor &v, const AttentionOptions &o)
{
    const auto bad = [&](const std::string &what) {
        throw std::invalid_argument("attention: " + what + "; q " + shapeString(q.shape()) + ", k " +
                                    shapeString(k.shape()) + ", v " + shapeString(v.shape()));
    };
    if (!q.defined() || !k.defined() || !v.defined())
        bad("undefined input");
    if (q.dim() != 4 || k.dim() != 4 || v.dim() != 4)
        bad("q must be (B, H, Tq, D), k and v (B, Hkv, Tk, D)");
    if (k.shape() != v.shape())
        bad("k and v differ");
    if (k.size(0) != q.size(0) || k.size(3) != q.size(3))
        bad("batch or head dim differ");
    if (k.size(1) < 1 || q.size(1) % k.size(1) != 0)
        bad("H must be a multiple of Hkv");
    if (q.size(3) < 1)
        bad("head dim must be positive");
    if (o.keyPadding && static_cast<std::int64_t>(o.keyPadding->size()) != k.size(0) * k.size(2))
        bad("keyPadding has " + std::to_string(o.keyPadding->size()) + " entries, want B·Tk = " +
            std::to_string(k.size(0) * k.size(2)));
}

// Tensors that need a gradient, else undefined (the backward skips them).
Tensor gradTarget(const Tensor &t) { return t.requiresGrad() ? t : Tensor(); }

void attentionBackward(const Dims &d, const Tensor &q, const Tensor &k, const Tensor &v, const Tensor &P,
                       const float *dOut, float *dq, float *dk, float *dv)
{
    const std::int64_t units = d.B * d.Hkv, nThreads = threadsFor(units, 3 * d.B * d.H * d.Tq * d.Tk * d.D);
    // Per-thread scratch: vᵀ of the unit's KV head (D, Tk) and one dp row (Tk).
    std::vector<std::vector<float>> scratch(static_cast<std::size_t>(nThreads),
                                            std::vector<float>(static_cast<std::size_t>(d.D * d.Tk + d.Tk)));
    const float *pq = q.data(), *pk = k.data(), *pv = v.data(), *pp = P.data();
    parallelFor(units, nThreads, [&](std::int64_t first, std::int64_t last, int thread) {
        float *VT = scratch[static_cast<std::size_t>(thread)].data();
        float *dp = VT + d.D * d.Tk;
        for (std::int64_t u = first; u < last; ++u) {
            const std::int64_t b = u / d.Hkv, g = u % d.Hkv;
            const std::int64_t kvOff = (b * d.Hkv + g) * d.Tk * d.D;
            transposeInto(pv + kvOff, d.Tk, d.D, VT);
            for (std::int64_t h = g * d.G; h < (g + 1) * d.G; ++h) { // fixed order: sums are reproducible
                const std::int64_t qOff = (b * d.H + h) * d.Tq * d.D;
                const float *Ph = pp + (b * d.H + h) * d.Tq * d.Tk;
                for (std::int64_t i = 0; i < d.Tq; ++i) {
                    const std::int64_t n = visible(d, i);
                    backwardRow(n, d.D, d.scale, Ph + i * d.Tk, dOut + qOff + i * d.D, pq + qOff + i * d.D, pk + kvOff,
                                VT, d.Tk, dp, dq ? dq + qOff + i * d.D : nullptr, dk ? dk + kvOff : nullptr,
                                dv ? dv + kvOff : nullptr);
                }
            }
        }
    });
}

} // namespace

Tensor attention(const Tensor &q, const Tensor &k, const Tensor &v, const AttentionOptions &options)
{
    checkShapes(q, k, v, options);
    Dims d{};
    d.B = q.size(0);
    d.H = q.size(1);
    d.Hkv = k.size(1);
    d.G = d.H / d.Hkv;
    d.Tq = q.size(2);
    d.Tk = k.size(2);
    d.D = q.size(3);
    d.off = d.Tk - d.Tq;
    d.scale = options.scale != 0.0f ? options.scale : 1.0f / std::sqrt(static_cast<float>(d.D));
    d.causal = options.causal;
    d.alibi = options.alibi;

    const bool record = detail::shouldRecord({&q, &k, &v});
    Tensor out = Tensor::zeros({d.B, d.H, d.Tq, d.D}, record);
    // P: (B, H, Tq, Tk), kept only for backward; without a tape each thread uses one row of scratch.
    Tensor P = record ? Tensor::zeros({d.B, d.H, d.Tq, d.Tk}) : Tensor();
    std::vector<float> slopes(static_cast<std::size_t>(d.H), 0.0f);
    if (d.alibi)
        for (std::int64_t h = 0; h < d.H; ++h)
            slopes[static_cast<std::size_t>(h)] = alibiSlope(static_cast<int>(h), static_cast<int>(d.H));
    // Padding as an additive row per batch entry: 0 or −inf. (B, Tk)
    std::vector<float> padMask;
    if (options.keyPadding) {
        padMask.resize(options.keyPadding->size());
        for (std::size_t i = 0; i < padMask.size(); ++i)
            padMask[i] = (*options.keyPadding)[i] ? kNegInf : 0.0f;
    }
    // Trace rows for batch row 0, written by whichever thread computes (0, h).
    std::vector<float *> traceRows(static_cast<std::size_t>(d.H), nullptr);
    if (options.trace && d.B > 0)
        for (std::int64_t h = 0; h < d.H; ++h) {
            TraceMatrix &m = options.trace->matrices[options.tracePrefix + "head" + std::to_string(h) + ".attention"];
            m = TraceMatrix{static_cast<int>(d.Tq), static_cast<int>(d.Tk),
                            std::vector<float>(static_cast<std::size_t>(d.Tq * d.Tk))};
            traceRows[static_cast<std::size_t>(h)] = m.values.data();
        }

    const std::int64_t units = d.B * d.H, nThreads = threadsFor(units, 2 * d.B * d.H * d.Tq * d.Tk * d.D);
    // Per-thread scratch: kᵀ (D, Tk), a logits row (Tk), a probability row (Tk).
    std::vector<std::vector<float>> scratch(static_cast<std::size_t>(nThreads),
                                            std::vector<float>(static_cast<std::size_t>(d.D * d.Tk + 2 * d.Tk)));
    const float *pq = q.data(), *pk = k.data(), *pv = v.data();
    float *po = out.data(), *pP = record ? P.data() : nullptr;
    parallelFor(units, nThreads, [&](std::int64_t first, std::int64_t last, int thread) {
        float *KT = scratch[static_cast<std::size_t>(thread)].data();
        float *s = KT + d.D * d.Tk, *pRow = s + d.Tk;
        std::int64_t cachedKv = -1;
        for (std::int64_t u = first; u < last; ++u) {
            const std::int64_t b = u / d.H, h = u % d.H, kv = b * d.Hkv + h / d.G;
            const float *kh = pk + kv * d.Tk * d.D, *vh = pv + kv * d.Tk * d.D;
            if (kv != cachedKv) {
                transposeInto(kh, d.Tk, d.D, KT);
                cachedKv = kv;
            }
            const float *pad = padMask.empty() ? nullptr : padMask.data() + b * d.Tk;
            const float slope = slopes[static_cast<std::size_t>(h)];
            for (std::int64_t i = 0; i < d.Tq; ++i) {
                const std::int64_t n = visible(d, i);
                float *p = pP ? pP + (u * d.Tq + i) * d.Tk : pRow;
                const float *qi = pq + (u * d.Tq + i) * d.D;
                rowTimesTransposed(d.D, n, d.Tk, qi, KT, s);
                softmaxRow(n, d.Tk, d.scale, slope, static_cast<float>(i + d.off), pad, s, p);
                weightedRows(n, d.D, p, vh, po + (u * d.Tq + i) * d.D);
                if (b == 0 && traceRows[static_cast<std::size_t>(h)])
                    std::copy_n(p, d.Tk, traceRows[static_cast<std::size_t>(h)] + i * d.Tk);
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
