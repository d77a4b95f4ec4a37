// The RNN–Transformer hybrids against GPT at the size of the PyTorch peer
// (/work/shared/peers/torch_train_speed.py rwkv): d=128, 4 layers, T=128, B=16, byte vocabulary,
// AdamW, random byte batches; every family built through the architecture table (Jamba with one
// attention layer in four and its default experts).
//   train : ms/step and tokens/s, for 1 and 2 threads (or --threads N).
//   generate : time per token while a context grows token by token, measured over the 32 tokens
//              after a context of 256 and after one of 2048 (the ratio: flat for a fixed-size
//              state, growing for a KV cache).
//   bench_hybrid [--arch rwkv,mamba,gpt] [--steps N] [--threads N] [--no-generate]
#include "core/optim.h"
#include "core/rng.h"
#include "core/tape.h"
#include "core/threads.h"
#include "models/architecture.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr int kB = 16, kT = 128, kV = 256;

nlohmann::json configFor(const std::string &arch, int maxSeq)
{
    const lm::Architecture *a = lm::findArchitecture(arch);
    if (!a) {
        std::fprintf(stderr, "error: unknown arch '%s'\n", arch.c_str());
        std::exit(2);
    }
    nlohmann::json given = {{"dim", 128}, {"layers", 4}};
    if (a->option("heads"))
        given["heads"] = 4;
    if (a->option("max_seq"))
        given["max_seq"] = maxSeq;
    if (a->option("attn_period")) // Jamba: one attention layer among the four (layer 2)
        given["attn_period"] = 4, given["attn_offset"] = 2;
    auto config = a->configFor(given, kV, kT);
    if (!config) {
        std::fprintf(stderr, "error: %s: %s\n", arch.c_str(), config.error().c_str());
        std::exit(2);
    }
    return config.value();
}

void train(const std::string &arch, int threads, int steps)
{
    lm::setThreadCount(threads);
    lm::Rng rng(1234);
    auto model = lm::findArchitecture(arch)->create(configFor(arch, kT), 1).value();
    auto opt = lm::makeOptimizer("adamw", model->parameters(), 1e-3f, 0.01f);
    lm::TokenBatch batch;
    batch.batch = kB;
    batch.time = kT;
    for (int i = 0; i < kB * kT; ++i) {
        batch.inputs.push_back(static_cast<std::int32_t>(rng.next() % kV));
        batch.targets.push_back(static_cast<std::int32_t>(rng.next() % kV));
    }
    auto step = [&] {
        lm::Tape tape;
        lm::TapeScope scope(tape);
        lm::Tensor loss = model->loss(batch);
        opt->zeroGrad();
        tape.backward(loss);
        opt->step();
        return loss.item();
    };
    for (int i = 0; i < 3; ++i)
        step(); // warm-up: allocations, OpenBLAS threads
    const auto start = std::chrono::steady_clock::now();
    float last = 0.0f;
    for (int i = 0; i < steps; ++i)
        last = step();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("train %s d=128 L=4 B=%d T=%d threads=%d params=%lld: step %.1f ms, tokens/s %.0f (loss %.4f)\n",
                arch.c_str(), kB, kT, threads, static_cast<long long>(model->parameterCount()), 1e3 * s / steps,
                double(steps) * kB * kT / s, last);
}

// Seconds per token over the `count` tokens after a context of `from`, generated greedily.
double secondsPerToken(lm::LanguageModel &model, int from, int count)
{
    lm::Rng rng(9);
    std::vector<std::int32_t> context;
    model.resetState();
    for (int i = 0; i < from; ++i) // the context grows token by token: the cache or state is reused
        context.push_back(static_cast<std::int32_t>(rng.next() % kV));
    (void)model.nextTokenLogits(context);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < count; ++i) {
        const lm::Tensor logits = model.nextTokenLogits(context);
        context.push_back(static_cast<std::int32_t>(i % kV));
        (void)logits;
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / count;
}

void generate(const std::string &arch)
{
    lm::setThreadCount(1);
    constexpr int kShort = 256, kLong = 2048, kCount = 32;
    auto model = lm::findArchitecture(arch)->create(configFor(arch, kLong + kCount + 1), 1).value();
    const double atShort = secondsPerToken(*model, kShort, kCount);
    const double atLong = secondsPerToken(*model, kLong, kCount);
    std::printf("generate %s d=128 L=4 threads=1: %.3f ms/token at context %d, %.3f ms/token at %d, ratio %.2f\n",
                arch.c_str(), 1e3 * atShort, kShort, 1e3 * atLong, kLong, atLong / atShort);
}

} // namespace

int main(int argc, char **argv)
{
    int steps = 20, onlyThreads = 0;
    bool generation = true;
    std::vector<std::string> archs{"rwkv", "mamba", "gpt"};
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--steps") && i + 1 < argc)
            steps = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
            onlyThreads = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--no-generate"))
            generation = false;
        else if (!std::strcmp(argv[i], "--arch") && i + 1 < argc) {
            archs.clear();
            std::stringstream list(argv[++i]);
            for (std::string a; std::getline(list, a, ',');)
                archs.push_back(a);
        }
    }
    const std::vector<int> threadCounts = onlyThreads ? std::vector<int>{onlyThreads} : std::vector<int>{1, 2};
    for (const std::string &arch : archs)
        for (int threads : threadCounts)
            train(arch, threads, steps);
    if (generation)
        for (const std::string &arch : archs)
            generate(arch);
    return 0;
}
