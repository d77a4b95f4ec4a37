#pragma once
// Internal to engine/models: the pieces attention.cpp and chunkedattention.cpp share: shape
// checks, the problem's dimensions, the thread split and the register-blocked kernels. Not a
// public API: the functions assume the shapes checkShapes() accepted.
//
// Legend: B = batch, H = query heads, Hkv = key/value heads, G = H / Hkv, Tq = query length,
// Tk = key length, D = head dim, off = Tk − Tq (query i sits at absolute position i + off).
#include "models/attention.h"

#include "core/parallel.h"
#include "core/threads.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace lm::detail {

inline constexpr float kNegInf = -std::numeric_limits<float>::infinity();

struct Dims {
    std::int64_t B, H, Hkv, G, Tq, Tk, D, off;
    float scale;
    bool causal, alibi;
};

// Threads for `units` independent units of `flops` multiply-adds in all: lm::threadCount(), at
// most one per unit, and one when the whole call is too small to repay starting threads (~50 µs
// of kernel work). Decoding one token against a long KV cache stays below it: there a thread
// per call cost more than it saved, more so while OpenBLAS's idle workers still spin.
inline std::int64_t threadsFor(std::int64_t units, std::int64_t flops)
{
    if (flops < (std::int64_t(1) << 20))
        return 1;
    return std::max<std::int64_t>(1, std::min<std::int64_t>(threadCount(), units));
}

// Keys a query row may see: j < visible(i) (the causal limit; Tk without a causal mask).
inline std::int64_t visible(const Dims &d, std::int64_t i)
{
    return d.causal ? std::clamp<std::int64_t>(i + d.off + 1, 0, d.Tk) : d.Tk;
}

// Register-blocked micro-kernels over blocks of R <= 4 query rows and 16-float column panels
// (one AVX-512 register; GCC splits the vector type on narrower machines). Panelled operands
// live in per-thread scratch with leading dimensions rounded up to 16 and zero padding, so the
// panels need no tail code.
inline constexpr std::int64_t kPanel = 16;
inline constexpr int kRows = 4;
typedef float Panel __attribute__((vector_size(kPanel * sizeof(float))));

inline std::int64_t roundUp(std::int64_t n) { return (n + kPanel - 1) / kPanel * kPanel; }

// dst (R, D) contiguous += src (R, D) with leading dimension ld: a block of query-row gradients
// from scratch into dq.
inline void addRows(int R, std::int64_t D, std::int64_t ld, const float *__restrict src, float *__restrict dst)
{
    for (int r = 0; r < R; ++r)
        for (std::int64_t c = 0; c < D; ++c)
            dst[r * D + c] += src[r * ld + c];
}
inline Panel loadPanel(const float *p)
{
    Panel v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline void storePanel(float *p, const Panel &v) { std::memcpy(p, &v, sizeof v); }

// src: (rows, cols) -> dst: (cols, ld) with zeros in columns rows..ld
inline void transposePadded(const float *__restrict src, std::int64_t rows, std::int64_t cols, std::int64_t ld,
                     float *__restrict dst)
{
    std::fill_n(dst, cols * ld, 0.0f);
    for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t c = 0; c < cols; ++c)
            dst[c * ld + r] = src[r * cols + c];
}

// src: (rows, cols) -> dst: (rows, ld) with zeros in columns cols..ld
inline void copyPadded(const float *__restrict src, std::int64_t rows, std::int64_t cols, std::int64_t ld,
                float *__restrict dst)
{
    for (std::int64_t r = 0; r < rows; ++r) {
        std::copy_n(src + r * cols, cols, dst + r * ld);
        std::fill(dst + r * ld + cols, dst + (r + 1) * ld, 0.0f);
    }
}

// s_r[0..nPad) = Σ_{d<D} a_r[d] T[d, 0..nPad)       T: (D, ldT), s_r = s + r·ldS
// (S = A Bᵀ with Bᵀ stored transposed: the q·k and dO·v dot products.)
template <int R>
[[gnu::noinline]] void rowsTimesPanels(std::int64_t D, std::int64_t nPad, std::int64_t ldT, const float *const *a,
                                       const float *__restrict T, float *__restrict s, std::int64_t ldS)
{
    for (std::int64_t j0 = 0; j0 < nPad; j0 += kPanel) {
        Panel acc[R] = {};
        for (std::int64_t d = 0; d < D; ++d) {
            const Panel t = loadPanel(T + d * ldT + j0);
            for (int r = 0; r < R; ++r)
                acc[r] += a[r][d] * t;
        }
        for (int r = 0; r < R; ++r)
            storePanel(s + r * ldS + j0, acc[r]);
    }
}

// o_r[0..ldM) = Σ_{j<n} w_r[j] M[j, 0..ldM)        M: (·, ldM), o_r = o + r·ldM
// (O = P V and dq = dS k.)
template <int R>
[[gnu::noinline]] void weightsTimesRows(std::int64_t n, std::int64_t ldM, const float *const *w,
                                        const float *__restrict M, float *__restrict o)
{
    for (std::int64_t d0 = 0; d0 < ldM; d0 += kPanel) {
        Panel acc[R] = {};
        for (std::int64_t j = 0; j < n; ++j) {
            const Panel m = loadPanel(M + j * ldM + d0);
            for (int r = 0; r < R; ++r)
                acc[r] += w[r][j] * m;
        }
        for (int r = 0; r < R; ++r)
            storePanel(o + r * ldM + d0, acc[r]);
    }
}

// M[j, 0..ldM) += Σ_r w_r[j] x_r[0..ldM) for j < n     x_r = x + r·ldM
// (dv += Pᵀ dO and dk += dSᵀ q.)
template <int R>
[[gnu::noinline]] void accumulateOuter(std::int64_t n, std::int64_t ldM, const float *const *w,
                                       const float *__restrict x, float *__restrict M)
{
    for (std::int64_t d0 = 0; d0 < ldM; d0 += kPanel) {
        Panel xs[R];
        for (int r = 0; r < R; ++r)
            xs[r] = loadPanel(x + r * ldM + d0);
        for (std::int64_t j = 0; j < n; ++j) {
            Panel m = loadPanel(M + j * ldM + d0);
            for (int r = 0; r < R; ++r)
                m += w[r][j] * xs[r];
            storePanel(M + j * ldM + d0, m);
        }
    }
}

// The kernels for a block of `rows` (1..4) rows.
inline void rowsTimesPanels(int rows, std::int64_t D, std::int64_t nPad, std::int64_t ldT, const float *const *a,
                     const float *T, float *s, std::int64_t ldS)
{
    switch (rows) {
    case 1: rowsTimesPanels<1>(D, nPad, ldT, a, T, s, ldS); break;
    case 2: rowsTimesPanels<2>(D, nPad, ldT, a, T, s, ldS); break;
    case 3: rowsTimesPanels<3>(D, nPad, ldT, a, T, s, ldS); break;
    default: rowsTimesPanels<4>(D, nPad, ldT, a, T, s, ldS); break;
    }
}
inline void weightsTimesRows(int rows, std::int64_t n, std::int64_t ldM, const float *const *w, const float *M, float *o)
{
    switch (rows) {
    case 1: weightsTimesRows<1>(n, ldM, w, M, o); break;
    case 2: weightsTimesRows<2>(n, ldM, w, M, o); break;
    case 3: weightsTimesRows<3>(n, ldM, w, M, o); break;
    default: weightsTimesRows<4>(n, ldM, w, M, o); break;
    }
}
inline void accumulateOuter(int rows, std::int64_t n, std::int64_t ldM, const float *const *w, const float *x, float *M)
{
    switch (rows) {
    case 1: accumulateOuter<1>(n, ldM, w, x, M); break;
    case 2: accumulateOuter<2>(n, ldM, w, x, M); break;
    case 3: accumulateOuter<3>(n, ldM, w, x, M); break;
    default: accumulateOuter<4>(n, ldM, w, x, M); break;
    }
}

inline void checkShapes(const char *who, const Tensor &q, const Tensor &k, const Tensor &v,
                        const AttentionOptions &o)
{
    const auto bad = [&](const std::string &what) {
        throw std::invalid_argument(std::string(who) + ": " + what + "; q " + shapeString(q.shape()) + ", k " +
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
inline Tensor gradTarget(const Tensor &t) { return t.requiresGrad() ? t : Tensor(); }

// The dimensions of a call whose shapes checkShapes() accepted.
inline Dims makeDims(const Tensor &q, const Tensor &k, const AttentionOptions &options)
{
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
    return d;
}

// The ALiBi slope of each query head, or H zeros without ALiBi. (H)
inline std::vector<float> headSlopes(const Dims &d)
{
    std::vector<float> slopes(static_cast<std::size_t>(d.H), 0.0f);
    if (d.alibi)
        for (std::int64_t h = 0; h < d.H; ++h)
            slopes[static_cast<std::size_t>(h)] = alibiSlope(static_cast<int>(h), static_cast<int>(d.H));
    return slopes;
}

// Padding as an additive row per batch entry: 0 or −inf. (B, Tk), or empty without padding.
inline std::vector<float> paddingMask(const AttentionOptions &options)
{
    std::vector<float> padMask;
    if (options.keyPadding) {
        padMask.resize(options.keyPadding->size());
        for (std::size_t i = 0; i < padMask.size(); ++i)
            padMask[i] = (*options.keyPadding)[i] ? kNegInf : 0.0f;
    }
    return padMask;
}

} // namespace lm::detail
