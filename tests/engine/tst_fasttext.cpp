// fastText: the sign-extended FNV-1a hash and the n-grams of "<word>" by hand; skip-gram and
// CBOW with subwords solving planted analogies; unseen words; save/load round trip and hostile
// files; determinism and cancellation.
#include "embed/fasttext.h"
#include "embedtestcorpus.h"
#include "io/fasttextfile.h"
#include "io/safetensors.h"

#include <QtTest>

#include <chrono>
#include <cmath>
#include <fstream>
#include <string>

using namespace lm;
using namespace lm::fasttext_detail;

namespace {

WordCorpus planted(int lines = 6000)
{
    auto c = buildWordCorpus(embedtest::plantedCorpus(lines), WordCorpusOptions{});
    if (!c)
        qFatal("%s", c.error().c_str());
    return std::move(c).value();
}

FastTextOptions smallOptions()
{
    FastTextOptions o;
    o.dim = 32;
    o.bucket = 100000;
    o.sample = 0.0;
    o.threads = 1;
    o.seed = 3;
    return o;
}

// FNV-1a over bytes taken unsigned (the textbook hash), to show where fastText differs.
std::uint32_t unsignedFnv1a(std::string_view s)
{
    std::uint32_t h = 2166136261u;
    for (unsigned char c : s)
        h = (h ^ c) * 16777619u;
    return h;
}

bool contains(const std::string &haystack, const std::string &needle)
{
    return haystack.find(needle) != std::string::npos;
}

double norm(const std::vector<float> &v)
{
    double s = 0.0;
    for (float x : v)
        s += double(x) * x;
    return std::sqrt(s);
}

} // namespace

class TestFastText final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fnv1aSignExtendsBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<quint32>("expected");
        QTest::addColumn<bool>("sameAsUnsigned");
        // ASCII bytes are below 0x80, so sign extension changes nothing: the textbook values.
        QTest::newRow("a") << QByteArray("a") << quint32(0xE40C292Cu) << true;
        QTest::newRow("abc") << QByteArray("abc") << quint32(440920331u) << true;
        // é = C3 A9: fastText xors 0xFFFFFFC3 and 0xFFFFFFA9 (the unsigned hash gives 513665217)
        QTest::newRow("é") << QByteArray("\xC3\xA9") << quint32(1023043777u) << false;
        // 日本 = E6 97 A5 E6 9C AC (the unsigned hash gives 2670128721)
        QTest::newRow("日本") << QByteArray("\xE6\x97\xA5\xE6\x9C\xAC") << quint32(4164387409u) << false;
    }
    void fnv1aSignExtendsBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(quint32, expected);
        QFETCH(bool, sameAsUnsigned);
        const std::string_view s(bytes.constData(), std::size_t(bytes.size()));
        QCOMPARE(fnv1a(s), expected);
        QCOMPARE(fnv1a(s) == unsignedFnv1a(s), sameAsUnsigned);
    }

    void ngramsOfAWord_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<int>("minn");
        QTest::addColumn<int>("maxn");
        QTest::addColumn<int>("expected");
        // "<where>" has 7 characters: n-grams of length n number 7 − n + 1
        QTest::newRow("where 3..6") << "where" << 3 << 6 << (5 + 4 + 3 + 2);
        // the whole "<a>" is one of its own 3-grams
        QTest::newRow("a 3..6") << "a" << 3 << 6 << 1;
        // "<日本>" has 4 characters (8 bytes): 2 trigrams and 1 four-gram, none cut inside a character
        QTest::newRow("日本 3..6") << "日本" << 3 << 6 << (2 + 1);
        // n = 1 skips the boundary characters "<" and ">": "<ab>" gives a, b, then 3 bigrams
        QTest::newRow("ab 1..2") << "ab" << 1 << 2 << (2 + 3);
        QTest::newRow("maxn 0") << "where" << 0 << 0 << 0;
    }
    void ngramsOfAWord()
    {
        QFETCH(QString, word);
        QFETCH(int, minn);
        QFETCH(int, maxn);
        QFETCH(int, expected);
        const auto b = ngramBuckets(word.toStdString(), minn, maxn, 2000000);
        QCOMPARE(int(b.size()), expected);
        for (auto x : b)
            QVERIFY(x >= 0 && x < 2000000);
    }

    void ngramBucketsAreTheHashesOfTheSubstrings()
    {
        const auto b = ngramBuckets("日本", 3, 6, 1000);
        const std::string w = "<日本>";
        // in order: from "<": "<日本" and "<日本>"; from 日: "日本>" (本 and ">" start no 3-gram)
        const std::vector<std::int32_t> expected = {std::int32_t(fnv1a(w.substr(0, 1 + 3 + 3)) % 1000),
                                                    std::int32_t(fnv1a(w.substr(0, 1 + 3 + 3 + 1)) % 1000),
                                                    std::int32_t(fnv1a(w.substr(1, 3 + 3 + 1)) % 1000)};
        QCOMPARE(b, expected);
    }

    void solvesPlantedAnalogies_data()
    {
        QTest::addColumn<bool>("cbow");
        QTest::addColumn<int>("maxn");
        QTest::newRow("skip-gram, n-grams 3..6") << false << 6;
        QTest::newRow("skip-gram, no n-grams") << false << 0;
        QTest::newRow("CBOW, n-grams 3..6") << true << 6;
    }
    void solvesPlantedAnalogies()
    {
        QFETCH(bool, cbow);
        QFETCH(int, maxn);
        const WordCorpus corpus = planted();
        FastTextOptions o = smallOptions();
        o.cbow = cbow;
        o.maxn = maxn;
        o.threads = 2;
        if (cbow)
            o.epochs = 10;
        CancelToken cancel;
        auto m = trainFastText(corpus, o, cancel);
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().c_str());
        const WordVectors v = m.value().vocabularyVectors();
        QCOMPARE(v.size(), corpus.vocab.size());
        const double acc = embedtest::analogyAccuracy(v, embedtest::plantedAnalogies());
        QVERIFY2(acc >= 0.7, qPrintable(QStringLiteral("accuracy %1").arg(acc)));
    }

    void unseenWordsAndRoundTrip()
    {
        const WordCorpus corpus = planted(3000);
        FastTextOptions o = smallOptions();
        CancelToken cancel;
        auto trained = trainFastText(corpus, o, cancel);
        QVERIFY(trained.ok());
        const FastTextModel &m = trained.value();
        QCOMPARE(m.dim(), 32);

        // "kingdom" is not in the vocabulary but shares "<ki", "kin", "ing", "<kin", … with "king"
        QCOMPARE(corpus.vocab.find("kingdom"), -1);
        const auto unseen = m.wordVector("kingdom");
        QCOMPARE(int(unseen.size()), 32);
        QVERIFY(norm(unseen) > 1e-3);
        // a vocabulary word: the mean of its own row and its n-gram rows, as in vocabularyVectors()
        const WordVectors all = m.vocabularyVectors();
        const auto king = m.wordVector("king");
        QVERIFY(std::equal(king.begin(), king.end(), all.row(all.find("king"))));
        // "</s>" has no n-grams: its vector is its own row
        QVERIFY(norm(m.wordVector("</s>")) > 0.0);

        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("ft.safetensors")).toStdString();
        const auto saved = saveFastTextModel(m, path);
        QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().c_str());
        auto loaded = loadFastTextModel(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        QCOMPARE(loaded.value().dim(), 32);
        QVERIFY(loaded.value().vocabularyVectors().data == all.data);
        QCOMPARE(loaded.value().wordVector("kingdom"), unseen);
        // a word with no n-gram trained: the deterministic initial rows, the same after loading
        QCOMPARE(loaded.value().wordVector("zzqxj"), m.wordVector("zzqxj"));
        QVERIFY(norm(m.wordVector("zzqxj")) > 0.0);
    }

    void hostileFilesGiveErrorsNamingTheFile()
    {
        QTemporaryDir dir;
        const std::string garbage = dir.filePath(QStringLiteral("garbage.safetensors")).toStdString();
        std::ofstream(garbage, std::ios::binary) << "\x10\x00\x00\x00\x00\x00\x00\x00{not json}......";
        auto r = loadFastTextModel(garbage);
        QVERIFY(!r.ok());
        QVERIFY2(contains(r.error(), "garbage.safetensors"), r.error().c_str());

        QVERIFY(!loadFastTextModel(dir.filePath(QStringLiteral("missing.safetensors")).toStdString()).ok());

        auto write = [&](const std::string &name, const std::map<std::string, std::string> &meta, Shape wordsShape) {
            const std::string p = dir.filePath(QString::fromStdString(name)).toStdString();
            std::vector<float> zeros(std::size_t(shapeNumel(wordsShape)), 0.0f);
            const auto s = saveSafetensors(p, {{"words", Tensor::fromVector(wordsShape, zeros)}}, meta);
            if (!s.ok())
                qFatal("%s", s.error().c_str());
            return p;
        };
        const std::map<std::string, std::string> good = {{"format", "lmscope-fasttext-1"}, {"dim", "4"},
                                                          {"minn", "0"}, {"maxn", "0"}, {"bucket", "0"},
                                                          {"seed", "1"}, {"words", "[\"a\",\"b\"]"},
                                                          {"buckets", "[]"}};
        QVERIFY(loadFastTextModel(write("good.safetensors", good, {2, 4})).ok());
        struct Case {
            const char *name, *key, *value;
            Shape shape;
            const char *says;
        };
        const Case cases[] = {
            {"noformat", "format", "gpt2", {2, 4}, "format"},
            {"baddim", "dim", "-3", {2, 4}, "dim"},
            {"words", "words", "{\"a\":1}", {2, 4}, "words"},
            {"dupwords", "words", "[\"a\",\"a\"]", {2, 4}, "twice"},
            {"notjson", "buckets", "[1,", {2, 4}, "buckets"},
            {"bucketsnomaxn", "buckets", "[1]", {2, 4}, "buckets"},
            {"shape", "dim", "4", {3, 4}, "shape"},
            {"seed", "seed", "x", {2, 4}, "seed"},
        };
        for (const auto &c : cases) {
            auto meta = good;
            meta[c.key] = c.value;
            const std::string file = std::string(c.name) + ".safetensors";
            const auto bad = loadFastTextModel(write(file, meta, c.shape));
            QVERIFY2(!bad.ok(), c.name);
            QVERIFY2(contains(bad.error(), file) && contains(bad.error(), c.says), bad.error().c_str());
        }
    }

    void sameSeedOneThreadIsDeterministic()
    {
        const WordCorpus corpus = planted(2000);
        FastTextOptions o = smallOptions();
        o.sample = 1e-4;
        CancelToken cancel;
        const auto a = trainFastText(corpus, o, cancel);
        const auto b = trainFastText(corpus, o, cancel);
        o.seed = 9;
        const auto c = trainFastText(corpus, o, cancel);
        QVERIFY(a.ok() && b.ok() && c.ok());
        QVERIFY(a.value().vocabularyVectors().data == b.value().vocabularyVectors().data);
        QVERIFY(a.value().vocabularyVectors().data != c.value().vocabularyVectors().data);
    }

    void cancelStopsPromptly()
    {
        struct Canceller final : EmbedObserver {
            CancelToken *token = nullptr;
            int calls = 0;
            void onProgress(const EmbedProgress &) override
            {
                ++calls;
                token->cancel();
            }
        };
        const WordCorpus corpus = planted(20000);
        FastTextOptions o = smallOptions();
        o.epochs = 2000;
        o.threads = 2;
        CancelToken cancel;
        Canceller obs;
        obs.token = &cancel;
        const auto t0 = std::chrono::steady_clock::now();
        const auto r = trainFastText(corpus, o, cancel, &obs);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        QVERIFY(!r.ok());
        QCOMPARE(r.error(), std::string("cancelled"));
        QCOMPARE(obs.calls, 1);
        QVERIFY2(s < 2.0, qPrintable(QStringLiteral("took %1 s").arg(s)));
    }

    void badOptionsAreNamed()
    {
        const WordCorpus corpus = planted(200);
        CancelToken cancel;
        FastTextOptions o = smallOptions();
        o.minn = 7;
        auto r = trainFastText(corpus, o, cancel);
        QVERIFY(!r.ok() && contains(r.error(), "minn"));
        o = smallOptions();
        o.negative = 0;
        r = trainFastText(corpus, o, cancel);
        QVERIFY(!r.ok() && contains(r.error(), "negative"));
        o = smallOptions();
        o.lr = -1.0f;
        r = trainFastText(corpus, o, cancel);
        QVERIFY(!r.ok() && contains(r.error(), "lr"));
    }
};

QTEST_APPLESS_MAIN(TestFastText)
#include "tst_fasttext.moc"
