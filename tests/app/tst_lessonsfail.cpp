// The lesson checks on decoding, gates and parallelism can fail: each judge passes on a sound
// input and fails when the sampler, the model or the layer behind it is broken (a "greedy"
// decoder that samples, a sampler that ignores the temperature or top-k, gates stuck at one value
// or out of range, a recurrent layer that ignores its state). The lesson files' own checks pass in
// tst_lessons.
#include "appcore/lessons/lesson.h"
#include "appcore/lessons/lessonmeasures.h"

#include "core/rng.h"
#include "models/architecture.h"

#include <QtTest>

#include <cmath>

namespace {

// N rows of V logits with one clear favourite each and a long tail, like a trained model's.
LogitRows makeRows(int rows, int vocab, std::uint64_t seed)
{
    lm::Rng rng(seed);
    LogitRows out(static_cast<std::size_t>(rows), std::vector<float>(static_cast<std::size_t>(vocab)));
    for (auto &row : out) {
        for (float &x : row)
            x = rng.normal(0.0f, 1.5f);
        row[rng.below(static_cast<std::uint64_t>(vocab))] += 4.0f;
    }
    return out;
}

std::vector<std::int32_t> argmaxes(const LogitRows &rows)
{
    std::vector<std::int32_t> ids;
    for (const auto &row : rows)
        ids.push_back(static_cast<std::int32_t>(std::max_element(row.begin(), row.end()) - row.begin()));
    return ids;
}

// Broken samplers: one that always samples at temperature 1, one that never cuts to the top k.
TokenSampler ignoresTemperature()
{
    return [](const std::vector<float> &logits, const lm::SamplingOptions &options, lm::Rng &rng) {
        lm::SamplingOptions o = options;
        o.temperature = 1.0f;
        return engineSampler()(logits, o, rng);
    };
}

TokenSampler ignoresTopK()
{
    return [](const std::vector<float> &logits, const lm::SamplingOptions &options, lm::Rng &rng) {
        lm::SamplingOptions o = options;
        o.topK = 0;
        return engineSampler()(logits, o, rng);
    };
}

// A trace with one layer's LSTM gates over T steps and H units: sigmoids from varied inputs.
lm::Trace gateTrace(int T, int H, std::uint64_t seed)
{
    lm::Rng rng(seed);
    lm::Trace trace;
    for (const char *gate : {"i", "f", "g", "o"}) {
        lm::TraceMatrix m{T, H, std::vector<float>(static_cast<std::size_t>(T * H))};
        for (float &v : m.values) {
            const float z = rng.normal(0.0f, 2.0f);
            v = std::string(gate) == "g" ? std::tanh(z) : 1.0f / (1.0f + std::exp(-z));
        }
        trace.matrices["layer0.forward.gate." + std::string(gate)] = m;
    }
    return trace;
}

} // namespace

class TestLessonsFail final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void greedyMustTakeTheArgmaxEveryTime()
    {
        const LogitRows rows = makeRows(40, 30, 1);
        const std::vector<std::int32_t> greedy = argmaxes(rows);
        QVERIFY(judgeGreedy(rows, greedy, greedy).passed);

        // A "greedy" decoder that samples picks something else now and then.
        lm::SamplingOptions sampling;
        lm::Rng rng(3);
        std::vector<std::int32_t> sampled;
        for (const auto &row : rows)
            sampled.push_back(engineSampler()(row, sampling, rng));
        QVERIFY(sampled != greedy);
        QVERIFY(!judgeGreedy(rows, sampled, sampled).passed);
        // One token off is enough, and so is another seed writing another text.
        std::vector<std::int32_t> oneOff = greedy;
        oneOff[17] = (oneOff[17] + 1) % 30;
        QVERIFY(!judgeGreedy(rows, oneOff, oneOff).passed);
        QVERIFY(!judgeGreedy(rows, greedy, oneOff).passed);
        QVERIFY(!judgeGreedy({}, {}, {}).passed);
    }

    void repeatsAreCountedAgainstSampling()
    {
        // "the king is the king is the king is …" against a text that never repeats.
        std::vector<std::int32_t> loop, fresh;
        for (int i = 0; i < 60; ++i) {
            loop.push_back(i % 5);
            fresh.push_back(i);
        }
        QCOMPARE(repeatedShare(fresh, 4), 0.0);
        QCOMPARE(repeatedShare(loop, 4), double(57 - 5) / 57); // 57 windows, all but the first five repeat
        QVERIFY(judgeRepeats(loop, fresh, 4, 0.3).passed);
        // A greedy decoder that behaves like sampling does not repeat more than sampling does.
        QVERIFY(!judgeRepeats(fresh, fresh, 4, 0.0).passed);
        QVERIFY(!judgeRepeats(loop, loop, 4, 0.3).passed);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, repeatedShare(loop, 0));
    }

    void temperatureMustSpreadTheDraws()
    {
        const LogitRows rows = makeRows(30, 40, 5);
        QVERIFY(meanEntropy(rows, 1.5) > meanEntropy(rows, 0.5));
        const CheckOutcome sound = judgeTemperature(rows, 0.5, 1.5, 400, engineSampler(), 9);
        QVERIFY2(sound.passed, sound.message.en.c_str());
        // The model says the distribution flattens, but the draws do not follow.
        const CheckOutcome broken = judgeTemperature(rows, 0.5, 1.5, 400, ignoresTemperature(), 9);
        QVERIFY2(!broken.passed, broken.message.en.c_str());
        // A model whose logits are all equal has nothing for the temperature to change.
        const LogitRows flat(10, std::vector<float>(20, 0.0f));
        QVERIFY(!judgeTemperature(flat, 0.5, 1.5, 400, engineSampler(), 9).passed);
    }

    void topKMustStayInsideTheKBest()
    {
        const LogitRows rows = makeRows(30, 40, 7);
        lm::SamplingOptions options;
        options.temperature = 1.5f;
        options.topK = 5;
        options.seed = 7;
        // The generated tokens themselves: drawn by the engine with the cut.
        lm::Rng rng(options.seed);
        std::vector<std::int32_t> chosen;
        for (const auto &row : rows)
            chosen.push_back(engineSampler()(row, options, rng));
        const CheckOutcome sound = judgeTopK(rows, chosen, options, 200, engineSampler());
        QVERIFY2(sound.passed, sound.message.en.c_str());
        const CheckOutcome broken = judgeTopK(rows, chosen, options, 200, ignoresTopK());
        QVERIFY2(!broken.passed, broken.message.en.c_str());
        // A generated token outside the best five fails too, whatever the extra draws do.
        std::vector<std::int32_t> outside = chosen;
        const auto &row = rows[3];
        outside[3] = static_cast<std::int32_t>(std::min_element(row.begin(), row.end()) - row.begin());
        QVERIFY(!judgeTopK(rows, outside, options, 200, engineSampler()).passed);
        // Without top-k there is nothing to check.
        options.topK = 0;
        QVERIFY(!judgeTopK(rows, chosen, options, 200, engineSampler()).passed);
    }

    void gatesMustBeRecordedFiniteInRangeAndMoving()
    {
        QVERIFY(judgeGates(gateTrace(20, 16, 1), 0.1).passed);
        QVERIFY(!judgeGates(lm::Trace{}, 0.1).passed); // nothing recorded

        lm::Trace stuck = gateTrace(20, 16, 1); // every gate frozen at one value
        for (auto &entry : stuck.matrices)
            std::fill(entry.second.values.begin(), entry.second.values.end(), 0.5f);
        QVERIFY(!judgeGates(stuck, 0.1).passed);

        lm::Trace outOfRange = gateTrace(20, 16, 1); // a sigmoid gate below 0
        outOfRange.matrices["layer0.forward.gate.o"].values[5] = -0.2f;
        QVERIFY(!judgeGates(outOfRange, 0.1).passed);

        lm::Trace notFinite = gateTrace(20, 16, 1);
        notFinite.matrices["layer0.forward.gate.i"].values[7] = std::nanf("");
        QVERIFY(!judgeGates(notFinite, 0.1).passed);

        // Same value for every unit at a step (no spread across units), changing over time.
        lm::Trace sameUnits = gateTrace(20, 16, 1);
        for (auto &entry : sameUnits.matrices)
            for (int t = 0; t < 20; ++t)
                for (int u = 0; u < 16; ++u)
                    entry.second.values[static_cast<std::size_t>(t * 16 + u)] = 0.2f + 0.03f * float(t);
        QVERIFY(!judgeGates(sameUnits, 0.1).passed);
    }

    void roundsCountTheStepsOneAfterAnother()
    {
        // A running sum needs position t − 1 before position t: T rounds. Independent positions: one.
        const int T = 12;
        const auto runningSum = [T](const std::vector<float> &previous) {
            std::vector<float> out(static_cast<std::size_t>(T));
            for (int t = 0; t < T; ++t)
                out[static_cast<std::size_t>(t)] = 1.0f + (t > 0 ? previous[static_cast<std::size_t>(t - 1)] : 0.0f);
            return out;
        };
        QCOMPARE(parallelRounds(T, 1, runningSum, T + 2), T);
        const auto independent = [T](const std::vector<float> &) { return std::vector<float>(static_cast<std::size_t>(T), 2.0f); };
        QCOMPARE(parallelRounds(T, 1, independent, T + 2), 1);
        const auto neverSettles = [T](const std::vector<float> &previous) {
            std::vector<float> out(static_cast<std::size_t>(T));
            for (int t = 0; t < T; ++t)
                out[static_cast<std::size_t>(t)] = std::isfinite(previous[0]) ? previous[0] + 1.0f : 0.0f;
            return out;
        };
        QCOMPARE(parallelRounds(T, 1, neverSettles, 5), 6);
    }

    void recurrentLayersNeedOneRoundPerToken_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<int>("rounds32");
        QTest::newRow("rnn") << QStringLiteral("rnn") << 32;
        QTest::newRow("lstm") << QStringLiteral("lstm") << 32;
        QTest::newRow("gru") << QStringLiteral("gru") << 32;
        QTest::newRow("gpt") << QStringLiteral("gpt") << 1;
        QTest::newRow("llama") << QStringLiteral("llama") << 1;
    }
    void recurrentLayersNeedOneRoundPerToken()
    {
        QFETCH(QString, family);
        QFETCH(int, rounds32);
        const lm::Architecture *arch = lm::findArchitecture(family.toStdString());
        QVERIFY(arch);
        QCOMPARE(layerRounds(*arch, 32), rounds32);
        QVERIFY(std::find(roundFamilies().begin(), roundFamilies().end(), family.toStdString()) != roundFamilies().end());
    }

    void sequentialStepsMustGrowOnlyForTheRecurrentLayer()
    {
        const std::vector<int> lengths{64, 128};
        QVERIFY(judgeSequentialSteps("lstm", {64, 128}, "gpt", {1, 1}, lengths).passed);
        // A recurrent layer that ignored its state would need one round at any length.
        QVERIFY(!judgeSequentialSteps("lstm", {1, 1}, "gpt", {1, 1}, lengths).passed);
        // The roles swapped, or an attention layer that waited on its own outputs.
        QVERIFY(!judgeSequentialSteps("gpt", {1, 1}, "lstm", {64, 128}, lengths).passed);
        QVERIFY(!judgeSequentialSteps("lstm", {64, 128}, "gpt", {64, 128}, lengths).passed);
        QVERIFY(!judgeSequentialSteps("lstm", {64}, "gpt", {1}, {64}).passed); // one length shows no growth
    }

    void theNewChecksAreValidated_data()
    {
        QTest::addColumn<QString>("check");
        QTest::addColumn<QString>("message");
        QTest::newRow("low above high") << QStringLiteral(R"({"expect":"temperature_raises_entropy","low":2,"high":1})")
                                        << QStringLiteral("'low' must be below 'high'");
        QTest::newRow("few draws") << QStringLiteral(R"({"expect":"top_k_respected","draws":2})")
                                   << QStringLiteral("'draws' must be an integer from 10 to 10000");
        QTest::newRow("greedy takes no fields") << QStringLiteral(R"({"expect":"greedy_is_argmax","n":3})")
                                                << QStringLiteral("unknown field 'n'");
        QTest::newRow("same family twice") << QStringLiteral(R"({"expect":"sequential_steps","sequential":"lstm","parallel":"lstm"})")
                                           << QStringLiteral("must name different families");
        QTest::newRow("a family without rounds") << QStringLiteral(R"({"expect":"sequential_steps","sequential":"mlp","parallel":"gpt"})")
                                                 << QStringLiteral("'sequential' is 'mlp'; expected one of");
        QTest::newRow("spread out of range") << QStringLiteral(R"({"expect":"gates_vary","min_spread":2})")
                                             << QStringLiteral("'min_spread' must be a number from");
    }
    void theNewChecksAreValidated()
    {
        QFETCH(QString, check);
        QFETCH(QString, message);
        const QString json = QStringLiteral(R"({"schema":1,"id":"x","title":{"zh-TW":"標題","en":"Title"},)"
                                            R"("summary":{"zh-TW":"摘要","en":"Summary"},"steps":[)"
                                            R"({"title":{"zh-TW":"一","en":"One"},"text":{"zh-TW":"文","en":"Text"},"checks":[)") +
                             check + QStringLiteral("]}]}");
        auto lesson = parseLesson(json.toStdString(), "x.json");
        QVERIFY(!lesson.ok());
        QVERIFY2(QString::fromStdString(lesson.error()).contains(message), lesson.error().c_str());
    }
};

QTEST_GUILESS_MAIN(TestLessonsFail)
#include "tst_lessonsfail.moc"
