// matmul through the tape against the raw GEMM it wraps (Eigen on OpenBLAS), at model shapes,
// on 1 and 2 threads. Prints GFLOP/s for each and the ratio tape / raw.
//   bench_matmul [--reps N]
#include "core/ops.h"
#include "core/rng.h"
#include "core/tape.h"
#include "core/threads.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>

using namespace lm;
using Clock = std::chrono::steady_clock;

namespace {
// Best time of `reps` runs (after two warm-ups), in seconds.
double best(int reps, const std::function<void()> &f)
{
    f();
    f();
    double b = 1e30;
    for (int i = 0; i < reps; ++i) {
        const auto t = Clock::now();
        f();
        b = std::min(b, std::chrono::duration<double>(Clock::now() - t).count());
    }
    return b;
}

Tensor random(const Shape &s, Rng &rng, bool grad)
{
    Tensor t = Tensor::zeros(s, grad);
    for (std::int64_t i = 0; i < t.numel(); ++i)
        t.data()[i] = rng.uniform(-1, 1);
    return t;
}
} // namespace

int main(int argc, char **argv)
{
    int reps = 30;
    if (argc == 3 && std::strcmp(argv[1], "--reps") == 0)
        reps = std::max(1, std::atoi(argv[2]));
    struct ShapeCase {
        int M, K, N;
        const char *what;
    };
    const ShapeCase cases[] = {{2048, 128, 384, "qkv projection (B·T=2048, d=128)"},
                               {2048, 128, 512, "MLP up (d -> 4d)"},
                               {2048, 512, 128, "MLP down (4d -> d)"},
                               {2048, 128, 256, "byte-vocab head"}};
    std::printf("%-34s %3s %9s %9s %6s | %9s %9s %6s\n", "shape (M×K)·(K×N)", "thr", "raw fwd", "tape fwd", "ratio",
                "raw f+b", "tape f+b", "ratio");
    Rng rng(1);
    for (int threads : {1, 2}) {
        setThreadCount(threads);
        for (const auto &c : cases) {
            const double flop = 2.0 * c.M * c.K * c.N;
            Tensor a = random({c.M, c.K}, rng, true), b = random({c.K, c.N}, rng, true);
            RowMatrix out(c.M, c.N), da(c.M, c.K), db(c.K, c.N);
            ConstMatrixMap A(a.data(), c.M, c.K), B(b.data(), c.K, c.N);
            const double raw = best(reps, [&] { out.noalias() = A * B; });
            // The backward of C = A B is two more GEMMs: dA = G Bᵀ, dB = Aᵀ G.
            const double raw3 = best(reps, [&] {
                out.noalias() = A * B;
                da.noalias() = out * B.transpose();
                db.noalias() = A.transpose() * out;
            });
            const double tape = best(reps, [&] {
                Tape t;
                TapeScope s(t);
                Tensor y = matmul(a, b);
            });
            const double tape3 = best(reps, [&] {
                Tape t;
                TapeScope s(t);
                Tensor y = matmul(a, b);
                y.grad(); // seed dL/dy without an extra op: measure matmul's own backward
                std::fill(y.grad(), y.grad() + y.numel(), 1.0f);
                t.backward(Tensor::scalar(0.0f, true));
                a.dropGrad();
                b.dropGrad();
            });
            char label[64];
            std::snprintf(label, sizeof label, "(%d×%d)·(%d×%d)", c.M, c.K, c.K, c.N);
            std::printf("%-34s %3d %9.1f %9.1f %5.0f%% | %9.1f %9.1f %5.0f%%   %s\n", label, threads, flop / raw * 1e-9,
                        flop / tape * 1e-9, 100.0 * raw / tape, 3 * flop / raw3 * 1e-9, 3 * flop / tape3 * 1e-9,
                        100.0 * raw3 / tape3, c.what);
        }
    }
    std::printf("GFLOP/s; ratio = raw time / tape time (fwd: one GEMM; f+b: forward plus both gradient GEMMs)\n");
    return 0;
}
