// The MLP language model against PyTorch (tests/golden/make_mlp_golden.py): loss, every
// parameter's gradient, logits, and two AdamW steps. float32 on both sides; tolerances below.
#include "core/optim.h"
#include "core/tape.h"
#include "models/architecture.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace lm;

namespace {
constexpr double kAbs = 1e-5; // |engine − torch| <= kAbs + kRel·|torch|
constexpr double kRel = 1e-4;

nlohmann::json golden()
{
    std::ifstream in(LMSCOPE_SOURCE_DIR "/tests/golden/mlp_golden.json");
    return nlohmann::json::parse(in);
}

// The largest violation of the tolerance (<= 0 when every element is within it), and where.
std::pair<double, std::size_t> worst(const std::vector<float> &got, const std::vector<float> &want)
{
    double w = -1e30;
    std::size_t at = 0;
    for (std::size_t i = 0; i < want.size(); ++i) {
        const double excess = std::abs(double(got[i]) - want[i]) - (kAbs + kRel * std::abs(double(want[i])));
        if (excess > w) {
            w = excess;
            at = i;
        }
    }
    return {w, at};
}

std::unique_ptr<LanguageModel> modelFrom(const nlohmann::json &g)
{
    auto m = createModel(g["config"], 0);
    if (!m)
        return nullptr;
    auto model = std::move(m).value();
    for (auto &p : model->parameters()) {
        const auto values = g["weights"][p.name]["values"].get<std::vector<float>>();
        if (static_cast<std::int64_t>(values.size()) != p.tensor.numel())
            return nullptr;
        std::copy(values.begin(), values.end(), p.tensor.data());
    }
    return model;
}

TokenBatch batchFrom(const nlohmann::json &g)
{
    TokenBatch b;
    b.batch = g["batch"]["B"];
    b.time = g["batch"]["T"];
    b.inputs = g["batch"]["inputs"].get<std::vector<std::int32_t>>();
    b.targets = g["batch"]["targets"].get<std::vector<std::int32_t>>();
    return b;
}

float lossAndBackward(LanguageModel &model, const TokenBatch &batch)
{
    Tape tape;
    TapeScope scope(tape);
    Tensor loss = model.loss(batch);
    const float value = loss.item();
    tape.backward(loss);
    return value;
}
} // namespace

class TestGoldenMlp final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lossAndGradients()
    {
        const auto g = golden();
        auto model = modelFrom(g);
        QVERIFY(model);
        const float loss = lossAndBackward(*model, batchFrom(g));
        QVERIFY2(std::abs(loss - g["loss"].get<double>()) < kAbs, qPrintable(QString::number(loss, 'g', 9)));
        for (const auto &p : model->parameters()) {
            const auto [excess, at] = worst(p.tensor.gradVector(), g["grads"][p.name].get<std::vector<float>>());
            QVERIFY2(excess <= 0, qPrintable(QStringLiteral("%1[%2] off by %3 beyond tolerance")
                                                 .arg(QString::fromStdString(p.name)).arg(at).arg(excess)));
        }
    }
    void logits()
    {
        const auto g = golden();
        auto model = modelFrom(g);
        QVERIFY(model);
        NoGradScope noGrad;
        const auto got = model->nextTokenLogits(g["probe"]["context"].get<std::vector<std::int32_t>>()).toVector();
        QCOMPARE(worst(got, g["probe"]["logits"].get<std::vector<float>>()).first <= 0, true);
    }
    void twoAdamWSteps()
    {
        const auto g = golden();
        auto model = modelFrom(g);
        QVERIFY(model);
        const TokenBatch batch = batchFrom(g);
        Adam::Options o;
        o.lr = g["adamw"]["lr"];
        o.weightDecay = g["adamw"]["weight_decay"];
        o.decoupled = true;
        Adam opt(model->parameters(), o);
        for (int i = 0; i < g["adamw"]["steps"].get<int>(); ++i) {
            opt.zeroGrad();
            lossAndBackward(*model, batch);
            opt.step();
        }
        for (const auto &p : model->parameters()) {
            const auto [excess, at] = worst(p.tensor.toVector(), g["adamw"]["weights"][p.name].get<std::vector<float>>());
            QVERIFY2(excess <= 0, qPrintable(QStringLiteral("%1[%2] off by %3 beyond tolerance")
                                                 .arg(QString::fromStdString(p.name)).arg(at).arg(excess)));
        }
    }
};

QTEST_APPLESS_MAIN(TestGoldenMlp)
#include "tst_golden_mlp.moc"
