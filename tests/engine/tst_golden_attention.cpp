// Attention against PyTorch (tests/golden/make_attention_golden.py): causal, key padding, GQA
// (HF repeat_kv), cross-attention with Tq < Tk, RoPE (HF rotate_half, offset 3) and ALiBi (HF
// get_alibi_slopes, a power of two and H = 6). Compares the output and the gradients of
// L = Σ output·R with respect to q, k, v. float32 on both sides; tolerance below.
#include "core/ops.h"
#include "core/tape.h"
#include "models/attention.h"

#include <QtTest>

#include "golden.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace lm;
using Json = nlohmann::json;

namespace {
constexpr double kAbs = 1e-5; // |engine − torch| <= kAbs + kRel·|torch|
constexpr double kRel = 1e-4;

const Json &golden() { return lm::test::goldenFixture<Json>("attention_golden.json"); }

std::vector<float> floats(const Json &j) { return j.get<std::vector<float>>(); }

QString mismatch(const std::vector<float> &got, const std::vector<float> &want)
{
    return lm::test::goldenMismatch(got, want, kAbs, kRel);
}
} // namespace

#define CHECK_CLOSE(what, got, want)                                                                                   \
    do {                                                                                                               \
        const QString m = mismatch(got, want);                                                                         \
        QVERIFY2(m.isEmpty(), qPrintable(QStringLiteral(what ": ") + m));                                              \
    } while (false)

class TestGoldenAttention final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void alibiSlopesMatchHf()
    {
        const auto want = floats(golden()["alibi_slopes_6"]);
        std::vector<float> got;
        for (int h = 0; h < 6; ++h)
            got.push_back(alibiSlope(h, 6));
        CHECK_CLOSE("slopes", got, want);
    }

    void matchesTorch_data()
    {
        QTest::addColumn<QString>("name");
        for (const auto &[name, value] : golden()["cases"].items())
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }
    void matchesTorch()
    {
        QFETCH(QString, name);
        const Json &c = golden()["cases"][name.toStdString()];
        const std::int64_t B = c["B"], H = c["H"], Hkv = c["Hkv"], Tq = c["Tq"], Tk = c["Tk"], D = c["D"];
        Tensor q = Tensor::fromVector({B, H, Tq, D}, floats(c["q"]), true);
        Tensor k = Tensor::fromVector({B, Hkv, Tk, D}, floats(c["k"]), true);
        Tensor v = Tensor::fromVector({B, Hkv, Tk, D}, floats(c["v"]), true);
        const Tensor r = Tensor::fromVector({B, H, Tq, D}, floats(c["r"]));
        std::vector<std::uint8_t> padding;
        AttentionOptions options;
        options.causal = c["causal"];
        options.alibi = c["alibi"];
        if (c.contains("padding")) {
            padding = c["padding"].get<std::vector<std::uint8_t>>();
            options.keyPadding = &padding;
        }
        Tape tape;
        Tensor out;
        {
            TapeScope scope(tape);
            const int offset = c["offset"];
            const bool useRope = c["rope"];
            const Tensor qq = useRope ? rope(q, offset + static_cast<int>(Tk - Tq)) : q;
            const Tensor kk = useRope ? rope(k, offset) : k;
            out = attention(qq, kk, v, options);
            tape.backward(sum(mul(out, r)));
        }
        CHECK_CLOSE("output", out.toVector(), floats(c["output"]));
        CHECK_CLOSE("grad q", q.gradVector(), floats(c["grad_q"]));
        CHECK_CLOSE("grad k", k.gradVector(), floats(c["grad_k"]));
        CHECK_CLOSE("grad v", v.gradVector(), floats(c["grad_v"]));
    }
};

QTEST_APPLESS_MAIN(TestGoldenAttention)
#include "tst_golden_attention.moc"
