// Training throughput of the GPT family at the size of the PyTorch peer
// (/work/shared/peers/torch_train_speed.py gpt): d=128, 4 layers, 4 heads, T=128, B=16, byte
// vocabulary, AdamW, random byte batches. Prints ms/step and tokens/s for 1 and 2 threads.
//   bench_gpt [--steps N] [--threads N]   (without --threads: 1 then 2)
#include "core/optim.h"
#include "core/rng.h"
#include "core/tape.h"
#include "core/threads.h"
#include "models/transformer/transformer.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

int main(int argc, char **argv)
{
    int steps = 20, onlyThreads = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--steps"))
            steps = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--threads"))
            onlyThreads = std::atoi(argv[i + 1]);
    }
    constexpr int B = 16, T = 128, V = 256;
    std::vector<int> threadCounts = onlyThreads ? std::vector<int>{onlyThreads} : std::vector<int>{1, 2};
    for (int threads : threadCounts) {
        lm::setThreadCount(threads);
        lm::Rng rng(1234);
        lm::TransformerConfig config; // gpt, d=128, 4 layers, 4 heads, learned positions
        config.layout = lm::TransformerLayout::Gpt2;
        config.vocabSize = V;
        config.maxSeq = T;
        auto model = lm::makeTransformer(config, rng);
        lm::Adam::Options o;
        o.lr = 1e-3f;
        o.weightDecay = 0.01f;
        o.decoupled = true;
        lm::Adam opt(model->parameters(), o);
        lm::TokenBatch batch;
        batch.batch = B;
        batch.time = T;
        for (int i = 0; i < B * T; ++i) {
            batch.inputs.push_back(static_cast<std::int32_t>(rng.next() % V));
            batch.targets.push_back(static_cast<std::int32_t>(rng.next() % V));
        }
        auto step = [&] {
            lm::Tape tape;
            lm::TapeScope scope(tape);
            lm::Tensor loss = model->loss(batch);
            opt.zeroGrad();
            tape.backward(loss);
            opt.step();
            return loss.item();
        };
        for (int i = 0; i < 3; ++i)
            step(); // warm-up: allocations, OpenBLAS threads
        const auto start = std::chrono::steady_clock::now();
        float last = 0.0f;
        for (int i = 0; i < steps; ++i)
            last = step();
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("gpt d=128 L=4 H=4 B=%d T=%d threads=%d params=%lld: step %.1f ms, tokens/s %.0f (loss %.4f)\n", B,
                    T, threads, static_cast<long long>(model->parameterCount()), 1e3 * s / steps,
                    double(steps) * B * T / s, last);
    }
    return 0;
}
