// Hugging Face GPT-2 folders (io/hfimport.h) against tests/golden/make_gpt2_golden.py: a tiny
// GPT-2 (C = 32, L = 2, H = 4, V = 299) whose safetensors names carry "transformer." and the
// attn.bias buffers. Logits within 1e-3 and attention within 1e-4 of torch; the same folder
// without the prefix loads; hostile folders give errors naming what is wrong.
#include "io/hfimport.h"
#include "io/safetensors.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace lm;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {
const std::string kFixture = LMSCOPE_SOURCE_DIR "/tests/golden/gpt2-tiny";
constexpr double kLogitTol = 1e-3;
constexpr double kAttentionTol = 1e-4;

const Json &golden()
{
    static const Json g = [] {
        std::ifstream in(LMSCOPE_SOURCE_DIR "/tests/golden/gpt2_golden.json");
        return Json::parse(in);
    }();
    return g;
}

// Largest |got - want|, or infinity when the sizes differ.
double maxError(const float *got, std::size_t n, const std::vector<float> &want)
{
    if (n != want.size())
        return INFINITY;
    double worst = 0;
    for (std::size_t i = 0; i < n; ++i)
        worst = std::max(worst, std::abs(double(got[i]) - want[i]));
    return worst;
}

// A copy of the fixture in `dir`; `edit` changes the tensors (by name) and `editConfig` the config.
void copyFixture(const std::string &dir, const std::function<void(std::vector<NamedParameter> &)> &edit = {},
                 const std::function<void(Json &)> &editConfig = {})
{
    for (const char *f : {"vocab.json", "merges.txt", "config.json", "model.safetensors"})
        fs::copy_file(kFixture + "/" + f, dir + "/" + f, fs::copy_options::overwrite_existing);
    if (edit) {
        auto file = loadSafetensors(kFixture + "/model.safetensors");
        QVERIFY(file.ok());
        std::vector<NamedParameter> tensors = file.value().tensors;
        edit(tensors);
        QVERIFY(saveSafetensors(dir + "/model.safetensors", tensors).ok());
    }
    if (editConfig) {
        std::ifstream in(kFixture + "/config.json");
        Json config = Json::parse(in);
        editConfig(config);
        std::ofstream(dir + "/config.json") << config.dump(2);
    }
}

std::string loadError(const std::string &dir)
{
    auto c = loadHuggingFaceFolder(dir);
    return c.ok() ? std::string("(loaded)") : c.error();
}
} // namespace

class TestHfImport final : public QObject {
    Q_OBJECT

    void checkAgainstTorch(const std::string &dir)
    {
        auto loaded = loadModelPath(dir);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        Checkpoint &c = loaded.value();
        const Json &g = golden();
        QCOMPARE(c.model->arch(), std::string("gpt"));
        QCOMPARE(c.model->vocabSize(), g["V"].get<int>());
        QCOMPARE(c.tokenizer->kind(), std::string("bpe"));
        const auto ids = c.tokenizer->encode(g["prompt"].get<std::string>());
        QVERIFY(ids == g["ids"].get<std::vector<std::int32_t>>());

        Trace trace;
        const Tensor logits = c.model->sequenceLogits(ids, &trace);
        const double logitErr = maxError(logits.data(), static_cast<std::size_t>(logits.numel()), g["logits"].get<std::vector<float>>());
        QVERIFY2(logitErr <= kLogitTol, qPrintable(QStringLiteral("logits off by %1").arg(logitErr)));
        for (const auto &[name, values] : g["attention"].items()) {
            const TraceMatrix *m = trace.find(name + ".attention");
            QVERIFY2(m, name.c_str());
            const double err = maxError(m->values.data(), m->values.size(), values.get<std::vector<float>>());
            QVERIFY2(err <= kAttentionTol, qPrintable(QStringLiteral("%1 off by %2").arg(QString::fromStdString(name)).arg(err)));
        }
    }

private Q_SLOTS:
    void matchesTorch() { checkAgainstTorch(kFixture); }

    void namesWithoutPrefixLoad()
    {
        QTemporaryDir dir;
        copyFixture(dir.path().toStdString(), [](std::vector<NamedParameter> &tensors) {
            for (auto &t : tensors)
                if (t.name.rfind("transformer.", 0) == 0)
                    t.name = t.name.substr(std::string("transformer.").size());
        });
        checkAgainstTorch(dir.path().toStdString());
    }

    void explicitLmHeadEqualToWteIsAccepted()
    {
        QTemporaryDir dir;
        copyFixture(dir.path().toStdString(), [](std::vector<NamedParameter> &tensors) {
            for (const auto &t : tensors)
                if (t.name == "transformer.wte.weight") {
                    tensors.push_back({"lm_head.weight", t.tensor});
                    break;
                }
        });
        checkAgainstTorch(dir.path().toStdString());
    }

    void differentLmHeadUntiesTheHead_data()
    {
        QTest::addColumn<bool>("tieInConfig");
        QTest::newRow("tie_word_embeddings true") << true;
        QTest::newRow("tie_word_embeddings false") << false;
    }
    void differentLmHeadUntiesTheHead()
    {
        QFETCH(bool, tieInConfig);
        QTemporaryDir dir;
        copyFixture(dir.path().toStdString(), [](std::vector<NamedParameter> &tensors) {
            for (const auto &t : tensors)
                if (t.name == "transformer.wte.weight") {
                    Tensor head = t.tensor.clone();
                    head.data()[0] += 1.0f;
                    tensors.push_back({"lm_head.weight", head});
                    break;
                }
        }, [&](Json &c) { c["tie_word_embeddings"] = tieInConfig; });
        auto loaded = loadHuggingFaceFolder(dir.path().toStdString());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        QCOMPARE(loaded.value().model->config()["tied_head"].get<bool>(), false);
        const Tensor *head = nullptr, *wte = nullptr;
        const ParameterList params = loaded.value().model->parameters();
        for (const auto &p : params) {
            if (p.name == "lm_head.weight")
                head = &p.tensor;
            if (p.name == "wte.weight")
                wte = &p.tensor;
        }
        QVERIFY(head && wte);
        QCOMPARE(head->data()[0], wte->data()[0] + 1.0f);
        QCOMPARE(head->data()[1], wte->data()[1]);
    }

    void untiedConfigNeedsLmHead()
    {
        QTemporaryDir dir;
        copyFixture(dir.path().toStdString(), {}, [](Json &c) { c["tie_word_embeddings"] = false; });
        const std::string error = loadError(dir.path().toStdString());
        QVERIFY2(error.find("no 'lm_head.weight'") != std::string::npos, error.c_str());
    }

    void hostileFolders_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing config") << QStringLiteral("no-config") << QStringLiteral("config.json: missing");
        QTest::newRow("wrong activation") << QStringLiteral("relu") << QStringLiteral("activation_function \"relu\"");
        QTest::newRow("missing field") << QStringLiteral("no-n_head") << QStringLiteral("\"n_head\"");
        QTest::newRow("wrong shape") << QStringLiteral("shape")
                                     << QStringLiteral("'h.1.mlp.c_fc.weight' has shape (128, 32); config.json needs (32, 128)");
        QTest::newRow("missing tensor") << QStringLiteral("drop") << QStringLiteral("'ln_f.bias' is missing (also as 'transformer.ln_f.bias')");
        QTest::newRow("missing vocab") << QStringLiteral("no-vocab") << QStringLiteral("vocab.json: cannot open");
        QTest::newRow("vocab size") << QStringLiteral("vocab-size") << QStringLiteral("vocab.json: 299 tokens");
        // Once built the model before looking at the weights: 8 G parameters (32 GB) for a 184 kB file.
        QTest::newRow("config larger than weights") << QStringLiteral("huge-config")
                                                    << QStringLiteral("config.json needs 9");
    }
    void hostileFolders()
    {
        QFETCH(QString, damage);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        const std::string dir = tmp.path().toStdString();
        if (damage == QLatin1String("relu"))
            copyFixture(dir, {}, [](Json &c) { c["activation_function"] = "relu"; });
        else if (damage == QLatin1String("huge-config"))
            copyFixture(dir, {}, [](Json &c) {
                c["n_embd"] = 4096;
                c["n_layer"] = 48;
            });
        else if (damage == QLatin1String("no-n_head"))
            copyFixture(dir, {}, [](Json &c) { c.erase("n_head"); });
        else if (damage == QLatin1String("vocab-size"))
            copyFixture(dir, [](std::vector<NamedParameter> &ts) {
                for (auto &t : ts)
                    if (t.name == "transformer.wte.weight")
                        t.tensor = Tensor::zeros({300, 32});
            }, [](Json &c) { c["vocab_size"] = 300; });
        else if (damage == QLatin1String("shape"))
            copyFixture(dir, [](std::vector<NamedParameter> &ts) {
                for (auto &t : ts)
                    if (t.name == "transformer.h.1.mlp.c_fc.weight")
                        t.tensor = Tensor::zeros({128, 32});
            });
        else if (damage == QLatin1String("drop"))
            copyFixture(dir, [](std::vector<NamedParameter> &ts) {
                std::erase_if(ts, [](const NamedParameter &t) { return t.name == "transformer.ln_f.bias"; });
            });
        else
            copyFixture(dir);
        if (damage == QLatin1String("no-config"))
            fs::remove(dir + "/config.json");
        if (damage == QLatin1String("no-vocab"))
            fs::remove(dir + "/vocab.json");
        const std::string error = loadError(dir);
        QVERIFY2(error.find(expected.toStdString()) != std::string::npos, error.c_str());
    }

    void modelPathDispatches()
    {
        auto missing = loadModelPath("/nonexistent/model");
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().find("/nonexistent/model") != std::string::npos);
        // A file goes to loadCheckpoint, which rejects a safetensors without our metadata.
        auto file = loadModelPath(kFixture + "/model.safetensors");
        QVERIFY(!file.ok());
        QVERIFY2(file.error().find("config") != std::string::npos, file.error().c_str());
    }
};

QTEST_APPLESS_MAIN(TestHfImport)
#include "tst_hfimport.moc"
