#include "core/threads.h"

#include <Eigen/Core>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <string>

extern "C" {
void openblas_set_num_threads(int);
int openblas_get_num_threads(void);
}

namespace lm {

bool productsOnPool()
{
    static const bool onPool = [] {
        const char *v = std::getenv("LMSCOPE_BLAS_THREADS");
        return !(v && std::string(v) == "openblas");
    }();
    return onPool;
}

namespace {

std::atomic<int> g_count{0}; // 0: never set, OpenBLAS's start-up count applies
std::mutex g_blasMutex;      // guards g_holds and every openblas_set_num_threads
int g_holds = 0;

// OpenBLAS's thread count for an engine count of n.
int blasThreadsFor(int n) { return productsOnPool() ? 1 : n; }

int startupCount()
{
    static const int n = [] {
        const int cores = openblas_get_num_threads(); // first read before any hold (see threadCount)
        openblas_set_num_threads(blasThreadsFor(cores));
        return cores;
    }();
    return n;
}

} // namespace

void setThreadCount(int n)
{
    if (n < 1)
        throw std::invalid_argument("thread count must be at least 1, got " + std::to_string(n));
    std::lock_guard lock(g_blasMutex);
    startupCount();
    g_count.store(n);
    if (g_holds == 0)
        openblas_set_num_threads(blasThreadsFor(n));
    Eigen::setNbThreads(n);
}

int threadCount()
{
    const int n = g_count.load(std::memory_order_relaxed);
    if (n > 0)
        return n;
    std::lock_guard lock(g_blasMutex); // so the start-up count is never read inside a hold
    return startupCount();
}

namespace threads_detail {

void holdBlasToOneThread()
{
    std::lock_guard lock(g_blasMutex);
    startupCount();
    if (g_holds++ == 0)
        openblas_set_num_threads(1);
}

void releaseBlas()
{
    std::lock_guard lock(g_blasMutex);
    if (--g_holds == 0) {
        const int n = g_count.load();
        openblas_set_num_threads(blasThreadsFor(n > 0 ? n : startupCount()));
    }
}

} // namespace threads_detail

} // namespace lm
