// Each objective builds the batch its kind needs: masked LM's 15 % and 80/10/10, NSP's random
// B and SOP's swap with their labels and token types, classification rows and labels,
// sequence-to-sequence's shifted decoder input, forecasting windows; and the trainer trains a
// model through an objective.
#include "core/rng.h"
#include "models/recurrent/forecaster.h"
#include "train/forecasting.h"
#include "train/objectives/maskedlm.h"
#include "train/objectives/sequences.h"

#include <QtTest>

#include <cmath>

using namespace lm;

class TestObjectives final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Over many windows: about 15 % of the ordinary tokens are picked; of those about 80 % read
    // [MASK], 10 % another token, 10 % themselves; specials are never picked; every other
    // target is ignored.
    void maskedLmFollowsTheRule()
    {
        constexpr int V = 50, kMask = 1, kCls = 0;
        std::vector<std::int32_t> ids;
        Rng fill(3);
        for (int i = 0; i < 20000; ++i)
            ids.push_back(i % 25 == 0 ? kCls : 2 + static_cast<std::int32_t>(fill.below(V - 2)));
        auto o = MaskedLmObjective::create(ids, 64, V, kMask, {kCls});
        QVERIFY2(o.ok(), o.ok() ? "" : o.error().c_str());
        Rng rng(1);
        double ordinary = 0, picked = 0, masked = 0, replaced = 0, kept = 0;
        for (int i = 0; i < 50; ++i) {
            const TokenBatch b = o.value().next(rng, 16);
            QCOMPARE(b.inputs.size(), std::size_t(16 * 64));
            QCOMPARE(b.targets.size(), b.inputs.size());
            for (std::size_t t = 0; t < b.inputs.size(); ++t) {
                const std::int32_t target = b.targets[t], input = b.inputs[t];
                if (target == TokenBatch::kIgnore) {
                    QVERIFY(input != kMask);
                    ordinary += input != kCls;
                    continue;
                }
                QVERIFY(target != kCls); // specials are never picked
                ++ordinary;
                ++picked;
                masked += input == kMask;
                kept += input == target;
                replaced += input != kMask && input != target;
                QVERIFY(input != kCls); // nor drawn as the random replacement
            }
        }
        QVERIFY2(std::abs(picked / ordinary - 0.15) < 0.01, qPrintable(QString::number(picked / ordinary)));
        QVERIFY2(std::abs(masked / picked - 0.8) < 0.02, qPrintable(QString::number(masked / picked)));
        // A random replacement may draw the token itself (1 in 48): "kept" is 10 % plus that.
        QVERIFY2(std::abs(kept / picked - (0.1 + 0.1 / 48)) < 0.015, qPrintable(QString::number(kept / picked)));
        QVERIFY2(std::abs(replaced / picked - (0.1 - 0.1 / 48)) < 0.015, qPrintable(QString::number(replaced / picked)));
        QVERIFY(!MaskedLmObjective::create(ids, 64, V, V, {}).ok());            // mask outside the vocabulary
        QVERIFY(!MaskedLmObjective::create({2, 3}, 64, V, kMask, {}).ok());     // shorter than a window
        QVERIFY(!MaskedLmObjective::create(ids, 64, V, kMask, {}, {0.15, 0.9, 0.2}).ok());
    }

    void sentencePairs_data()
    {
        QTest::addColumn<bool>("order");
        QTest::newRow("nsp") << false;
        QTest::newRow("sop") << true;
    }
    // Half the pairs are flipped; a flipped SOP pair is the true pair swapped, a flipped NSP pair
    // has a B from another document; segments are runs of whole sentences; token types mark B;
    // padding is masked.
    void sentencePairs()
    {
        QFETCH(bool, order);
        const SpecialTokens sp{0, 1, 2};
        // Document d, sentence s: tokens 10·(d+1) + s, repeated s + 1 times (so lengths differ).
        std::vector<std::vector<TokenSequence>> docs;
        for (int d = 0; d < 3; ++d) {
            std::vector<TokenSequence> doc;
            for (int s = 0; s < 4; ++s)
                doc.push_back(TokenSequence(std::size_t(s + 1), 10 * (d + 1) + s + 100 * d));
            docs.push_back(doc);
        }
        const auto task = order ? SentencePairObjective::Task::SentenceOrder : SentencePairObjective::Task::NextSentence;
        auto o = SentencePairObjective::create(docs, task, 16, sp);
        QVERIFY2(o.ok(), o.ok() ? "" : o.error().c_str());
        Rng rng(5);
        int flipped = 0, rows = 0, multiSentence = 0;
        for (int i = 0; i < 40; ++i) {
            const TokenBatch b = o.value().next(rng, 8);
            QCOMPARE(b.labels.size(), std::size_t(8));
            QCOMPARE(b.tokenTypes.size(), b.inputs.size());
            QCOMPARE(b.paddingMask.size(), b.inputs.size());
            for (int r = 0; r < b.batch; ++r, ++rows) {
                const std::int32_t *in = &b.inputs[std::size_t(r * b.time)];
                const std::int32_t *types = &b.tokenTypes[std::size_t(r * b.time)];
                QCOMPARE(in[0], sp.cls);
                // Segments are runs of whole sentences: A's last token and B's first tell where
                // they join (tokens 10·(d+1) + s + 100·d name document d, sentence s).
                int t = 1;
                const std::int32_t aFirst = in[1];
                while (in[t] != sp.sep)
                    QCOMPARE(types[t++], 0);
                const std::int32_t aLast = in[t - 1];
                ++t;
                const std::int32_t bFirst = in[t];
                while (in[t] != sp.sep)
                    QCOMPARE(types[t++], 1);
                const std::int32_t bLast = in[t - 1];
                for (int u = t + 1; u < b.time; ++u)
                    QVERIFY(in[u] == sp.pad && b.paddingMask[std::size_t(r * b.time + u)] == 0);
                auto document = [](std::int32_t token) { return (token - 10) / 100; };
                if (b.labels[std::size_t(r)] == 0)
                    QVERIFY(bFirst == aLast + 1); // B goes on where A stops
                else if (order)
                    QVERIFY(aFirst == bLast + 1); // the pair swapped
                else
                    QVERIFY(document(bFirst) != document(aLast)); // another document
                multiSentence += aFirst != aLast || bFirst != bLast;
                flipped += b.labels[std::size_t(r)];
            }
        }
        QVERIFY2(std::abs(double(flipped) / rows - 0.5) < 0.1, qPrintable(QString::number(flipped)));
        QVERIFY(multiSentence > rows / 4); // segments gather several sentences where the row has room
    }

    void classificationRows()
    {
        const SpecialTokens sp{0, 1, 2};
        auto o = SequenceClassificationObjective::create({{{5, 6, 7}, 0}, {{8}, 2}}, 3, 8, sp);
        QVERIFY2(o.ok(), o.ok() ? "" : o.error().c_str());
        Rng rng(2);
        const TokenBatch b = o.value().next(rng, 6);
        QCOMPARE(b.time, 5); // [CLS] 5 6 7 [SEP], the longest row
        for (int r = 0; r < b.batch; ++r) {
            const std::int32_t label = b.labels[std::size_t(r)];
            const std::vector<std::int32_t> row(b.inputs.begin() + r * b.time, b.inputs.begin() + (r + 1) * b.time);
            if (label == 0)
                QCOMPARE(row, (std::vector<std::int32_t>{1, 5, 6, 7, 2}));
            else
                QCOMPARE(row, (std::vector<std::int32_t>{1, 8, 2, 0, 0}));
        }
        QVERIFY(!SequenceClassificationObjective::create({{{5}, 3}}, 3, 8, sp).ok()); // label out of range
    }

    // The decoder reads the target shifted right behind the start token and predicts it
    // followed by the end token; padding is ignored.
    void sequenceToSequenceShiftsRight()
    {
        const SpecialTokens sp{0, 1, 2}; // pad, start, end
        auto o = SequenceToSequenceObjective::create({{{7, 8, 9}, {20, 21}}, {{7}, {30}}}, 8, sp);
        QVERIFY2(o.ok(), o.ok() ? "" : o.error().c_str());
        Rng rng(9);
        const TokenBatch b = o.value().next(rng, 6);
        QCOMPARE(b.decoderTime, 3);
        for (int r = 0; r < b.batch; ++r) {
            const auto row = [&](const std::vector<std::int32_t> &v, int T) {
                return std::vector<std::int32_t>(v.begin() + r * T, v.begin() + (r + 1) * T);
            };
            if (b.inputs[std::size_t(r * b.time) + 1] == 8) {
                QCOMPARE(row(b.inputs, b.time), (std::vector<std::int32_t>{7, 8, 9, 2}));
                QCOMPARE(row(b.decoderInputs, 3), (std::vector<std::int32_t>{1, 20, 21}));
                QCOMPARE(row(b.targets, 3), (std::vector<std::int32_t>{20, 21, 2}));
            } else {
                QCOMPARE(row(b.inputs, b.time), (std::vector<std::int32_t>{7, 2, 0, 0}));
                QCOMPARE(row(b.decoderInputs, 3), (std::vector<std::int32_t>{1, 30, 0}));
                QCOMPARE(row(b.targets, 3), (std::vector<std::int32_t>{30, 2, TokenBatch::kIgnore}));
            }
        }
    }

    // The forecaster trains through the shared Trainer: its loss falls.
    void forecastingThroughTheTrainer()
    {
        const auto series = generateSeries(600, 2);
        std::vector<float> norm(series.begin(), series.begin() + 500);
        ForecastWindows windows(norm, 24);
        Rng rng(1);
        const TokenBatch b = windows.next(rng, 4);
        QCOMPARE(b.values.size(), std::size_t(4 * 24));
        for (int r = 0; r < 4; ++r) // each target is the value after its input
            for (int t = 0; t + 1 < 24; ++t)
                QCOMPARE(b.valueTargets[std::size_t(r * 24 + t)], b.values[std::size_t(r * 24 + t + 1)]);
        auto run = runForecast(series, ForecasterConfig{CellKind::Gru, 16, 1, 24}, ForecastTrainConfig{}, 10);
        QVERIFY2(run.ok(), run.ok() ? "" : run.error().c_str());
        const auto &losses = run.value().report.losses;
        QCOMPARE(losses.size(), std::size_t(400));
        double first = 0, last = 0;
        for (int i = 0; i < 20; ++i) {
            first += losses[std::size_t(i)];
            last += losses[losses.size() - 1 - std::size_t(i)];
        }
        QVERIFY2(last < 0.7 * first, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(last)));
        QCOMPARE(run.value().forecast.continuation.size(), std::size_t(10));
    }
};

QTEST_APPLESS_MAIN(TestObjectives)
#include "tst_objectives.moc"
