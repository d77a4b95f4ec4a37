// T5 and BART against PyTorch (tests/golden/make_seq2seq_golden.py): Hugging Face folders written
// by the script, loaded through loadHuggingFaceFolder like any user folder —
//   t5-tiny        tied head (logits from d^-½ h sharedᵀ), relu, 2 encoder / 3 decoder blocks,
//                  heads · d_kv = 18 ≠ d_model = 16, 8 buckets, max distance 20
//   t5-tiny-gated  untied lm_head, gated-gelu, 2 + 2 blocks, the old copied embed_tokens tensors
//   bart-tiny      scaled embeddings, positions at offset 2, layernorm_embedding, post-LN, biases,
//                  final_logits_bias, 2 encoder layers of 4 heads and 3 decoder layers of 2, the
//                  pad row without a gradient from the lookups, a byte-level BPE tokenizer
// Compared per source/decoder pair: the logits (Td, V), the encoder's output, and the encoder
// self-, decoder self- and cross-attention of every layer and head; for a padded training batch
// (ignored targets) the loss and the gradients of one tensor of each kind, the bucket-bias tables
// included. Torch ran in float64; the engine in float32.
#include "core/ops.h"
#include "core/tape.h"
#include "io/hfimport.h"
#include "models/architecture.h"
#include "models/bart/bart.h"
#include "models/t5/t5.h"

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

const Json &golden() { return lm::test::goldenFixture<Json>("seq2seq_golden.json"); }
std::vector<float> floats(const Json &j) { return j.get<std::vector<float>>(); }
std::vector<float> values(const Tensor &t) { return {t.data(), t.data() + t.numel()}; }
std::vector<std::int32_t> ints(const Json &j)
{
    std::vector<std::int32_t> v;
    for (const auto &x : j)
        v.push_back(static_cast<std::int32_t>(x.get<double>()));
    return v;
}
// [layer][head][query][key] -> one (query·key) row-major vector per layer and head.
std::vector<float> headOf(const Json &nested, int layer, int head)
{
    std::vector<float> out;
    for (const auto &row : nested[layer][head])
        for (const auto &v : row)
            out.push_back(v.get<float>());
    return out;
}

struct Loaded {
    Checkpoint checkpoint;
    Seq2SeqModel *model = nullptr;
    T5Model *t5 = nullptr;
};

Loaded load(const std::string &name)
{
    auto c = loadHuggingFaceFolder(std::string(LMSCOPE_SOURCE_DIR "/tests/golden/") + name);
    if (!c)
        qFatal("%s: %s", name.c_str(), c.error().c_str());
    Loaded l{std::move(c).value(), nullptr, nullptr};
    l.model = dynamic_cast<Seq2SeqModel *>(l.checkpoint.model.get());
    l.t5 = dynamic_cast<T5Model *>(l.checkpoint.model.get());
    return l;
}

const std::vector<const char *> &keys()
{
    static const std::vector<const char *> k{"t5", "t5_gated", "bart"};
    return k;
}

} // namespace

class TestGoldenSeq2Seq final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void foldersLoadAsT5()
    {
        const Loaded tied = load("t5-tiny"), gated = load("t5-tiny-gated");
        QVERIFY(tied.t5 && gated.t5);
        const T5Config &a = tied.t5->t5Config(), &b = gated.t5->t5Config();
        QCOMPARE(a.layers, 2);
        QCOMPARE(a.decoderLayers, 3);
        QCOMPARE(a.inner(), 18);
        QCOMPARE(a.dim, 16);
        QVERIFY(a.tiedHead);
        QCOMPARE(a.feedForward, T5FeedForward::Relu);
        QVERIFY(!b.tiedHead);
        QCOMPARE(b.feedForward, T5FeedForward::GatedGelu);
        QCOMPARE(tied.checkpoint.tokenizer->vocabSize(), 40);

        const Loaded bart = load("bart-tiny");
        auto *b2 = dynamic_cast<BartModel *>(bart.model);
        QVERIFY(b2);
        const BartConfig &c = b2->bartConfig();
        QCOMPARE(c.layers, 2);
        QCOMPARE(c.decoderLayers, 3);
        QCOMPARE(c.heads, 4);
        QCOMPARE(c.decoderHeads, 2);
        QCOMPARE(c.ffnHidden, 32);
        QCOMPARE(c.decoderFfnHidden, 24);
        QVERIFY(c.scaleEmbedding);
        QCOMPARE(c.decoderStart, 2);
        QCOMPARE(bart.checkpoint.tokenizer->vocabSize(), c.vocabSize);
    }

    // The BART folder's byte-level BPE gives the ids torch was fed for a text.
    void bartTokenizerGivesTheGoldenIds()
    {
        const Loaded bart = load("bart-tiny");
        for (const auto &c : golden()["bart"]["cases"])
            if (c.contains("text")) {
                std::vector<std::int32_t> ids{0}; // <s> text </s>
                const auto body = bart.checkpoint.tokenizer->encode(c["text"].get<std::string>());
                ids.insert(ids.end(), body.begin(), body.end());
                ids.push_back(2);
                QCOMPARE(ids, ints(c["input_ids"]));
                return;
            }
        QFAIL("no BART case with a text");
    }

    // HF's _relative_position_bucket for 8 buckets and max distance 20 (values from the script's
    // copy of it). Bidirectional: 4 buckets a side, exact below 2, then ⌊log(r/2)/log(10) · 2⌋
    // more, capped at the side's last; causal: 8 buckets, exact below 4, keys ahead in bucket 0.
    void bucketsFollowHuggingFace()
    {
        const std::vector<std::tuple<int, bool, int>> cases{
            {0, true, 0},   {-1, true, 1},  {1, true, 5},   {-2, true, 2},  {-6, true, 2},
            {-7, true, 3},  {-100, true, 3}, {100, true, 7}, {3, false, 0},  {-3, false, 3},
            {-4, false, 4}, {-9, false, 6},  {-13, false, 6}, {-14, false, 7}, {-100, false, 7}};
        for (const auto &[relative, bidirectional, bucket] : cases)
            QVERIFY2(t5RelativeBucket(relative, bidirectional, 8, 20) == bucket,
                     qPrintable(QStringLiteral("%1 %2").arg(relative).arg(bidirectional)));
    }

    void forwardMatchesTorch_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("index");
        for (const char *key : keys())
            for (int i = 0; i < static_cast<int>(golden()[key]["cases"].size()); ++i)
                QTest::addRow("%s case %d", key, i) << QString::fromUtf8(key) << i;
    }
    void forwardMatchesTorch()
    {
        QFETCH(QString, key);
        QFETCH(int, index);
        const Json &entry = golden()[key.toStdString()];
        const Json &g = entry["cases"][index];
        Loaded l = load(entry["folder"].get<std::string>());
        Seq2SeqModel &m = *l.model;

        Seq2SeqInput in;
        in.source = ints(g["input_ids"]);
        in.decoder = ints(g["decoder_input_ids"]);
        in.sourceTime = static_cast<int>(in.source.size());
        in.decoderTime = static_cast<int>(in.decoder.size());

        NoGradScope noGrad;
        Trace trace;
        const Tensor encoded = m.encode(in, &trace);
        QString bad = lm::test::goldenMismatch(values(encoded), floats(g["encoder_hidden"]), kHiddenAbs, 0.0);
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("encoder output ") + bad));
        const Tensor logits = m.logits(m.decode(in, encoded, &trace));
        bad = lm::test::goldenMismatch(values(logits), floats(g["logits"]), kLogitsAbs, 0.0);
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("logits ") + bad));

        // Every layer and head the golden holds, and no more in the trace.
        const auto compare = [&](const char *golden, const std::string &prefix) {
            const int layers = static_cast<int>(g[golden].size()), heads = static_cast<int>(g[golden][0].size());
            QVERIFY(!trace.has(prefix + "layer" + std::to_string(layers) + ".head0.attention"));
            QVERIFY(!trace.has(prefix + "layer0.head" + std::to_string(heads) + ".attention"));
            for (int layer = 0; layer < layers; ++layer)
                for (int h = 0; h < heads; ++h) {
                    const std::string name = prefix + "layer" + std::to_string(layer) + ".head" + std::to_string(h) + ".attention";
                    QVERIFY2(trace.has(name), name.c_str());
                    const QString why = lm::test::goldenMismatch(trace.find(name)->values, headOf(g[golden], layer, h),
                                                                 kAttentionAbs, 0.0);
                    QVERIFY2(why.isEmpty(), qPrintable(QString::fromStdString(name) + QLatin1Char(' ') + why));
                }
        };
        compare("encoder_attentions", "");
        compare("decoder_attentions", "decoder.");
        compare("cross_attentions", "cross.");
    }

    void gradientsMatchTorch_data()
    {
        QTest::addColumn<QString>("key");
        for (const char *key : keys())
            QTest::newRow(key) << QString::fromUtf8(key);
    }
    void gradientsMatchTorch()
    {
        QFETCH(QString, key);
        const Json &entry = golden()[key.toStdString()];
        const Json &g = entry["training"];
        Loaded l = load(entry["folder"].get<std::string>());
        TokenBatch batch;
        batch.batch = g["batch"];
        batch.inputs = ints(g["input_ids"]);
        batch.time = static_cast<int>(batch.inputs.size()) / batch.batch;
        for (std::int32_t m : ints(g["attention_mask"]))
            batch.paddingMask.push_back(static_cast<std::uint8_t>(m));
        batch.decoderInputs = ints(g["decoder_input_ids"]);
        batch.decoderTime = static_cast<int>(batch.decoderInputs.size()) / batch.batch;
        batch.targets = ints(g["labels"]);
        QVERIFY(std::count(batch.targets.begin(), batch.targets.end(), TokenBatch::kIgnore) > 0);
        QVERIFY(std::count(batch.paddingMask.begin(), batch.paddingMask.end(), 0) > 0);

        const ParameterList params = l.model->parameters();
        for (const auto &p : params)
            p.tensor.zeroGrad();
        Tape tape;
        double loss = 0.0;
        {
            TapeScope scope(tape);
            const Tensor t = l.model->loss(batch);
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
        QVERIFY(compared >= 10);
    }

    // Configs and Hugging Face config.json fields are checked, each error naming its field.
    void configsAreChecked()
    {
        auto t5 = T5Config::fromJson({{"arch", "t5"}, {"dim", "wide"}});
        QCOMPARE(QString::fromStdString(t5.error()), QStringLiteral("t5 config: 'dim' is not an integer"));
        t5 = T5Config::fromJson({{"arch", "t5"}, {"feed_forward", "swish"}});
        QCOMPARE(QString::fromStdString(t5.error()), QStringLiteral("t5 config: 'feed_forward' must be one of relu, gated-gelu"));
        t5 = T5Config::fromJson({{"arch", "t5"}, {"dim", 10}, {"heads", 3}});
        QVERIFY2(!t5.ok() && t5.error().find("multiple of heads") != std::string::npos, t5.error().c_str());
        QVERIFY(T5Config::fromJson({{"arch", "t5"}, {"dim", 10}, {"heads", 3}, {"head_dim", 4}}).ok()); // I = 12 ≠ 10
        auto bart = BartConfig::fromJson({{"arch", "bart"}, {"dim", 16}, {"decoder_heads", 3}});
        QCOMPARE(QString::fromStdString(bart.error()), QStringLiteral("bart config: 'dim' = 16 is not a multiple of decoder_heads = 3"));
        bart = BartConfig::fromJson({{"arch", "bart"}, {"scale_embedding", 1}});
        QCOMPARE(QString::fromStdString(bart.error()), QStringLiteral("bart config: 'scale_embedding' is not true or false"));

        const auto none = [](const std::string &) -> const Tensor * { return nullptr; };
        const Json hfT5 = {{"d_model", 16}, {"d_kv", 4}, {"d_ff", 32}, {"num_layers", 1}, {"num_heads", 4}, {"vocab_size", 40},
                           {"feed_forward_proj", "gated-silu"}};
        auto r = findArchitecture("t5")->huggingFace->toConfig(hfT5, none);
        QCOMPARE(QString::fromStdString(r.error()),
                 QStringLiteral("feed_forward_proj \"gated-silu\" is not supported (only \"relu\" and \"gated-gelu\")"));
        Json noHeads = hfT5;
        noHeads.erase("num_heads");
        QCOMPARE(QString::fromStdString(findArchitecture("t5")->huggingFace->toConfig(noHeads, none).error()),
                 QStringLiteral("\"num_heads\" is missing"));
        const Json hfBart = {{"d_model", 16}, {"encoder_layers", 1}, {"decoder_layers", 1}, {"encoder_attention_heads", 2},
                             {"decoder_attention_heads", 2}, {"encoder_ffn_dim", 8}, {"decoder_ffn_dim", 8}, {"vocab_size", 40},
                             {"max_position_embeddings", 8}, {"normalize_before", true}};
        r = findArchitecture("bart")->huggingFace->toConfig(hfBart, none);
        QVERIFY2(!r.ok() && r.error().find("\"normalize_before\" true is not supported") == 0, r.error().c_str());
    }

    // The same numbers through the LanguageModel interface: sequenceLogits reconstructs its input
    // (the decoder reads the start token and the source shifted right).
    void sequenceLogitsIsTheForwardOnTheShiftedSource()
    {
        Loaded l = load("t5-tiny");
        QVERIFY(l.t5);
        const std::vector<std::int32_t> ids{5, 9, 13, 1};
        Seq2SeqInput in;
        in.source = ids;
        in.sourceTime = 4;
        in.decoder = {l.t5->t5Config().decoderStart, 5, 9, 13};
        in.decoderTime = 4;
        Trace trace;
        const Tensor direct = l.t5->forward(in);
        const Tensor viaInterface = l.t5->sequenceLogits(ids, &trace);
        QCOMPARE(viaInterface.shape(), (Shape{4, 40}));
        QCOMPARE(values(viaInterface), values(direct));
        QVERIFY(trace.has("layer0.head0.attention") && trace.has("cross.layer2.head2.attention"));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, l.t5->nextTokenLogits(ids));
    }
};

QTEST_APPLESS_MAIN(TestGoldenSeq2Seq)
#include "tst_golden_seq2seq.moc"
