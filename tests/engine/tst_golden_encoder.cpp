// The encoder families against PyTorch (tests/golden/make_encoder_golden.py): Hugging Face
// folders written by the script (BERT with current and TF-era tensor names, a BERT sequence
// classifier, ALBERT with E = 16 < H = 32, one shared layer and gelu_new), H = 32, L = 2, 4 heads,
// V = 64, loaded through loadHuggingFaceFolder like any user folder. Compared per input (a single
// sentence with [MASK], a pair with token types, a word split into WordPiece pieces): the ids the
// folder's tokenizer gives, the MLM logits (T, V), the pair head's logits, the class logits, the
// attention probabilities of every layer and head, the last hidden states; and for a padded
// training batch (token types, masked targets, pair labels) the loss and the gradients of one
// tensor of each kind. Torch ran in float64; the engine in float32.
#include "core/ops.h"
#include "core/tape.h"
#include "io/hfimport.h"
#include "models/encoder/encoder.h"
#include "text/specialtokens.h"

#include <QtTest>

#include "golden.h"

#include <nlohmann/json.hpp>

using namespace lm;
using Json = nlohmann::json;

namespace {
// The bars: logits within 1e-3, attention within 1e-4 (absolute).
constexpr double kLogitsAbs = 1e-3;
constexpr double kAttentionAbs = 1e-4;
constexpr double kHiddenAbs = 1e-4;
constexpr double kGradAbs = 1e-4, kGradRel = 1e-3;

const Json &golden() { return lm::test::goldenFixture<Json>("encoder_golden.json"); }
std::vector<float> floats(const Json &j) { return j.get<std::vector<float>>(); }
std::vector<float> values(const Tensor &t) { return {t.data(), t.data() + t.numel()}; }

std::string folder(const char *name) { return std::string(LMSCOPE_SOURCE_DIR "/tests/golden/") + name; }

struct Loaded {
    Checkpoint checkpoint;
    EncoderModel *encoder = nullptr;
};

Loaded load(const char *name)
{
    auto c = loadHuggingFaceFolder(folder(name));
    if (!c)
        qFatal("%s: %s", name, c.error().c_str());
    Loaded l{std::move(c).value(), nullptr};
    l.encoder = dynamic_cast<EncoderModel *>(l.checkpoint.model.get());
    return l;
}

// Each folder and the golden entry it is compared with.
const std::vector<std::pair<const char *, const char *>> &folders()
{
    static const std::vector<std::pair<const char *, const char *>> f{
        {"bert-tiny", "bert"}, {"bert-tiny-old", "bert"}, {"bert-tiny-cls", "bert_cls"}, {"albert-tiny", "albert"}};
    return f;
}

} // namespace

class TestGoldenEncoder final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyFolderLoadsAsAnEncoder()
    {
        for (const auto &[name, key] : folders()) {
            Loaded l = load(name);
            QVERIFY2(l.encoder, name);
            QCOMPARE(l.encoder->vocabSize(), golden()["vocab_size"].get<int>());
            QCOMPARE(l.encoder->encoderConfig().layers, golden()["layers"].get<int>());
            QVERIFY(golden().contains(key));
        }
        QCOMPARE(load("albert-tiny").encoder->encoderConfig().resolvedEmbeddingDim(), 16);
        QCOMPARE(load("albert-tiny").encoder->encoderConfig().activation, EncoderActivation::GeluNew);
        QCOMPARE(load("bert-tiny-cls").encoder->encoderConfig().head, EncoderHead::Classify);
        QCOMPARE(load("bert-tiny-cls").encoder->encoderConfig().labels,
                 golden()["bert_cls"]["labels"].get<std::vector<std::string>>());
        QVERIFY(load("bert-tiny").encoder->hasPairHead());
    }

    void forwardMatchesTorch_data()
    {
        QTest::addColumn<QString>("folderName");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("index");
        for (const auto &[name, key] : folders())
            for (int i = 0; i < static_cast<int>(golden()[key]["cases"].size()); ++i)
                QTest::addRow("%s %s", name, golden()[key]["cases"][i]["name"].get<std::string>().c_str())
                    << QString::fromUtf8(name) << QString::fromUtf8(key) << i;
    }
    void forwardMatchesTorch()
    {
        QFETCH(QString, folderName);
        QFETCH(QString, key);
        QFETCH(int, index);
        const Json &g = golden()[key.toStdString()]["cases"][index];
        Loaded l = load(qPrintable(folderName));
        EncoderModel &m = *l.encoder;

        EncoderInput in;
        in.ids = g["ids"].get<std::vector<std::int32_t>>();
        in.tokenTypes = g["token_types"].get<std::vector<std::int32_t>>();
        in.time = static_cast<int>(in.ids.size());
        const std::int64_t T = in.time, H = m.encoderConfig().dim;

        NoGradScope noGrad;
        Trace trace;
        const Tensor hidden = m.encode(in, &trace);
        QString bad = lm::test::goldenMismatch(values(hidden), floats(g["hidden"]), kHiddenAbs, 0.0);
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("hidden ") + bad));
        const int L = golden()["layers"], heads = golden()["heads"];
        for (int layer = 0; layer < L; ++layer)
            for (int h = 0; h < heads; ++h) {
                const std::string name = "layer" + std::to_string(layer) + ".head" + std::to_string(h) + ".attention";
                QVERIFY2(trace.has(name), name.c_str());
                bad = lm::test::goldenMismatch(trace.find(name)->values, floats(g["attention"][layer][h]), kAttentionAbs, 0.0);
                QVERIFY2(bad.isEmpty(), qPrintable(QString::fromStdString(name) + QLatin1Char(' ') + bad));
            }
        if (g.contains("logits")) {
            const Tensor logits = m.maskedLmLogits(reshape(hidden, {T, H}));
            bad = lm::test::goldenMismatch(values(logits), floats(g["logits"]), kLogitsAbs, 0.0);
            QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("MLM logits ") + bad));
            // sequenceLogits is the same path for one sentence without token types.
            if (!g.contains("pair_text"))
                QVERIFY(lm::test::goldenMismatch(values(m.sequenceLogits(in.ids)), floats(g["logits"]), kLogitsAbs, 0.0)
                            .isEmpty());
            bad = lm::test::goldenMismatch(values(m.pairLogits(m.pooled(hidden))), floats(g["pair_logits"]), kLogitsAbs, 0.0);
            QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("pair logits ") + bad));
        }
        if (g.contains("class_logits")) {
            bad = lm::test::goldenMismatch(values(m.classifierLogits(m.pooled(hidden))), floats(g["class_logits"]),
                                           kLogitsAbs, 0.0);
            QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("class logits ") + bad));
        }
    }

    void gradientsMatchTorch_data()
    {
        QTest::addColumn<QString>("folderName");
        QTest::addColumn<QString>("key");
        for (const auto &[name, key] : folders())
            QTest::newRow(name) << QString::fromUtf8(name) << QString::fromUtf8(key);
    }
    void gradientsMatchTorch()
    {
        QFETCH(QString, folderName);
        QFETCH(QString, key);
        const Json &g = golden()[key.toStdString()]["train"];
        Loaded l = load(qPrintable(folderName));
        TokenBatch batch;
        batch.batch = g["batch"];
        batch.time = g["time"];
        const auto ints = [](const Json &j) {
            std::vector<std::int32_t> v;
            for (const auto &x : j)
                v.push_back(static_cast<std::int32_t>(x.get<double>()));
            return v;
        };
        batch.inputs = ints(g["ids"]);
        batch.tokenTypes = ints(g["token_types"]);
        for (std::int32_t m : ints(g["padding_mask"]))
            batch.paddingMask.push_back(static_cast<std::uint8_t>(m));
        batch.targets = ints(g["targets"]);
        batch.labels = ints(g["labels"]);

        const ParameterList params = l.encoder->parameters();
        for (const auto &p : params)
            p.tensor.zeroGrad();
        Tape tape;
        double loss = 0.0;
        {
            TapeScope scope(tape);
            const Tensor t = l.encoder->loss(batch);
            loss = t.item();
            tape.backward(t);
        }
        QVERIFY2(std::abs(loss - g["loss"].get<double>()) < 1e-4, qPrintable(QString::number(loss)));
        int compared = 0;
        for (const auto &[name, want] : g["grads"].items()) {
            const auto it = std::find_if(params.begin(), params.end(), [&](const auto &p) { return p.name == name; });
            QVERIFY2(it != params.end(), name.c_str());
            const std::vector<float> got(it->tensor.grad(), it->tensor.grad() + it->tensor.numel());
            const QString bad = lm::test::goldenMismatch(got, floats(want), kGradAbs, kGradRel);
            QVERIFY2(bad.isEmpty(), qPrintable(QString::fromStdString(name) + QLatin1Char(' ') + bad));
            ++compared;
        }
        QVERIFY(compared >= 5);
    }

    // The folder's own tokenizer gives the ids torch was fed (WordPiece from vocab.txt, lower-cased
    // by tokenizer_config.json; ALBERT's unigram tokenizer.json), specials and token types included.
    void tokenizersGiveTheGoldenIds()
    {
        for (const auto &[name, key] : folders()) {
            Loaded l = load(name);
            for (const auto &c : golden()[key]["cases"]) {
                const auto pair = c.contains("pair_text") ? std::optional<std::string>(c["pair_text"].get<std::string>())
                                                          : std::nullopt;
                const EncodedPair e = encodeForEncoder(*l.checkpoint.tokenizer, c["text"].get<std::string>(), pair, 0);
                QCOMPARE(e.ids, c["ids"].get<std::vector<std::int32_t>>());
                QCOMPARE(e.tokenTypes, c["token_types"].get<std::vector<std::int32_t>>());
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestGoldenEncoder)
#include "tst_golden_encoder.moc"
