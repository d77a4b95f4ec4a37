#pragma once
// Matrix products on the engine's thread pool. OpenBLAS itself runs on one thread (its own
// workers spin between calls and fought the pool's); a large product is split over C's rows (or,
// for a short and wide C, its columns) into lm::threadCount() blocks, each one single-threaded
// OpenBLAS call on a pool thread.
//   C (M, N) = A (M, K) · B (K, N)   or   C += A · B
// A, B and C are Eigen expressions with direct access (maps, their transposes, blocks).
#include "core/parallel.h"
#include "core/threads.h"

#include <algorithm>
#include <cstdint>

namespace lm {

// Below this many multiply-adds a product runs on the calling thread: waking a worker costs more.
inline constexpr std::int64_t kParallelGemmFlops = std::int64_t(1) << 21;

template <class CM, class AE, class BE>
void gemm(CM &&C, const AE &A, const BE &B, bool accumulate)
{
    const std::int64_t M = C.rows(), N = C.cols(), flops = M * N * A.cols();
    const std::int64_t threads = productsOnPool() && flops >= kParallelGemmFlops ? threadCount() : 1;
    // Split the longer side of C: rows for activations (N·T rows), columns for the short, wide
    // products of a recurrent step (B rows).
    if (M >= N || M >= 64) {
        parallelFor(M, std::clamp<std::int64_t>(M / 8, 1, threads), [&](std::int64_t first, std::int64_t last, int) {
            auto c = C.middleRows(first, last - first);
            if (accumulate)
                c.noalias() += A.middleRows(first, last - first) * B;
            else
                c.noalias() = A.middleRows(first, last - first) * B;
        });
        return;
    }
    parallelFor(N, std::clamp<std::int64_t>(N / 32, 1, threads), [&](std::int64_t first, std::int64_t last, int) {
        auto c = C.middleCols(first, last - first);
        if (accumulate)
            c.noalias() += A * B.middleCols(first, last - first);
        else
            c.noalias() = A * B.middleCols(first, last - first);
    });
}

} // namespace lm
