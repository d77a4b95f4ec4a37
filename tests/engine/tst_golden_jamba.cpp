// Jamba against PyTorch (tests/golden/make_jamba_golden.py: transformers' Jamba semantics for
// attention, the sparse MoE block and the load-balancing loss, Mamba's mixer, float64): a model of
// width 16, 4 layers (Mamba + MoE, attention + MLP, Mamba + MoE, Mamba + MLP), 4 heads over 2
// key/value heads, 4 experts with 2 per token, built from the table and given the script's
// weights. Compared: logits of 1, 7 and 13 tokens; a training batch's loss (cross-entropy plus
// 0.1 × the balancing loss) and the gradient of every tensor but the embedding. Then: the
// recurrent form (Mamba states, a growing KV cache, top-k routing per token) equals the parallel
// form; the MoE index ops' gradients against finite differences; a config with fewer experts than
// experts per token is refused naming both.
#include "core/ops.h"
#include "core/rng.h"
#include "core/tape.h"
#include "io/safetensors.h"
#include "models/architecture.h"
#include "models/jamba/jamba.h"
#include "models/jamba/moeops.h"

#include <QtTest>

#include "golden.h"
#include "goldenlm.h"
#include "gradcheck.h"
#include "learncheck.h"

#include <nlohmann/json.hpp>

#include <cstring>
#include <numeric>

using namespace lm;
using Json = nlohmann::json;

namespace {
constexpr double kLogitsAbs = 1e-4, kLogitsRel = 1e-4;
constexpr double kGradAbs = 1e-5, kGradRel = 1e-3;
constexpr double kFormsAbs = 1e-5, kFormsRel = 1e-5;

const Json &golden() { return lm::test::goldenFixture<Json>("jamba_golden.json"); }
std::vector<float> floats(const Json &j) { return j.get<std::vector<float>>(); }
std::vector<std::int32_t> ids(const Json &j)
{
    std::vector<std::int32_t> out;
    for (const auto &v : j)
        out.push_back(static_cast<std::int32_t>(v.get<double>()));
    return out;
}
std::vector<float> values(const Tensor &t) { return {t.data(), t.data() + t.numel()}; }

// The table's model for the golden config, holding the script's weights.
std::unique_ptr<LanguageModel> goldenModel()
{
    auto model = findArchitecture("jamba")->create(golden()["config"], 1);
    if (!model)
        qFatal("jamba: %s", model.error().c_str());
    auto file = loadSafetensors(LMSCOPE_SOURCE_DIR "/tests/golden/jamba-tiny.safetensors");
    if (!file)
        qFatal("%s", file.error().c_str());
    int copied = 0;
    for (const NamedParameter &p : model.value()->parameters()) {
        const Tensor *t = file.value().find(p.name);
        if (!t || t->shape() != p.tensor.shape())
            qFatal("jamba-tiny.safetensors: no '%s' of shape %s", p.name.c_str(), shapeString(p.tensor.shape()).c_str());
        Tensor target = p.tensor;
        std::memcpy(target.data(), t->data(), static_cast<std::size_t>(t->numel()) * sizeof(float));
        ++copied;
    }
    if (copied != static_cast<int>(file.value().tensors.size()))
        qFatal("jamba-tiny.safetensors holds tensors the model does not have");
    return std::move(model).value();
}

} // namespace

class TestGoldenJamba final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void logitsMatchTorch()
    {
        auto model = goldenModel();
        for (const Json &f : golden()["forward"]) {
            Trace trace;
            const Tensor logits = model->sequenceLogits(ids(f["ids"]), &trace);
            const QString bad = lm::test::goldenMismatch(values(logits), floats(f["logits"]), kLogitsAbs, kLogitsRel);
            QVERIFY2(bad.isEmpty(), qPrintable(bad));
            // Layer 1 attends, layers 0 and 2 route, the Mamba layers keep their scan.
            QVERIFY(trace.has("layer1.head0.attention") && !trace.has("layer0.head0.attention"));
            QVERIFY(trace.has("layer0.moe.experts") && trace.has("layer2.moe.probs") && !trace.has("layer1.moe.experts"));
            QVERIFY(trace.has("layer3.implicit.attention") && !trace.has("layer1.implicit.attention"));
        }
    }

    void lossAndGradientsMatchTorch()
    {
        auto model = goldenModel();
        const Json &g = golden()["train"];
        const QString bad = lm::test::trainingMismatch(*model, g, kGradAbs, kGradRel);
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
        auto routing = lastRouting(*model);
        QVERIFY(routing.ok());
        QVERIFY(std::abs(routing.value().balanceLoss - g["balance_loss"].get<double>()) < 1e-5);
        QCOMPARE(routing.value().layers, (std::vector<int>{0, 2}));
        for (const std::vector<float> &load : routing.value().load)
            QVERIFY(std::abs(std::accumulate(load.begin(), load.end(), 0.0) - 1.0) < 1e-6);
    }

    void recurrentFormEqualsParallelForm()
    {
        auto model = goldenModel();
        const QString bad = lm::test::formsMismatch(*model, ids(golden()["forward"][2]["ids"]), kFormsAbs, kFormsRel);
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
    }

    void moeOpsGradientsMatchFiniteDifferences()
    {
        Rng rng(8);
        Tensor y = lm::test::randomTensor({5, 3}, rng);
        const std::vector<std::int32_t> rows{2, 0, 2, 3, 1};
        auto scatter = lm::test::gradCheck(
            [&](const std::vector<Tensor> &in) { return scatterAddRows(in[0], rows, 4); }, {y});
        QVERIFY2(scatter.ok, scatter.report.c_str());
        Tensor x = lm::test::randomTensor({4, 3}, rng);
        auto pick = lm::test::gradCheck(
            [&](const std::vector<Tensor> &in) { return pickEntries(in[0], rows, {0, 1, 2, 2, 0}); }, {x});
        QVERIFY2(pick.ok, pick.report.c_str());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scatterAddRows(y, rows, 3));
    }

    void fewerExpertsThanExpertsPerTokenIsRefused()
    {
        const Architecture *a = findArchitecture("jamba");
        auto config = a->configFor({{"experts", 2}, {"experts_per_token", 3}}, 20, 8);
        QVERIFY(!config.ok());
        QVERIFY2(config.error().find("experts") != std::string::npos &&
                     config.error().find("experts_per_token") != std::string::npos,
                 config.error().c_str());
    }

    void tableEntryBuildsCountsAndLearns()
    {
        const Architecture *a = findArchitecture("jamba");
        auto config = a->configFor({{"dim", 16}, {"layers", 4}, {"attn_period", 4}, {"attn_offset", 1}, {"state_size", 4}},
                                   12, 8);
        QVERIFY2(config.ok(), config.ok() ? "" : config.error().c_str());
        auto model = a->create(config.value(), 7);
        QVERIFY(model.ok());
        QCOMPARE(a->parameterCount(config.value()).value(), model.value()->parameterCount());
        const auto [first, last] = lm::test::firstAndLastLoss(*model.value());
        QVERIFY2(last < 0.3f * first, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(last)));
    }
};

QTEST_APPLESS_MAIN(TestGoldenJamba)
#include "tst_golden_jamba.moc"
