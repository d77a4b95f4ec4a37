#pragma once
// Projections of high-dimensional rows to 2 or 3 dimensions for the embedding view.
#include "core/cancel.h"
#include "core/result.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace lm {

struct Projection {
    int dims = 2;
    std::vector<float> points;            // (n, dims) row-major
    std::vector<double> explainedVariance; // PCA only: fraction per component
};

// PCA through the d×d covariance (one GEMM) and its eigenvectors. data: (n, d) row-major.
// Components are signed so that each has a positive sum of loadings (stable across runs).
// Throws std::invalid_argument unless n >= 1, 1 <= dims <= min(d, 3).
Projection pca(const float *data, std::int64_t n, int d, int dims);

struct TsneOptions {
    int dims = 2;
    double perplexity = 30.0;
    int iterations = 1000;
    double learningRate = 0.0; // 0 = max(n / 12, 50)
    double earlyExaggeration = 12.0;
    int exaggerationIterations = 250;
    int threads = 1;
    std::uint64_t seed = 1;
};

// t-SNE (van der Maaten & Hinton 2008): Gaussian affinities with per-point bandwidths found by
// binary search to the perplexity, Student-t low-dimensional similarities, gradient descent with
// momentum and gains, early exaggeration. `progress(iteration, points)` is called every ~50
// iterations with the current layout. Errors: bad options (perplexity must be < n/3 …),
// cancelled ("cancelled").
Result<Projection> tsne(const float *data, std::int64_t n, int d, const TsneOptions &options, const CancelToken &cancel,
                        const std::function<void(int, const std::vector<float> &)> &progress = {});

} // namespace lm
