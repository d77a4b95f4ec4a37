#pragma once
// The engine's thread count: OpenBLAS's threads (matrix products), Eigen's, and the blocks that
// callers of lm::parallelFor (core/parallel.h) split their loops into. Set once before work
// starts; the same count with the same seed gives the same numbers.
namespace lm {

// n >= 1; throws std::invalid_argument otherwise. While a parallel loop runs (OpenBLAS held to
// one thread, see core/parallel.h) OpenBLAS gets n when the last such loop ends.
void setThreadCount(int n);

// The count last set, or OpenBLAS's own count at start-up (OPENBLAS_NUM_THREADS or the number
// of cores) when none was set. Unaffected by parallel loops holding OpenBLAS to one thread.
int threadCount();

// Where matrix products get their threads: true (the default) when OpenBLAS runs on one thread
// and core/gemm.h splits large products over the pool; false when the environment variable
// LMSCOPE_BLAS_THREADS=openblas gives OpenBLAS the thread count instead (its own workers, which
// spin between calls). Read once; for benchmarks that compare the two.
bool productsOnPool();

namespace threads_detail { // for core/parallel.cpp
// Nested holds from any threads: OpenBLAS runs on one thread from the first hold until the
// last release, then gets threadCount() back.
void holdBlasToOneThread();
void releaseBlas();
} // namespace threads_detail

} // namespace lm
