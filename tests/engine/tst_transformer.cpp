// Decoder-only transformers (models/transformer.h): config validation and arch defaults, parameter
// names and shapes (GPT-2, Llama, GQA), learning a copy task, KV-cache generation against full
// recomputation, attention traces, checkpoint round trip, chunked attention against standard.
#include "core/ops.h"
#include "core/optim.h"
#include "core/rng.h"
#include "core/tape.h"
#include "io/checkpoint.h"
#include "models/architecture.h"
#include "models/transformer/transformer.h"
#include "text/tokenizer.h"
#include "train/setup.h"

#include <QtTest>

#include <cmath>
#include <cstring>

using namespace lm;
using Json = nlohmann::json;

namespace {

TransformerConfig tiny(const std::string &arch, int V = 11, int C = 16, int L = 2, int H = 4, int kv = 0)
{
    auto c = TransformerConfig::fromJson(
        Json{{"arch", arch}, {"vocab_size", V}, {"dim", C}, {"layers", L}, {"heads", H}, {"kv_heads", kv}, {"max_seq", 16}});
    if (!c)
        qFatal("%s", c.error().c_str());
    return c.value();
}

// Copy task: a random block of `period` tokens, then the same block again. Only the second half
// is predictable, so only it is scored (−100 elsewhere).
TokenBatch copyBatch(Rng &rng, int B, int period, int V)
{
    TokenBatch b;
    b.batch = B;
    b.time = 2 * period - 1;
    for (int r = 0; r < B; ++r) {
        std::vector<std::int32_t> seq(2 * static_cast<std::size_t>(period));
        for (int t = 0; t < period; ++t)
            seq[static_cast<std::size_t>(t)] = seq[static_cast<std::size_t>(t + period)] =
                static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(V)));
        for (int t = 0; t < b.time; ++t) {
            b.inputs.push_back(seq[static_cast<std::size_t>(t)]);
            b.targets.push_back(t + 1 >= period ? seq[static_cast<std::size_t>(t + 1)] : -100);
        }
    }
    return b;
}

QStringList names(const ParameterList &p)
{
    QStringList out;
    for (const auto &n : p)
        out << QString::fromStdString(n.name);
    return out;
}

const Tensor &find(const ParameterList &p, const std::string &name)
{
    for (const auto &n : p)
        if (n.name == name)
            return n.tensor;
    qFatal("no parameter %s", name.c_str());
}

} // namespace

class TestTransformer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rejectsBadConfigs_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown arch") << R"({"arch": "cake", "vocab_size": 10})" << "arch";
        QTest::newRow("no vocab") << R"({"arch": "gpt"})" << "vocab_size";
        QTest::newRow("dim % heads") << R"({"arch": "gpt", "vocab_size": 10, "dim": 30, "heads": 4})" << "dim";
        QTest::newRow("heads % kv_heads") << R"({"arch": "llama", "vocab_size": 10, "dim": 24, "heads": 4, "kv_heads": 3})"
                                          << "kv_heads";
        QTest::newRow("rope, odd head dim") << R"({"arch": "llama", "vocab_size": 10, "dim": 12, "heads": 4})"
                                            << "positions";
        QTest::newRow("layers 0") << R"({"arch": "gpt", "vocab_size": 10, "layers": 0})" << "layers";
        QTest::newRow("norm") << R"({"arch": "gpt", "vocab_size": 10, "norm": "batchnorm"})" << "norm";
        QTest::newRow("ffn") << R"({"arch": "gpt", "vocab_size": 10, "ffn": "relu"})" << "ffn";
        QTest::newRow("positions") << R"({"arch": "gpt", "vocab_size": 10, "positions": "random"})" << "positions";
        QTest::newRow("dropout") << R"({"arch": "gpt", "vocab_size": 10, "dropout": 1.5})" << "dropout";
        QTest::newRow("pre_norm type") << R"({"arch": "gpt", "vocab_size": 10, "pre_norm": 1})" << "pre_norm";
        QTest::newRow("dim type") << R"({"arch": "gpt", "vocab_size": 10, "dim": "big"})" << "dim";
        QTest::newRow("attention") << R"({"arch": "gpt", "vocab_size": 10, "attention": "flash"})" << "attention";
        QTest::newRow("attention type") << R"({"arch": "gpt", "vocab_size": 10, "attention": true})" << "attention";
        QTest::newRow("attention_chunk 0") << R"({"arch": "llama", "vocab_size": 10, "dim": 16, "attention_chunk": 0})"
                                           << "attention_chunk";
    }
    void rejectsBadConfigs()
    {
        QFETCH(QString, json);
        QFETCH(QString, field);
        const auto c = TransformerConfig::fromJson(Json::parse(json.toStdString()));
        QVERIFY(!c.ok());
        QVERIFY2(QString::fromStdString(c.error()).contains(QLatin1Char('\'') + field + QLatin1Char('\'')),
                 c.error().c_str());
        QVERIFY(!createModel(Json::parse(json.toStdString()), 1).ok());
    }

    // A GPT trained on windows of 8 tokens learnt 8 position rows; past them generation slides a
    // window of 8 (the rows after stay as initialised), while a trace may still read max_seq.
    void generationSlidesTheTrainingWindow()
    {
        const Architecture &gpt = *findArchitecture("gpt");
        auto config = gpt.configFor({{"dim", 16}, {"layers", 1}, {"heads", 2}}, 20, 8);
        QVERIFY(config.ok());
        QCOMPARE(config.value()["window"].get<int>(), 8);
        QVERIFY(config.value()["max_seq"].get<int>() > 8);
        auto model = std::move(gpt.create(config.value(), 5)).value();
        std::vector<std::int32_t> ids;
        for (int i = 0; i < 20; ++i)
            ids.push_back((i * 7) % 20);
        const std::vector<std::int32_t> last8(ids.end() - 8, ids.end());
        const Tensor slid = model->nextTokenLogits(ids);
        model->resetState();
        const Tensor fresh = model->nextTokenLogits(last8);
        QCOMPARE(slid.numel(), fresh.numel());
        for (std::int64_t v = 0; v < slid.numel(); ++v)
            QVERIFY(std::abs(slid.data()[v] - fresh.data()[v]) < 1e-5f);
        // Within the window the whole context counts: 7 tokens differ from their last 6.
        const std::vector<std::int32_t> seven(ids.begin(), ids.begin() + 7), six(ids.begin() + 1, ids.begin() + 7);
        model->resetState();
        const Tensor a = model->nextTokenLogits(seven);
        model->resetState();
        const Tensor b = model->nextTokenLogits(six);
        double differ = 0;
        for (std::int64_t v = 0; v < a.numel(); ++v)
            differ = std::max(differ, double(std::abs(a.data()[v] - b.data()[v])));
        QVERIFY(differ > 1e-4);
        QCOMPARE(model->sequenceLogits(ids).size(0), std::int64_t(20)); // a trace reads past the window
    }

    void archDefaults()
    {
        const auto gpt = TransformerConfig::fromJson(Json{{"arch", "gpt"}, {"vocab_size", 50}, {"dim", 64}}).value();
        QVERIFY(gpt.norm == NormKind::LayerNorm);
        QVERIFY(gpt.ffn == FfnKind::Gelu);
        QVERIFY(gpt.positions == PositionKind::Learned);
        QVERIFY(gpt.tiedHead && gpt.preNorm);
        QCOMPARE(gpt.ffnHidden, 4 * 64);
        QCOMPARE(gpt.normEps, 1e-5f);
        QVERIFY(gpt.attention == AttentionKind::Standard); // configs from before the key existed
        const auto llama = TransformerConfig::fromJson(Json{{"arch", "llama"}, {"vocab_size", 50}, {"dim", 64}}).value();
        QVERIFY(llama.norm == NormKind::RmsNorm);
        QVERIFY(llama.ffn == FfnKind::SwiGlu);
        QVERIFY(llama.positions == PositionKind::Rope);
        QVERIFY(!llama.tiedHead && llama.preNorm);
        QCOMPARE(llama.normEps, 1e-6f);
        // ⌊2·4·64/3⌋ = 170, rounded up to a multiple of 32.
        QCOMPARE(llama.ffnHidden, 32 * 6);
        QCOMPARE(llama.kvHeads, llama.heads);
        // An explicit field beats the arch default; toJson round-trips.
        const auto custom =
            TransformerConfig::fromJson(Json{{"arch", "llama"}, {"vocab_size", 50}, {"ffn_hidden", 100}, {"tied_head", true}})
                .value();
        QCOMPARE(custom.ffnHidden, 100);
        QVERIFY(custom.tiedHead);
        QCOMPARE(TransformerConfig::fromJson(custom.toJson()).value().toJson(), custom.toJson());
    }

    void gptParameters()
    {
        Rng rng(1);
        const auto model = makeTransformer(tiny("gpt"), rng);
        const ParameterList p = model->parameters();
        QStringList want{QStringLiteral("wte.weight"), QStringLiteral("wpe.weight")};
        for (int l = 0; l < 2; ++l)
            for (const char *n : {"ln_1.weight", "ln_1.bias", "attn.c_attn.weight", "attn.c_attn.bias", "attn.c_proj.weight",
                                  "attn.c_proj.bias", "ln_2.weight", "ln_2.bias", "mlp.c_fc.weight", "mlp.c_fc.bias",
                                  "mlp.c_proj.weight", "mlp.c_proj.bias"})
                want << QStringLiteral("h.%1.%2").arg(l).arg(QLatin1String(n));
        want << QStringLiteral("ln_f.weight") << QStringLiteral("ln_f.bias");
        QCOMPARE(names(p), want); // tied head: no lm_head.weight
        QCOMPARE(find(p, "wte.weight").shape(), (Shape{11, 16}));
        QCOMPARE(find(p, "wpe.weight").shape(), (Shape{16, 16}));
        QCOMPARE(find(p, "h.0.attn.c_attn.weight").shape(), (Shape{16, 3 * 16})); // Conv1D (in, out)
        QCOMPARE(find(p, "h.0.attn.c_attn.bias").shape(), (Shape{3 * 16}));
        QCOMPARE(find(p, "h.1.mlp.c_fc.weight").shape(), (Shape{16, 4 * 16}));
        QCOMPARE(find(p, "h.1.mlp.c_proj.weight").shape(), (Shape{4 * 16, 16}));
        // Init: biases 0, norms 1, weights about N(0, 0.02).
        for (float v : find(p, "h.0.ln_1.weight").toVector())
            QCOMPARE(v, 1.0f);
        for (float v : find(p, "h.0.attn.c_attn.bias").toVector())
            QCOMPARE(v, 0.0f);
        double sq = 0;
        for (float v : find(p, "h.1.mlp.c_fc.weight").toVector())
            sq += double(v) * v;
        QVERIFY(std::abs(std::sqrt(sq / (16 * 64)) - 0.02) < 0.004);
        QCOMPARE(model->parameterCount(), std::int64_t(11 * 16 + 16 * 16 + 2 * (4 * 16 + 16 * 48 + 48 + 16 * 16 + 16 +
                                                                                 16 * 64 + 64 + 64 * 16 + 16) +
                                                       2 * 16));
    }

    void llamaParameters()
    {
        Rng rng(1);
        const auto model = makeTransformer(tiny("llama", 11, 16, 2, 4, 2), rng); // GQA: 4 heads share 2 KV heads
        const ParameterList p = model->parameters();
        QStringList want{QStringLiteral("model.embed_tokens.weight")};
        for (int l = 0; l < 2; ++l)
            for (const char *n : {"input_layernorm.weight", "self_attn.q_proj.weight", "self_attn.k_proj.weight",
                                  "self_attn.v_proj.weight", "self_attn.o_proj.weight", "post_attention_layernorm.weight",
                                  "mlp.gate_proj.weight", "mlp.up_proj.weight", "mlp.down_proj.weight"})
                want << QStringLiteral("model.layers.%1.%2").arg(l).arg(QLatin1String(n));
        want << QStringLiteral("model.norm.weight") << QStringLiteral("lm_head.weight");
        QCOMPARE(names(p), want);
        const std::int64_t D = 16 / 4, F = 64; // ⌊2·64/3⌋ = 42 -> 64
        QCOMPARE(find(p, "model.layers.0.self_attn.q_proj.weight").shape(), (Shape{4 * D, 16}));
        QCOMPARE(find(p, "model.layers.0.self_attn.k_proj.weight").shape(), (Shape{2 * D, 16}));
        QCOMPARE(find(p, "model.layers.0.self_attn.v_proj.weight").shape(), (Shape{2 * D, 16}));
        QCOMPARE(find(p, "model.layers.0.self_attn.o_proj.weight").shape(), (Shape{16, 16}));
        QCOMPARE(find(p, "model.layers.1.mlp.gate_proj.weight").shape(), (Shape{F, 16}));
        QCOMPARE(find(p, "model.layers.1.mlp.down_proj.weight").shape(), (Shape{16, F}));
        QCOMPARE(find(p, "lm_head.weight").shape(), (Shape{11, 16}));
        // GPT layout with GQA packs (C + 2·Hkv·D) outputs into c_attn.
        const auto gqaGpt = makeTransformer(tiny("gpt", 11, 16, 1, 4, 2), rng);
        QCOMPARE(find(gqaGpt->parameters(), "h.0.attn.c_attn.weight").shape(), (Shape{16, 16 + 2 * 2 * D}));
    }

    void learnsCopyTask_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::newRow("gpt") << QStringLiteral("gpt");
        QTest::newRow("llama") << QStringLiteral("llama");
    }
    void learnsCopyTask()
    {
        QFETCH(QString, arch);
        constexpr int V = 6, period = 4;
        Rng rng(3);
        const auto model = makeTransformer(tiny(arch.toStdString(), V, 32, 2, 4), rng);
        Adam::Options o;
        o.lr = 1e-2f;
        Adam adam(model->parameters(), o);
        float last = 0.0f;
        for (int step = 0; step < 300; ++step) {
            Tape tape;
            TapeScope scope(tape);
            Tensor l = model->loss(copyBatch(rng, 16, period, V));
            adam.zeroGrad();
            tape.backward(l);
            adam.step();
            last = l.item();
        }
        // Chance is ln 6 ≈ 1.79.
        QVERIFY2(last < 0.1f, qPrintable(QStringLiteral("final loss %1").arg(last)));
    }

    void dropoutOnlyWhileTraining()
    {
        auto model = createModel(Json{{"arch", "gpt"}, {"vocab_size", 7}, {"dim", 8}, {"layers", 1}, {"heads", 2},
                                      {"max_seq", 8}, {"dropout", 0.5}},
                                 2)
                         .value();
        Rng rng(1);
        const TokenBatch batch = copyBatch(rng, 2, 3, 7);
        Tape tape;
        TapeScope scope(tape);
        const float a = model->loss(batch).item(), b = model->loss(batch).item();
        QVERIFY(std::isfinite(a) && std::isfinite(b));
        QVERIFY(a != b); // a fresh mask per call
        tape.clear();
        const std::vector<std::int32_t> ids{1, 2, 3};
        QCOMPARE(model->sequenceLogits(ids).toVector(), model->sequenceLogits(ids).toVector());
    }

    void kvCacheEqualsRecomputation_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("gpt") << R"({"arch": "gpt"})";
        QTest::newRow("llama gqa") << R"({"arch": "llama", "kv_heads": 2})";
        QTest::newRow("alibi post-norm") << R"({"arch": "gpt", "positions": "alibi", "pre_norm": false})";
        QTest::newRow("sinusoidal untied") << R"({"arch": "gpt", "positions": "sinusoidal", "tied_head": false})";
    }
    void kvCacheEqualsRecomputation()
    {
        QFETCH(QString, json);
        Json j = Json::parse(json.toStdString());
        j.update(Json{{"vocab_size", 13}, {"dim", 16}, {"layers", 2}, {"heads", 4}, {"max_seq", 32}});
        auto model = createModel(j, 5);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().c_str());
        LanguageModel &m = *model.value();
        Rng rng(9);
        std::vector<std::int32_t> context;
        auto check = [&] {
            const Tensor cached = m.nextTokenLogits(context);
            const Tensor full = m.sequenceLogits(context);
            const auto T = static_cast<std::int64_t>(context.size());
            const std::vector<float> want = slice(full, 0, T - 1, T).toVector(), got = cached.toVector();
            QCOMPARE(got.size(), want.size());
            for (std::size_t i = 0; i < want.size(); ++i)
                QVERIFY2(std::abs(got[i] - want[i]) <= 1e-5f, qPrintable(QStringLiteral("T %1, logit %2: %3 vs %4")
                                                                           .arg(T)
                                                                           .arg(i)
                                                                           .arg(got[i])
                                                                           .arg(want[i])));
        };
        for (int t = 0; t < 12; ++t) {
            context.push_back(static_cast<std::int32_t>(rng.below(13)));
            check();
            if (QTest::currentTestFailed())
                return;
        }
        context.push_back(1); // two new tokens at once
        context.push_back(2);
        check();
        context[3] = (context[3] + 1) % 13; // not an extension: recomputed
        check();
        context.resize(5); // shorter
        check();
        QCOMPARE(m.nextTokenLogits(context).toVector(), m.nextTokenLogits(context).toVector());
    }

    void chunkedAttentionMatchesStandard_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("gpt") << R"({"arch": "gpt"})";
        QTest::newRow("llama gqa") << R"({"arch": "llama", "kv_heads": 2})";
        QTest::newRow("gpt alibi") << R"({"arch": "gpt", "positions": "alibi"})";
    }
    void chunkedAttentionMatchesStandard()
    {
        QFETCH(QString, json);
        Json j = Json::parse(json.toStdString());
        j.update(Json{{"vocab_size", 13}, {"dim", 16}, {"layers", 2}, {"heads", 4}, {"max_seq", 32}});
        // The same seed gives the same weights; chunks of 3 keys split every window into blocks.
        const auto make = [&](const char *attention) {
            Json c = j;
            c["attention"] = attention;
            c["attention_chunk"] = 3;
            auto model = createModel(c, 5);
            if (!model)
                qFatal("%s", model.error().c_str());
            return std::move(model).value();
        };
        const auto standard = make("standard"), chunked = make("chunked");
        // |got − want| within 1e-5, or 1e-4 relative above 0.1
        const auto close = [](float got, float want) {
            return std::abs(got - want) <= std::max(1e-5f, 1e-4f * std::abs(want));
        };

        Rng rng(8);
        const TokenBatch batch = copyBatch(rng, 3, 6, 13); // T = 11
        Tape tape;
        TapeScope scope(tape);
        const Tensor lossStandard = standard->loss(batch);
        tape.backward(lossStandard);
        const Tensor lossChunked = chunked->loss(batch);
        tape.backward(lossChunked);
        QVERIFY2(close(lossChunked.item(), lossStandard.item()),
                 qPrintable(QStringLiteral("loss %1 vs %2").arg(lossChunked.item()).arg(lossStandard.item())));
        const ParameterList a = chunked->parameters(), b = standard->parameters();
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            const std::vector<float> got = a[i].tensor.gradVector(), want = b[i].tensor.gradVector();
            for (std::size_t e = 0; e < want.size(); ++e)
                QVERIFY2(close(got[e], want[e]), qPrintable(QStringLiteral("%1[%2]: %3 vs %4")
                                                                .arg(QString::fromStdString(a[i].name))
                                                                .arg(e)
                                                                .arg(got[e])
                                                                .arg(want[e])));
        }

        // KV-cache generation on the chunked path against full recomputation on the standard one.
        std::vector<std::int32_t> context;
        for (int t = 0; t < 10; ++t) {
            context.push_back(static_cast<std::int32_t>(rng.below(13)));
            if (t == 6)
                context.push_back(3); // two new tokens at once
            const auto T = static_cast<std::int64_t>(context.size());
            const std::vector<float> got = chunked->nextTokenLogits(context).toVector(),
                                     want = slice(standard->sequenceLogits(context), 0, T - 1, T).toVector();
            QCOMPARE(got.size(), want.size());
            for (std::size_t i = 0; i < want.size(); ++i)
                QVERIFY2(close(got[i], want[i]),
                         qPrintable(QStringLiteral("T %1, logit %2: %3 vs %4").arg(T).arg(i).arg(got[i]).arg(want[i])));
        }

        // The choice survives the config round trip (and so a checkpoint).
        const auto again = TransformerConfig::fromJson(chunked->config());
        QVERIFY(again.ok());
        QVERIFY(again.value().attention == AttentionKind::Chunked);
        QCOMPARE(again.value().attentionChunk, 3);
        QCOMPARE(again.value().toJson(), chunked->config());
    }

    void learnedPositionsSlideBeyondMaxSeq()
    {
        auto model = createModel(Json{{"arch", "gpt"}, {"vocab_size", 7}, {"dim", 8}, {"layers", 1}, {"heads", 2},
                                      {"max_seq", 4}},
                                 2)
                         .value();
        const std::vector<std::int32_t> ids{1, 2, 3, 4, 5, 6};
        const std::vector<float> want = slice(model->sequenceLogits({3, 4, 5, 6}), 0, 3, 4).toVector();
        QCOMPARE(model->nextTokenLogits(ids).toVector(), want);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model->sequenceLogits(ids));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model->sequenceLogits({}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model->sequenceLogits({7}));
    }

    void traceRecordsCausalAttention_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::newRow("gpt") << QStringLiteral("gpt");
        QTest::newRow("llama") << QStringLiteral("llama");
    }
    void traceRecordsCausalAttention()
    {
        QFETCH(QString, arch);
        constexpr int L = 3, H = 2, T = 6;
        Rng rng(2);
        const auto model = makeTransformer(tiny(arch.toStdString(), 11, 16, L, H), rng);
        Trace trace;
        const Tensor logits = model->sequenceLogits({1, 5, 2, 7, 3, 3}, &trace);
        QCOMPARE(logits.shape(), (Shape{T, 11}));
        int matrices = 0;
        for (const auto &[name, m] : trace.matrices)
            matrices += QString::fromStdString(name).endsWith(QLatin1String(".attention"));
        QCOMPARE(matrices, L * H);
        for (int l = 0; l < L; ++l)
            for (int h = 0; h < H; ++h) {
                const std::string name = "layer" + std::to_string(l) + ".head" + std::to_string(h) + ".attention";
                const TraceMatrix *m = trace.find(name);
                QVERIFY2(m, name.c_str());
                QCOMPARE(m->rows, T);
                QCOMPARE(m->cols, T);
                for (int r = 0; r < T; ++r) {
                    double s = 0;
                    for (int c = 0; c < T; ++c) {
                        s += m->at(r, c);
                        if (c > r)
                            QCOMPARE(m->at(r, c), 0.0f);
                    }
                    QVERIFY(std::abs(s - 1.0) < 1e-5);
                }
            }
        // Without a trace nothing is recorded and the logits are the same.
        QCOMPARE(model->sequenceLogits({1, 5, 2, 7, 3, 3}).toVector(), logits.toVector());
    }

    void checkpointRoundTrip_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::newRow("gpt") << QStringLiteral("gpt");
        QTest::newRow("llama") << QStringLiteral("llama");
    }
    void checkpointRoundTrip()
    {
        QFETCH(QString, arch);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("t.safetensors")).toStdString();
        ByteTokenizer tokenizer;
        Rng rng(4);
        const auto model = makeTransformer(tiny(arch.toStdString(), tokenizer.vocabSize(), 16, 2, 4, 2), rng);
        QVERIFY(saveCheckpoint(path, *model, tokenizer).ok());
        auto loaded = loadCheckpoint(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        QCOMPARE(loaded.value().model->config(), model->config());
        QCOMPARE(loaded.value().model->arch(), arch.toStdString());
        const auto a = model->parameters(), b = loaded.value().model->parameters();
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].name, b[i].name);
            QCOMPARE(std::memcmp(a[i].tensor.data(), b[i].tensor.data(), a[i].tensor.numel() * sizeof(float)), 0);
        }
        const std::vector<std::int32_t> ctx{97, 98, 99, 97};
        QCOMPARE(loaded.value().model->nextTokenLogits(ctx).toVector(), model->nextTokenLogits(ctx).toVector());
    }

    void setupBuildsTransformers()
    {
        ModelChoice choice;
        choice.arch = "llama";
        choice.options = {{"dim", 16}, {"hidden", 40}, {"layers", 2}, {"heads", 4}, {"kv_heads", 2}};
        TrainConfig train;
        train.steps = 3;
        train.batch = 2;
        train.seq = 8;
        auto setup = prepareTraining("abcabcabcabcabcabcabcabcabcabc", choice, train);
        QVERIFY2(setup.ok(), setup.ok() ? "" : setup.error().c_str());
        const Json c = setup.value().model->config();
        QCOMPARE(c["ffn_hidden"].get<int>(), 40);
        QCOMPARE(c["kv_heads"].get<int>(), 2);
        QCOMPARE(c["max_seq"].get<int>(), 512); // max(--seq, 512) unless --max-seq says otherwise
        QCOMPARE(c["attention"].get<std::string>(), std::string("standard"));
        for (int i = 0; i < 3; ++i)
            setup.value().trainer->step();
        choice.options["attention"] = "chunked";
        auto chunked = prepareTraining("abcabcabcabcabcabcabcabcabcabc", choice, train);
        QVERIFY2(chunked.ok(), chunked.ok() ? "" : chunked.error().c_str());
        QCOMPARE(chunked.value().model->config()["attention"].get<std::string>(), std::string("chunked"));
        chunked.value().trainer->step();
        choice.arch = "gpt";
        choice.options = {{"dim", 16}, {"heads", 3}};
        auto refused = prepareTraining("abcabcabcabcabcabcabcabcabcabc", choice, train);
        QVERIFY(!refused.ok());
        QCOMPARE(QString::fromStdString(refused.error()), QStringLiteral("dim (16) must be a multiple of heads (3)"));
    }
};

QTEST_APPLESS_MAIN(TestTransformer)
#include "tst_transformer.moc"
