// Folders written by `lmscope-cli export-hf` as PyTorch reads them (tests/golden/make_export_golden.py):
// a GPT (GPT-2 layout, tied head) and a BERT (MLM + NSP) trained here, exported, and computed by
// torch from config.json and model.safetensors alone. Our reader gives torch's logits to 1e-3,
// and exporting what it read writes the same files again, so the writer still produces what torch
// checked.
#include "io/hfexport.h"
#include "io/hfimport.h"
#include "io/safetensors.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>

using namespace lm;
using Json = nlohmann::json;

namespace {

const std::string kGolden = LMSCOPE_SOURCE_DIR "/tests/golden/";

const Json &golden()
{
    static const Json g = [] {
        std::ifstream in(kGolden + "export_golden.json");
        return Json::parse(in);
    }();
    return g;
}

std::string fileBytes(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Json jsonFile(const std::string &path)
{
    std::ifstream in(path);
    return Json::parse(in, nullptr, false);
}

} // namespace

class TestGoldenExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesTorch_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("gpt2") << "gpt2";
        QTest::newRow("bert") << "bert";
    }

    void matchesTorch()
    {
        QFETCH(QString, name);
        const Json &g = golden()[name.toStdString()];
        const std::string folder = kGolden + g["folder"].get<std::string>();
        auto loaded = loadHuggingFaceFolder(folder);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        const std::vector<std::int32_t> ids = g["ids"].get<std::vector<std::int32_t>>();
        const Tensor logits = loaded.value().model->sequenceLogits(ids);
        const std::vector<float> want = g["logits"].get<std::vector<float>>();
        QCOMPARE(logits.numel(), static_cast<std::int64_t>(want.size()));
        double worst = 0;
        for (std::size_t i = 0; i < want.size(); ++i)
            worst = std::max(worst, std::abs(double(logits.data()[i]) - want[i]));
        QVERIFY2(worst <= golden()["tolerance"].get<double>(), QByteArray::number(worst).constData());
    }

    // Exporting the folder we read writes the same config, tokenizer files and tensors.
    void exportIsStable_data() { matchesTorch_data(); }

    void exportIsStable()
    {
        QFETCH(QString, name);
        const std::string folder = kGolden + golden()[name.toStdString()]["folder"].get<std::string>();
        auto loaded = loadHuggingFaceFolder(folder);
        QVERIFY(loaded.ok());
        QTemporaryDir tmp;
        const std::string again = tmp.path().toStdString() + "/again";
        auto written = saveHuggingFaceFolder(again, *loaded.value().model, *loaded.value().tokenizer);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().c_str());
        // Dropout is a training setting our reader leaves at the family's default, so it is not compared.
        const auto withoutDropout = [](Json j) {
            for (const char *key : {"resid_pdrop", "embd_pdrop", "attn_pdrop", "hidden_dropout_prob",
                                    "attention_probs_dropout_prob"})
                j.erase(key);
            return j;
        };
        QCOMPARE(withoutDropout(jsonFile(again + "/config.json")), withoutDropout(jsonFile(folder + "/config.json")));
        for (const char *file : {"vocab.json", "merges.txt", "vocab.txt", "tokenizer_config.json"}) {
            const bool there = std::ifstream(folder + "/" + file).good();
            QCOMPARE(std::ifstream(again + "/" + file).good(), there);
            if (there)
                QVERIFY2(fileBytes(again + "/" + file) == fileBytes(folder + "/" + file), file);
        }
        auto a = loadSafetensors(folder + "/model.safetensors"), b = loadSafetensors(again + "/model.safetensors");
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(b.value().tensors.size(), a.value().tensors.size());
        for (const NamedParameter &t : a.value().tensors) {
            const Tensor *other = b.value().find(t.name);
            QVERIFY2(other, t.name.c_str());
            QVERIFY2(other->shape() == t.tensor.shape() &&
                         std::memcmp(other->data(), t.tensor.data(), sizeof(float) * t.tensor.numel()) == 0,
                     t.name.c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestGoldenExport)
#include "tst_golden_export.moc"
