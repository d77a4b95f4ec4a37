// The built-in labelled sets travel inside the binaries and are found by spec
// ("builtin:sentiment_en_train"), like corpora; a file path goes to the engine's loaders.
#include "base/datasets.h"

#include <QtTest>

#include <fstream>

namespace {

bool contains(const std::string &haystack, const std::string &needle) { return haystack.find(needle) != std::string::npos; }

} // namespace

class TestDatasets final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyBuiltinLoads()
    {
        const QStringList specs = builtinDatasetSpecs();
        QCOMPARE(specs.size(), 2 * 3 * 2 + 2 * 2); // 3 tasks with two splits, retrieval and paraphrases, in 2 languages
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
