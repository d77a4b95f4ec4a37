// Recurrent language models: they learn a pattern that needs memory, keep torch's tensor names,
// round-trip through checkpoints, carry state for truncated BPTT, reuse their state when the
// context grows by a token, record traces, and refuse to be bidirectional.
#include "core/ops.h"
#include "core/rng.h"
#include "core/tape.h"
#include "io/checkpoint.h"
#include "models/recurrent/recurrentlm.h"
#include "models/architecture.h"
#include "text/tokenizer.h"
#include "train/setup.h"
#include "train/trainer.h"

#include <QtTest>

#include <cmath>
#include <cstring>

using namespace lm;

namespace {
// A counting task: five a's, then b. A model that sees only the last byte cannot tell the fifth
// 'a' from the others and pays at least (5/6)·H(1/5) ≈ 0.42 nats per byte; a recurrent one that
// counts approaches 0 (except at the start of a window, before it has seen a 'b'). A uniform
// guess over 256 bytes costs ln 256 ≈ 5.55.
std::string periodicText()
{
    std::string s;
    for (int i = 0; i < 600; ++i)
        s += "aaaaab";
    return s;
}

std::vector<std::int32_t> bytes(const std::string &s) { return ByteTokenizer().encode(s); }

RecurrentLmConfig smallConfig(CellKind kind, int layers = 1)
{
    RecurrentLmConfig c;
    c.kind = kind;
    c.vocabSize = 256;
    c.dim = 16;
    c.hidden = 32;
    c.layers = layers;
    return c;
}

TrainConfig toyTraining(int steps, bool sequential = false)
{
    TrainConfig c;
    c.steps = steps;
    c.batch = 16;
    c.seq = 18;
    c.lr = 1e-2f;
    c.seed = 7;
    c.sequential = sequential;
    return c;
}

float maxAbsDiff(const std::vector<float> &a, const std::vector<float> &b)
{
    if (a.size() != b.size())
        return INFINITY;
    float m = 0.0f;
    for (std::size_t i = 0; i < a.size(); ++i)
        m = std::max(m, std::abs(a[i] - b[i]));
    return m;
}
} // namespace

class TestRecurrentLm final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void learnsPatternWithMemory_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<bool>("sequential");
        QTest::newRow("lstm, random windows") << QStringLiteral("lstm") << false;
        QTest::newRow("gru, random windows") << QStringLiteral("gru") << false;
        QTest::newRow("lstm, truncated BPTT") << QStringLiteral("lstm") << true;
    }
    void learnsPatternWithMemory()
    {
        QFETCH(QString, arch);
        QFETCH(bool, sequential);
        nlohmann::json config = smallConfig(CellKind::Lstm).toJson();
        config["arch"] = arch.toStdString();
        auto model = createModel(config, 3);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().c_str());
        QCOMPARE(model.value()->arch(), arch.toStdString());
        Trainer trainer(*model.value(), TokenDataset::create(bytes(periodicText()), 18).value(), toyTraining(400, sequential));
        CancelToken cancel;
        QCOMPARE(trainer.run(cancel, nullptr), Trainer::Outcome::Finished);
        const auto &h = trainer.history();
        QVERIFY2(h.front().loss > 4.0, "the untrained model should be near ln 256");
        double last = 0.0; // mean of the last 10 steps
        for (std::size_t i = h.size() - 10; i < h.size(); ++i)
            last += h[i].loss / 10.0;
        // Well below what a model without memory can reach (0.42).
        QVERIFY2(last < 0.2, qPrintable(QString::number(last)));
        // And it counts: after b and five a's comes b, after b and four a's another a.
        model.value()->resetState();
        auto argmax = [&](const std::string &context) {
            const auto v = model.value()->nextTokenLogits(bytes(context)).toVector();
            return int(std::max_element(v.begin(), v.end()) - v.begin());
        };
        QCOMPARE(argmax("aaaaabaaaaa"), int('b'));
        QCOMPARE(argmax("aaaaabaaaa"), int('a'));
    }

    void torchNames()
    {
        Rng rng(1);
        RecurrentLanguageModel model(smallConfig(CellKind::Lstm, 2), rng);
        const ParameterList p = model.parameters();
        const QStringList expected{QStringLiteral("embedding.weight"),   QStringLiteral("rnn.weight_ih_l0"),
                                   QStringLiteral("rnn.weight_hh_l0"),   QStringLiteral("rnn.bias_ih_l0"),
                                   QStringLiteral("rnn.bias_hh_l0"),     QStringLiteral("rnn.weight_ih_l1"),
                                   QStringLiteral("rnn.weight_hh_l1"),   QStringLiteral("rnn.bias_ih_l1"),
                                   QStringLiteral("rnn.bias_hh_l1"),     QStringLiteral("head.weight"),
                                   QStringLiteral("head.bias")};
        QStringList names;
        for (const auto &np : p)
            names << QString::fromStdString(np.name);
        QCOMPARE(names, expected);
        // torch.nn.LSTM(16, 32, 2) shapes: weight_ih_l0 (4·32, 16), weight_ih_l1 (4·32, 32).
        QCOMPARE(p[1].tensor.shape(), (Shape{4 * 32, 16}));
        QCOMPARE(p[2].tensor.shape(), (Shape{4 * 32, 32}));
        QCOMPARE(p[5].tensor.shape(), (Shape{4 * 32, 32}));
        QCOMPARE(p[9].tensor.shape(), (Shape{256, 32}));
        // GRU: 3 gates.
        RecurrentLanguageModel gru(smallConfig(CellKind::Gru), rng);
        QCOMPARE(gru.parameters()[1].tensor.shape(), (Shape{3 * 32, 16}));
        QCOMPARE(gru.config()["arch"].get<std::string>(), std::string("gru"));
    }

    void checkpointRoundTrip()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("lstm.safetensors")).toStdString();
        Rng rng(4);
        RecurrentLanguageModel model(smallConfig(CellKind::Lstm, 2), rng);
        Trainer trainer(model, TokenDataset::create(bytes(periodicText()), 18).value(), toyTraining(5));
        for (int i = 0; i < 5; ++i)
            trainer.step();
        ByteTokenizer tokenizer;
        QVERIFY(saveCheckpoint(path, model, tokenizer).ok());
        auto loaded = loadCheckpoint(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        QCOMPARE(loaded.value().model->config(), model.config());
        QCOMPARE(loaded.value().model->arch(), std::string("lstm"));
        const auto a = model.parameters(), b = loaded.value().model->parameters();
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].name, b[i].name);
            QCOMPARE(std::memcmp(a[i].tensor.data(), b[i].tensor.data(), a[i].tensor.numel() * sizeof(float)), 0);
        }
        const std::vector<std::int32_t> ctx = bytes("abcab");
        QCOMPARE(loaded.value().model->nextTokenLogits(ctx).toVector(), model.nextTokenLogits(ctx).toVector());
    }

    void carriedStateForTruncatedBptt()
    {
        // The streams of sequential mode: row k starts at k·(N/B) and moves T per call.
        std::vector<std::int32_t> ids(100);
        for (int i = 0; i < 100; ++i)
            ids[static_cast<std::size_t>(i)] = i;
        TokenDataset data = TokenDataset::create(ids, 5).value();
        data.setSequential(true);
        const TokenBatch first = data.sequentialBatch(4), second = data.sequentialBatch(4);
        for (int k = 0; k < 4; ++k) {
            QCOMPARE(first.inputs[static_cast<std::size_t>(k * 5)], k * (100 / 4));
            QCOMPARE(second.inputs[static_cast<std::size_t>(k * 5)], k * (100 / 4) + 5);
            // Row k of the second batch continues row k of the first.
            QCOMPARE(second.inputs[static_cast<std::size_t>(k * 5)], first.targets[static_cast<std::size_t>(k * 5 + 4)]);
        }
        // Wrapping: after 20 calls of 5 tokens the streams are back where they started.
        for (int i = 2; i < 20; ++i)
            data.sequentialBatch(4);
        QCOMPARE(data.sequentialBatch(4).inputs, first.inputs);
        QCOMPARE(data.sequentialBatch(4).targets.back(), 75 + 5 + 5); // row 3 of the second batch, t = 4, next id

        // With carried state, the second batch starts from the first's final state.
        Rng rng(2);
        RecurrentLanguageModel model(smallConfig(CellKind::Gru), rng);
        auto lossOf = [&](const TokenBatch &b) {
            NoGradScope noGrad;
            return model.loss(b).item();
        };
        const float fresh = lossOf(second);
        model.setCarryState(true);
        QVERIFY(model.carriesState());
        lossOf(first);
        const float carried = lossOf(second);
        QVERIFY2(std::abs(carried - fresh) > 1e-6f, "the carried state changed nothing");
        // A batch of another shape starts from zeros again.
        TokenBatch one = second;
        one.batch = 1;
        one.inputs.resize(5);
        one.targets.resize(5);
        model.setCarryState(false);
        const float oneFresh = lossOf(one);
        model.setCarryState(true);
        lossOf(first);
        QCOMPARE(lossOf(one), oneFresh);
        // The carried state is detached: a training step on it backpropagates only into this batch.
        Tape tape;
        {
            TapeScope scope(tape);
            Tensor l = model.loss(second);
            tape.backward(l);
        }
        QVERIFY(model.parameters()[1].tensor.hasGrad());
    }

    void nextTokenCacheMatchesFullRun()
    {
        Rng rng(6);
        RecurrentLanguageModel model(smallConfig(CellKind::Lstm, 2), rng);
        RecurrentLanguageModel reference(smallConfig(CellKind::Lstm, 2), rng);
        const auto src = model.parameters();
        auto dst = reference.parameters();
        for (std::size_t i = 0; i < src.size(); ++i)
            std::memcpy(dst[i].tensor.data(), src[i].tensor.data(), src[i].tensor.numel() * sizeof(float));
        std::vector<std::int32_t> ctx = bytes("ab");
        for (int step = 0; step < 6; ++step) {
            const auto cached = model.nextTokenLogits(ctx).toVector(); // reuses the state of the previous call
            reference.resetState();
            const auto full = reference.nextTokenLogits(ctx).toVector(); // from the zero state
            QVERIFY2(maxAbsDiff(cached, full) < 1e-5f, qPrintable(QString::number(maxAbsDiff(cached, full))));
            ctx.push_back(static_cast<std::int32_t>('a' + step));
        }
        // A context that does not extend the cached one is run from scratch.
        const auto other = model.nextTokenLogits(bytes("xyz")).toVector();
        reference.resetState();
        QVERIFY(maxAbsDiff(other, reference.nextTokenLogits(bytes("xyz")).toVector()) < 1e-5f);
        // The empty context: the head on the zero state, i.e. the head's bias.
        QCOMPARE(model.nextTokenLogits({}).toVector(), model.parameters().back().tensor.toVector());
    }

    void traceRecordsHiddenStatesAndGates()
    {
        Rng rng(8);
        RecurrentLanguageModel model(smallConfig(CellKind::Lstm, 2), rng);
        const std::vector<std::int32_t> ids = bytes("aabaab");
        Trace trace;
        Tensor logits = model.logitsWithTrace(ids, &trace);
        QCOMPARE(logits.shape(), (Shape{6, 256}));
        for (const char *name : {"layer0.forward.hidden", "layer1.forward.hidden", "layer0.forward.gate.f"}) {
            const TraceMatrix *m = trace.find(name);
            QVERIFY2(m, name);
            QCOMPARE(m->rows, 6);
            QCOMPARE(m->cols, 32);
        }
        QVERIFY(!trace.has("layer0.backward.hidden"));
        // The last row is the next-token prediction after the whole sequence.
        const auto all = logits.toVector();
        const std::vector<float> lastRow(all.end() - 256, all.end());
        QVERIFY(maxAbsDiff(lastRow, model.nextTokenLogits(ids).toVector()) < 1e-5f);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model.logitsWithTrace({}, nullptr));
    }

    void configValidation()
    {
        nlohmann::json good = smallConfig(CellKind::Rnn).toJson();
        QVERIFY(createModel(good, 1).ok());
        nlohmann::json bidi = good;
        bidi["bidirectional"] = true;
        auto r = createModel(bidi, 1);
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error()).contains(QStringLiteral("future")), r.error().c_str());
        nlohmann::json bad = good;
        bad["hidden"] = 0;
        r = createModel(bad, 1);
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error()).contains(QStringLiteral("'hidden'")), r.error().c_str());
        bad = good;
        bad["layers"] = "2";
        QVERIFY(!createModel(bad, 1).ok());
        for (const char *a : {"mlp", "rnn", "lstm", "gru"})
            QVERIFY2(findArchitecture(a), a);
    }

    void prepareTrainingForRecurrentArchs()
    {
        ModelChoice choice;
        choice.arch = "gru";
        choice.tokenizer = "char";
        choice.options = {{"dim", 8}, {"hidden", 16}, {"layers", 2}};
        TrainConfig train = toyTraining(3, true);
        auto setup = prepareTraining(periodicText(), choice, train);
        QVERIFY2(setup.ok(), setup.ok() ? "" : setup.error().c_str());
        QCOMPARE(setup.value().model->arch(), std::string("gru"));
        QCOMPARE(setup.value().model->config()["layers"].get<int>(), 2);
        CancelToken cancel;
        QCOMPARE(setup.value().trainer->run(cancel, nullptr), Trainer::Outcome::Finished);

        choice.options["bidirectional"] = true;
        auto refused = prepareTraining(periodicText(), choice, train);
        QVERIFY(!refused.ok());
        QVERIFY2(QString::fromStdString(refused.error()).startsWith(QStringLiteral("bidirectional does not fit")),
                 refused.error().c_str());
        choice.options["bidirectional"] = false;
        choice.options["layers"] = 0;
        refused = prepareTraining(periodicText(), choice, train);
        QVERIFY(!refused.ok());
        QCOMPARE(QString::fromStdString(refused.error()),
                 QStringLiteral("layers must be an integer between 1 and 16, got 0"));
        choice.options = {{"heads", 4}};
        refused = prepareTraining(periodicText(), choice, train);
        QVERIFY(!refused.ok());
        QCOMPARE(QString::fromStdString(refused.error()), QStringLiteral("heads does not apply to gru"));
    }
};

QTEST_APPLESS_MAIN(TestRecurrentLm)
#include "tst_recurrentlm.moc"
