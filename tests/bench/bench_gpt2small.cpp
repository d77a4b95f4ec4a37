// GPT-2 small (124M parameters: 768 wide, 12 layers, 12 heads, 50,257 tokens) with random weights:
// the time of one forward pass over 64 tokens, on 1 and 2 threads. A real checkpoint has the
// same shapes, so the same time (issue 5's bar: under a second).
#include "core/rng.h"
#include "core/tape.h"
#include "core/threads.h"
#include "models/transformer/transformer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

int main()
{
    lm::TransformerConfig c;
    c.layout = lm::TransformerLayout::Gpt2;
    c.vocabSize = 50257;
    c.dim = 768;
    c.layers = 12;
    c.heads = 12;
    c.maxSeq = 1024;
    lm::Rng rng(1);
    const auto start = std::chrono::steady_clock::now();
    auto model = lm::makeTransformer(c, rng);
    std::printf("gpt2-small: %lld parameters, built in %.1f s\n", static_cast<long long>(model->parameterCount()),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    std::vector<std::int32_t> ids(64);
    for (std::size_t i = 0; i < ids.size(); ++i)
        ids[i] = static_cast<std::int32_t>((i * 7919) % 50257);
    lm::NoGradScope noGrad;
    for (int threads : {1, 2}) {
        lm::setThreadCount(threads);
        double best = 1e30;
        for (int rep = 0; rep < 4; ++rep) {
            const auto t = std::chrono::steady_clock::now();
            const lm::Tensor logits = model->sequenceLogits(ids);
            best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count());
        }
        std::printf("forward of 64 tokens, threads %d: best %.3f s\n", threads, best);
    }
    return 0;
}
