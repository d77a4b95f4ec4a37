#pragma once
// Projections of high-dimensional rows to 2 or 3 dimensions for the embedding view.
// n = rows (points), d = input dimensions, dims = output dimensions.
#include "core/cancel.h"
#include "core/result.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace lm {

struct Projection {
    int dims = 2;
    std::vector<float> points;             // (n, dims) row-major
    std::vector<double> explainedVariance; // PCA only: fraction of the total variance per component, descending
    std::vector<double> components;        // PCA only: (dims, d) row-major unit principal axes
    std::vector<double> mean;              // PCA only: (d) column means; points = (x − mean)·componentsᵀ
};

// PCA through the d×d covariance (one GEMM in double) and its eigenvectors. data: (n, d) row-major.
// Components are signed so that each has a positive sum of loadings (first non-zero loading
// positive if the sum is zero), so the result does not depend on the eigensolver's sign choice.
// Constant data gives zero points and zero explained variance. Cost: O(n·d² + d³).
// Throws std::invalid_argument unless data != nullptr, n >= 1, d >= 1, 1 <= dims <= min(d, 3).
Projection pca(const float *data, std::int64_t n, int d, int dims);

struct TsneOptions {
    int dims = 2;              // 2 or 3
    double perplexity = 30.0;  // 0 < perplexity < n; P uses the floor(3·perplexity) nearest neighbours
    int iterations = 1000;     // >= 1
    double learningRate = 0.0; // 0 = max(n / earlyExaggeration / 4, 50) (see tsne() on the factor 4)
    double earlyExaggeration = 12.0;  // > 0; P is multiplied by it for the first exaggerationIterations
    int exaggerationIterations = 250; // >= 0; momentum also switches from 0.5 to 0.8 here
    int threads = 1;           // >= 1; the layout does not depend on it
    std::uint64_t seed = 1;    // initial layout N(0, (1e-4)²) from lm::Rng(seed)
};

// t-SNE (van der Maaten & Hinton 2008; sparse P as in bhtsne, van der Maaten 2014), exact
// O(n²) repulsion per iteration, meant for up to a few thousand points. data: (n, d) row-major.
//   P: per point i, a Gaussian over its k = floor(3·perplexity) nearest neighbours (squared
//      Euclidean distance), bandwidth by binary search on beta so that the entropy is
//      log(perplexity); then P = (P + Pᵀ) / 2n.
//   Q: q_ij = w_ij / Z, w_ij = 1 / (1 + |y_i − y_j|²), Z = Σ_{k≠l} w_kl.
//   gradient: ∂KL/∂y_i = 4 Σ_j (p_ij − q_ij) w_ij (y_i − y_j). The learning rate multiplies this
//   true gradient (the factor 4 included, as scikit-learn), so the default n/12/4 equals the
//   n/12 of bhtsne / openTSNE / FIt-SNE, which leave the 4 out.
//   descent: gains (+0.2 when the gradient and step disagree in sign, ×0.8 otherwise, min 0.01),
//   momentum 0.5 then 0.8, Y re-centred every iteration.
// The same data, options and seed give bit-identical points for any `threads`.
// `progress(iteration, points)` is called on the calling thread after every 50th iteration
// (and after the last) with the current (n, dims) layout. `cancel` is polled every iteration.
// Errors: "cancelled"; bad options name the option and value ("perplexity must be in (0, n) …").
// Throws std::invalid_argument if data is null or d < 1.
Result<Projection> tsne(const float *data, std::int64_t n, int d, const TsneOptions &options, const CancelToken &cancel,
                        const std::function<void(int, const std::vector<float> &)> &progress = {});

} // namespace lm
