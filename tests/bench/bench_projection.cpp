// PCA of 50,000 × 100 and exact t-SNE of 2,000 × 100 (1000 iterations) on 1 and 2 threads.
// Prints the best and median wall time of the repeats; the data are 10 Gaussian clusters.
//   bench_projection [--reps N]
#include "core/rng.h"
#include "core/threads.h"
#include "inspect/projection.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <vector>

using namespace lm;
using Clock = std::chrono::steady_clock;

namespace {

struct Timing {
    double best, median;
};

// Best and median of `reps` runs after one warm-up, in seconds.
Timing time(int reps, const std::function<void()> &f)
{
    f();
    std::vector<double> t;
    for (int i = 0; i < reps; ++i) {
        const auto start = Clock::now();
        f();
        t.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::sort(t.begin(), t.end());
    return {t.front(), t[t.size() / 2]};
}

// data: (n, d), 10 clusters with centres N(0, 3²) per coordinate and N(0, 1) noise.
std::vector<float> clusters(std::int64_t n, int d, std::uint64_t seed)
{
    Rng rng(seed);
    std::vector<float> centre(10 * std::size_t(d));
    for (float &c : centre)
        c = rng.normal(0.0f, 3.0f);
    std::vector<float> x(std::size_t(n) * std::size_t(d));
    for (std::int64_t i = 0; i < n; ++i) {
        const std::size_t c = std::size_t(rng.below(10));
        for (int j = 0; j < d; ++j)
            x[std::size_t(i) * std::size_t(d) + std::size_t(j)] = centre[c * std::size_t(d) + std::size_t(j)] + rng.normal();
    }
    return x;
}

} // namespace

int main(int argc, char **argv)
{
    int reps = 3;
    if (argc == 3 && std::strcmp(argv[1], "--reps") == 0)
        reps = std::max(1, std::atoi(argv[2]));

    const std::int64_t pn = 50000;
    const int pd = 100;
    const std::vector<float> px = clusters(pn, pd, 1);
    for (int threads : {1, 2}) {
        setThreadCount(threads);
        const Timing t = time(reps * 3, [&] { (void)pca(px.data(), pn, pd, 2); });
        std::printf("pca   %lld x %d -> 2, BLAS threads %d: best %.3f s, median %.3f s\n", (long long)pn, pd, threads,
                    t.best, t.median);
    }

    const std::int64_t tn = 2000;
    const int td = 100;
    const std::vector<float> tx = clusters(tn, td, 2);
    CancelToken cancel;
    for (int threads : {1, 2}) {
        setThreadCount(threads);
        TsneOptions o;
        o.threads = threads;
        o.iterations = 1;
        const Timing setup = time(reps, [&] { (void)tsne(tx.data(), tn, td, o, cancel); });
        o.iterations = 1000;
        const Timing t = time(reps, [&] { (void)tsne(tx.data(), tn, td, o, cancel); });
        std::printf("tsne  %lld x %d -> 2, 1000 iterations, threads %d: best %.3f s, median %.3f s "
                    "(affinities + 1 iteration: %.3f s)\n",
                    (long long)tn, td, threads, t.best, t.median, setup.best);
    }
    return 0;
}
