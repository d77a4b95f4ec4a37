// Chunked attention (models/chunkedattention.h): output and gradients equal to attention() for
// causal, padding, GQA, cross-attention, ALiBi and RoPE'd inputs over chunk sizes 1, 3, 64 and
// larger than Tk; central-difference gradient checks; peak memory linear in T where attention()
// grows quadratically; the same numbers for 1, 2 and 3 threads; shape errors.
#include "core/memorymeter.h"
#include "core/ops.h"
#include "core/rng.h"
#include "core/tape.h"
#include "core/threads.h"
#include "attentiongrads.h"
#include "gradcheck.h"
#include "models/attention.h"
#include "models/chunkedattention.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace lm;
using lm::test::gradCheck;
using lm::test::randomTensor;

namespace {

using Grads = lm::test::AttentionGrads;
using lm::test::attentionGrads;

// The largest |got − want| / max(1, 10·|want|): an absolute difference for values up to 0.1,
// a tenth of the relative one above, so `< 1e-5` means 1e-5 absolute or 1e-4 relative.
double worstDiff(const std::vector<float> &got, const std::vector<float> &want)
{
    if (got.size() != want.size())
        return std::numeric_limits<double>::infinity();
    double worst = 0.0;
    for (std::size_t i = 0; i < got.size(); ++i)
        worst = std::max(worst, std::abs(double(got[i]) - want[i]) / std::max(1.0, 10.0 * std::abs(double(want[i]))));
    return worst;
}

// Batch row 1 pads its first key (under a causal mask with Tq = Tk its query 0 then sees nothing)
// and its last. (B, Tk)
std::vector<std::uint8_t> paddingFor(std::int64_t B, std::int64_t Tk)
{
    std::vector<std::uint8_t> pad(static_cast<std::size_t>(B * Tk), 0);
    if (B > 1) {
        pad[static_cast<std::size_t>(Tk)] = 1;
        pad[static_cast<std::size_t>(2 * Tk - 1)] = 1;
    }
    return pad;
}

// Peak tensor bytes of forward + backward of f at B = 1, H = 2, D = 16, T = Tq = Tk, over what
// lived before (the inputs and r).
template <class F>
std::int64_t peakBytes(F &&f, std::int64_t T)
{
    Rng rng(31);
    const Tensor q = randomTensor({1, 2, T, 16}, rng), k = randomTensor({1, 2, T, 16}, rng),
                 v = randomTensor({1, 2, T, 16}, rng);
    const Tensor r = randomTensor({1, 2, T, 16}, rng, -1.0f, 1.0f, false);
    const std::int64_t before = MemoryMeter::liveBytes();
    MemoryMeter::resetPeak();
    {
        Tape tape;
        TapeScope scope(tape);
        tape.backward(sum(mul(f(q, k, v), r)));
    }
    return MemoryMeter::peakBytes() - before;
}

} // namespace

class TestChunkedAttention final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesStandard_data()
    {
        QTest::addColumn<int>("H");
        QTest::addColumn<int>("Hkv");
        QTest::addColumn<int>("Tq");
        QTest::addColumn<int>("Tk");
        QTest::addColumn<int>("D");
        QTest::addColumn<bool>("causal");
        QTest::addColumn<bool>("padding");
        QTest::addColumn<bool>("alibi");
        QTest::addColumn<bool>("rope");
        QTest::addColumn<int>("chunk");
        //                                                         H  Hkv  Tq  Tk   D  causal padding alibi rope chunk
        QTest::newRow("causal, chunk 1") << 2 << 2 << 37 << 37 << 16 << true << false << false << false << 1;
        QTest::newRow("causal, chunk 3 (37 = 12·3 + 1)") << 2 << 2 << 37 << 37 << 16 << true << false << false << false << 3;
        QTest::newRow("causal, chunk 64 > Tk") << 2 << 2 << 37 << 37 << 16 << true << false << false << false << 64;
        QTest::newRow("causal, chunk 64, T 150 = 2·64 + 22") << 2 << 2 << 150 << 150 << 16 << true << false << false << false
                                                            << 64;
        QTest::newRow("causal, D 33: panel tails") << 2 << 2 << 29 << 29 << 33 << true << false << false << false << 8;
        QTest::newRow("padding, no mask, chunk 3") << 2 << 2 << 20 << 20 << 8 << false << true << false << false << 3;
        QTest::newRow("causal + padding, a fully masked row") << 2 << 2 << 20 << 20 << 8 << true << true << false << false
                                                              << 3;
        QTest::newRow("gqa H4 Hkv2 causal, chunk 5") << 4 << 2 << 23 << 23 << 8 << true << false << false << false << 5;
        QTest::newRow("gqa H4 Hkv1, chunk 64") << 4 << 1 << 23 << 23 << 8 << false << false << false << false << 64;
        QTest::newRow("cross Tq5 Tk23, chunk 4") << 2 << 2 << 5 << 23 << 8 << false << false << false << false << 4;
        QTest::newRow("cross Tq5 Tk23 causal (end-aligned), chunk 4") << 2 << 1 << 5 << 23 << 8 << true << true << false
                                                                      << false << 4;
        QTest::newRow("cross Tq23 Tk5 causal: early rows see nothing") << 2 << 2 << 23 << 5 << 8 << true << false << false
                                                                       << false << 3;
        QTest::newRow("alibi causal, chunk 7") << 3 << 3 << 30 << 30 << 8 << true << false << true << false << 7;
        QTest::newRow("alibi, no mask, chunk 3") << 2 << 2 << 30 << 30 << 8 << false << false << true << false << 3;
        QTest::newRow("rope causal gqa, chunk 6") << 4 << 2 << 31 << 31 << 16 << true << false << false << true << 6;
    }
    void matchesStandard()
    {
        QFETCH(int, H);
        QFETCH(int, Hkv);
        QFETCH(int, Tq);
        QFETCH(int, Tk);
        QFETCH(int, D);
        QFETCH(bool, causal);
        QFETCH(bool, padding);
        QFETCH(bool, alibi);
        QFETCH(bool, rope);
        QFETCH(int, chunk);
        constexpr std::int64_t B = 2;
        Rng rng(17);
        // Logits of a few units: the softmax is neither flat nor one-hot.
        const Tensor q = randomTensor({B, H, Tq, D}, rng, -2.0f, 2.0f), k = randomTensor({B, Hkv, Tk, D}, rng, -2.0f, 2.0f),
                     v = randomTensor({B, Hkv, Tk, D}, rng);
        const Tensor r = randomTensor({B, H, Tq, D}, rng, -1.0f, 1.0f, false);
        const std::vector<std::uint8_t> pad = paddingFor(B, Tk);
        AttentionOptions options;
        options.causal = causal;
        options.alibi = alibi;
        options.keyPadding = padding ? &pad : nullptr;
        // RoPE'd inputs as a llama layer makes them: queries from position Tk − Tq on.
        const auto positioned = [&](const Tensor &a, const Tensor &b) {
            return rope ? std::pair{lm::rope(a, Tk - Tq), lm::rope(b)} : std::pair{a, b};
        };
        const Grads want = attentionGrads(
            [&](const Tensor &a, const Tensor &b, const Tensor &c) {
                const auto [qa, kb] = positioned(a, b);
                return attention(qa, kb, c, options);
            },
            q, k, v, r);
        const Grads got = attentionGrads(
            [&](const Tensor &a, const Tensor &b, const Tensor &c) {
                const auto [qa, kb] = positioned(a, b);
                return chunkedAttention(qa, kb, c, options, chunk);
            },
            q, k, v, r);
        const double out = worstDiff(got.out, want.out), dq = worstDiff(got.q, want.q), dk = worstDiff(got.k, want.k),
                     dv = worstDiff(got.v, want.v);
        qInfo("worst difference: out %.2g, dq %.2g, dk %.2g, dv %.2g", out, dq, dk, dv);
        QVERIFY(out < 1e-5);
        QVERIFY(dq < 1e-5);
        QVERIFY(dk < 1e-5);
        QVERIFY(dv < 1e-5);
        if (padding && causal && Tq == Tk) // batch row 1, query 0 sees only its padded key 0
            for (int h = 0; h < H; ++h)
                for (int x = 0; x < D; ++x)
                    QCOMPARE(got.out[static_cast<std::size_t>(((H + h) * Tq) * D + x)], 0.0f);
        // Without a tape (no log-sum-exp kept) the output is the same, bit for bit.
        NoGradScope noGrad;
        const auto [qa, kb] = positioned(q, k);
        QCOMPARE(chunkedAttention(qa, kb, v, options, chunk).toVector(), got.out);
    }

    void gradients_data()
    {
        QTest::addColumn<int>("Hkv");
        QTest::addColumn<int>("Tq");
        QTest::addColumn<int>("Tk");
        QTest::addColumn<bool>("causal");
        QTest::addColumn<bool>("padding");
        QTest::addColumn<bool>("alibi");
        QTest::addColumn<int>("chunk");
        QTest::newRow("causal + padding, gqa, chunk 2") << 1 << 5 << 5 << true << true << false << 2;
        QTest::newRow("cross Tq3 Tk5 causal, chunk 2") << 2 << 3 << 5 << true << false << false << 2;
        QTest::newRow("cross Tq3 Tk5, padding, chunk 3") << 2 << 3 << 5 << false << true << false << 3;
        QTest::newRow("alibi causal, chunk 1") << 2 << 4 << 4 << true << false << true << 1;
    }
    void gradients()
    {
        QFETCH(int, Hkv);
        QFETCH(int, Tq);
        QFETCH(int, Tk);
        QFETCH(bool, causal);
        QFETCH(bool, padding);
        QFETCH(bool, alibi);
        QFETCH(int, chunk);
        constexpr std::int64_t B = 2, H = 2, D = 3;
        Rng rng(7);
        std::vector<Tensor> inputs{randomTensor({B, H, Tq, D}, rng), randomTensor({B, Hkv, Tk, D}, rng),
                                   randomTensor({B, Hkv, Tk, D}, rng)};
        const std::vector<std::uint8_t> pad = paddingFor(B, Tk);
        AttentionOptions options;
        options.causal = causal;
        options.alibi = alibi;
        options.keyPadding = padding ? &pad : nullptr;
        // Central differences with eps 1e-2 in float32, as tst_attention: 1e-3 + 5e-3·|numeric|.
        const auto result = gradCheck(
            [&](const std::vector<Tensor> &in) { return chunkedAttention(in[0], in[1], in[2], options, chunk); }, inputs,
            1e-2f, 1e-3, 5e-3);
        QVERIFY2(result.ok, result.report.c_str());
    }

    void memoryIsLinear()
    {
        AttentionOptions options;
        options.causal = true;
        const auto standard = [&](const Tensor &a, const Tensor &b, const Tensor &c) { return attention(a, b, c, options); };
        const auto chunked = [&](const Tensor &a, const Tensor &b, const Tensor &c) {
            return chunkedAttention(a, b, c, options);
        };
        const std::int64_t standard1k = peakBytes(standard, 1024), standard2k = peakBytes(standard, 2048);
        const std::int64_t chunked1k = peakBytes(chunked, 1024), chunked2k = peakBytes(chunked, 2048);
        qInfo("peak bytes, T 1024 -> 2048: standard %lld -> %lld (x%.2f), chunked %lld -> %lld (x%.2f)",
              static_cast<long long>(standard1k), static_cast<long long>(standard2k), double(standard2k) / standard1k,
              static_cast<long long>(chunked1k), static_cast<long long>(chunked2k), double(chunked2k) / chunked1k);
        // Doubling T: (B, H, T, T) probabilities quadruple, everything chunked keeps doubles.
        QVERIFY(double(chunked2k) / chunked1k < 2.3);
        QVERIFY(double(standard2k) / standard1k > 3.2);
        QVERIFY(chunked2k < standard1k);
    }

    void sameForAnyThreadCount()
    {
        constexpr std::int64_t B = 3, H = 4, Hkv = 2, T = 70, D = 16; // big enough to use the threads
        Rng rng(9);
        const Tensor q = randomTensor({B, H, T, D}, rng), k = randomTensor({B, Hkv, T, D}, rng),
                     v = randomTensor({B, Hkv, T, D}, rng);
        const Tensor r = randomTensor({B, H, T, D}, rng, -1.0f, 1.0f, false);
        AttentionOptions options;
        options.causal = true;
        options.alibi = true;
        const auto f = [&](const Tensor &a, const Tensor &b, const Tensor &c) {
            return chunkedAttention(a, b, c, options, 16);
        };
        const int before = threadCount();
        setThreadCount(1);
        const Grads one = attentionGrads(f, q, k, v, r);
        for (int n : {2, 3}) {
            setThreadCount(n);
            const Grads many = attentionGrads(f, q, k, v, r);
            QCOMPARE(many.out, one.out); // bitwise
            QCOMPARE(many.q, one.q);
            QCOMPARE(many.k, one.k);
            QCOMPARE(many.v, one.v);
        }
        setThreadCount(before);
    }

    void shapeErrors()
    {
        const Tensor q = Tensor::zeros({1, 4, 2, 3}), k = Tensor::zeros({1, 3, 2, 3});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, chunkedAttention(q, k, k)); // 4 % 3 != 0
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, chunkedAttention(q, q, Tensor::zeros({1, 4, 2, 2})));
        const std::vector<std::uint8_t> pad(3, 0);
        AttentionOptions options;
        options.keyPadding = &pad; // B·Tk = 2
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, chunkedAttention(q, q, q, options));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, chunkedAttention(q, q, q, {}, 0));
        try {
            chunkedAttention(q, k, k);
            QFAIL("no exception");
        } catch (const std::invalid_argument &e) {
            QVERIFY2(QByteArray(e.what()).startsWith("chunkedAttention: "), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestChunkedAttention)
#include "tst_chunkedattention.moc"
