// The trainer drives the loss down on a toy task, is deterministic for a seed, stops when
// cancelled, and its checkpoints load back bit-identically.
#include "core/memorymeter.h"
#include "core/rng.h"
#include "io/checkpoint.h"
#include "io/safetensors.h"
#include "models/mlp/mlplm.h"
#include "models/architecture.h"
#include "text/tokenizer.h"
#include "train/trainer.h"

#include "core/tape.h"

#include <QtTest>

#include <cmath>
#include <cstring>

using namespace lm;

namespace {
// A text whose next byte is fully determined by the previous two: a well-trained model's loss
// approaches 0, while a uniform guess over 256 bytes costs ln 256 ≈ 5.55.
std::string periodicText()
{
    std::string s;
    for (int i = 0; i < 400; ++i)
        s += "abcabdabe";
    return s;
}

std::vector<std::int32_t> bytes(const std::string &s) { return ByteTokenizer().encode(s); }

TrainConfig toyConfig(int steps)
{
    TrainConfig c;
    c.steps = steps;
    c.batch = 16;
    c.seq = 16;
    c.lr = 1e-2f;
    c.seed = 42;
    return c;
}

MlpConfig toyModel() { return MlpConfig{256, 3, 8, 32}; }

struct Recorder final : TrainingObserver {
    std::vector<StepReport> reports;
    CancelToken *cancelAt = nullptr;
    int cancelStep = -1;
    void onStep(const StepReport &r) override
    {
        reports.push_back(r);
        if (cancelAt && r.step == cancelStep)
            cancelAt->cancel();
    }
};
} // namespace

class TestTrainer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lossGoesDown()
    {
        Rng rng(1);
        MlpLanguageModel model(toyModel(), rng);
        Trainer trainer(model, TokenDataset::create(bytes(periodicText()), 16).value(), toyConfig(150));
        Recorder rec;
        CancelToken cancel;
        QCOMPARE(trainer.run(cancel, &rec), Trainer::Outcome::Finished);
        QCOMPARE(int(rec.reports.size()), 150);
        QVERIFY2(rec.reports.front().loss > 4.0, "the untrained model should be near ln 256");
        QVERIFY2(rec.reports.back().loss < 0.3, qPrintable(QString::number(rec.reports.back().loss)));
        QVERIFY(rec.reports.back().tokensPerSecond > 0);
        QVERIFY(rec.reports.back().peakBytes >= rec.reports.back().liveBytes);
        QVERIFY(rec.reports.back().liveBytes > model.parameterCount() * 4); // weights + optimizer state
    }
    void sameSeedSameLosses()
    {
        auto losses = [] {
            Rng rng(5);
            MlpLanguageModel model(toyModel(), rng);
            Trainer trainer(model, TokenDataset::create(bytes(periodicText()), 16).value(), toyConfig(20));
            std::vector<double> out;
            for (int i = 0; i < 20; ++i)
                out.push_back(trainer.step().loss);
            return out;
        };
        QCOMPARE(losses(), losses());
    }
    void cancelStopsBetweenSteps()
    {
        Rng rng(1);
        MlpLanguageModel model(toyModel(), rng);
        Trainer trainer(model, TokenDataset::create(bytes(periodicText()), 16).value(), toyConfig(100));
        CancelToken cancel;
        Recorder rec;
        rec.cancelAt = &cancel;
        rec.cancelStep = 7;
        QCOMPARE(trainer.run(cancel, &rec), Trainer::Outcome::Cancelled);
        QCOMPARE(trainer.stepsDone(), 7);
    }
    void divergenceIsReported()
    {
        Rng rng(1);
        MlpLanguageModel model(toyModel(), rng);
        auto params = model.parameters();
        params[0].tensor.data()[static_cast<std::int64_t>('a') * 8] = std::nanf(""); // poison one weight
        Trainer trainer(model, TokenDataset::create(bytes(periodicText()), 16).value(), toyConfig(10));
        CancelToken cancel;
        QCOMPARE(trainer.run(cancel, nullptr), Trainer::Outcome::Diverged);
        QVERIFY(QString::fromStdString(trainer.divergence()).contains(QStringLiteral("the loss is not finite at step 1")));
    }
    void aNonFiniteGradientNamesItsTensorAndKeepsTheWeights()
    {
        Rng rng(1);
        MlpLanguageModel model(toyModel(), rng);
        // A model whose third step gives one weight a NaN gradient while its loss stays finite.
        struct Poisoned final : TrainableModel {
            MlpLanguageModel &inner;
            int calls = 0;
            explicit Poisoned(MlpLanguageModel &m) : inner(m) {}
            ParameterList parameters() const override { return inner.parameters(); }
            Tensor loss(const TokenBatch &batch) override
            {
                if (++calls == 3) {
                    const Tensor target = inner.parameters()[1].tensor;
                    Tape::active()->push([target] { target.grad()[0] = std::nanf(""); }); // runs last
                }
                return inner.loss(batch);
            }
        } poisoned(model);
        Trainer trainer(poisoned, TokenDataset::create(bytes(periodicText()), 16).value(), toyConfig(10));
        CancelToken cancel;
        trainer.step();
        trainer.step();
        std::vector<std::vector<float>> before;
        for (const auto &p : model.parameters())
            before.push_back(p.tensor.toVector());
        QCOMPARE(trainer.run(cancel, nullptr), Trainer::Outcome::Diverged);
        QCOMPARE(trainer.stepsDone(), 3);
        const QString why = QString::fromStdString(trainer.divergence());
        QVERIFY2(why.startsWith(QStringLiteral("the gradient of ") + QString::fromStdString(model.parameters()[1].name) +
                                QStringLiteral(" is not finite at step 3")),
                 qPrintable(why));
        for (std::size_t i = 0; i < before.size(); ++i)
            QVERIFY(model.parameters()[i].tensor.toVector() == before[i]); // the last good weights
    }
    void datasetTooShort()
    {
        auto d = TokenDataset::create({1, 2, 3}, 8);
        QVERIFY(!d.ok());
        QVERIFY(QString::fromStdString(d.error()).contains(QStringLiteral("3 tokens")));
    }

    void checkpointRoundTrip()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("mlp.safetensors")).toStdString();
        Rng rng(3);
        MlpLanguageModel model(toyModel(), rng);
        Trainer trainer(model, TokenDataset::create(bytes(periodicText()), 16).value(), toyConfig(5));
        for (int i = 0; i < 5; ++i)
            trainer.step();
        ByteTokenizer tokenizer;
        QVERIFY(saveCheckpoint(path, model, tokenizer, {{"steps", 5}}).ok());
        auto loaded = loadCheckpoint(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        QCOMPARE(loaded.value().model->config(), model.config());
        QCOMPARE(loaded.value().tokenizer->kind(), std::string("byte"));
        QCOMPARE(loaded.value().training["steps"].get<int>(), 5);
        const auto a = model.parameters(), b = loaded.value().model->parameters();
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].name, b[i].name);
            QCOMPARE(std::memcmp(a[i].tensor.data(), b[i].tensor.data(), a[i].tensor.numel() * sizeof(float)), 0);
        }
        // Same weights, same predictions.
        const std::vector<std::int32_t> ctx{'a', 'b', 'c'};
        QCOMPARE(loaded.value().model->nextTokenLogits(ctx).toVector(), model.nextTokenLogits(ctx).toVector());
    }
    void checkpointErrors()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("x.safetensors")).toStdString();
        // A safetensors file without our metadata.
        QVERIFY(saveSafetensors(path, {{"w", Tensor::zeros({2})}}).ok());
        auto r = loadCheckpoint(path);
        QVERIFY(!r.ok());
        QVERIFY(QString::fromStdString(r.error()).contains(QStringLiteral("no model config")));
        // Right metadata, wrong tensor shape.
        Rng rng(1);
        MlpLanguageModel model(toyModel(), rng);
        auto params = model.parameters();
        params[1].tensor = Tensor::zeros({3, 3});
        std::map<std::string, std::string> meta{{"config", model.config().dump()},
                                                {"tokenizer", ByteTokenizer().toJson().dump()}};
        QVERIFY(saveSafetensors(path, params, meta).ok());
        r = loadCheckpoint(path);
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error()).contains(QStringLiteral("hidden.weight")), r.error().c_str());
        // Unknown architecture.
        meta["config"] = R"({"arch":"perceptron"})";
        QVERIFY(saveSafetensors(path, params, meta).ok());
        r = loadCheckpoint(path);
        QVERIFY(!r.ok());
        QVERIFY(QString::fromStdString(r.error()).contains(QStringLiteral("unknown architecture 'perceptron'")));
    }
    void configValidation()
    {
        QVERIFY(!createModel({{"arch", "mlp"}, {"vocab_size", 256}, {"context", 0}, {"dim", 8}, {"hidden", 8}}, 1).ok());
        QVERIFY(!createModel({{"arch", "mlp"}, {"vocab_size", "256"}, {"context", 3}, {"dim", 8}, {"hidden", 8}}, 1).ok());
        QVERIFY(createModel({{"arch", "mlp"}, {"vocab_size", 256}, {"context", 3}, {"dim", 8}, {"hidden", 8}}, 1).ok());
    }
    void memoryMeterCountsTensors()
    {
        const auto before = MemoryMeter::liveBytes();
        {
            Tensor t = Tensor::zeros({1000});
            QCOMPARE(MemoryMeter::liveBytes() - before, std::int64_t(4000));
            t.grad();
            QCOMPARE(MemoryMeter::liveBytes() - before, std::int64_t(8000));
        }
        QCOMPARE(MemoryMeter::liveBytes(), before);
    }
};

QTEST_APPLESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
