// The Compare tab: a comparison fills the table, the bars and the scatter (each exporting its
// numbers), is cached per corpus and options so the second run reads it back without training,
// and one sentence goes through every model on one scale from 0 to 1. zoo.json reads back what it
// wrote and refuses what it did not.
#include "appcore/plots/zooplots.h"
#include "appcore/views/compareview.h"
#include "appcore/workers/zooworker.h"

#include "io/checkpoint.h"

#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

namespace {

// Two causal families and an encoder at toy sizes: seconds, not minutes.
ZooJob tinyJob(const QString &cacheRoot)
{
    ZooJob j;
    j.corpusSpec = QStringLiteral("builtin:en");
    j.budgetParams = 20'000;
    j.steps = 4;
    j.layers = 1;
    j.translation = false;
    j.families = {QStringLiteral("gpt"), QStringLiteral("lstm"), QStringLiteral("bert")};
    j.cacheRoot = cacheRoot;
    return j;
}

bool waitFor(QSignalSpy &spy, int ms = 600000) { return spy.size() > 0 || spy.wait(ms); }

} // namespace

class TestCompareView final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void comparesCachesAndReadsOneSentence()
    {
        QTemporaryDir cache;
        QVERIFY(cache.isValid());
        CompareView view;
        QSignalSpy finished(&view, &CompareView::finished);
        QSignalSpy read(&view, &CompareView::sentenceRead);
        view.setSentence(QStringLiteral("The queen is the mother of the princess."));
        view.runJob(tinyJob(cache.path()));
        QVERIFY(waitFor(finished));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        const ZooOutcome first = view.outcome();
        QVERIFY(!first.fromCache);
        QCOMPARE(first.rows.size(), 3);
        QCOMPARE(view.table()->rowCount(), 3);
        // The bars and the scatter say what they draw, a row per family.
        QCOMPARE(view.barPlot()->toCsv().count(QLatin1Char('\n')), 4);
        QCOMPARE(view.scatterPlot()->toCsv().count(QLatin1Char('\n')), 4);
        QVERIFY(QFile::exists(first.folder + QStringLiteral("/zoo.json")));
        QVERIFY(QFile::exists(first.folder + QStringLiteral("/gpt.safetensors")));

        // One sentence through each: a square map on [0, 1] for the attention and recurrent models.
        QVERIFY(waitFor(read));
        const SentenceReadings &r = view.readings();
        QCOMPARE(r.families.size(), 3);
        for (const SentenceReading &f : r.families) {
            QVERIFY2(f.error.isEmpty(), qPrintable(f.family + QStringLiteral(": ") + f.error));
            const int T = int(f.tokens.size());
            QCOMPARE(f.map.size(), T * T);
            for (float v : f.map)
                QVERIFY(v >= 0.0f && v <= 1.0f);
            QVERIFY(!f.prediction.isEmpty());
        }
        QCOMPARE(r.families[0].kind, QStringLiteral("attention"));
        QCOMPARE(r.families[1].kind, QStringLiteral("similarity"));
        QCOMPARE(r.families[2].kind, QStringLiteral("attention"));
        QVERIFY(r.families[2].tokens.contains(QStringLiteral("[MASK]"))); // the encoder fills in a word
        // GPT's map is causal: nothing above the diagonal.
        const SentenceReading &gpt = r.families[0];
        const int T = int(gpt.tokens.size());
        for (int q = 0; q < T; ++q)
            for (int k = q + 1; k < T; ++k)
                QCOMPARE(gpt.map[q * T + k], 0.0f);

        // The same job again comes from the cache, with the same numbers; retraining does not.
        finished.clear();
        view.runJob(tinyJob(cache.path()));
        QVERIFY(waitFor(finished));
        QVERIFY(view.outcome().fromCache);
        QCOMPARE(view.outcome().folder, first.folder);
        QCOMPARE(view.outcome().rows[0].params, first.rows[0].params);
        QCOMPARE(view.outcome().rows[2].mlmAccuracy, first.rows[2].mlmAccuracy);
        ZooJob again = tinyJob(cache.path());
        again.useCache = false;
        finished.clear();
        view.runJob(again);
        QVERIFY(waitFor(finished));
        QVERIFY(!view.outcome().fromCache);
        // Other options, another folder.
        ZooJob other = tinyJob(cache.path());
        other.steps = 5;
        QVERIFY(zooCacheFolder(other, "text") != zooCacheFolder(tinyJob(cache.path()), "text"));
        QVERIFY(zooCacheFolder(tinyJob(cache.path()), "another text") != zooCacheFolder(tinyJob(cache.path()), "text"));
    }

    void zooJsonReadsBackAndRefusesDamage()
    {
        lm::ZooRow row;
        row.family = "rwkv";
        row.objective = "causal";
        row.quality = "next-token loss";
        row.dim = 48;
        row.params = 123456;
        row.heldOutLoss = 1.25;
        row.perplexity = std::exp(1.25);
        row.mlmAccuracy = NAN;
        row.chrF = NAN;
        row.tokensPerSecond = 4000;
        row.trainBytes = {1000, 4000};
        row.generationBytes = {0, 0};
        row.generationMsPerToken = {0.02, NAN};
        const std::string text = lm::zooJson({{row}, {128, 512}, {256, 2048}});
        auto back = lm::parseZooJson(text);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().c_str());
        QCOMPARE(back.value().rows.size(), std::size_t(1));
        const lm::ZooRow &r = back.value().rows[0];
        QCOMPARE(r.params, row.params);
        QCOMPARE(r.heldOutLoss, 1.25);
        QVERIFY(std::isnan(r.mlmAccuracy));
        QVERIFY(std::isnan(r.generationMsPerToken[1]));
        QCOMPARE(back.value().generationLengths, std::vector<int>({256, 2048}));

        for (const std::string &bad : {std::string("{"), std::string("[]"), std::string(R"({"version": 99})"),
                                       text.substr(0, text.size() / 2)}) {
            auto refused = lm::parseZooJson(bad);
            QVERIFY(!refused.ok());
            QVERIFY(refused.error().rfind("zoo.json: ", 0) == 0);
        }
        // Found by fuzz_zoo_json: a huge float where an integer belongs was converted, undefined.
        std::string floaty = text;
        floaty.replace(floaty.find("\"params\": 123456"), 16, "\"params\": 1e126");
        auto refusedFloat = lm::parseZooJson(floaty);
        QVERIFY(!refusedFloat.ok());
        QVERIFY(QString::fromStdString(refusedFloat.error()).contains(QStringLiteral("params must be an integer")));
        std::string unknown = text;
        unknown.replace(unknown.find("rwkv"), 4, "wxyz");
        QVERIFY(!lm::parseZooJson(unknown).ok());
        lm::ZooRow shortRow = row;
        shortRow.trainBytes.pop_back();
        auto missing = lm::parseZooJson(lm::zooJson({{shortRow}, {128, 512}, {256, 2048}}));
        QVERIFY(!missing.ok());
        QVERIFY(QString::fromStdString(missing.error()).contains(QStringLiteral("memory column does not match")));
    }
};

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
