// Training throughput of the MLP language model (the foundation's first model) on the built-in
// English corpus, byte tokens: tokens/s over a fixed number of steps after a warm-up.
//   bench_train [--threads N] [--steps N]
#include "core/threads.h"
#include "text/corpus.h"
#include "train/setup.h"

#include <chrono>
#include <cstdio>
#include <tuple>
#include <cstdlib>
#include <cstring>

int main(int argc, char **argv)
{
    int threads = 1, steps = 200;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--threads"))
            threads = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--steps"))
            steps = std::atoi(argv[i + 1]);
    }
    lm::setThreadCount(threads);
    auto corpus = lm::loadCorpus(LMSCOPE_SOURCE_DIR "/resources/corpora/en.txt");
    if (!corpus) {
        std::fprintf(stderr, "error: %s\n", corpus.error().c_str());
        return 1;
    }
    for (const auto &[dim, hidden, batch] : {std::tuple{32, 128, 32}, std::tuple{64, 512, 64}}) {
        lm::ModelChoice m;
        m.tokenizer = "byte";
        m.arch = "mlp";
        m.options = {{"dim", dim}, {"hidden", hidden}};
        lm::TrainConfig t;
        t.steps = steps + 10;
        t.batch = batch;
        t.seq = 64;
        auto setup = lm::prepareTraining(corpus.value().text, m, t);
        if (!setup) {
            std::fprintf(stderr, "error: %s\n", setup.error().c_str());
            return 1;
        }
        auto &trainer = *setup.value().trainer;
        for (int i = 0; i < 10; ++i)
            trainer.step(); // warm-up: allocations, OpenBLAS threads
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < steps; ++i)
            trainer.step();
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("mlp dim=%d hidden=%d context=5 B=%d T=%d threads=%d params=%lld: tokens/s %.0f, step %.2f ms\n", dim,
                    hidden, batch, t.seq, threads, static_cast<long long>(setup.value().model->parameterCount()),
                    double(steps) * batch * t.seq / s, 1e3 * s / steps);
    }
    return 0;
}
