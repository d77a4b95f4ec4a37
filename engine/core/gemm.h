#pragma once
// Matrix products on the engine's thread pool. OpenBLAS itself runs on one thread (its own
// workers spin between calls and fought the pool's); a large product is split over C's rows into
// lm::threadCount() blocks, each one single-threaded OpenBLAS call on a pool thread.
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
    const std::int64_t M = C.rows(), flops = M * C.cols() * A.cols();
    const std::int64_t parts =
        !productsOnPool() || flops < kParallelGemmFlops ? 1 : std::min<std::int64_t>(threadCount(), M / 8);
    parallelFor(M, std::max<std::int64_t>(parts, 1), [&](std::int64_t first, std::int64_t last, int) {
        auto c = C.middleRows(first, last - first);
        if (accumulate)
            c.noalias() += A.middleRows(first, last - first) * B;
        else
            c.noalias() = A.middleRows(first, last - first) * B;
    });
}

} // namespace lm
