// Attention: central-difference gradient checks of the fused op (plain, causal, key padding, GQA,
// cross-attention, ALiBi, a fully masked row) and of RoPE; equivalence with the same attention
// composed from existing ops; the same numbers for 1 and 2 threads; the trace; ALiBi slopes,
// sinusoidal positions and shape errors.
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/rng.h"
#include "core/tape.h"
#include "core/threads.h"
#include "attentiongrads.h"
#include "gradcheck.h"
#include "models/attention.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace lm;
using lm::test::gradCheck;
using lm::test::randomTensor;

namespace {
// Central differences with eps 1e-2 in float32: |analytic − numeric| <= 1e-3 + 5e-3·|numeric|.
constexpr float kEps = 1e-2f;
constexpr double kAtol = 1e-3, kRtol = 5e-3;

using Grads = lm::test::AttentionGrads;
using lm::test::attentionGrads;

double maxDiff(const std::vector<float> &a, const std::vector<float> &b)
{
    if (a.size() != b.size())
        return std::numeric_limits<double>::infinity();
    double m = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        m = std::max(m, std::abs(double(a[i]) - b[i]));
    return m;
}
} // namespace

class TestAttention final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gradients_data()
    {
        QTest::addColumn<int>("H");
        QTest::addColumn<int>("Hkv");
        QTest::addColumn<int>("Tq");
        QTest::addColumn<int>("Tk");
        QTest::addColumn<bool>("causal");
        QTest::addColumn<bool>("padding"); // batch row 1 pads its first key (row 0 of a causal mask
                                           // then sees nothing) and its last
        QTest::addColumn<bool>("alibi");
        QTest::newRow("plain") << 2 << 2 << 4 << 4 << false << false << false;
        QTest::newRow("causal") << 2 << 2 << 4 << 4 << true << false << false;
        QTest::newRow("padding") << 2 << 2 << 4 << 4 << false << true << false;
        QTest::newRow("causal + padding, one fully masked row") << 2 << 2 << 4 << 4 << true << true << false;
        QTest::newRow("gqa H4 Hkv2 causal") << 4 << 2 << 4 << 4 << true << false << false;
        QTest::newRow("gqa H4 Hkv1") << 4 << 1 << 3 << 3 << false << false << false;
        QTest::newRow("cross Tq3 Tk5") << 2 << 2 << 3 << 5 << false << false << false;
        QTest::newRow("cross Tq3 Tk5 causal (end-aligned)") << 2 << 1 << 3 << 5 << true << true << false;
        QTest::newRow("alibi causal") << 2 << 2 << 4 << 4 << true << false << true;
        QTest::newRow("alibi, no mask") << 3 << 3 << 4 << 4 << false << false << true;
    }
    void gradients()
    {
        QFETCH(int, H);
        QFETCH(int, Hkv);
        QFETCH(int, Tq);
        QFETCH(int, Tk);
        QFETCH(bool, causal);
        QFETCH(bool, padding);
        QFETCH(bool, alibi);
        constexpr std::int64_t B = 2, D = 3;
        Rng rng(7);
        std::vector<Tensor> inputs{randomTensor({B, H, Tq, D}, rng), randomTensor({B, Hkv, Tk, D}, rng),
                                   randomTensor({B, Hkv, Tk, D}, rng)};
        std::vector<std::uint8_t> pad(static_cast<std::size_t>(B * Tk), 0);
        pad[static_cast<std::size_t>(Tk)] = 1;          // batch row 1, key 0
        pad[static_cast<std::size_t>(2 * Tk - 1)] = 1;  // batch row 1, last key
        AttentionOptions options;
        options.causal = causal;
        options.alibi = alibi;
        options.keyPadding = padding ? &pad : nullptr;
        const auto result = gradCheck(
            [&](const std::vector<Tensor> &in) { return attention(in[0], in[1], in[2], options); }, inputs, kEps,
            kAtol, kRtol);
        QVERIFY2(result.ok, result.report.c_str());
    }

    void fullyMaskedRowIsZero()
    {
        Rng rng(3);
        const Tensor q = randomTensor({1, 1, 3, 2}, rng), k = randomTensor({1, 1, 3, 2}, rng),
                     v = randomTensor({1, 1, 3, 2}, rng);
        const std::vector<std::uint8_t> pad{1, 0, 0}; // causal: query 0 sees only key 0, padded
        AttentionOptions options;
        options.causal = true;
        options.keyPadding = &pad;
        const auto out = attention(q, k, v, options).toVector();
        QCOMPARE(out[0], 0.0f);
        QCOMPARE(out[1], 0.0f);
        // query 1 sees key 1 only: its output is v_1
        QCOMPARE(out[2], v.data()[2]);
        QCOMPARE(out[3], v.data()[3]);
    }

    void ropeGradients()
    {
        Rng rng(11);
        std::vector<Tensor> inputs{randomTensor({2, 2, 3, 4}, rng)};
        const auto result =
            gradCheck([](const std::vector<Tensor> &in) { return rope(in[0], 5, 100.0f); }, inputs, kEps, kAtol, kRtol);
        QVERIFY2(result.ok, result.report.c_str());
    }

    void ropeIsRelative()
    {
        // ⟨rope(q, a), rope(k, b)⟩ depends on a − b only: shifting both offsets keeps the scores.
        Rng rng(5);
        const Tensor q = randomTensor({1, 1, 1, 8}, rng, -1.0f, 1.0f, false);
        const Tensor k = randomTensor({1, 1, 1, 8}, rng, -1.0f, 1.0f, false);
        const auto dot = [](const Tensor &a, const Tensor &b) { return sum(mul(a, b)).item(); };
        QVERIFY(std::abs(dot(rope(q, 7), rope(k, 3)) - dot(rope(q, 4 + 7), rope(k, 4 + 3))) < 1e-5f);
        // position 0 is the identity
        QCOMPARE(rope(q, 0).toVector(), q.toVector());
    }

    void matchesComposedOps_data()
    {
        QTest::addColumn<int>("T");
        QTest::addColumn<int>("D");
        QTest::newRow("T5 D4") << 5 << 4;
        QTest::newRow("T37 D33: row blocks and panels with tails") << 37 << 33;
        QTest::newRow("T64 D32: whole panels") << 64 << 32;
    }
    void matchesComposedOps()
    {
        QFETCH(int, T);
        QFETCH(int, D);
        constexpr std::int64_t B = 2, H = 3;
        Rng rng(21);
        const Tensor q = randomTensor({B, H, T, D}, rng), k = randomTensor({B, H, T, D}, rng),
                     v = randomTensor({B, H, T, D}, rng);
        const Tensor r = randomTensor({B, H, T, D}, rng, -1.0f, 1.0f, false);
        Tensor mask = Tensor::zeros({T, T}); // 1 above the diagonal: key j > query i
        for (std::int64_t i = 0; i < T; ++i)
            for (std::int64_t j = i + 1; j < T; ++j)
                mask.data()[i * T + j] = 1.0f;
        const float inf = std::numeric_limits<float>::infinity();
        const Grads want = attentionGrads(
            [&](const Tensor &a, const Tensor &b, const Tensor &c) {
                const Tensor s = scale(matmul(a, b, true), 1.0f / std::sqrt(float(D)));
                return matmul(softmax(maskedFill(s, mask, -inf)), c);
            },
            q, k, v, r);
        AttentionOptions options;
        options.causal = true;
        const Grads got = attentionGrads([&](const Tensor &a, const Tensor &b, const Tensor &c) { return attention(a, b, c, options); },
                              q, k, v, r);
        QVERIFY(maxDiff(got.out, want.out) < 1e-5);
        QVERIFY(maxDiff(got.q, want.q) < 2e-5);
        QVERIFY(maxDiff(got.k, want.k) < 2e-5);
        QVERIFY(maxDiff(got.v, want.v) < 2e-5);
    }

    void sameForOneAndTwoThreads()
    {
        constexpr std::int64_t B = 3, H = 4, Hkv = 2, T = 40, D = 16; // big enough to use the threads
        Rng rng(9);
        const Tensor q = randomTensor({B, H, T, D}, rng), k = randomTensor({B, Hkv, T, D}, rng),
                     v = randomTensor({B, Hkv, T, D}, rng);
        const Tensor r = randomTensor({B, H, T, D}, rng, -1.0f, 1.0f, false);
        AttentionOptions options;
        options.causal = true;
        options.alibi = true;
        const auto f = [&](const Tensor &a, const Tensor &b, const Tensor &c) { return attention(a, b, c, options); };
        const int before = threadCount();
        setThreadCount(1);
        const Grads one = attentionGrads(f, q, k, v, r);
        setThreadCount(2);
        const Grads two = attentionGrads(f, q, k, v, r);
        setThreadCount(before);
        QCOMPARE(one.out, two.out); // bitwise
        QCOMPARE(one.q, two.q);
        QCOMPARE(one.k, two.k);
        QCOMPARE(one.v, two.v);
    }

    void trace()
    {
        constexpr std::int64_t B = 2, H = 2, Tq = 3, Tk = 4, D = 2;
        Rng rng(4);
        const Tensor q = randomTensor({B, H, Tq, D}, rng, -1.0f, 1.0f, false);
        const Tensor k = randomTensor({B, H, Tk, D}, rng, -1.0f, 1.0f, false);
        const Tensor v = randomTensor({B, H, Tk, D}, rng, -1.0f, 1.0f, false);
        Trace trace;
        AttentionOptions options;
        options.causal = true;
        options.trace = &trace;
        options.tracePrefix = "layer1.";
        attention(q, k, v, options);
        // per head: attention, q, k, v; plus scale and causal
        QCOMPARE(trace.matrices.size(), std::size_t(4 * H + 2));
        QCOMPARE(trace.find("layer1.scale")->at(0, 0), 1.0f / std::sqrt(float(D)));
        QCOMPARE(trace.find("layer1.causal")->at(0, 0), 1.0f);
        for (int h = 0; h < H; ++h) {
            const TraceMatrix *m = trace.find("layer1.head" + std::to_string(h) + ".attention");
            QVERIFY(m);
            QCOMPARE(m->rows, int(Tq));
            QCOMPARE(m->cols, int(Tk));
            for (int i = 0; i < Tq; ++i) {
                float total = 0.0f;
                for (int j = 0; j < Tk; ++j) {
                    total += m->at(i, j);
                    if (j > i + (Tk - Tq)) // end-aligned causal mask
                        QCOMPARE(m->at(i, j), 0.0f);
                }
                QVERIFY(std::abs(total - 1.0f) < 1e-6f);
            }
            // the probabilities of batch row 0: p_ij ∝ exp(q_i·k_j / √D); check one entry
            const float *qi = q.data() + h * Tq * D; // i = 0, which sees keys 0 and 1
            const float *k0 = k.data() + h * Tk * D, *k1 = k0 + D;
            const float s0 = (qi[0] * k0[0] + qi[1] * k0[1]) / std::sqrt(float(D));
            const float s1 = (qi[0] * k1[0] + qi[1] * k1[1]) / std::sqrt(float(D));
            QVERIFY(std::abs(m->at(0, 0) - 1.0f / (1.0f + std::exp(s1 - s0))) < 1e-6f);
            // the head's inputs, batch row 0
            const std::string head = "layer1.head" + std::to_string(h);
            const TraceMatrix *tq = trace.find(head + ".q"), *tk = trace.find(head + ".k"), *tv = trace.find(head + ".v");
            QVERIFY(tq && tk && tv);
            QCOMPARE(tq->rows, int(Tq));
            QCOMPARE(tk->rows, int(Tk));
            QCOMPARE(tv->rows, int(Tk));
            QCOMPARE(tq->cols, int(D));
            QCOMPARE(tq->values, std::vector<float>(qi, qi + Tq * D));
            QCOMPARE(tk->values, std::vector<float>(k0, k0 + Tk * D));
            QCOMPARE(tv->values, std::vector<float>(v.data() + h * Tk * D, v.data() + (h + 1) * Tk * D));
        }
    }

    void alibiSlopes()
    {
        // Powers of two: 2^(−8(h+1)/H)
        for (int h = 0; h < 8; ++h)
            QCOMPARE(alibiSlope(h, 8), std::exp2(-float(h + 1)));
        QCOMPARE(alibiSlope(0, 4), 1.0f / 4);
        QCOMPARE(alibiSlope(3, 4), 1.0f / 256);
        // H = 3: the two slopes of H = 2 (2^−4, 2^−8), then the first odd term of H = 4's (2^−2)
        QCOMPARE(alibiSlope(0, 3), 1.0f / 16);
        QCOMPARE(alibiSlope(1, 3), 1.0f / 256);
        QCOMPARE(alibiSlope(2, 3), 1.0f / 4);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, alibiSlope(4, 4));
    }

    void sinusoidal()
    {
        const Tensor pe = sinusoidalPositions(3, 4);
        QCOMPARE(pe.shape(), (Shape{3, 4}));
        const auto at = [&](int t, int c) { return pe.data()[t * 4 + c]; };
        QCOMPARE(at(0, 0), 0.0f); // sin 0
        QCOMPARE(at(0, 1), 1.0f); // cos 0
        QVERIFY(std::abs(at(2, 0) - std::sin(2.0f)) < 1e-6f);
        QVERIFY(std::abs(at(2, 3) - std::cos(2.0f / 100.0f)) < 1e-6f); // 10000^(2/4) = 100
    }

    void shapeErrors()
    {
        const Tensor q = Tensor::zeros({1, 4, 2, 3}), k = Tensor::zeros({1, 3, 2, 3});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, attention(q, k, k)); // 4 % 3 != 0
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, attention(q, q, Tensor::zeros({1, 4, 2, 2})));
        const std::vector<std::uint8_t> pad(3, 0);
        AttentionOptions options;
        options.keyPadding = &pad; // B·Tk = 2
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, attention(q, q, q, options));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rope(Tensor::zeros({1, 1, 2, 3})));
    }
};

QTEST_APPLESS_MAIN(TestAttention)
#include "tst_attention.moc"
