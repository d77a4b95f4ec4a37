// embed/embedmethod.h: the one dispatch from a method name to word2vec, GloVe and fastText.
#include "embed/embedmethod.h"

#include "embed/word2vec.h"
#include "embedtestcorpus.h"

#include <QtTest>

#include <string>

using namespace lm;

Q_DECLARE_METATYPE(EmbedMethod)

class TestEmbedMethod final : public QObject {
    Q_OBJECT

    static WordCorpus corpus()
    {
        WordCorpusOptions o;
        o.minCount = 1;
        auto c = buildWordCorpus(embedtest::plantedCorpus(2000, 3), o);
        if (!c)
            qFatal("%s", c.error().c_str());
        return std::move(c).value();
    }

private Q_SLOTS:
    void namesRoundTrip()
    {
        QCOMPARE(embedMethodNames().size(), std::size_t(4));
        for (std::string_view name : embedMethodNames()) {
            const auto m = parseEmbedMethod(name);
            QVERIFY(m.has_value());
            QCOMPARE(embedMethodName(*m), name);
        }
        QCOMPARE(parseEmbedMethod("cbow"), std::optional<EmbedMethod>(EmbedMethod::Cbow));
        QVERIFY(!parseEmbedMethod("word2vec").has_value());
        QVERIFY(!parseEmbedMethod("").has_value());
    }

    void defaultsAreTheTools()
    {
        QCOMPARE(embedDefaults(EmbedMethod::Glove).window, 10);
        QCOMPARE(embedDefaults(EmbedMethod::Glove).epochs, 25);
        QCOMPARE(embedDefaults(EmbedMethod::SkipGram).learningRate, 0.025f);
        QCOMPARE(embedDefaults(EmbedMethod::Cbow).learningRate, 0.05f);
        QCOMPARE(embedDefaults(EmbedMethod::FastText).sample, 1e-4);
        QCOMPARE(embedDefaults(EmbedMethod::SkipGram).sample, 1e-3);
    }

    void trainsEveryMethod_data()
    {
        QTest::addColumn<EmbedMethod>("method");
        QTest::addColumn<bool>("subwords");
        QTest::newRow("skipgram") << EmbedMethod::SkipGram << false;
        QTest::newRow("cbow") << EmbedMethod::Cbow << false;
        QTest::newRow("glove") << EmbedMethod::Glove << false;
        QTest::newRow("fasttext") << EmbedMethod::FastText << true;
    }
    void trainsEveryMethod()
    {
        QFETCH(EmbedMethod, method);
        QFETCH(bool, subwords);
        const WordCorpus c = corpus();
        EmbedOptions o = embedDefaults(method);
        o.dim = 16;
        o.epochs = 2;
        o.bucket = 10000;
        CancelToken cancel;
        const auto r = trainWordVectors(c, o, cancel);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
        QCOMPARE(r.value().vectors.size(), c.vocab.size());
        QCOMPARE(r.value().vectors.dim, 16);
        QCOMPARE(r.value().subwords.has_value(), subwords);
        if (subwords)
            QVERIFY(r.value().subwords->vocabularyVectors().data == r.value().vectors.data);
    }

    void sameAsCallingTheMethod()
    {
        // One thread, same seed: the dispatch adds nothing of its own.
        const WordCorpus c = corpus();
        EmbedOptions o = embedDefaults(EmbedMethod::Cbow);
        o.dim = 16;
        o.epochs = 1;
        CancelToken cancel;
        const auto a = trainWordVectors(c, o, cancel);
        Word2VecOptions w; // word2vec's own defaults: CBOW's alpha 0.05, sample 1e-3
        w.cbow = true;
        w.dim = 16;
        w.epochs = 1;
        const auto b = trainWord2Vec(c, w, cancel);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.value().vectors.data == b.value().data);
    }

    void errorsAndCancelPassThrough()
    {
        const WordCorpus c = corpus();
        EmbedOptions o = embedDefaults(EmbedMethod::SkipGram);
        o.dim = 0;
        CancelToken cancel;
        const auto bad = trainWordVectors(c, o, cancel);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().find("dim") != std::string::npos, bad.error().c_str());
        o = embedDefaults(EmbedMethod::FastText);
        cancel.cancel();
        const auto stopped = trainWordVectors(c, o, cancel);
        QVERIFY(!stopped.ok());
        QCOMPARE(stopped.error(), std::string("cancelled"));
    }
};

QTEST_APPLESS_MAIN(TestEmbedMethod)
#include "tst_embedmethod.moc"
