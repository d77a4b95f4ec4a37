// Training throughput of a recurrent language model built from engine ops, the same model as
// /work/shared/peers/torch_train_speed.py lstm|gru: byte vocabulary V = 256, embedding 128,
// 2 layers of hidden 256, linear head, batch B = 16, sequence T = 128, AdamW (lr 1e-3, decay
// 0.01), cross-entropy. Prints ms per step (forward, backward, optimizer) and tokens/s.
//   bench_recurrent [--steps N] [--threads N] [--kind lstm|gru]   (default: both kinds, 1 and 2 threads)
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/optim.h"
#include "core/rng.h"
#include "core/tape.h"
#include "core/threads.h"
#include "models/recurrent/recurrent.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr std::int64_t V = 256, E = 128, H = 256, B = 16, T = 128;

struct Model {
    lm::Tensor embedding; // (V, E)
    lm::RecurrentStack rnn;
    lm::Tensor headWeight; // (V, H)
    lm::Tensor headBias;   // (V)

    Model(lm::CellKind kind, lm::Rng &rng) : rnn(config(kind), rng)
    {
        embedding = lm::Tensor::zeros({V, E}, true);
        for (std::int64_t i = 0; i < embedding.numel(); ++i)
            embedding.data()[i] = rng.normal(); // torch.nn.Embedding: N(0, 1)
        const float k = 1.0f / std::sqrt(float(H)); // torch.nn.Linear: uniform(±1/√in)
        headWeight = lm::Tensor::zeros({V, H}, true);
        headBias = lm::Tensor::zeros({V}, true);
        for (lm::Tensor *t : {&headWeight, &headBias})
            for (std::int64_t i = 0; i < t->numel(); ++i)
                t->data()[i] = rng.uniform(-k, k);
    }
    static lm::RecurrentConfig config(lm::CellKind kind)
    {
        lm::RecurrentConfig c;
        c.kind = kind;
        c.inputSize = E;
        c.hidden = H;
        c.layers = 2;
        return c;
    }
    lm::ParameterList parameters() const
    {
        lm::ParameterList list{{"emb.weight", embedding}};
        for (auto &p : rnn.parameters("rnn."))
            list.push_back(p);
        list.push_back({"head.weight", headWeight});
        list.push_back({"head.bias", headBias});
        return list;
    }
    lm::Tensor loss(const std::vector<std::int32_t> &inputs, const std::vector<std::int32_t> &targets) const
    {
        const lm::Tensor x = lm::embedding(embedding, inputs, {B, T}); // (B, T, E)
        const lm::Tensor h = rnn.forward(x).output;                     // (B, T, H)
        const lm::Tensor logits = lm::linear(lm::reshape(h, {B * T, H}), headWeight, headBias);
        return lm::crossEntropy(logits, targets);
    }
};

void bench(lm::CellKind kind, int threads, int steps)
{
    lm::setThreadCount(threads);
    lm::Rng rng(0);
    Model model(kind, rng);
    std::vector<std::int32_t> inputs(B * T), targets(B * T);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        inputs[i] = static_cast<std::int32_t>(rng.below(V));
        targets[i] = static_cast<std::int32_t>(rng.below(V));
    }
    lm::Adam::Options o;
    o.lr = 1e-3f;
    o.weightDecay = 0.01f; // torch.optim.AdamW's default
    o.decoupled = true;
    lm::Adam opt(model.parameters(), o);
    float last = 0;
    const auto step = [&] {
        opt.zeroGrad();
        lm::Tape tape;
        lm::TapeScope scope(tape);
        const lm::Tensor loss = model.loss(inputs, targets);
        last = loss.item();
        tape.backward(loss);
        opt.step();
    };
    for (int i = 0; i < 3; ++i)
        step(); // warm-up, as the peer script
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < steps; ++i)
        step();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / steps;
    std::int64_t params = 0;
    for (const auto &p : model.parameters())
        params += p.tensor.numel();
    std::printf("%s: params=%lld B=%lld T=%lld threads=%d step_ms=%.1f tokens_per_s=%.0f (loss %.3f)\n",
                lm::cellName(kind), static_cast<long long>(params), static_cast<long long>(B), static_cast<long long>(T),
                threads, 1e3 * s, double(B * T) / s, last);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    int steps = 20;
    std::vector<int> threads{1, 2};
    std::vector<lm::CellKind> kinds{lm::CellKind::Lstm, lm::CellKind::Gru};
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--steps"))
            steps = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--threads"))
            threads = {std::atoi(argv[i + 1])};
        else if (!std::strcmp(argv[i], "--kind"))
            kinds = {std::strcmp(argv[i + 1], "gru") ? lm::CellKind::Lstm : lm::CellKind::Gru};
    }
    for (lm::CellKind kind : kinds)
        for (int n : threads)
            bench(kind, n, steps);
    return 0;
}
