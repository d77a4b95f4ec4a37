// GloVe: the weighting function, co-occurrence counts derived by hand, one AdaGrad step derived by
// hand, option checks, and an end-to-end run that must solve planted capital-country analogies.
#include "embed/glove.h"
#include "inspect/neighbors.h"

#include "core/rng.h"

#include <QtTest>

#include <cmath>
#include <map>

using namespace lm;
using glove_detail::Cooccurrence;

namespace {

WordCorpus corpusOf(const char *text)
{
    WordCorpusOptions o;
    o.minCount = 1;
    o.endOfSentence = false; // keep the hand derivations to the words written
    auto c = buildWordCorpus(text, o);
    if (!c.ok())
        qFatal("buildWordCorpus: %s", c.error().c_str());
    return std::move(c).value();
}

// Co-occurrences keyed by word pair, so the tests do not depend on vocabulary order.
std::map<std::pair<std::string, std::string>, float> byWords(const WordCorpus &corpus, const std::vector<Cooccurrence> &pairs)
{
    std::map<std::pair<std::string, std::string>, float> out;
    for (const Cooccurrence &c : pairs)
        out[{corpus.vocab.words[c.i], corpus.vocab.words[c.j]}] = c.x;
    return out;
}

const std::vector<std::pair<std::string, std::string>> kCapitals = {
    {"paris", "france"}, {"berlin", "germany"}, {"rome", "italy"}, {"madrid", "spain"},
    {"tokyo", "japan"},  {"cairo", "egypt"},    {"lima", "peru"},  {"oslo", "norway"}};
// Sentences with planted structure: each capital appears with its own country; capitals share
// city contexts, countries share nation contexts; plus filler sentences of common words.
std::string plantedCorpus(int sentences, std::uint64_t seed)
{
    Rng rng(seed);
    const std::vector<std::string> filler = {"the", "a", "we", "saw", "walked", "today", "and", "then", "home", "quickly",
                                             "old", "new", "friend", "said", "it", "was", "good", "very"};
    std::string text;
    for (int s = 0; s < sentences; ++s) {
        const auto &[city, country] = kCapitals[rng.below(kCapitals.size())];
        switch (rng.below(5)) {
        case 0:
            text += city + " is the capital of " + country;
            break;
        case 1:
            text += "the city of " + city + " lies in " + country;
            break;
        case 2:
            text += "we flew to " + city + " the capital city with its busy streets";
            break;
        case 3:
            text += country + " is a nation with a long border and many people";
            break;
        default:
            for (int w = 0; w < 8; ++w)
                text += (w ? " " : "") + filler[rng.below(filler.size())];
        }
        text += '\n';
    }
    return text;
}

class Recorder final : public EmbedObserver {
public:
    void onProgress(const EmbedProgress &p) override { progress.push_back(p); }
    bool wantsSnapshot() override { return snapshots.empty(); }
    void onSnapshot(const WordVectors &v) override { snapshots.push_back(v); }
    int snapshotWords() const override { return 3; }
    std::vector<EmbedProgress> progress;
    std::vector<WordVectors> snapshots;
};

} // namespace

class TestGlove final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void weighting_data()
    {
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("xMax");
        QTest::addColumn<double>("alpha");
        QTest::addColumn<double>("expected");
        QTest::newRow("half of xMax, alpha 0.75") << 50.0 << 100.0 << 0.75 << std::pow(0.5, 0.75);
        QTest::newRow("a tenth of xMax, alpha 0.75") << 1.0 << 10.0 << 0.75 << std::pow(0.1, 0.75);
        QTest::newRow("alpha 1 is linear") << 25.0 << 100.0 << 1.0 << 25.0 / 100.0;
        QTest::newRow("exactly xMax") << 100.0 << 100.0 << 0.75 << 1.0;
        QTest::newRow("above xMax is capped at 1") << 1000.0 << 100.0 << 0.75 << 1.0;
    }
    void weighting()
    {
        QFETCH(double, x);
        QFETCH(double, xMax);
        QFETCH(double, alpha);
        QFETCH(double, expected);
        QVERIFY(std::abs(glove_detail::weight(x, xMax, alpha) - expected) < 1e-12);
    }

    void cooccurrences_data()
    {
        QTest::addColumn<int>("window");
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<double>("expected"); // 0 = no entry
        // Corpus "a b c" / "c a" / "b b" (three lines; nothing pairs across a line break).
        QTest::newRow("a,b neighbours") << 2 << "a" << "b" << 1.0;
        QTest::newRow("b,a is symmetric") << 2 << "b" << "a" << 1.0;
        QTest::newRow("b,c neighbours") << 2 << "b" << "c" << 1.0;
        QTest::newRow("a,c: distance 2 in line 1 plus distance 1 in line 2") << 2 << "a" << "c" << 1.0 / 2 + 1.0;
        QTest::newRow("c,a symmetric") << 2 << "c" << "a" << 1.0 / 2 + 1.0;
        QTest::newRow("window 1 drops distance 2") << 1 << "a" << "c" << 1.0;
        QTest::newRow("b,b: both orders land on one cell") << 2 << "b" << "b" << 1.0 + 1.0;
        QTest::newRow("c,c only across lines: none") << 2 << "c" << "c" << 0.0;
        QTest::newRow("a,a only across lines: none") << 5 << "a" << "a" << 0.0;
    }
    void cooccurrences()
    {
        QFETCH(int, window);
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(double, expected);
        const WordCorpus corpus = corpusOf("a b c\nc a\nb b\n");
        const auto pairs = glove_detail::countCooccurrences(corpus, window);
        const auto table = byWords(corpus, pairs);
        const auto it = table.find({left.toStdString(), right.toStdString()});
        if (expected == 0.0) {
            QVERIFY(it == table.end());
        } else {
            QVERIFY(it != table.end());
            QVERIFY2(std::abs(it->second - expected) < 1e-6, qPrintable(QString::number(it->second)));
        }
        // One entry per ordered pair: window 2 gives a,b b,a b,c c,b a,c c,a b,b = 7 entries.
        if (window == 2)
            QCOMPARE(pairs.size(), std::size_t(7));
    }

    void adagradStep_data()
    {
        QTest::addColumn<float>("x");
        QTest::addColumn<float>("g"); // every squared-gradient accumulator starts here
        QTest::newRow("first step, x below xMax") << 50.0f << 1.0f;
        QTest::newRow("later step, accumulators at 4") << 50.0f << 4.0f;
        QTest::newRow("x above xMax, weight 1") << 150.0f << 1.0f;
    }
    void adagradStep()
    {
        QFETCH(float, x);
        QFETCH(float, g);
        const double xMax = 100.0, alpha = 0.75;
        const float eta = 0.05f;
        float wi[2] = {0.1f, 0.2f}, wtj[2] = {0.3f, -0.1f}, bi = 0.05f, btj = -0.02f;
        float gwi[2] = {g, g}, gwtj[2] = {g, g}, gbi = g, gbtj = g;
        const double loss = glove_detail::adagradStep(wi, wtj, &bi, &btj, gwi, gwtj, &gbi, &gbtj, 2, x, xMax, alpha, eta);

        // diff = w_i·w̃_j + b_i + b̃_j − log x; fdiff = f(x)·diff.
        const double diff = 0.1 * 0.3 + 0.2 * -0.1 + 0.05 + -0.02 - std::log(double(x));
        const double f = x < xMax ? std::pow(x / xMax, alpha) : 1.0;
        const double fdiff = f * diff;
        // float arithmetic: 1e-6 relative to the larger of 1 and the expected value.
        auto near = [](double got, double want) { return std::abs(got - want) <= 1e-6 * std::max(1.0, std::abs(want)); };
        QVERIFY(near(loss, 0.5 * fdiff * diff));
        // glove.c: temp = eta·fdiff·(other vector)[k]; w −= temp/sqrt(g); the accumulator gains temp².
        const double e = eta * fdiff;
        QVERIFY(near(wi[0], 0.1 - e * 0.3 / std::sqrt(g)));
        QVERIFY(near(wi[1], 0.2 - e * -0.1 / std::sqrt(g)));
        QVERIFY(near(wtj[0], 0.3 - e * 0.1 / std::sqrt(g)));
        QVERIFY(near(wtj[1], -0.1 - e * 0.2 / std::sqrt(g)));
        QVERIFY(near(gwi[0], g + std::pow(e * 0.3, 2)));
        QVERIFY(near(gwi[1], g + std::pow(e * -0.1, 2)));
        QVERIFY(near(gwtj[0], g + std::pow(e * 0.1, 2)));
        QVERIFY(near(gwtj[1], g + std::pow(e * 0.2, 2)));
        // Biases: dJ/db = fdiff.
        QVERIFY(near(bi, 0.05 - e / std::sqrt(g)));
        QVERIFY(near(btj, -0.02 - e / std::sqrt(g)));
        QVERIFY(near(gbi, g + e * e));
        QVERIFY(near(gbtj, g + e * e));
    }
    void nonFiniteStepIsSkipped()
    {
        float wi[2] = {0.1f, 0.2f}, wtj[2] = {0.3f, -0.1f}, bi = 0.05f, btj = -0.02f;
        float gwi[2] = {1, 1}, gwtj[2] = {1, 1}, gbi = 1, gbtj = 1;
        // x = 0: log x = −inf, so diff is infinite and nothing may move.
        const double loss = glove_detail::adagradStep(wi, wtj, &bi, &btj, gwi, gwtj, &gbi, &gbtj, 2, 0.0f, 100.0, 0.75, 0.05f);
        QCOMPARE(loss, 0.0);
        QCOMPARE(wi[0], 0.1f);
        QCOMPARE(wtj[1], -0.1f);
        QCOMPARE(bi, 0.05f);
        QCOMPARE(gwi[0], 1.0f);
        QCOMPARE(gbtj, 1.0f);
    }

    void badOptions_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::newRow("dim 0") << "dim" << 0.0;
        QTest::newRow("window 0") << "window" << 0.0;
        QTest::newRow("epochs 0") << "epochs" << 0.0;
        QTest::newRow("xMax 0") << "xMax" << 0.0;
        QTest::newRow("alpha negative") << "alpha" << -1.0;
        QTest::newRow("alpha NaN") << "alpha" << std::nan("");
        QTest::newRow("eta 0") << "eta" << 0.0;
        QTest::newRow("threads 0") << "threads" << 0.0;
    }
    void badOptions()
    {
        QFETCH(QString, field);
        QFETCH(double, value);
        GloveOptions o;
        o.dim = 4;
        o.epochs = 1;
        const std::string f = field.toStdString();
        if (f == "dim") o.dim = int(value);
        if (f == "window") o.window = int(value);
        if (f == "epochs") o.epochs = int(value);
        if (f == "xMax") o.xMax = value;
        if (f == "alpha") o.alpha = value;
        if (f == "eta") o.eta = float(value);
        if (f == "threads") o.threads = int(value);
        CancelToken cancel;
        auto r = trainGlove(corpusOf("a b c\n"), o, cancel);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().find(f) != std::string::npos, r.error().c_str());
    }

    void cancelledBeforeStart()
    {
        CancelToken cancel;
        cancel.cancel();
        auto r = trainGlove(corpusOf("a b c\n"), GloveOptions{}, cancel);
        QVERIFY(!r.ok());
        QCOMPARE(r.error(), std::string("cancelled"));
    }

    void sameSeedSameVectors()
    {
        const WordCorpus corpus = corpusOf("a b c d\nd c a\nb a d c\n");
        GloveOptions o;
        o.dim = 5;
        o.epochs = 3;
        CancelToken cancel;
        auto r1 = trainGlove(corpus, o, cancel);
        auto r2 = trainGlove(corpus, o, cancel);
        QVERIFY(r1.ok() && r2.ok());
        QCOMPARE(r1.value().words, corpus.vocab.words);
        QCOMPARE(r1.value().data, r2.value().data);
        o.seed = 2;
        auto r3 = trainGlove(corpus, o, cancel);
        QVERIFY(r3.value().data != r1.value().data);
    }

    void plantedAnalogies_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<double>("xMax");
        QTest::newRow("one thread, xMax 10") << 1 << 10.0;
        QTest::newRow("two threads (Hogwild), xMax 100") << 2 << 100.0;
    }
    void plantedAnalogies()
    {
        QFETCH(int, threads);
        QFETCH(double, xMax);
        WordCorpusOptions co;
        co.minCount = 1;
        auto corpus = buildWordCorpus(plantedCorpus(20000, 7), co);
        QVERIFY(corpus.ok());
        GloveOptions o;
        o.dim = 20;
        o.window = 5;
        o.epochs = 100;
        o.xMax = xMax;
        o.threads = threads;
        CancelToken cancel;
        Recorder recorder;
        auto vectors = trainGlove(corpus.value(), o, cancel, &recorder);
        QVERIFY2(vectors.ok(), vectors.ok() ? "" : vectors.error().c_str());
        QCOMPARE(vectors.value().size(), corpus.value().vocab.size());

        // Progress ends at 1 with a finite loss; the one snapshot holds the 3 most frequent words.
        QVERIFY(!recorder.progress.empty());
        QCOMPARE(recorder.progress.back().fraction, 1.0);
        QVERIFY(std::isfinite(recorder.progress.back().loss) && recorder.progress.back().loss > 0.0);
        QCOMPARE(recorder.snapshots.size(), std::size_t(1));
        QCOMPARE(recorder.snapshots[0].size(), 3);
        QCOMPARE(recorder.snapshots[0].words[0], corpus.value().vocab.words[0]);

        // country : capital :: country' : capital', every ordered pair of the 8 capitals.
        std::vector<AnalogyQuestion> questions;
        for (const auto &[c1, n1] : kCapitals)
            for (const auto &[c2, n2] : kCapitals)
                if (c1 != c2)
                    questions.push_back({"capital-country", n1, c1, n2, c2});
        const AnalogyScore score = scoreAnalogies(NormalizedVectors(vectors.value()), questions);
        QCOMPARE(score.asked, 8 * 7);
        QCOMPARE(score.skipped, 0);
        qInfo("capital-country top-1: %d of %d", score.correct, score.asked);
        // Chance is about 1 in 40 candidates; seen here 40–42 of 56 (0.71–0.75). Hogwild makes the
        // two-thread run vary from run to run, so the bar leaves room below that.
        QVERIFY2(score.accuracy() >= 0.6, qPrintable(QString::number(score.accuracy())));
    }
};

QTEST_APPLESS_MAIN(TestGlove)
#include "tst_glove.moc"
