// The built-in labelled sets travel inside the binaries and are found by spec
// ("builtin:sentiment_en_train"), like corpora; a file path goes to the engine's loaders.
#include "base/corpora.h"
#include "base/datasets.h"
#include "train/objectives/pretraining.h"

#include <QtTest>

#include <fstream>
#include <set>
#include <sstream>

namespace {

bool contains(const std::string &haystack, const std::string &needle) { return haystack.find(needle) != std::string::npos; }

} // namespace

class TestDatasets final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyBuiltinLoads()
    {
        const QStringList specs = builtinDatasetSpecs();
        // 4 tasks with two splits (sentiment, intent, ner, summary), retrieval and paraphrases, in 2 languages
        QCOMPARE(specs.size(), 2 * 4 * 2 + 2 * 2);
        QCOMPARE(specs.front(), QStringLiteral("builtin:sentiment_en_train"));
        QVERIFY(specs.contains(QStringLiteral("builtin:ner_zh_TW_test")));
        QVERIFY(specs.contains(QStringLiteral("builtin:retrieval_zh_TW")));
        for (const lm::BuiltinDataset &set : lm::builtinDatasets()) {
            for (lm::DatasetSplit split : {lm::DatasetSplit::Train, lm::DatasetSplit::Test}) {
                const QString spec = builtinDatasetSpec(set, split);
                std::size_t n = 0;
                std::string error;
                switch (set.format) {
                case lm::DatasetFormat::Classification: {
                    const auto r = loadLabelledSpec(spec);
                    n = r.ok() ? r.value().examples.size() : 0;
                    error = r.ok() ? "" : r.error();
                    if (r.ok())
                        QCOMPARE(r.value().labels, set.labels);
                    break;
                }
                case lm::DatasetFormat::TokenTags: {
                    const auto r = loadTokenTagSpec(spec);
                    n = r.ok() ? r.value().size() : 0;
                    error = r.ok() ? "" : r.error();
                    break;
                }
                case lm::DatasetFormat::Retrieval: {
                    const auto r = loadRetrievalSpec(spec);
                    n = r.ok() ? r.value().docs.size() : 0;
                    error = r.ok() ? "" : r.error();
                    break;
                }
                case lm::DatasetFormat::SentencePairs: {
                    const auto r = loadSentencePairsSpec(spec);
                    n = r.ok() ? r.value().size() : 0;
                    error = r.ok() ? "" : r.error();
                    break;
                }
                case lm::DatasetFormat::TextPairs: {
                    const auto r = loadTextPairsSpec(spec);
                    n = r.ok() ? r.value().size() : 0;
                    error = r.ok() ? "" : r.error();
                    break;
                }
                }
                QVERIFY2(error.empty(), error.c_str());
                QVERIFY2(n >= (split == lm::DatasetSplit::Train ? 500u : 400u), qPrintable(spec));
            }
        }
    }

    void badSpecs()
    {
        const auto unknown = loadLabelledSpec(QStringLiteral("builtin:sentiment_fr_train"));
        QVERIFY(!unknown.ok());
        QVERIFY2(contains(unknown.error(), "unknown built-in data set 'builtin:sentiment_fr_train' (available: "
                                           "builtin:sentiment_en_train, builtin:sentiment_en_test,"),
                 unknown.error().c_str());
        const auto format = loadLabelledSpec(QStringLiteral("builtin:ner_en_train"));
        QVERIFY(!format.ok());
        QCOMPARE(format.error(), std::string("builtin:ner_en_train is token classification data, not sequence classification"));
        QVERIFY(!loadRetrievalSpec(QStringLiteral("builtin:intent_en_test")).ok());
        QVERIFY(!loadTokenTagSpec(QStringLiteral("builtin:retrieval_en")).ok());

        // A built-in set checked against another list names the spec and the line.
        const std::vector<std::string> onlyPositive{"positive"};
        const auto narrowed = loadLabelledSpec(QStringLiteral("builtin:sentiment_en_test"), &onlyPositive);
        QVERIFY(!narrowed.ok());
        QVERIFY2(contains(narrowed.error(), "builtin:sentiment_en_test:") &&
                     contains(narrowed.error(), ": label 'negative' is not one of positive"),
                 narrowed.error().c_str());
    }

    // builtin:sentences_LANG: the sentiment and intent training sentences without their labels, in
    // documents of eight, where an encoder pre-trains before fine-tuning; no test sentence.
    void taskSentenceCorpora()
    {
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_TW")}) {
            const auto corpus = loadCorpusSpec(QStringLiteral("builtin:sentences_") + language);
            QVERIFY2(corpus.ok(), corpus.ok() ? "" : corpus.error().c_str());
            std::set<std::string> lines;
            std::istringstream in(corpus.value().text);
            std::size_t blank = 0;
            for (std::string line; std::getline(in, line);) {
                blank += line.empty();
                QVERIFY2(line.find('\t') == std::string::npos, line.c_str()); // no label column
                lines.insert(line);
            }
            std::size_t documents = 0;
            for (const QString &task : {QStringLiteral("sentiment"), QStringLiteral("intent")}) {
                const auto train = loadLabelledSpec(QStringLiteral("builtin:%1_%2_train").arg(task, language));
                const auto test = loadLabelledSpec(QStringLiteral("builtin:%1_%2_test").arg(task, language));
                QVERIFY(train.ok() && test.ok());
                for (const lm::LabelledText &e : train.value().examples)
                    QVERIFY2(lines.count(e.text), e.text.c_str());
                std::size_t unseen = 0;
                for (const lm::LabelledText &e : test.value().examples)
                    unseen += !lines.count(e.text);
                QCOMPARE(unseen, test.value().examples.size());
                documents += (train.value().examples.size() + 7) / 8;
            }
            QCOMPARE(blank, documents);
        }
        QVERIFY(builtinCorpora().size() >= 6);
        // The summary sets' training passages make a corpus, a passage a document.
        const auto passages = loadCorpusSpec(QStringLiteral("builtin:passages_zh_TW"));
        QVERIFY2(passages.ok(), passages.ok() ? "" : passages.error().c_str());
        QCOMPARE(lm::splitDocuments(passages.value().text).size(), std::size_t(2550));
    }

    void filePaths()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("mine.tsv")).toStdString();
        std::ofstream(path) << "happy\tWhat a day!\nsad\tIt rained.\n";
        const auto set = loadLabelledSpec(QString::fromStdString(path));
        QVERIFY2(set.ok(), set.ok() ? "" : set.error().c_str());
        QCOMPARE(set.value().labels, (std::vector<std::string>{"happy", "sad"}));
        const auto missing = loadTokenTagSpec(dir.filePath(QStringLiteral("none.tsv")));
        QVERIFY(!missing.ok());
        QVERIFY2(contains(missing.error(), "cannot open the file"), missing.error().c_str());
    }
};

QTEST_GUILESS_MAIN(TestDatasets)
#include "tst_datasets.moc"
