// Decoder-only transformers against PyTorch (tests/golden/make_transformer_golden.py): a GPT-2
// stack (C = 8, L = 2, H = 2, learned positions, tied head), the same stack with post-LN blocks
// (x = ln_1(x + attn(x)); x = ln_2(x + mlp(x)); ln_f kept) with learned, sinusoidal or ALiBi
// positions, and a Llama stack (C = 16, L = 2, H = 4 with 2 KV heads, RoPE, SwiGLU F = 24,
// untied head), V = 11, B = 2, T = 5. One data row per case in the JSON. The torch weights are
// loaded by name; compares the logits (B, T, V), the mean cross-entropy and its gradient for
// every parameter. float32 on both sides; tolerance below.
#include "core/ops.h"
#include "core/tape.h"
#include "models/architecture.h"

#include <QtTest>

#include "golden.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace lm;
using Json = nlohmann::json;

namespace {
constexpr double kAbs = 1e-4; // |engine − torch| <= kAbs + kRel·|torch|
constexpr double kRel = 1e-3;

const Json &golden() { return lm::test::goldenFixture<Json>("transformer_golden.json"); }

std::vector<float> floats(const Json &j) { return j.get<std::vector<float>>(); }

QString mismatch(const std::vector<float> &got, const std::vector<float> &want)
{
    return lm::test::goldenMismatch(got, want, kAbs, kRel);
}
} // namespace

class TestGoldenTransformer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The rows below come from the JSON; make sure a regenerated file still has every case.
    void hasEveryCase()
    {
        for (const char *name : {"gpt", "gpt_postln", "gpt_postln_sinusoidal", "gpt_postln_alibi", "llama"})
            QVERIFY2(golden()["cases"].contains(name), name);
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
        const Json &g = golden()["cases"][name.toStdString()];
        auto created = createModel(g["config"], 1);
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().c_str());
        LanguageModel &model = *created.value();

        // Every engine parameter has a torch tensor of the same size, and the other way round.
        const ParameterList params = model.parameters();
        QCOMPARE(params.size(), g["weights"].size());
        for (const auto &p : params) {
            QVERIFY2(g["weights"].contains(p.name), p.name.c_str());
            const auto v = floats(g["weights"][p.name]);
            QCOMPARE(static_cast<std::int64_t>(v.size()), p.tensor.numel());
            Tensor target = p.tensor; // a handle to the model's weight
            std::copy(v.begin(), v.end(), target.data());
        }

        TokenBatch batch;
        batch.batch = g["B"];
        batch.time = g["T"];
        batch.inputs = g["inputs"].get<std::vector<std::int32_t>>();
        batch.targets = g["targets"].get<std::vector<std::int32_t>>();

        // Logits, one row of the batch at a time.
        const std::size_t T = static_cast<std::size_t>(batch.time), V = static_cast<std::size_t>(model.vocabSize());
        const auto want = floats(g["logits"]);
        for (std::size_t b = 0; b < static_cast<std::size_t>(batch.batch); ++b) {
            const std::vector<std::int32_t> row(batch.inputs.begin() + static_cast<std::ptrdiff_t>(b * T),
                                                batch.inputs.begin() + static_cast<std::ptrdiff_t>((b + 1) * T));
            const std::vector<float> rowWant(want.begin() + static_cast<std::ptrdiff_t>(b * T * V),
                                             want.begin() + static_cast<std::ptrdiff_t>((b + 1) * T * V));
            const QString m = mismatch(model.sequenceLogits(row).toVector(), rowWant);
            QVERIFY2(m.isEmpty(), qPrintable(QStringLiteral("logits row %1: %2").arg(b).arg(m)));
        }

        Tape tape;
        TapeScope scope(tape);
        const Tensor loss = model.loss(batch);
        const double wantLoss = g["loss"];
        QVERIFY2(std::abs(loss.item() - wantLoss) <= kAbs + kRel * std::abs(wantLoss),
                 qPrintable(QStringLiteral("loss %1 vs torch %2").arg(loss.item()).arg(wantLoss)));
        tape.backward(loss);
        for (const auto &p : params) {
            const QString m = mismatch(p.tensor.gradVector(), floats(g["grads"][p.name]));
            QVERIFY2(m.isEmpty(), qPrintable(QStringLiteral("grad %1: %2").arg(QString::fromStdString(p.name), m)));
        }
    }
};

QTEST_APPLESS_MAIN(TestGoldenTransformer)
#include "tst_golden_transformer.moc"
