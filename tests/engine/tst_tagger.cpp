// The bidirectional LSTM tagger learns the built-in tagged set, tags "book" by its context, and
// the word/TAG loader reports bad lines by number.
#include "core/rng.h"
#include "models/recurrent/tagger.h"
#include "train/taggeddataset.h"
#include "train/tagging.h"
#include "train/trainer.h"

#include <QtTest>

using namespace lm;

namespace {
const std::string kBuiltin = std::string(LMSCOPE_SOURCE_DIR) + "/resources/corpora/tagged_en.tsv";

QString errorOf(const Result<std::vector<TaggedSentence>> &r) { return r.ok() ? QString() : QString::fromStdString(r.error()); }
} // namespace

class TestTagger final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtinSet()
    {
        auto data = loadTagged(kBuiltin);
        QVERIFY2(data.ok(), data.ok() ? "" : data.error().c_str());
        QCOMPARE(int(data.value().size()), 1500);
        const TagVocabulary vocab = TagVocabulary::build(data.value());
        QStringList tags;
        for (const auto &t : vocab.tags())
            tags << QString::fromStdString(t);
        tags.sort();
        QCOMPARE(tags.join(QLatin1Char(' ')),
                 QStringLiteral("ADJ ADP ADV AUX CCONJ DET NOUN NUM PRON PROPN PUNCT VERB"));
        for (const auto &s : data.value())
            QCOMPARE(s.words.size(), s.tags.size());
    }

    void learnsTagsFromContext()
    {
        auto data = loadTagged(kBuiltin);
        QVERIFY(data.ok());
        std::vector<TaggedSentence> all = std::move(data).value();
        const std::vector<TaggedSentence> test(all.end() - 300, all.end());
        all.resize(all.size() - 300);
        const TagVocabulary vocab = TagVocabulary::build(all);

        TaggerConfig config;
        config.kind = CellKind::Lstm;
        config.vocabSize = vocab.wordCount();
        config.tagCount = vocab.tagCount();
        config.dim = 24;
        config.hidden = 32;
        Rng rng(11);
        RecurrentTagger tagger(config, rng);
        QCOMPARE(tagger.parameters()[1].name, std::string("rnn.weight_ih_l0"));
        QCOMPARE(tagger.parameters()[5].name, std::string("rnn.weight_ih_l0_reverse"));
        QCOMPARE(tagger.parameters().back().tensor.shape(), (Shape{vocab.tagCount()}));

        TrainConfig train;
        train.steps = 300;
        train.batch = 32;
        train.lr = 1e-2f;
        train.seed = 5;
        const double before = taggingAccuracy(tagger, vocab, test);
        Trainer trainer(tagger, std::make_unique<TaggedDataset>(TaggedDataset::create(all, vocab).value()), train);
        CancelToken cancel;
        QCOMPARE(trainer.run(cancel, nullptr), Trainer::Outcome::Finished);
        const double accuracy = taggingAccuracy(tagger, vocab, test);
        QVERIFY2(before < 0.5, qPrintable(QString::number(before)));
        qInfo("held-out accuracy %.4f (untrained %.4f)", accuracy, before);
        QVERIFY2(accuracy > 0.97, qPrintable(QString::number(accuracy)));

        // "book" after a determiner is a noun; between a subject and a determiner it is a verb.
        const auto verb = tagSentence(tagger, vocab, std::string("I book a room ."));
        const auto noun = tagSentence(tagger, vocab, std::string("I read a book ."));
        QCOMPARE(QString::fromStdString(verb[1]), QStringLiteral("VERB"));
        QCOMPARE(QString::fromStdString(noun[3]), QStringLiteral("NOUN"));
        // "can": an auxiliary before a verb, a noun after a determiner.
        QCOMPARE(QString::fromStdString(tagSentence(tagger, vocab, std::string("we can play chess ."))[1]),
                 QStringLiteral("AUX"));
        QCOMPARE(QString::fromStdString(tagSentence(tagger, vocab, std::string("the can is empty ."))[1]),
                 QStringLiteral("NOUN"));
        // Unknown words map to <unk> and still get a tag.
        QCOMPARE(int(tagSentence(tagger, vocab, std::string("I zorble a room .")).size()), 5);
    }

    // The one tagging path: held-out sentences, the shared trainer, accuracy before and after.
    void runTaggingTrainsAndScores()
    {
        auto data = loadTagged(LMSCOPE_SOURCE_DIR "/resources/corpora/tagged_en.tsv");
        QVERIFY(data.ok());
        std::vector<TaggedSentence> sentences(data.value().begin(), data.value().begin() + 400);
        TrainConfig train;
        train.steps = 150;
        train.batch = 16;
        train.lr = 1e-2f;
        const CancelToken cancel;
        auto run = runTagging(sentences, 50, TaggerConfig{}, train, cancel);
        QVERIFY2(run.ok(), run.ok() ? "" : run.error().c_str());
        QCOMPARE(run.value().testSentences, 50);
        QCOMPARE(run.value().stepsDone, 150);
        QVERIFY2(run.value().accuracy > run.value().untrainedAccuracy + 0.3,
                 qPrintable(QStringLiteral("%1 -> %2").arg(run.value().untrainedAccuracy).arg(run.value().accuracy)));
        QVERIFY(!runTagging({sentences.front()}, 1, TaggerConfig{}, train, cancel).ok());
    }

    void paddingIsIgnored()
    {
        TaggedSentence a{{"the", "dog", "runs"}, {"DET", "NOUN", "VERB"}}, b{{"dogs"}, {"NOUN"}};
        const TagVocabulary vocab = TagVocabulary::build({a, b});
        const TokenBatch batch = makeTaggedBatch({&a, &b}, vocab);
        QCOMPARE(batch.batch, 2);
        QCOMPARE(batch.time, 3);
        QCOMPARE(batch.inputs[4], TagVocabulary::kPad);
        QCOMPARE(batch.targets[4], -100);
        QCOMPARE(batch.targets[5], -100);
        QCOMPARE(batch.targets[3], vocab.tagId("NOUN"));
        QCOMPARE(vocab.wordId("cats"), TagVocabulary::kUnknown);
    }

    void loaderErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("token without a tag") << QStringLiteral("the/DET dog/NOUN\n\nthe/DET cat\n")
                                             << QStringLiteral("t.tsv:3: token 2 'cat' has no /TAG");
        QTest::newRow("empty tag") << QStringLiteral("# comment\nthe/DET dog/\n")
                                   << QStringLiteral("t.tsv:2: token 2 'dog/' has no /TAG");
        QTest::newRow("no word") << QStringLiteral("/NOUN\n") << QStringLiteral("t.tsv:1: token 1 '/NOUN' has no word");
        QTest::newRow("nothing") << QStringLiteral("\n# only a comment\n") << QStringLiteral("t.tsv: no tagged sentence");
    }
    void loaderErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto r = parseTagged(text.toStdString(), "t.tsv");
        QVERIFY(!r.ok());
        QVERIFY2(errorOf(r).startsWith(expected), qPrintable(errorOf(r)));
    }
    void loaderAcceptsSlashInWords()
    {
        const auto r = parseTagged("1/2/NUM cup/NOUN\r\n", "t.tsv");
        QVERIFY(r.ok());
        QCOMPARE(r.value()[0].words[0], std::string("1/2"));
        QCOMPARE(r.value()[0].tags[1], std::string("NOUN"));
        QVERIFY(!loadTagged("/nonexistent/tagged.tsv").ok());
    }
};

QTEST_APPLESS_MAIN(TestTagger)
#include "tst_tagger.moc"
