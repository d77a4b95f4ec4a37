// Training throughput of T5 against `../shared/peers/torch_train_speed.py t5 --layers 4 --T 64`:
// d128, 2 encoder + 2 decoder blocks, 4 heads, ReLU feed-forward 4·d, 32 buckets, an untied head
// (as the peer's), 256 byte-sized tokens, random source and target of T tokens each, batch B;
// tokens/s counts both sides (2·B·T per step, as the peer does), over --steps steps after a
// warm-up of 3.
//   bench_seq2seq [--threads N] [--steps N] [--T N] [--B N]
#include "core/rng.h"
#include "core/threads.h"
#include "models/architecture.h"
#include "train/objectives/sequences.h"
#include "train/trainer.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char **argv)
{
    int threads = 2, steps = 20, T = 64, B = 16;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--threads"))
            threads = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--steps"))
            steps = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--T"))
            T = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--B"))
            B = std::atoi(argv[i + 1]);
    }
    lm::setThreadCount(threads);
    auto config = lm::findArchitecture("t5")->configFor({{"dim", 128}, {"layers", 2}, {"heads", 4}, {"tied_head", false}}, 256, T);
    if (!config) {
        std::fprintf(stderr, "error: %s\n", config.error().c_str());
        return 1;
    }
    auto model = lm::createModel(config.value(), 1);
    if (!model) {
        std::fprintf(stderr, "error: %s\n", model.error().c_str());
        return 1;
    }
    // Pairs of T − 1 random tokens: with the end token the encoder reads T, the decoder T.
    lm::Rng rng(7);
    std::vector<lm::SequencePair> pairs(256);
    for (auto &p : pairs)
        for (int t = 0; t < T - 1; ++t) {
            p.source.push_back(3 + static_cast<std::int32_t>(rng.below(253)));
            p.target.push_back(3 + static_cast<std::int32_t>(rng.below(253)));
        }
    auto objective = lm::SequenceToSequenceObjective::create(std::move(pairs), T, {0, 0, 1});
    lm::TrainConfig train;
    train.steps = steps + 3;
    train.batch = B;
    train.seq = T;
    lm::Trainer trainer(*model.value(), std::make_unique<lm::SequenceToSequenceObjective>(std::move(objective).value()),
                        train);
    for (int i = 0; i < 3; ++i)
        trainer.step();
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < steps; ++i)
        trainer.step();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("t5: params=%lld B=%d T=%d threads=%d step_ms=%.1f tokens_per_s=%.0f\n",
                static_cast<long long>(model.value()->parameterCount()), B, T, threads, 1e3 * s / steps,
                2.0 * B * T * steps / s);
    return 0;
}
