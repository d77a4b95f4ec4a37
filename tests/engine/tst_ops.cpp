// Gradient checks (central differences) and forward values for every op on the tape.
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/threads.h"
#include "gradcheck.h"

#include <QtTest>

using namespace lm;
using lm::test::gradCheck;
using lm::test::randomTensor;

#define VERIFY_GRADS(f, ...)                                                                                   \
    do {                                                                                                       \
        const auto check = gradCheck(f, {__VA_ARGS__});                                                        \
        QVERIFY2(check.ok, check.report.c_str());                                                              \
    } while (0)

class TestOps final : public QObject {
    Q_OBJECT

private:
    Rng m_rng{7};
    Tensor rnd(const Shape &s, float lo = -1.0f, float hi = 1.0f) { return randomTensor(s, m_rng, lo, hi); }

private Q_SLOTS:
    // Element-wise activations split long arrays between threads; a block may start at any
    // element (here 9001 floats in), so the blocks must not be read as 64-byte aligned.
    void activationsOnUnalignedBlocks()
    {
        const int before = threadCount();
        setThreadCount(2);
        const std::int64_t n = 18002;
        std::vector<float> values(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i)
            values[static_cast<std::size_t>(i)] = static_cast<float>((i % 97) - 48) / 16.0f;
        const Tensor x = Tensor::fromVector({n}, values);
        const Tensor erf = gelu(x), tanh = geluTanh(x);
        setThreadCount(before);
        for (std::int64_t i = 0; i < n; ++i) {
            const double v = values[static_cast<std::size_t>(i)];
            QVERIFY(std::abs(erf.data()[i] - 0.5 * v * (1.0 + std::erf(v / std::sqrt(2.0)))) < 1e-5);
            const double u = std::sqrt(2.0 / M_PI) * (v + 0.044715 * v * v * v);
            QVERIFY(std::abs(tanh.data()[i] - 0.5 * v * (1.0 + std::tanh(u))) < 1e-5);
        }
    }

    void checkerCatchesAWrongGradient()
    {
        // A deliberately wrong backward (2x instead of 1x) must be reported: the checker can fail.
        auto honestValueWrongGrad = [&](const std::vector<Tensor> &in) {
            // value x, gradient 2: scale(x, 2) then subtract x computed without the tape.
            Tensor twice = scale(in[0], 2.0f);
            Tensor x = in[0].detach();
            return sub(twice, x);
        };
        const auto check = gradCheck(honestValueWrongGrad, {rnd({3, 4})});
        QVERIFY(!check.ok);
    }

    void addSameShape() { VERIFY_GRADS([](auto &in) { return add(in[0], in[1]); }, rnd({3, 4}), rnd({3, 4})); }
    void addBroadcastBothSides()
    {
        // (2, 3, 4) + (3, 1): b repeats over the first and last dimensions.
        VERIFY_GRADS([](auto &in) { return add(in[0], in[1]); }, rnd({2, 3, 4}), rnd({3, 1}));
        VERIFY_GRADS([](auto &in) { return add(in[0], in[1]); }, rnd({1, 4}), rnd({3, 1}));
    }
    void subBroadcast() { VERIFY_GRADS([](auto &in) { return sub(in[0], in[1]); }, rnd({4}), rnd({2, 3, 4})); }
    void mulBroadcast() { VERIFY_GRADS([](auto &in) { return mul(in[0], in[1]); }, rnd({2, 3, 4}), rnd({4})); }
    void scaleByConstant() { VERIFY_GRADS([](auto &in) { return scale(in[0], -1.5f); }, rnd({5})); }

    void matmulShared() { VERIFY_GRADS([](auto &in) { return matmul(in[0], in[1]); }, rnd({2, 3, 4}), rnd({4, 5})); }
    void matmulBatched() { VERIFY_GRADS([](auto &in) { return matmul(in[0], in[1]); }, rnd({2, 3, 4}), rnd({2, 4, 5})); }
    void matmulTransposedB()
    {
        VERIFY_GRADS([](auto &in) { return matmul(in[0], in[1], true); }, rnd({3, 4}), rnd({5, 4}));
        VERIFY_GRADS([](auto &in) { return matmul(in[0], in[1], true); }, rnd({2, 3, 4}), rnd({2, 5, 4}));
    }
    void linearWithAndWithoutBias()
    {
        VERIFY_GRADS([](auto &in) { return linear(in[0], in[1], in[2]); }, rnd({2, 3, 4}), rnd({5, 4}), rnd({5}));
        VERIFY_GRADS([](auto &in) { return linear(in[0], in[1]); }, rnd({3, 4}), rnd({5, 4}));
    }

    void reshapeInfers() { VERIFY_GRADS([](auto &in) { return mul(reshape(in[0], {-1, 6}), in[1]); }, rnd({2, 3, 2}), rnd({6})); }
    void transposeDims() { VERIFY_GRADS([](auto &in) { return transpose(in[0], 0, -1); }, rnd({2, 3, 4})); }
    void concatMiddle() { VERIFY_GRADS([](auto &in) { return concat({in[0], in[1]}, 1); }, rnd({2, 3, 4}), rnd({2, 1, 4})); }
    void sliceMiddle() { VERIFY_GRADS([](auto &in) { return slice(in[0], 1, 1, 3); }, rnd({2, 4, 3})); }
    void maskedFillCausal()
    {
        Tensor mask = Tensor::fromVector({3, 3}, {0, 1, 1, 0, 0, 1, 0, 0, 0}); // upper triangle masked
        VERIFY_GRADS([mask](auto &in) { return maskedFill(in[0], mask, -5.0f); }, rnd({2, 3, 3}));
    }
    void sumAndMean()
    {
        VERIFY_GRADS([](auto &in) { return sum(in[0]); }, rnd({3, 4}));
        VERIFY_GRADS([](auto &in) { return mean(in[0]); }, rnd({3, 4}));
        VERIFY_GRADS([](auto &in) { return sum(in[0], 1); }, rnd({2, 3, 4}));
        VERIFY_GRADS([](auto &in) { return mean(in[0], -1, true); }, rnd({2, 3, 4}));
    }

    void embeddingScatterAdds()
    {
        // Id 2 appears twice: its row must receive both gradients.
        VERIFY_GRADS([](auto &in) { return embedding(in[0], {2, 0, 2, 4}, {2, 2}); }, rnd({5, 3}));
    }
    void activations()
    {
        // Inputs kept away from 0 where ReLU has its kink.
        VERIFY_GRADS([](auto &in) { return relu(in[0]); }, rnd({20}, 0.1f, 1.0f));
        VERIFY_GRADS([](auto &in) { return relu(in[0]); }, rnd({20}, -1.0f, -0.1f));
        VERIFY_GRADS([](auto &in) { return tanh(in[0]); }, rnd({20}, -2, 2));
        VERIFY_GRADS([](auto &in) { return sigmoid(in[0]); }, rnd({20}, -3, 3));
        VERIFY_GRADS([](auto &in) { return silu(in[0]); }, rnd({20}, -3, 3));
        VERIFY_GRADS([](auto &in) { return gelu(in[0]); }, rnd({20}, -3, 3));
        VERIFY_GRADS([](auto &in) { return geluTanh(in[0]); }, rnd({20}, -3, 3));
    }
    void softmaxes()
    {
        VERIFY_GRADS([](auto &in) { return softmax(in[0]); }, rnd({3, 5}, -2, 2));
        VERIFY_GRADS([](auto &in) { return logSoftmax(in[0]); }, rnd({3, 5}, -2, 2));
    }
    void norms()
    {
        VERIFY_GRADS([](auto &in) { return layerNorm(in[0], in[1], in[2]); }, rnd({3, 6}, -2, 2), rnd({6}), rnd({6}));
        VERIFY_GRADS([](auto &in) { return layerNorm(in[0], Tensor(), Tensor()); }, rnd({3, 6}, -2, 2));
        VERIFY_GRADS([](auto &in) { return rmsNorm(in[0], in[1]); }, rnd({3, 6}, -2, 2), rnd({6}));
    }
    void crossEntropyWithIgnoredRow()
    {
        VERIFY_GRADS([](auto &in) { return crossEntropy(in[0], {1, -100, 3, 0}); }, rnd({4, 5}, -2, 2));
    }
    void dropoutWithFixedMask()
    {
        // The same seed inside f gives the same mask on every evaluation.
        VERIFY_GRADS([](auto &in) { Rng r(3); return dropout(in[0], 0.3f, r); }, rnd({4, 5}));
    }

    // ---- forward values ----
    void geluValues()
    {
        Tensor x = Tensor::fromVector({2}, {1.0f, -0.5f});
        // torch.nn.functional.gelu(tensor([1., -.5])) and approximate='tanh'
        QCOMPARE_LE(std::abs(gelu(x).data()[0] - 0.8413447f), 1e-6f);
        QCOMPARE_LE(std::abs(gelu(x).data()[1] + 0.1542687f), 1e-6f);
        QCOMPARE_LE(std::abs(geluTanh(x).data()[0] - 0.8411920f), 1e-6f);
    }
    void softmaxRowSumsToOne()
    {
        Tensor y = softmax(Tensor::fromVector({2, 3}, {1, 2, 3, 1000, 1000, 1000}));
        QCOMPARE_LE(std::abs(y.data()[0] - 0.09003057f), 1e-6f);
        QCOMPARE_LE(std::abs(y.data()[3] - 1.0f / 3.0f), 1e-6f); // no overflow at 1000
    }
    void crossEntropyValue()
    {
        // Row [0, 0, 0] with target 1: −log(1/3). The ignored row does not count.
        Tensor loss = crossEntropy(Tensor::fromVector({2, 3}, {0, 0, 0, 5, 1, 2}), {1, -100});
        QCOMPARE_LE(std::abs(loss.item() - std::log(3.0f)), 1e-6f);
        QVERIFY(std::isnan(crossEntropy(Tensor::fromVector({1, 3}, {0, 0, 0}), {-100}).item()));
    }
    void layerNormValue()
    {
        // [1, 2, 3]: μ = 2, σ² = 2/3 -> x̂ = [−1.2247, 0, 1.2247]
        Tensor y = layerNorm(Tensor::fromVector({3}, {1, 2, 3}), Tensor(), Tensor());
        QCOMPARE_LE(std::abs(y.data()[0] + 1.2247357f), 1e-5f);
        QCOMPARE_LE(std::abs(y.data()[1]), 1e-6f);
    }
    void matmulValue()
    {
        Tensor a = Tensor::fromVector({2, 2}, {1, 2, 3, 4});
        Tensor b = Tensor::fromVector({2, 2}, {5, 6, 7, 8});
        QCOMPARE(matmul(a, b).toVector(), (std::vector<float>{1 * 5 + 2 * 7, 1 * 6 + 2 * 8, 3 * 5 + 4 * 7, 3 * 6 + 4 * 8}));
        QCOMPARE(matmul(a, b, true).toVector(), (std::vector<float>{1 * 5 + 2 * 6, 1 * 7 + 2 * 8, 3 * 5 + 4 * 6, 3 * 7 + 4 * 8}));
    }

    // ---- misuse ----
    void badShapesThrow()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, add(Tensor::zeros({2, 3}), Tensor::zeros({4})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, matmul(Tensor::zeros({2, 3}), Tensor::zeros({4, 5})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, reshape(Tensor::zeros({2, 3}), {4, -1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, slice(Tensor::zeros({2, 3}), 1, 2, 5));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, embedding(Tensor::zeros({4, 2}), {4}, {1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, crossEntropy(Tensor::zeros({1, 3}), {3}));
    }
    void noTapeNoRecording()
    {
        Tensor a = rnd({2, 2});
        Tensor y = add(a, a); // no tape active
        QVERIFY(!y.requiresGrad());
        Tape tape;
        TapeScope scope(tape);
        Tensor z = add(a, a);
        QVERIFY(z.requiresGrad());
        QCOMPARE(tape.size(), std::size_t(1));
    }
};

QTEST_APPLESS_MAIN(TestOps)
#include "tst_ops.moc"
