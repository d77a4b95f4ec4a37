// PCA and t-SNE. Legend: n = points, d = input dimensions, D = output dimensions (dims),
// k = neighbours per point in P. The t-SNE layout Y is kept column-wise (D arrays of n floats)
// so the O(n²) repulsion loop reads contiguous floats and vectorises.
#include "inspect/projection.h"

#include "core/parallel.h"
#include "core/rng.h"

// GCC 12 reports -Wmaybe-uninitialized inside Eigen's AVX-512 packet code (_mm512_undefined_pd in
// ptranspose/predux) when double reductions and the eigensolver are instantiated: false positives.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <Eigen/Core>
#include <Eigen/Eigenvalues>
#pragma GCC diagnostic pop

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace lm {

namespace {

using RowMatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMatrixD = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Runs f(begin, end) over [0, n) split into `threads` contiguous blocks on the pool. Each row's
// result must depend only on that row, so the split cannot change it.
template <class F>
void parallelRows(int threads, std::int64_t n, const F &f)
{
    parallelFor(n, threads, [&f](std::int64_t begin, std::int64_t end, int) { f(begin, end); });
}

} // namespace

// ---------------------------------------------------------------------------------------------
// PCA

Projection pca(const float *data, std::int64_t n, int d, int dims)
{
    if (!data || n < 1 || d < 1 || dims < 1 || dims > std::min(d, 3))
        throw std::invalid_argument("pca: need data (n >= 1, d >= 1) and 1 <= dims <= min(d, 3), got n = " +
                                    std::to_string(n) + ", d = " + std::to_string(d) +
                                    ", dims = " + std::to_string(dims));

    // x: (n, d) float -> xc: (n, d) double, centred.
    const Eigen::Map<const RowMatrixF> x(data, n, d);
    const Eigen::RowVectorXd mean = x.cast<double>().colwise().sum() / double(n);
    RowMatrixD xc = x.cast<double>();
    xc.rowwise() -= mean;

    // cov = xcᵀ xc / (n − 1): (d, d), one GEMM.
    Eigen::MatrixXd cov(d, d);
    cov.noalias() = xc.transpose() * xc;
    cov /= double(std::max<std::int64_t>(n - 1, 1));

    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
    const Eigen::VectorXd lambda = eig.eigenvalues().cwiseMax(0.0); // ascending
    const double total = lambda.sum();

    Projection out;
    out.dims = dims;
    out.mean.assign(mean.data(), mean.data() + d);
    out.components.resize(std::size_t(dims) * std::size_t(d));
    out.explainedVariance.resize(std::size_t(dims));

    // w: (d, dims), the top components, largest first, each signed by the sum of its loadings.
    Eigen::MatrixXd w(d, dims);
    for (int c = 0; c < dims; ++c) {
        Eigen::VectorXd v = eig.eigenvectors().col(d - 1 - c);
        double sum = v.sum();
        if (std::abs(sum) < 1e-12 * std::sqrt(double(d))) {
            // Sum is zero up to rounding: take the sign of the first clearly non-zero loading.
            for (int j = 0; j < d; ++j)
                if (std::abs(v(j)) > 1e-9) {
                    sum = v(j);
                    break;
                }
        }
        if (sum < 0)
            v = -v;
        w.col(c) = v;
        for (int j = 0; j < d; ++j)
            out.components[std::size_t(c) * std::size_t(d) + std::size_t(j)] = v(j);
        out.explainedVariance[std::size_t(c)] = total > 0 ? lambda(d - 1 - c) / total : 0.0;
    }

    // points = xc w: (n, dims).
    RowMatrixD y(n, dims);
    y.noalias() = xc * w;
    out.points.resize(std::size_t(n) * std::size_t(dims));
    Eigen::Map<RowMatrixF>(out.points.data(), n, dims) = y.cast<float>();
    return out;
}

// ---------------------------------------------------------------------------------------------
// t-SNE

namespace {

constexpr int kProgressEvery = 50;
constexpr int kLanes = 16; // float accumulators per reduction: one AVX-512 register

// Sparse symmetric P in compressed rows: the neighbours of i are col[start[i] .. start[i + 1]).
struct SparseP {
    std::vector<std::int64_t> start; // (n + 1)
    std::vector<std::int32_t> col;
    std::vector<float> val;
};

std::string fmt(double v)
{
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

// Row i of P before symmetrising: p_j|i = exp(−beta·dist_j) / Σ over the k neighbours, with beta
// found by bisection so that the entropy H = log Σ e + beta·Σ dist·p equals log(perplexity).
// dist: (k) squared distances, ascending; p: (k) out.
void calibrateRow(const float *dist, int k, double perplexity, float *p, std::vector<double> &scratch)
{
    scratch.resize(std::size_t(k));
    const double target = std::log(perplexity), tol = 1e-5;
    const double d0 = dist[0]; // entropy is shift-invariant; shifting keeps exp() from underflowing
    double beta = 1.0, lo = -DBL_MAX, hi = DBL_MAX, sum = 0.0;
    for (int iter = 0; iter < 200; ++iter) {
        sum = DBL_MIN;
        double weighted = 0.0;
        for (int m = 0; m < k; ++m) {
            const double dm = double(dist[m]) - d0;
            scratch[std::size_t(m)] = std::exp(-beta * dm);
            sum += scratch[std::size_t(m)];
            weighted += dm * scratch[std::size_t(m)];
        }
        const double entropy = std::log(sum) + beta * weighted / sum;
        const double diff = entropy - target;
        if (std::abs(diff) < tol)
            break;
        if (diff > 0) { // too flat: narrow the Gaussian
            lo = beta;
            beta = hi == DBL_MAX ? beta * 2.0 : (beta + hi) / 2.0;
        } else {
            hi = beta;
            beta = lo == -DBL_MAX ? beta / 2.0 : (beta + lo) / 2.0;
        }
    }
    for (int m = 0; m < k; ++m)
        p[m] = float(scratch[std::size_t(m)] / sum);
}

// The k nearest neighbours of every row (squared Euclidean, exact, ties broken by index) and the
// calibrated conditional p_j|i, then P = (P + Pᵀ) / 2n. x: (n, d). Returns false if cancelled.
bool affinities(const float *data, std::int64_t n, int d, double perplexity, int threads, const CancelToken &cancel,
                SparseP &out)
{
    const int k = int(std::clamp<std::int64_t>(std::int64_t(3.0 * perplexity), 1, n - 1));

    // Centred copy: smaller norms, less cancellation in |a|² + |b|² − 2a·b.
    RowMatrixF x = Eigen::Map<const RowMatrixF>(data, n, d);
    const Eigen::RowVectorXf mean = (x.cast<double>().colwise().sum() / double(n)).cast<float>();
    x.rowwise() -= mean;
    const Eigen::VectorXf sq = x.rowwise().squaredNorm();

    std::vector<std::int32_t> nbr(std::size_t(n) * std::size_t(k)); // (n, k)
    std::vector<float> cond(std::size_t(n) * std::size_t(k));       // (n, k) p_j|i

    // g = x_block xᵀ: (B, n) per block of rows, so memory stays O(B·n).
    const std::int64_t block = std::clamp<std::int64_t>((std::int64_t(1) << 24) / std::max<std::int64_t>(n, 1), 1, 1024);
    RowMatrixF g;
    for (std::int64_t b0 = 0; b0 < n; b0 += block) {
        if (cancel.isCancelled())
            return false;
        const std::int64_t rows = std::min(block, n - b0);
        g.resize(rows, n);
        g.noalias() = x.middleRows(b0, rows) * x.transpose();
        parallelRows(threads, rows, [&](std::int64_t r0, std::int64_t r1) {
            std::vector<std::int32_t> idx(static_cast<std::size_t>(n));
            std::vector<float> dist(static_cast<std::size_t>(n)), kd(static_cast<std::size_t>(k));
            std::vector<double> scratch;
            for (std::int64_t r = r0; r < r1; ++r) {
                const std::int64_t i = b0 + r;
                const float *gr = g.data() + r * n;
                for (std::int64_t j = 0; j < n; ++j)
                    dist[std::size_t(j)] = std::max(0.0f, sq(i) + sq(j) - 2.0f * gr[j]);
                dist[std::size_t(i)] = INFINITY;
                std::iota(idx.begin(), idx.end(), 0);
                const auto closer = [&](std::int32_t a, std::int32_t b) {
                    return dist[std::size_t(a)] < dist[std::size_t(b)] ||
                           (dist[std::size_t(a)] == dist[std::size_t(b)] && a < b);
                };
                std::nth_element(idx.begin(), idx.begin() + (k - 1), idx.end(), closer);
                std::sort(idx.begin(), idx.begin() + k, closer);
                for (int m = 0; m < k; ++m) {
                    nbr[std::size_t(i) * std::size_t(k) + std::size_t(m)] = idx[std::size_t(m)];
                    kd[std::size_t(m)] = dist[std::size_t(idx[std::size_t(m)])];
                }
                calibrateRow(kd.data(), k, perplexity, cond.data() + std::size_t(i) * std::size_t(k), scratch);
            }
        });
    }

    // Symmetrise: entries (i, j, p_j|i) and (j, i, p_j|i), sorted by (row, col), merged by adding.
    struct Entry {
        std::int32_t row, col;
        float p;
    };
    std::vector<Entry> e;
    e.reserve(2 * nbr.size());
    for (std::int64_t i = 0; i < n; ++i)
        for (int m = 0; m < k; ++m) {
            const std::size_t at = std::size_t(i) * std::size_t(k) + std::size_t(m);
            e.push_back({std::int32_t(i), nbr[at], cond[at]});
            e.push_back({nbr[at], std::int32_t(i), cond[at]});
        }
    std::sort(e.begin(), e.end(), [](const Entry &a, const Entry &b) {
        return a.row < b.row || (a.row == b.row && a.col < b.col);
    });
    out.start.assign(std::size_t(n) + 1, 0);
    out.col.clear();
    out.val.clear();
    const double scale = 1.0 / (2.0 * double(n));
    for (std::size_t a = 0; a < e.size();) {
        std::size_t b = a;
        double p = 0.0;
        while (b < e.size() && e[b].row == e[a].row && e[b].col == e[a].col)
            p += e[b++].p;
        out.col.push_back(e[a].col);
        out.val.push_back(float(p * scale));
        ++out.start[std::size_t(e[a].row) + 1];
        a = b;
    }
    for (std::int64_t i = 0; i < n; ++i)
        out.start[std::size_t(i) + 1] += out.start[std::size_t(i)];
    return true;
}

// Forces on rows [begin, end). y: D columns of n floats.
//   attr_i = Σ_j p_ij w_ij (y_i − y_j) over the sparse P,
//   rep_i  = Σ_j w_ij² (y_i − y_j) over all j (the j = i term is zero),
//   zRow_i = Σ_{j≠i} w_ij, with w_ij = 1 / (1 + |y_i − y_j|²).
// The all-pairs loop keeps kLanes partial sums per quantity so it vectorises without
// reassociating floats; the lanes are added in a fixed order afterwards.
template <int D>
void forces(const float *const y[D], std::int64_t n, const SparseP &p, std::int64_t begin, std::int64_t end,
            float *attr, float *rep, double *zRow)
{
    for (std::int64_t i = begin; i < end; ++i) {
        float yi[D];
        for (int c = 0; c < D; ++c)
            yi[c] = y[c][i];

        float accZ[kLanes] = {};
        float accF[D][kLanes] = {};
        std::int64_t j = 0;
        for (; j + kLanes <= n; j += kLanes) {
            for (int l = 0; l < kLanes; ++l) {
                float diff[D], d2 = 0.0f;
                for (int c = 0; c < D; ++c) {
                    diff[c] = yi[c] - y[c][j + l];
                    d2 += diff[c] * diff[c];
                }
                const float w = 1.0f / (1.0f + d2);
                accZ[l] += w;
                for (int c = 0; c < D; ++c)
                    accF[c][l] += w * w * diff[c];
            }
        }
        for (int l = 0; j < n; ++j, ++l) {
            float diff[D], d2 = 0.0f;
            for (int c = 0; c < D; ++c) {
                diff[c] = yi[c] - y[c][j];
                d2 += diff[c] * diff[c];
            }
            const float w = 1.0f / (1.0f + d2);
            accZ[l] += w;
            for (int c = 0; c < D; ++c)
                accF[c][l] += w * w * diff[c];
        }
        double z = -1.0; // the j = i term contributed w = 1
        for (int l = 0; l < kLanes; ++l)
            z += accZ[l];
        zRow[i] = z;
        for (int c = 0; c < D; ++c) {
            float s = 0.0f;
            for (int l = 0; l < kLanes; ++l)
                s += accF[c][l];
            rep[std::size_t(i) * D + std::size_t(c)] = s;
        }

        float a[D] = {};
        for (std::int64_t m = p.start[std::size_t(i)]; m < p.start[std::size_t(i) + 1]; ++m) {
            const std::int32_t jj = p.col[std::size_t(m)];
            float diff[D], d2 = 0.0f;
            for (int c = 0; c < D; ++c) {
                diff[c] = yi[c] - y[c][jj];
                d2 += diff[c] * diff[c];
            }
            const float pw = p.val[std::size_t(m)] / (1.0f + d2);
            for (int c = 0; c < D; ++c)
                a[c] += pw * diff[c];
        }
        for (int c = 0; c < D; ++c)
            attr[std::size_t(i) * D + std::size_t(c)] = a[c];
    }
}

std::vector<float> interleave(const std::vector<float> &cols, std::int64_t n, int dims)
{
    std::vector<float> out(std::size_t(n) * std::size_t(dims));
    for (std::int64_t i = 0; i < n; ++i)
        for (int c = 0; c < dims; ++c)
            out[std::size_t(i) * std::size_t(dims) + std::size_t(c)] = cols[std::size_t(c) * std::size_t(n) + std::size_t(i)];
    return out;
}

std::string checkOptions(std::int64_t n, const TsneOptions &o)
{
    if (n < 2)
        return "t-SNE needs at least 2 points, got " + std::to_string(n);
    if (o.dims != 2 && o.dims != 3)
        return "dims must be 2 or 3, got " + std::to_string(o.dims);
    if (!(o.perplexity > 0.0 && o.perplexity < double(n)))
        return "perplexity must be in (0, n = " + std::to_string(n) + "), got " + fmt(o.perplexity);
    if (o.iterations < 1)
        return "iterations must be at least 1, got " + std::to_string(o.iterations);
    if (!(o.learningRate >= 0.0 && std::isfinite(o.learningRate)))
        return "learningRate must be >= 0 (0 = automatic), got " + fmt(o.learningRate);
    if (!(o.earlyExaggeration > 0.0 && std::isfinite(o.earlyExaggeration)))
        return "earlyExaggeration must be > 0, got " + fmt(o.earlyExaggeration);
    if (o.exaggerationIterations < 0)
        return "exaggerationIterations must be >= 0, got " + std::to_string(o.exaggerationIterations);
    if (o.threads < 1)
        return "threads must be at least 1, got " + std::to_string(o.threads);
    return {};
}

} // namespace

Result<Projection> tsne(const float *data, std::int64_t n, int d, const TsneOptions &options, const CancelToken &cancel,
                        const std::function<void(int, const std::vector<float> &)> &progress)
{
    if (!data || d < 1)
        throw std::invalid_argument("tsne: need data with d >= 1, got d = " + std::to_string(d));
    if (std::string bad = checkOptions(n, options); !bad.empty())
        return makeError(bad);
    for (std::int64_t i = 0; i < n; ++i)
        for (int c = 0; c < d; ++c)
            if (!std::isfinite(data[i * d + c]))
                return makeError("t-SNE input has a non-finite value at row " + std::to_string(i) + ", column " +
                                 std::to_string(c));
    if (cancel.isCancelled())
        return makeError("cancelled");

    const int D = options.dims;
    SparseP p;
    if (!affinities(data, n, d, options.perplexity, options.threads, cancel, p))
        return makeError("cancelled");

    const float lr = float(options.learningRate > 0.0
                               ? options.learningRate
                               : std::max(double(n) / options.earlyExaggeration / 4.0, 50.0));

    // Scratch: y, step and gains by column (D, n); forces by row (n, D).
    const std::size_t size = std::size_t(n) * std::size_t(D);
    std::vector<float> y(size), step(size, 0.0f), gains(size, 1.0f), attr(size), rep(size);
    std::vector<double> zRow(static_cast<std::size_t>(n));
    Rng rng(options.seed);
    for (std::int64_t i = 0; i < n; ++i)
        for (int c = 0; c < D; ++c)
            y[std::size_t(c) * std::size_t(n) + std::size_t(i)] = rng.normal(0.0f, 1e-4f);
    const float *cols[3] = {y.data(), y.data() + n, D == 3 ? y.data() + 2 * n : nullptr};

    for (int iter = 0; iter < options.iterations; ++iter) {
        if (cancel.isCancelled())
            return makeError("cancelled");
        const bool early = iter < options.exaggerationIterations;
        const float exaggeration = early ? float(options.earlyExaggeration) : 1.0f;
        const float momentum = early ? 0.5f : 0.8f;

        parallelRows(options.threads, n, [&](std::int64_t begin, std::int64_t end) {
            if (D == 2)
                forces<2>(cols, n, p, begin, end, attr.data(), rep.data(), zRow.data());
            else
                forces<3>(cols, n, p, begin, end, attr.data(), rep.data(), zRow.data());
        });
        double z = 0.0;
        for (double zi : zRow)
            z += zi;
        const float invZ = float(1.0 / std::max(z, DBL_MIN));

        // grad_i = 4 (exaggeration·attr_i − rep_i / Z); gains and momentum step as bhtsne.
        for (int c = 0; c < D; ++c) {
            float *yc = y.data() + std::size_t(c) * std::size_t(n);
            float *uc = step.data() + std::size_t(c) * std::size_t(n);
            float *gc = gains.data() + std::size_t(c) * std::size_t(n);
            double sum = 0.0;
            for (std::int64_t i = 0; i < n; ++i) {
                const std::size_t at = std::size_t(i) * std::size_t(D) + std::size_t(c);
                const float grad = 4.0f * (exaggeration * attr[at] - rep[at] * invZ);
                const bool sameSign = (grad > 0.0f) - (grad < 0.0f) == (uc[i] > 0.0f) - (uc[i] < 0.0f);
                gc[i] = std::max(sameSign ? gc[i] * 0.8f : gc[i] + 0.2f, 0.01f);
                uc[i] = momentum * uc[i] - lr * gc[i] * grad;
                yc[i] += uc[i];
                sum += yc[i];
            }
            const float mean = float(sum / double(n));
            for (std::int64_t i = 0; i < n; ++i)
                yc[i] -= mean;
        }

        const int done = iter + 1;
        if (progress && (done % kProgressEvery == 0 || done == options.iterations))
            progress(done, interleave(y, n, D));
    }

    Projection out;
    out.dims = D;
    out.points = interleave(y, n, D);
    return out;
}

} // namespace lm
