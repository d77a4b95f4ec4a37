#include "core/ops.h"

#include "core/gemm.h"
#include "core/parallel.h"

#include "core/tape.h"
#include "core/uninitialized.h"

#include <algorithm>
#include <stdexcept>

namespace lm {
namespace {

int normDim(int d, int rank, const char *op)
{
    const int i = d < 0 ? d + rank : d;
    if (i < 0 || i >= rank)
        throw std::invalid_argument(std::string(op) + ": dimension " + std::to_string(d) + " out of range for rank " +
                                    std::to_string(rank));
    return i;
}

// Output tensor that requires a gradient exactly when the op records. Not zero-filled: every op
// using it writes all of its elements (sum over a dimension, which accumulates, uses zeros).
Tensor makeOutput(const Shape &shape, bool record) { return detail::uninitialized(shape, record); }

// Strides (in elements) of `in` seen through the broadcast output shape `out`: 0 on broadcast dims.
std::vector<std::int64_t> broadcastStrides(const Shape &in, const Shape &out)
{
    std::vector<std::int64_t> strides(out.size(), 0);
    std::int64_t stride = 1;
    const std::size_t offset = out.size() - in.size();
    for (std::size_t i = in.size(); i-- > 0;) {
        strides[offset + i] = in[i] == 1 ? 0 : stride;
        stride *= in[i];
    }
    return strides;
}

// Calls f(outIndex, aOffset, bOffset) for every element of the broadcast output, walking the
// output in order with an odometer over the leading dimensions and a tight loop over the last.
template <class F>
void forEachBroadcast(const Shape &out, const Shape &aShape, const Shape &bShape, F &&f)
{
    const std::int64_t total = shapeNumel(out);
    if (total == 0)
        return;
    if (out.empty()) {
        f(0, 0, 0);
        return;
    }
    const auto sa = broadcastStrides(aShape, out);
    const auto sb = broadcastStrides(bShape, out);
    const std::size_t rank = out.size();
    const std::int64_t inner = out.back();
    const std::int64_t ia = sa.back(), ib = sb.back();
    std::vector<std::int64_t> counter(rank - 1, 0);
    std::int64_t offA = 0, offB = 0;
    for (std::int64_t base = 0; base < total; base += inner) {
        for (std::int64_t j = 0; j < inner; ++j)
            f(base + j, offA + j * ia, offB + j * ib);
        for (std::size_t d = rank - 1; d-- > 0;) {
            offA += sa[d];
            offB += sb[d];
            if (++counter[d] < out[d])
                break;
            offA -= sa[d] * out[d];
            offB -= sb[d] * out[d];
            counter[d] = 0;
        }
    }
}

enum class BinOp { Add, Sub, Mul };

// True when b repeats whole over a's leading dimensions: b's shape is a trailing suffix of a's
// (a bias (C) over (…, C), positions (T, C) over (B, T, C)). binary() then walks plain row loops
// instead of the per-element odometer: the hot case of every transformer block.
bool repeatsOver(const Shape &a, const Shape &b)
{
    if (b.empty() || b.size() > a.size())
        return false;
    return std::equal(b.begin(), b.end(), a.end() - static_cast<std::ptrdiff_t>(b.size()));
}

Tensor binary(const Tensor &a, const Tensor &b, BinOp op)
{
    const Shape out = broadcastShape(a.shape(), b.shape());
    const bool record = detail::shouldRecord({&a, &b});
    Tensor y = makeOutput(out, record);
    float *py = y.data();
    const float *pa = a.data(), *pb = b.data();
    // Same shapes, or b repeated over a's leading dims (bias, positions): tight vectorisable
    // loops; the same arithmetic per element as the general path.
    const bool rowRepeat = a.shape() == out && repeatsOver(a.shape(), b.shape());
    if (a.shape() == b.shape() || rowRepeat) {
        // Rows of b's length (one row when the shapes are equal), in blocks on the pool: an
        // element-wise op on (N, C) activations is memory-bound and splits cleanly.
        const bool same = a.shape() == b.shape();
        const std::int64_t n = y.numel(), inner = same ? n : b.numel();
        const auto run = [=](std::int64_t first, std::int64_t last) { // elements [first, last)
            for (std::int64_t i = first; i < last;) {
                const std::int64_t j0 = i % inner, stop = std::min(last, i - j0 + inner);
                float *yr = py + i;
                const float *ar = pa + i, *br = pb + (same ? i : j0);
                const std::int64_t len = stop - i;
                switch (op) {
                case BinOp::Add: for (std::int64_t j = 0; j < len; ++j) yr[j] = ar[j] + br[j]; break;
                case BinOp::Sub: for (std::int64_t j = 0; j < len; ++j) yr[j] = ar[j] - br[j]; break;
                case BinOp::Mul: for (std::int64_t j = 0; j < len; ++j) yr[j] = ar[j] * br[j]; break;
                }
                i = stop;
            }
        };
        parallelFor(n, blocksFor(n, n), [&](std::int64_t first, std::int64_t last, int) { run(first, last); });
    } else {
        forEachBroadcast(out, a.shape(), b.shape(), [&](std::int64_t i, std::int64_t ia, std::int64_t ib) {
            switch (op) {
            case BinOp::Add: py[i] = pa[ia] + pb[ib]; break;
            case BinOp::Sub: py[i] = pa[ia] - pb[ib]; break;
            case BinOp::Mul: py[i] = pa[ia] * pb[ib]; break;
            }
        });
    }
    if (record) {
        Tape::active()->push([a, b, y, op, rowRepeat]() mutable {
            if (!y.hasGrad())
                return;
            const float *g = y.gradOrNull();
            // y = a + b: da += g, db += g;  y = a - b: db -= g;  y = a * b: da += g b, db += g a.
            // Broadcast inputs receive the sum of g over the dimensions they were repeated on.
            float *ga = a.requiresGrad() ? a.grad() : nullptr;
            float *gb = b.requiresGrad() ? b.grad() : nullptr;
            const float *pa = a.data(), *pb = b.data();
            if (a.shape() == b.shape()) { // element by element, in blocks on the pool
                const std::int64_t n = y.numel();
                parallelFor(n, blocksFor(n, 2 * n), [=](std::int64_t first, std::int64_t last, int) {
                    for (std::int64_t j = first; j < last; ++j)
                        switch (op) {
                        case BinOp::Add:
                            if (ga) ga[j] += g[j];
                            if (gb) gb[j] += g[j];
                            break;
                        case BinOp::Sub:
                            if (ga) ga[j] += g[j];
                            if (gb) gb[j] -= g[j];
                            break;
                        case BinOp::Mul:
                            if (ga) ga[j] += g[j] * pb[j];
                            if (gb) gb[j] += g[j] * pa[j];
                            break;
                        }
                });
                return;
            }
            if (rowRepeat) {
                // Row loops in output order: each gb[j] sums its rows in the same order as the
                // general path, so the numbers are identical; only the walking is cheaper.
                const bool same = false;
                const std::int64_t n = y.numel(), inner = b.numel();
                for (std::int64_t base = 0; base < n; base += inner) {
                    const float *gr = g + base, *ar = pa + base, *br = same ? pb + base : pb;
                    float *gar = ga ? ga + base : nullptr, *gbr = gb ? (same ? gb + base : gb) : nullptr;
                    switch (op) {
                    case BinOp::Add:
                        if (gar) for (std::int64_t j = 0; j < inner; ++j) gar[j] += gr[j];
                        if (gbr) for (std::int64_t j = 0; j < inner; ++j) gbr[j] += gr[j];
                        break;
                    case BinOp::Sub:
                        if (gar) for (std::int64_t j = 0; j < inner; ++j) gar[j] += gr[j];
                        if (gbr) for (std::int64_t j = 0; j < inner; ++j) gbr[j] -= gr[j];
                        break;
                    case BinOp::Mul:
                        if (gar) for (std::int64_t j = 0; j < inner; ++j) gar[j] += gr[j] * br[j];
                        if (gbr) for (std::int64_t j = 0; j < inner; ++j) gbr[j] += gr[j] * ar[j];
                        break;
                    }
                }
                return;
            }
            forEachBroadcast(y.shape(), a.shape(), b.shape(), [&](std::int64_t i, std::int64_t ia, std::int64_t ib) {
                switch (op) {
                case BinOp::Add:
                    if (ga) ga[ia] += g[i];
                    if (gb) gb[ib] += g[i];
                    break;
                case BinOp::Sub:
                    if (ga) ga[ia] += g[i];
                    if (gb) gb[ib] -= g[i];
                    break;
                case BinOp::Mul:
                    if (ga) ga[ia] += g[i] * pb[ib];
                    if (gb) gb[ib] += g[i] * pa[ia];
                    break;
                }
            });
        });
    }
    return y;
}

} // namespace

Shape broadcastShape(const Shape &a, const Shape &b)
{
    const std::size_t rank = std::max(a.size(), b.size());
    Shape out(rank);
    for (std::size_t i = 0; i < rank; ++i) {
        const std::int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
        const std::int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
        if (da != db && da != 1 && db != 1)
            throw std::invalid_argument("shapes " + shapeString(a) + " and " + shapeString(b) + " do not broadcast");
        out[i] = da == 1 ? db : da;
    }
    return out;
}

Tensor add(const Tensor &a, const Tensor &b) { return binary(a, b, BinOp::Add); }
Tensor sub(const Tensor &a, const Tensor &b) { return binary(a, b, BinOp::Sub); }
Tensor mul(const Tensor &a, const Tensor &b) { return binary(a, b, BinOp::Mul); }

Tensor scale(const Tensor &x, float factor)
{
    const bool record = detail::shouldRecord({&x});
    Tensor y = makeOutput(x.shape(), record);
    y.vector() = x.vector() * factor;
    if (record)
        Tape::active()->push([x, y, factor]() mutable {
            if (y.hasGrad())
                x.gradVectorMap() += ConstVectorMap(y.gradOrNull(), y.numel()) * factor; // y = f x
        });
    return y;
}

Tensor matmul(const Tensor &a, const Tensor &b, bool transposeB)
{
    if (a.dim() < 2 || b.dim() < 2)
        throw std::invalid_argument("matmul: operands need rank >= 2, got " + shapeString(a.shape()) + " and " +
                                    shapeString(b.shape()));
    const std::int64_t M = a.size(-2), K = a.size(-1);
    const std::int64_t bK = transposeB ? b.size(-1) : b.size(-2);
    const std::int64_t N = transposeB ? b.size(-2) : b.size(-1);
    if (bK != K)
        throw std::invalid_argument("matmul: inner dimensions differ: " + shapeString(a.shape()) + " x " +
                                    shapeString(b.shape()) + (transposeB ? "ᵀ" : ""));
    const bool shared = b.dim() == 2; // one b for every batch entry of a
    if (!shared && Shape(a.shape().begin(), a.shape().end() - 2) != Shape(b.shape().begin(), b.shape().end() - 2))
        throw std::invalid_argument("matmul: batch dimensions differ: " + shapeString(a.shape()) + " x " +
                                    shapeString(b.shape()));
    Shape outShape = a.shape();
    outShape.back() = N;
    const bool record = detail::shouldRecord({&a, &b});
    Tensor c = makeOutput(outShape, record);
    const std::int64_t batches = shared ? 1 : a.numel() / (M * K);
    const std::int64_t rowsA = shared ? a.numel() / K : M; // shared b: all of a's rows in one GEMM
    const std::int64_t bRows = transposeB ? N : K, bCols = transposeB ? K : N;
    for (std::int64_t i = 0; i < batches; ++i) {
        Eigen::Map<const RowMatrix> A(a.data() + i * rowsA * K, rowsA, K); // batch i may start unaligned
        Eigen::Map<const RowMatrix> B(b.data() + i * K * N, bRows, bCols);
        Eigen::Map<RowMatrix> C(c.data() + i * rowsA * N, rowsA, N);
        if (transposeB)
            gemm(C, A, B.transpose(), false);
        else
            gemm(C, A, B, false);
    }
    if (record) {
        Tape::active()->push([a, b, c, transposeB, batches, rowsA, K, N, bRows, bCols]() mutable {
            if (!c.hasGrad())
                return;
            for (std::int64_t i = 0; i < batches; ++i) {
                Eigen::Map<const RowMatrix> G(c.gradOrNull() + i * rowsA * N, rowsA, N);
                Eigen::Map<const RowMatrix> A(a.data() + i * rowsA * K, rowsA, K);
                Eigen::Map<const RowMatrix> B(b.data() + i * K * N, bRows, bCols);
                // C = A B   ->  dA += G Bᵀ,  dB += Aᵀ G
                // C = A Bᵀ  ->  dA += G B,   dB += Gᵀ A
                if (a.requiresGrad()) {
                    Eigen::Map<RowMatrix> dA(a.grad() + i * rowsA * K, rowsA, K);
                    if (transposeB)
                        gemm(dA, G, B, true);
                    else
                        gemm(dA, G, B.transpose(), true);
                }
                if (b.requiresGrad()) {
                    Eigen::Map<RowMatrix> dB(b.grad() + i * K * N, bRows, bCols);
                    if (transposeB)
                        gemm(dB, G.transpose(), A, true);
                    else
                        gemm(dB, A.transpose(), G, true);
                }
            }
        });
    }
    return c;
}

Tensor linear(const Tensor &x, const Tensor &weight, const Tensor &bias)
{
    if (weight.dim() != 2 || x.dim() < 1 || x.size(-1) != weight.size(1))
        throw std::invalid_argument("linear: input " + shapeString(x.shape()) + " does not fit weight " +
                                    shapeString(weight.shape()) + " (out, in)");
    if (bias.defined() && (bias.dim() != 1 || bias.size(0) != weight.size(0)))
        throw std::invalid_argument("linear: bias " + shapeString(bias.shape()) + " does not fit weight " +
                                    shapeString(weight.shape()));
    const bool record = detail::shouldRecord({&x, &weight, &bias});
    Shape outShape = x.shape();
    outShape.back() = weight.size(0);
    const std::int64_t rows = x.numel() / x.size(-1), in = weight.size(1), out = weight.size(0);
    Tensor y = makeOutput(outShape, record);
    ConstMatrixMap X(x.data(), rows, in);
    ConstMatrixMap W(weight.data(), out, in);
    MatrixMap Y(y.data(), rows, out);
    gemm(Y, X, W.transpose(), false);
    if (bias.defined())
        Y.rowwise() += ConstVectorMap(bias.data(), out).transpose();
    if (record) {
        Tape::active()->push([x, weight, bias, y, rows, in, out]() mutable {
            if (!y.hasGrad())
                return;
            // y = x Wᵀ + b  ->  dx += G W,  dW += Gᵀ x,  db += Σ_rows G
            ConstMatrixMap G(y.gradOrNull(), rows, out);
            if (x.requiresGrad())
                gemm(MatrixMap(x.grad(), rows, in), G, ConstMatrixMap(weight.data(), out, in), true);
            if (weight.requiresGrad())
                gemm(MatrixMap(weight.grad(), out, in), G.transpose(), ConstMatrixMap(x.data(), rows, in), true);
            if (bias.defined() && bias.requiresGrad())
                bias.gradVectorMap() += G.colwise().sum().transpose();
        });
    }
    return y;
}

Tensor reshape(const Tensor &x, Shape newShape)
{
    int inferred = -1;
    std::int64_t known = 1;
    for (std::size_t i = 0; i < newShape.size(); ++i) {
        if (newShape[i] == -1) {
            if (inferred >= 0)
                throw std::invalid_argument("reshape: more than one -1 in " + shapeString(newShape));
            inferred = static_cast<int>(i);
        } else {
            if (newShape[i] < 0)
                throw std::invalid_argument("reshape: negative dimension in " + shapeString(newShape));
            known *= newShape[i];
        }
    }
    if (inferred >= 0) {
        if (known == 0 || x.numel() % known != 0)
            throw std::invalid_argument("reshape: cannot infer -1 in " + shapeString(newShape) + " from " +
                                        shapeString(x.shape()));
        newShape[static_cast<std::size_t>(inferred)] = x.numel() / known;
    }
    Tensor y = x.viewAs(newShape); // throws when the counts differ
    const bool record = detail::shouldRecord({&x});
    y.setRequiresGrad(record);
    if (record)
        Tape::active()->push([x, y]() mutable {
            if (y.hasGrad())
                x.gradVectorMap() += ConstVectorMap(y.gradOrNull(), y.numel());
        });
    return y;
}

Tensor transpose(const Tensor &x, int dim0, int dim1)
{
    const int rank = x.dim();
    const int d0 = normDim(dim0, rank, "transpose"), d1 = normDim(dim1, rank, "transpose");
    Shape outShape = x.shape();
    std::swap(outShape[static_cast<std::size_t>(d0)], outShape[static_cast<std::size_t>(d1)]);
    // Strides of x, permuted into the output's dimension order.
    std::vector<std::int64_t> strides(static_cast<std::size_t>(rank));
    std::int64_t s = 1;
    for (int i = rank; i-- > 0;) {
        strides[static_cast<std::size_t>(i)] = s;
        s *= x.shape()[static_cast<std::size_t>(i)];
    }
    std::swap(strides[static_cast<std::size_t>(d0)], strides[static_cast<std::size_t>(d1)]);
    // Walks the output in order; calls f(outIndex, inOffset). A tight loop over the last
    // dimension, the odometer only per row (splitting heads moves runs of D contiguous floats).
    auto walk = [outShape, strides, rank](auto &&f) {
        const std::int64_t total = shapeNumel(outShape);
        if (total == 0)
            return;
        const std::int64_t inner = outShape.back(), innerStride = strides.back();
        std::vector<std::int64_t> counter(static_cast<std::size_t>(rank), 0);
        std::int64_t off = 0;
        for (std::int64_t i = 0; i < total; i += inner) {
            for (std::int64_t j = 0; j < inner; ++j)
                f(i + j, off + j * innerStride);
            for (int d = rank - 1; d-- > 0;) {
                const auto ud = static_cast<std::size_t>(d);
                off += strides[ud];
                if (++counter[ud] < outShape[ud])
                    break;
                off -= strides[ud] * outShape[ud];
                counter[ud] = 0;
            }
        }
    };
    const bool record = detail::shouldRecord({&x});
    Tensor y = makeOutput(outShape, record);
    float *py = y.data();
    const float *px = x.data();
    walk([&](std::int64_t i, std::int64_t off) { py[i] = px[off]; });
    if (record)
        Tape::active()->push([x, y, walk]() mutable {
            if (!y.hasGrad())
                return;
            const float *g = y.gradOrNull();
            float *gx = x.grad();
            walk([&](std::int64_t i, std::int64_t off) { gx[off] += g[i]; });
        });
    return y;
}

namespace {
// Splits a shape around `dim` into (outer, size along dim, inner).
struct Around {
    std::int64_t outer = 1, along = 1, inner = 1;
};
Around around(const Shape &s, int dim)
{
    Around r;
    for (int i = 0; i < dim; ++i)
        r.outer *= s[static_cast<std::size_t>(i)];
    r.along = s[static_cast<std::size_t>(dim)];
    for (std::size_t i = static_cast<std::size_t>(dim) + 1; i < s.size(); ++i)
        r.inner *= s[i];
    return r;
}
} // namespace

Tensor concat(const std::vector<Tensor> &parts, int dim)
{
    if (parts.empty())
        throw std::invalid_argument("concat: no tensors");
    const int rank = parts[0].dim();
    const int d = normDim(dim, rank, "concat");
    Shape outShape = parts[0].shape();
    outShape[static_cast<std::size_t>(d)] = 0;
    for (const Tensor &p : parts) {
        Shape a = p.shape(), b = parts[0].shape();
        if (p.dim() != rank || (a[static_cast<std::size_t>(d)] = 0, b[static_cast<std::size_t>(d)] = 0, a != b))
            throw std::invalid_argument("concat: " + shapeString(p.shape()) + " does not fit " +
                                        shapeString(parts[0].shape()) + " along dim " + std::to_string(dim));
        outShape[static_cast<std::size_t>(d)] += p.size(d);
    }
    bool record = false;
    for (const Tensor &p : parts)
        record = record || detail::shouldRecord({&p});
    Tensor y = makeOutput(outShape, record);
    const Around o = around(outShape, d);
    std::int64_t at = 0; // offset along dim
    for (const Tensor &p : parts) {
        const std::int64_t chunk = p.size(d) * o.inner;
        for (std::int64_t i = 0; i < o.outer; ++i)
            std::copy_n(p.data() + i * chunk, chunk, y.data() + i * o.along * o.inner + at * o.inner);
        at += p.size(d);
    }
    if (record)
        Tape::active()->push([parts, y, d, o]() mutable {
            if (!y.hasGrad())
                return;
            std::int64_t at = 0;
            for (Tensor p : parts) {
                const std::int64_t chunk = p.size(d) * o.inner;
                if (p.requiresGrad()) {
                    float *gp = p.grad();
                    for (std::int64_t i = 0; i < o.outer; ++i) {
                        const float *g = y.gradOrNull() + i * o.along * o.inner + at * o.inner;
                        for (std::int64_t j = 0; j < chunk; ++j)
                            gp[i * chunk + j] += g[j];
                    }
                }
                at += p.size(d);
            }
        });
    return y;
}

Tensor slice(const Tensor &x, int dim, std::int64_t start, std::int64_t end)
{
    const int d = normDim(dim, x.dim(), "slice");
    if (start < 0 || end < start || end > x.size(d))
        throw std::invalid_argument("slice: [" + std::to_string(start) + ", " + std::to_string(end) +
                                    ") out of range for dim " + std::to_string(dim) + " of " + shapeString(x.shape()));
    Shape outShape = x.shape();
    outShape[static_cast<std::size_t>(d)] = end - start;
    const bool record = detail::shouldRecord({&x});
    Tensor y = makeOutput(outShape, record);
    const Around o = around(x.shape(), d);
    const std::int64_t chunk = (end - start) * o.inner;
    for (std::int64_t i = 0; i < o.outer; ++i)
        std::copy_n(x.data() + (i * o.along + start) * o.inner, chunk, y.data() + i * chunk);
    if (record)
        Tape::active()->push([x, y, o, start, chunk]() mutable {
            if (!y.hasGrad())
                return;
            float *gx = x.grad();
            const float *g = y.gradOrNull();
            for (std::int64_t i = 0; i < o.outer; ++i)
                for (std::int64_t j = 0; j < chunk; ++j)
                    gx[(i * o.along + start) * o.inner + j] += g[i * chunk + j];
        });
    return y;
}

Tensor maskedFill(const Tensor &x, const Tensor &mask, float value)
{
    if (broadcastShape(x.shape(), mask.shape()) != x.shape())
        throw std::invalid_argument("maskedFill: mask " + shapeString(mask.shape()) + " does not broadcast to " +
                                    shapeString(x.shape()));
    const bool record = detail::shouldRecord({&x});
    Tensor y = makeOutput(x.shape(), record);
    float *py = y.data();
    const float *px = x.data(), *pm = mask.data();
    forEachBroadcast(x.shape(), x.shape(), mask.shape(),
                     [&](std::int64_t i, std::int64_t, std::int64_t im) { py[i] = pm[im] != 0.0f ? value : px[i]; });
    if (record)
        Tape::active()->push([x, mask, y]() mutable {
            if (!y.hasGrad())
                return;
            float *gx = x.grad();
            const float *g = y.gradOrNull(), *pm = mask.data();
            forEachBroadcast(x.shape(), x.shape(), mask.shape(), [&](std::int64_t i, std::int64_t, std::int64_t im) {
                if (pm[im] == 0.0f)
                    gx[i] += g[i];
            });
        });
    return y;
}

Tensor sum(const Tensor &x)
{
    const bool record = detail::shouldRecord({&x});
    Tensor y = makeOutput({}, record);
    double acc = 0.0; // double so long sums do not drift with length
    const float *px = x.data();
    for (std::int64_t i = 0; i < x.numel(); ++i)
        acc += px[i];
    y.data()[0] = static_cast<float>(acc);
    if (record)
        Tape::active()->push([x, y]() mutable {
            if (y.hasGrad())
                x.gradVectorMap().array() += y.gradOrNull()[0]; // y = Σ x  ->  dx += g
        });
    return y;
}

Tensor mean(const Tensor &x)
{
    if (x.numel() == 0)
        throw std::invalid_argument("mean of an empty tensor");
    return scale(sum(x), 1.0f / static_cast<float>(x.numel()));
}

Tensor sum(const Tensor &x, int dim, bool keepDim)
{
    const int d = normDim(dim, x.dim(), "sum");
    const Around o = around(x.shape(), d);
    Shape outShape = x.shape();
    if (keepDim)
        outShape[static_cast<std::size_t>(d)] = 1;
    else
        outShape.erase(outShape.begin() + d);
    const bool record = detail::shouldRecord({&x});
    Tensor y = Tensor::zeros(outShape, record); // accumulated into
    const float *px = x.data();
    float *py = y.data();
    for (std::int64_t i = 0; i < o.outer; ++i)
        for (std::int64_t k = 0; k < o.along; ++k)
            for (std::int64_t j = 0; j < o.inner; ++j)
                py[i * o.inner + j] += px[(i * o.along + k) * o.inner + j];
    if (record)
        Tape::active()->push([x, y, o]() mutable {
            if (!y.hasGrad())
                return;
            float *gx = x.grad();
            const float *g = y.gradOrNull();
            for (std::int64_t i = 0; i < o.outer; ++i)
                for (std::int64_t k = 0; k < o.along; ++k)
                    for (std::int64_t j = 0; j < o.inner; ++j)
                        gx[(i * o.along + k) * o.inner + j] += g[i * o.inner + j];
        });
    return y;
}

Tensor mean(const Tensor &x, int dim, bool keepDim)
{
    const std::int64_t n = x.size(dim);
    if (n == 0)
        throw std::invalid_argument("mean over an empty dimension of " + shapeString(x.shape()));
    return scale(sum(x, dim, keepDim), 1.0f / static_cast<float>(n));
}

} // namespace lm
