// Mamba against PyTorch (tests/golden/make_mamba_golden.py, transformers' modeling_mamba.py slow
// path in float64): two Hugging Face MambaForCausalLM folders (hidden 24, state 8, expand 2, conv
// 4, 2 layers, V = 299; one tied with time_step_rank "auto" and a conv bias, one untied with rank
// 3 and projection biases) loaded through loadHuggingFaceFolder. Compared: logits and each
// layer's scan output for 1, 6 and 17 tokens, the loss and the gradients of a training batch.
// Then the engine against itself: the recurrent form equals the parallel form; the scan's and the
// convolution's gradients against finite differences; the implicit attention rebuilds the scan's
// output; bad folders (state_size 0, a time_step_rank dt_proj disagrees with, a wrong A_log shape)
// are refused naming the field.
#include "core/ops.h"
#include "core/rng.h"
#include "core/tape.h"
#include "io/hfimport.h"
#include "io/safetensors.h"
#include "models/architecture.h"
#include "models/mamba/mambaops.h"

#include <QtTest>

#include "golden.h"
#include "goldenlm.h"
#include "gradcheck.h"
#include "learncheck.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace lm;
using Json = nlohmann::json;

namespace {
constexpr double kLogitsAbs = 1e-4, kLogitsRel = 1e-4; // the issue asks 1e-3 of an HF folder
constexpr double kScanAbs = 1e-4, kScanRel = 1e-4;
constexpr double kGradAbs = 1e-5, kGradRel = 1e-3;
constexpr double kFormsAbs = 1e-5, kFormsRel = 1e-5; // parallel against recurrent, float32 both

const Json &golden() { return lm::test::goldenFixture<Json>("mamba_golden.json"); }
std::vector<float> floats(const Json &j) { return j.get<std::vector<float>>(); }
std::vector<std::int32_t> ids(const Json &j)
{
    std::vector<std::int32_t> out;
    for (const auto &v : j)
        out.push_back(static_cast<std::int32_t>(v.get<double>()));
    return out;
}
std::vector<float> values(const Tensor &t) { return {t.data(), t.data() + t.numel()}; }
std::string folder(const std::string &name) { return std::string(LMSCOPE_SOURCE_DIR "/tests/golden/") + name; }

Checkpoint load(const std::string &name)
{
    auto c = loadHuggingFaceFolder(folder(name));
    if (!c)
        qFatal("%s: %s", name.c_str(), c.error().c_str());
    return std::move(c).value();
}

// A copy of mamba-tiny in a scratch folder, its config.json changed by `edit`.
std::string editedCopy(const QTemporaryDir &dir, const std::function<void(Json &)> &edit)
{
    namespace fs = std::filesystem;
    const fs::path out = fs::path(dir.path().toStdString()) / "mamba";
    fs::remove_all(out);
    fs::copy(folder("mamba-tiny"), out);
    Json config = Json::parse(std::ifstream(out / "config.json"));
    edit(config);
    std::ofstream(out / "config.json") << config.dump();
    return out.string();
}

} // namespace

class TestGoldenMamba final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void foldersLoadWithTheirLayouts()
    {
        Checkpoint tied = load("mamba-tiny");
        QCOMPARE(QString::fromStdString(tied.model->arch()), QStringLiteral("mamba"));
        QCOMPARE(tied.model->config()["tied_head"].get<bool>(), true);
        QCOMPARE(tied.model->config()["dt_rank"].get<int>(), 2);
        QCOMPARE(tied.model->config()["conv_bias"].get<bool>(), true);
        Checkpoint bias = load("mamba-tiny-bias");
        QCOMPARE(bias.model->config()["tied_head"].get<bool>(), false);
        QCOMPARE(bias.model->config()["dt_rank"].get<int>(), 3);
        QCOMPARE(bias.model->config()["proj_bias"].get<bool>(), true);
        QCOMPARE(bias.model->config()["conv_bias"].get<bool>(), false);
    }

    void logitsAndScanMatchTorch()
    {
        for (const Json &c : golden()["cases"]) {
            Checkpoint ck = load(c["folder"].get<std::string>());
            for (const Json &f : c["forward"]) {
                Trace trace;
                const Tensor logits = ck.model->sequenceLogits(ids(f["ids"]), &trace);
                const QString bad = lm::test::goldenMismatch(values(logits), floats(f["logits"]), kLogitsAbs, kLogitsRel);
                QVERIFY2(bad.isEmpty(), qPrintable(bad));
                for (std::size_t l = 0; l < f["scan"].size(); ++l) {
                    const TraceMatrix *m = trace.find("layer" + std::to_string(l) + ".forward.hidden");
                    QVERIFY(m);
                    const QString badScan = lm::test::goldenMismatch(m->values, floats(f["scan"][l]), kScanAbs, kScanRel);
                    QVERIFY2(badScan.isEmpty(), qPrintable(badScan));
                    QVERIFY(trace.has("layer" + std::to_string(l) + ".implicit.attention"));
                }
            }
        }
    }

    void lossAndGradientsMatchTorch()
    {
        for (const Json &c : golden()["cases"]) {
            Checkpoint ck = load(c["folder"].get<std::string>());
            const QString bad = lm::test::trainingMismatch(*ck.model, c["train"], kGradAbs, kGradRel);
            QVERIFY2(bad.isEmpty(), qPrintable(bad));
        }
    }

    void recurrentFormEqualsParallelForm()
    {
        for (const Json &c : golden()["cases"]) {
            Checkpoint ck = load(c["folder"].get<std::string>());
            const QString bad = lm::test::formsMismatch(*ck.model, ids(c["forward"][2]["ids"]), kFormsAbs, kFormsRel);
            QVERIFY2(bad.isEmpty(), qPrintable(bad));
        }
    }

    void scanAndConvGradientsMatchFiniteDifferences()
    {
        Rng rng(21);
        Tensor x = lm::test::randomTensor({2, 5, 3}, rng);
        Tensor raw = lm::test::randomTensor({2, 5, 3}, rng, -2.0f, 2.0f);
        Tensor aLog = lm::test::randomTensor({3, 4}, rng, -1.0f, 1.0f);
        Tensor b = lm::test::randomTensor({2, 5, 4}, rng);
        Tensor c = lm::test::randomTensor({2, 5, 4}, rng);
        Tensor d = lm::test::randomTensor({3}, rng);
        auto scan = lm::test::gradCheck(
            [](const std::vector<Tensor> &in) { return selectiveScan(in[0], in[1], in[2], in[3], in[4], in[5]); },
            {x, raw, aLog, b, c, d}, 1e-2f, 2e-3, 2e-2);
        QVERIFY2(scan.ok, scan.report.c_str());
        Tensor w = lm::test::randomTensor({3, 1, 4}, rng);
        Tensor bias = lm::test::randomTensor({3}, rng);
        auto conv = lm::test::gradCheck(
            [](const std::vector<Tensor> &in) { return causalDepthwiseConv(in[0], in[1], in[2]); }, {x, w, bias}, 1e-2f,
            2e-3, 2e-2);
        QVERIFY2(conv.ok, conv.report.c_str());
    }

    void implicitAttentionRebuildsTheScan()
    {
        Rng rng(4);
        const std::int64_t T = 11, D = 3, N = 5;
        Tensor x = lm::test::randomTensor({1, T, D}, rng, -1.0f, 1.0f, false);
        Tensor raw = lm::test::randomTensor({1, T, D}, rng, -3.0f, 1.0f, false);
        Tensor aLog = lm::test::randomTensor({D, N}, rng, -1.0f, 1.5f, false);
        Tensor b = lm::test::randomTensor({1, T, N}, rng, -1.0f, 1.0f, false);
        Tensor c = lm::test::randomTensor({1, T, N}, rng, -1.0f, 1.0f, false);
        Tensor skip = lm::test::randomTensor({D}, rng, -1.0f, 1.0f, false);
        const std::vector<float> y = values(selectiveScan(x, raw, aLog, b, c, skip));
        const std::vector<float> alpha = scanImplicitAttention(raw, aLog, b, c, 0, D); // (D, T, T)
        for (std::int64_t ch = 0; ch < D; ++ch)
            for (std::int64_t r = 0; r < T; ++r) {
                double rebuilt = skip.data()[ch] * x.data()[r * D + ch];
                for (std::int64_t s = 0; s < T; ++s) {
                    const float a = alpha[static_cast<std::size_t>((ch * T + r) * T + s)];
                    if (s > r)
                        QCOMPARE(a, 0.0f);
                    rebuilt += a * x.data()[s * D + ch];
                }
                QVERIFY2(std::abs(rebuilt - y[static_cast<std::size_t>(r * D + ch)]) < 1e-4,
                         qPrintable(QStringLiteral("channel %1 row %2").arg(ch).arg(r)));
            }
    }

    void modelImplicitAttentionRebuildsEachLayersScan()
    {
        // The bar of issue 16, on a Hugging Face folder: Σ_s α[d][r][s] u_s + D u_r = y_r to 1e-4.
        Checkpoint ck = load("mamba-tiny-bias");
        const std::vector<std::int32_t> seq = ids(golden()["cases"][1]["forward"][2]["ids"]);
        Trace trace;
        (void)ck.model->sequenceLogits(seq, &trace);
        const std::int64_t T = static_cast<std::int64_t>(seq.size());
        for (int layer = 0; layer < 2; ++layer) {
            const std::string name = "layer" + std::to_string(layer) + ".";
            auto alpha = findArchitecture("mamba")->implicitAttention(*ck.model, seq, layer);
            QVERIFY2(alpha.ok(), alpha.ok() ? "" : alpha.error().c_str());
            const TraceMatrix *u = trace.find(name + "ssm.input"), *y = trace.find(name + "forward.hidden");
            QVERIFY(u && y);
            const std::int64_t D = u->cols;
            QCOMPARE(static_cast<std::int64_t>(alpha.value().size()), D * T * T);
            const Tensor *skip = nullptr;
            const std::vector<NamedParameter> parameters = ck.model->parameters();  // outlives `skip`
            for (const NamedParameter &p : parameters)
                if (p.name == "backbone.layers." + std::to_string(layer) + ".mixer.D")
                    skip = &p.tensor;
            QVERIFY(skip);
            double worst = 0.0;
            for (std::int64_t d = 0; d < D; ++d)
                for (std::int64_t r = 0; r < T; ++r) {
                    double rebuilt = skip->data()[d] * u->at(int(r), int(d));
                    for (std::int64_t s = 0; s <= r; ++s)
                        rebuilt += alpha.value()[static_cast<std::size_t>((d * T + r) * T + s)] * u->at(int(s), int(d));
                    worst = std::max(worst, std::abs(rebuilt - y->at(int(r), int(d))));
                }
            QVERIFY2(worst < 1e-4, qPrintable(QStringLiteral("layer %1: %2").arg(layer).arg(worst)));
        }
        QVERIFY(!findArchitecture("mamba")->implicitAttention(*ck.model, seq, 2).ok());
    }

    void badFoldersAreRefusedNamingTheField()
    {
        QTemporaryDir dir;
        auto zero = loadHuggingFaceFolder(editedCopy(dir, [](Json &c) { c["state_size"] = 0; }));
        QVERIFY(!zero);
        QVERIFY2(zero.error().find("state_size") != std::string::npos, zero.error().c_str());
        QVERIFY2(zero.error().find("config.json") != std::string::npos, zero.error().c_str());
        auto rank = loadHuggingFaceFolder(editedCopy(dir, [](Json &c) { c["time_step_rank"] = 5; }));
        QVERIFY(!rank);
        QVERIFY2(rank.error().find("time_step_rank") != std::string::npos && rank.error().find("dt_proj") != std::string::npos,
                 rank.error().c_str());
        // A_log (48, 8) read as state 4: the tensor's shape disagrees with the config.
        auto state = loadHuggingFaceFolder(editedCopy(dir, [](Json &c) { c["state_size"] = 4; }));
        QVERIFY(!state);
        QVERIFY2(state.error().find("A_log") != std::string::npos || state.error().find("x_proj") != std::string::npos,
                 state.error().c_str());
    }

    void tableEntryBuildsCountsAndLearns()
    {
        const Architecture *a = findArchitecture("mamba");
        QVERIFY(a);
        auto config = a->configFor({{"dim", 16}, {"layers", 2}, {"state_size", 4}}, 12, 8);
        QVERIFY2(config.ok(), config.ok() ? "" : config.error().c_str());
        auto model = a->create(config.value(), 7);
        QVERIFY(model.ok());
        QCOMPARE(a->parameterCount(config.value()).value(), model.value()->parameterCount());
        const auto [first, last] = lm::test::firstAndLastLoss(*model.value());
        QVERIFY2(last < 0.3f * first, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(last)));
    }
};

QTEST_APPLESS_MAIN(TestGoldenMamba)
#include "tst_golden_mamba.moc"
