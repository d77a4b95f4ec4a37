// word2vec: the C tool's subsampling, unigram table and Huffman tree by hand; the negative
// sampler's distribution; skip-gram and CBOW (negative sampling and hierarchical softmax) solving
// planted analogies; determinism, progress, cancellation and option errors.
#include "embed/embedkernels.h"
#include "embed/word2vec.h"
#include "embedtestcorpus.h"

#include <QtTest>

#include <chrono>
#include <cmath>
#include <string>

using namespace lm;
using namespace lm::word2vec_detail;

namespace {

WordCorpus planted(int lines = 6000)
{
    auto c = buildWordCorpus(embedtest::plantedCorpus(lines), WordCorpusOptions{});
    if (!c)
        qFatal("%s", c.error().c_str());
    return std::move(c).value();
}

Word2VecOptions smallOptions()
{
    Word2VecOptions o;
    o.dim = 32;
    o.window = 5;
    o.epochs = 5;
    o.sample = 0.0; // the planted vocabulary is tiny: every word is "frequent"
    o.threads = 1;
    o.seed = 3;
    return o;
}

struct CountingObserver final : EmbedObserver {
    std::vector<EmbedProgress> seen;
    int snapshots = 0, snapshotRows = -1, snapshotDim = -1;
    CancelToken *cancelAtFirst = nullptr;
    void onProgress(const EmbedProgress &p) override
    {
        seen.push_back(p);
        if (cancelAtFirst)
            cancelAtFirst->cancel();
    }
    bool wantsSnapshot() override { return true; }
    void onSnapshot(const WordVectors &v) override
    {
        ++snapshots;
        snapshotRows = v.size();
        snapshotDim = v.dim;
    }
    int snapshotWords() const override { return 10; }
};

} // namespace

class TestWord2Vec final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepProbability_data()
    {
        QTest::addColumn<qint64>("count");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<double>("sample");
        QTest::addColumn<double>("expected");
        // s·T = 1000 throughout; for c = k·s·T, keep = (sqrt(k) + 1) / k
        QTest::newRow("c = s·T: (1 + 1)·1 capped") << qint64(1000) << qint64(1000000) << 1e-3 << 1.0;
        QTest::newRow("c = 4·s·T: (2 + 1) / 4") << qint64(4000) << qint64(1000000) << 1e-3 << (2.0 + 1) / 4;
        QTest::newRow("c = 100·s·T: (10 + 1) / 100") << qint64(100000) << qint64(1000000) << 1e-3 << (10.0 + 1) / 100;
        QTest::newRow("c = 10·s·T: (sqrt 10 + 1) / 10") << qint64(10000) << qint64(1000000) << 1e-3 << (std::sqrt(10.0) + 1) / 10;
        QTest::newRow("rare word") << qint64(3) << qint64(1000000) << 1e-3 << 1.0;
        QTest::newRow("sample 0 keeps all") << qint64(900000) << qint64(1000000) << 0.0 << 1.0;
    }
    void keepProbability()
    {
        QFETCH(qint64, count);
        QFETCH(qint64, total);
        QFETCH(double, sample);
        QFETCH(double, expected);
        QVERIFY(std::abs(word2vec_detail::keepProbability(count, total, sample) - expected) < 1e-12);
    }

    void unigramTableFollowsCountsToThePower()
    {
        const std::vector<std::int64_t> counts = {1000, 100, 10, 1};
        const std::size_t size = 1000000;
        const auto table = unigramTable(counts, 0.75, size);
        QCOMPARE(table.size(), size);
        std::vector<double> seen(counts.size(), 0.0);
        for (auto id : table) {
            QVERIFY(id >= 0 && id < 4);
            seen[std::size_t(id)] += 1.0 / double(size);
        }
        double z = 0.0;
        for (auto c : counts)
            z += std::pow(double(c), 0.75);
        for (std::size_t i = 0; i < counts.size(); ++i)
            QVERIFY2(std::abs(seen[i] - std::pow(double(counts[i]), 0.75) / z) < 1e-4,
                     qPrintable(QStringLiteral("word %1: %2").arg(i).arg(seen[i])));
        // the table is sorted: word ids never go back
        QVERIFY(std::is_sorted(table.begin(), table.end()));
    }

    void aliasSamplerMatchesTheTableDistribution()
    {
        const std::vector<std::int64_t> counts = {1000, 100, 10, 1, 1};
        std::vector<double> w;
        double z = 0.0;
        for (auto c : counts) {
            w.push_back(std::pow(double(c), 0.75));
            z += w.back();
        }
        embed_detail::AliasSampler sampler(w);
        embed_detail::FastRng rng(5);
        const int draws = 2000000;
        std::vector<int> hits(counts.size(), 0);
        for (int i = 0; i < draws; ++i)
            ++hits[std::size_t(sampler.sample(rng.next()))];
        for (std::size_t i = 0; i < counts.size(); ++i) {
            const double p = w[i] / z;
            const double sd = std::sqrt(p * (1 - p) / draws);
            QVERIFY2(std::abs(hits[i] / double(draws) - p) < 5 * sd + 1e-6,
                     qPrintable(QStringLiteral("word %1: %2 vs %3").arg(i).arg(hits[i] / double(draws)).arg(p)));
        }
    }

    void huffmanOfASmallList()
    {
        // counts 5, 3, 2, 1: merge 1+2 -> node 4 (3), then 3(word 1)+node 4 -> node 5 (6), then
        // 5(word 0)+node 5 -> root 6 (11). The second pick of each merge gets code bit 1.
        const auto t = buildHuffman({5, 3, 2, 1});
        using Codes = std::vector<std::uint8_t>;
        using Points = std::vector<std::int32_t>;
        QCOMPARE(t.codes[0], (Codes{0}));
        QCOMPARE(t.codes[1], (Codes{1, 1}));
        QCOMPARE(t.codes[2], (Codes{1, 0, 1}));
        QCOMPARE(t.codes[3], (Codes{1, 0, 0}));
        // points: inner nodes from the root (V − 2 = 2) down, node ids minus V
        QCOMPARE(t.points[0], (Points{2}));
        QCOMPARE(t.points[1], (Points{2, 1}));
        QCOMPARE(t.points[2], (Points{2, 1, 0}));
        QCOMPARE(t.points[3], (Points{2, 1, 0}));
    }

    void huffmanGivesFrequentWordsShorterCodes()
    {
        std::vector<std::int64_t> counts;
        for (int r = 1; r <= 200; ++r)
            counts.push_back(100000 / r); // Zipf, sorted
        const auto t = buildHuffman(counts);
        double kraft = 0.0;
        for (std::size_t i = 0; i < counts.size(); ++i) {
            QVERIFY(!t.codes[i].empty());
            QCOMPARE(t.codes[i].size(), t.points[i].size());
            if (i > 0)
                QVERIFY(t.codes[i].size() >= t.codes[i - 1].size());
            for (auto p : t.points[i])
                QVERIFY(p >= 0 && p < int(counts.size()) - 1);
            kraft += std::ldexp(1.0, -int(t.codes[i].size()));
        }
        QVERIFY(std::abs(kraft - 1.0) < 1e-12); // a full binary tree
        QVERIFY(t.codes.front().size() < t.codes.back().size());
    }

    void solvesPlantedAnalogies_data()
    {
        QTest::addColumn<bool>("cbow");
        QTest::addColumn<bool>("hs");
        QTest::newRow("skip-gram, negative sampling") << false << false;
        QTest::newRow("skip-gram, hierarchical softmax") << false << true;
        QTest::newRow("CBOW, negative sampling") << true << false;
        QTest::newRow("CBOW, hierarchical softmax") << true << true;
    }
    void solvesPlantedAnalogies()
    {
        QFETCH(bool, cbow);
        QFETCH(bool, hs);
        const WordCorpus corpus = planted();
        Word2VecOptions o = smallOptions();
        o.cbow = cbow;
        o.hierarchicalSoftmax = hs;
        o.negative = hs ? 0 : 5;
        o.threads = 2;
        CancelToken cancel;
        auto v = trainWord2Vec(corpus, o, cancel);
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().c_str());
        QCOMPARE(v.value().size(), corpus.vocab.size());
        QCOMPARE(v.value().dim, 32);
        const double acc = embedtest::analogyAccuracy(v.value(), embedtest::plantedAnalogies());
        QVERIFY2(acc >= 0.8, qPrintable(QStringLiteral("accuracy %1").arg(acc)));
    }

    void sameSeedOneThreadIsDeterministic()
    {
        const WordCorpus corpus = planted(2000);
        Word2VecOptions o = smallOptions();
        o.sample = 1e-3;
        CancelToken cancel;
        const auto a = trainWord2Vec(corpus, o, cancel);
        const auto b = trainWord2Vec(corpus, o, cancel);
        o.seed = 4;
        const auto c = trainWord2Vec(corpus, o, cancel);
        QVERIFY(a.ok() && b.ok() && c.ok());
        QVERIFY(a.value().data == b.value().data);
        QVERIFY(a.value().data != c.value().data);
    }

    void reportsProgressAndSnapshots()
    {
        const WordCorpus corpus = planted(20000);
        Word2VecOptions o = smallOptions();
        o.epochs = 10;
        CountingObserver obs;
        CancelToken cancel;
        QVERIFY(trainWord2Vec(corpus, o, cancel, &obs).ok());
        QVERIFY(!obs.seen.empty());
        QCOMPARE(obs.seen.back().fraction, 1.0);
        for (std::size_t i = 1; i < obs.seen.size(); ++i)
            QVERIFY(obs.seen[i].wordsDone >= obs.seen[i - 1].wordsDone);
        QCOMPARE(obs.seen.back().wordsDone, corpus.vocab.totalCount * 10);
        QVERIFY(obs.snapshots >= 1);
        QCOMPARE(obs.snapshotRows, 10);
        QCOMPARE(obs.snapshotDim, 32);
    }

    void cancelStopsPromptly()
    {
        const WordCorpus corpus = planted(20000);
        Word2VecOptions o = smallOptions();
        o.epochs = 2000; // minutes of work if not stopped
        o.threads = 2;
        CancelToken cancel;
        CountingObserver obs;
        obs.cancelAtFirst = &cancel;
        const auto t0 = std::chrono::steady_clock::now();
        const auto r = trainWord2Vec(corpus, o, cancel, &obs);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        QVERIFY(!r.ok());
        QCOMPARE(r.error(), std::string("cancelled"));
        QVERIFY2(s < 2.0, qPrintable(QStringLiteral("took %1 s").arg(s)));

        CancelToken already;
        already.cancel();
        QVERIFY(!trainWord2Vec(corpus, o, already).ok());
    }

    void badOptionsAreNamed_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("word");
        QTest::newRow("dim 0") << 0 << "dim";
        QTest::newRow("window 0") << 1 << "window";
        QTest::newRow("no negatives, no hs") << 2 << "negative";
        QTest::newRow("epochs 0") << 3 << "epochs";
        QTest::newRow("threads 0") << 4 << "threads";
        QTest::newRow("sample NaN") << 5 << "sample";
    }
    void badOptionsAreNamed()
    {
        QFETCH(int, field);
        QFETCH(QString, word);
        const WordCorpus corpus = planted(200);
        Word2VecOptions o = smallOptions();
        switch (field) {
        case 0: o.dim = 0; break;
        case 1: o.window = 0; break;
        case 2: o.negative = 0; break;
        case 3: o.epochs = 0; break;
        case 4: o.threads = 0; break;
        default: o.sample = std::nan(""); break;
        }
        CancelToken cancel;
        const auto r = trainWord2Vec(corpus, o, cancel);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().find(word.toStdString()) != std::string::npos, r.error().c_str());
    }
};

QTEST_APPLESS_MAIN(TestWord2Vec)
#include "tst_word2vec.moc"
