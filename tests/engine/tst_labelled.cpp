// Labelled data: the classification, token-tag and retrieval formats (every error can happen and
// names its line), BIO entities and conlleval F1, the confusion matrix, recall@k, the TF-IDF
// index, and the built-in sets in resources/datasets/ (sizes, balance, disjoint splits).
#include "text/labelled.h"
#include "text/tagged.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

using namespace lm;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

const std::vector<std::string> kSentiment{"positive", "negative"};

std::string writeFile(const QTemporaryDir &dir, const std::string &name, const std::string &bytes)
{
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
    return path;
}

bool contains(const std::string &haystack, const std::string &needle) { return haystack.find(needle) != std::string::npos; }

std::vector<std::string> words(const std::string &line) { return splitOnSpaces(line); }

std::string datasetPath(const std::string &file) { return std::string(LMSCOPE_SOURCE_DIR "/resources/datasets/") + file; }

// What two sentences of a built-in set must not share: the TF-IDF terms, joined.
std::string sentenceKey(const std::string &text)
{
    std::string key;
    for (const auto &t : TfIdfIndex::terms(text))
        key += t + " ";
    return key;
}

} // namespace

class TestLabelled final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesClassification();
    void classificationErrors_data();
    void classificationErrors();
    void loadErrors();
    void parsesTokenTags();
    void tokenTagErrors_data();
    void tokenTagErrors();
    void bioEntities_data();
    void bioEntities();
    void entityScores();
    void confusionMatrix();
    void parsesRetrieval();
    void retrievalErrors_data();
    void retrievalErrors();
    void recallAndRank();
    void tfidfWeightsAndRanking();
    void builtinTable();
    void builtinClassification_data();
    void builtinClassification();
    void builtinNer_data();
    void builtinNer();
    void builtinRetrieval_data();
    void builtinRetrieval();
    void sentencePairErrors_data();
    void sentencePairErrors();
    void builtinParaphrasesAreHeldOut_data();
    void builtinParaphrasesAreHeldOut();
    void textPairs();
    void textPairErrors_data();
    void textPairErrors();
    void builtinSummaries_data();
    void builtinSummaries();
};

void TestLabelled::parsesClassification()
{
    const std::string text = "\xEF\xBB\xBF# reviews\n"
                             "positive\tThe soup was warm.\r\n"
                             "\n"
                             "   \n"
                             "  # an indented comment\n"
                             "negative\t  Not good at all.  \n"
                             "positive\t這碗湯很好喝。";
    const auto set = parseLabelledTsv(text, "reviews.tsv");
    QVERIFY2(set.ok(), set.ok() ? "" : set.error().c_str());
    const auto &examples = set.value().examples;
    QCOMPARE(examples.size(), std::size_t(3));
    QCOMPARE(examples[0].label, std::string("positive"));
    QCOMPARE(examples[0].text, std::string("The soup was warm."));
    QCOMPARE(examples[1].text, std::string("Not good at all.")); // spaces around the text trimmed
    QCOMPARE(examples[2].text, std::string("這碗湯很好喝。"));
    QCOMPARE(set.value().labels, (std::vector<std::string>{"negative", "positive"}));
    QCOMPARE(set.value().labelIndex("positive"), 1);
    QCOMPARE(set.value().labelIndex("neutral"), -1);

    // With a list, the labels are the list (sorted), even those the file does not use.
    const std::vector<std::string> three{"positive", "neutral", "negative"};
    const auto listed = parseLabelledTsv("positive\tfine\n", "x", &three);
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().labels, (std::vector<std::string>{"negative", "neutral", "positive"}));
}

void TestLabelled::classificationErrors_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<bool>("withAllowed");
    QTest::addColumn<std::string>("expected");
    QTest::addColumn<std::string>("fixed"); // the same text made valid: each check can also pass
    QTest::newRow("no tab") << std::string("positive good\n") << false
                            << std::string("s.tsv:1: no tab between the label and the text") << std::string("positive\tgood\n");
    QTest::newRow("empty label") << std::string("# c\n\t good\n") << false << std::string("s.tsv:2: empty label")
                                 << std::string("# c\nx\t good\n");
    QTest::newRow("label with a space") << std::string("very good\tfine\n") << false
                                        << std::string("s.tsv:1: label 'very good' contains a space")
                                        << std::string("very_good\tfine\n");
    QTest::newRow("empty text") << std::string("positive\tok\nnegative\t   \n") << false
                                << std::string("s.tsv:2: empty text after the label 'negative'")
                                << std::string("positive\tok\nnegative\t x \n");
    QTest::newRow("second tab") << std::string("positive\ta\tb\n") << false << std::string("s.tsv:1: a second tab")
                                << std::string("positive\ta b\n");
    QTest::newRow("label not allowed") << std::string("positive\tok\n\nneutral\tmeh\n") << true
                                       << std::string("s.tsv:3: label 'neutral' is not one of positive, negative")
                                       << std::string("positive\tok\n\nnegative\tmeh\n");
    QTest::newRow("invalid UTF-8") << std::string("positive\tok\nnegative\tb\xFF\n") << false
                                   << std::string("s.tsv:2: invalid UTF-8 at byte " + std::to_string(9 + 1) + " of the line")
                                   << std::string("positive\tok\nnegative\tb\n");
    QTest::newRow("cut-short sequence at the end") << std::string("positive\t\xE5\x9C") << false
                                                   << std::string("s.tsv:1: invalid UTF-8 at byte 9")
                                                   << std::string("positive\t\xE5\x9C\x8B");
    QTest::newRow("line too long") << "positive\t" + std::string(10000 - 9 + 1, 'x') << false
                                   << std::string("s.tsv:1: a line of 10001 bytes (at most 10000)")
                                   << "positive\t" + std::string(10000 - 9, 'x');
    QTest::newRow("no example") << std::string("# only a comment\n\n  \n") << false
                                << std::string("s.tsv: no example") << std::string("# only a comment\n\nx\ty\n");
}

void TestLabelled::classificationErrors()
{
    QFETCH(std::string, text);
    QFETCH(bool, withAllowed);
    QFETCH(std::string, expected);
    QFETCH(std::string, fixed);
    const auto *allowed = withAllowed ? &kSentiment : nullptr;
    const auto set = parseLabelledTsv(text, "s.tsv", allowed);
    QVERIFY(!set.ok());
    QVERIFY2(contains(set.error(), expected), set.error().c_str());
    QVERIFY(!contains(set.error(), "\n"));
    const auto good = parseLabelledTsv(fixed, "s.tsv", allowed);
    QVERIFY2(good.ok(), good.ok() ? "" : good.error().c_str());
}

void TestLabelled::loadErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string missing = dir.filePath(QStringLiteral("nope.tsv")).toStdString();
    for (const std::string &error : {loadLabelledTsv(missing).error(), loadTokenTagTsv(missing).error(),
                                     loadRetrievalTsv(missing).error()})
        QVERIFY2(contains(error, missing + ": cannot open the file"), error.c_str());
    QVERIFY(contains(loadLabelledTsv(dir.path().toStdString()).error(), "is a directory"));

    // A sparse file just over the limit: refused before a byte is read.
    const std::string big = writeFile(dir, "big.tsv", "positive\tok\n");
    std::filesystem::resize_file(big, (std::uintmax_t(256) << 20) + 1);
    const auto refused = loadLabelledTsv(big);
    QVERIFY(!refused.ok());
    QVERIFY2(contains(refused.error(), big + ": " + std::to_string((256 << 20) + 1) + " bytes, more than the 256 MB a dataset file may have"), refused.error().c_str());
    std::filesystem::remove(big);

    // Errors of a loaded file name its path and line.
    const std::string bad = writeFile(dir, "sentiment.tsv", "positive\tgood\nneutral\tmeh\n");
    const auto set = loadLabelledTsv(bad, &kSentiment);
    QVERIFY(!set.ok());
    QCOMPARE(set.error(), bad + ":2: label 'neutral' is not one of positive, negative");
    QCOMPARE(loadLabelledTsv(writeFile(dir, "ok.tsv", "positive\tgood\n"), &kSentiment).value().examples.size(), std::size_t(1));
}

void TestLabelled::parsesTokenTags()
{
    const auto tags = bioTagSet({"PER", "LOC"});
    QCOMPARE(tags, (std::vector<std::string>{"O", "B-PER", "I-PER", "B-LOC", "I-LOC"}));
    const auto s = parseTokenTagTsv("# ner\nAnna  flew to New York .\tB-PER O O  B-LOC I-LOC O\r\n\n國 王\tO O\n", "n.tsv", &tags);
    QVERIFY2(s.ok(), s.ok() ? "" : s.error().c_str());
    QCOMPARE(s.value().size(), std::size_t(2));
    QCOMPARE(s.value()[0].tokens, words("Anna flew to New York ."));
    QCOMPARE(s.value()[0].tags, words("B-PER O O B-LOC I-LOC O"));
    QCOMPARE(s.value()[1].tokens, (std::vector<std::string>{"國", "王"}));
    // Any type is accepted without a list.
    QVERIFY(parseTokenTagTsv("a b\tB-ANIMAL I-ANIMAL\n").ok());
}

void TestLabelled::tokenTagErrors_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<bool>("withAllowed");
    QTest::addColumn<std::string>("expected");
    QTest::addColumn<std::string>("fixed");
    QTest::newRow("no tab") << std::string("Anna runs O O\n") << false << std::string("n.tsv:1: no tab between the tokens and the tags")
                            << std::string("Anna runs\tO O\n");
    QTest::newRow("second tab") << std::string("Anna runs\tB-PER O\tO\n") << false << std::string("n.tsv:1: a second tab")
                                << std::string("Anna runs\tB-PER O\n");
    QTest::newRow("no tokens") << std::string("   \tO\n") << false << std::string("n.tsv:1: no tokens before the tab")
                               << std::string(" a \tO\n");
    QTest::newRow("no tags") << std::string("Anna\t  \n") << false << std::string("n.tsv:1: no tags after the tab")
                             << std::string("Anna\t B-PER \n");
    QTest::newRow("count mismatch") << std::string("x\tO\nAnna flew to Paris\tB-PER O B-LOC\n") << false
                                    << std::string("n.tsv:2: 4 tokens but 3 tags") << std::string("x\tO\nAnna flew to Paris\tB-PER O O B-LOC\n");
    QTest::newRow("not BIO") << std::string("Anna flew\tB-PER X-LOC\n") << false
                             << std::string("n.tsv:1: token 2 'flew': tag 'X-LOC' is not O, B-TYPE or I-TYPE")
                             << std::string("Anna flew\tB-PER O\n");
    QTest::newRow("prefix without a type") << std::string("Anna\tB-\n") << false
                                           << std::string("n.tsv:1: token 1 'Anna': tag 'B-' is not O, B-TYPE or I-TYPE")
                                           << std::string("Anna\tB-P\n");
    QTest::newRow("I after O") << std::string("in New York\tO O I-LOC\n") << false
                               << std::string("n.tsv:1: token 3 'York': I-LOC does not continue a LOC entity (after O)")
                               << std::string("in New York\tO B-LOC I-LOC\n");
    QTest::newRow("I at the start") << std::string("York\tI-LOC\n") << false
                                    << std::string("n.tsv:1: token 1 'York': I-LOC does not continue a LOC entity (at the start)")
                                    << std::string("York\tB-LOC\n");
    QTest::newRow("I of another type") << std::string("Anna Paris\tB-PER I-LOC\n") << false
                                       << std::string("token 2 'Paris': I-LOC does not continue a LOC entity (after B-PER)")
                                       << std::string("Anna Paris\tB-PER B-LOC\n");
    QTest::newRow("tag not allowed") << std::string("the Louvre\tO B-MISC\n") << true
                                     << std::string("n.tsv:1: token 2 'Louvre': tag 'B-MISC' is not one of O, B-PER, I-PER, B-LOC, I-LOC")
                                     << std::string("the Louvre\tO B-LOC\n");
    QTest::newRow("invalid UTF-8") << std::string("a\tO\n\xC0\x80\tO\n") << false << std::string("n.tsv:2: invalid UTF-8 at byte 0")
                                   << std::string("a\tO\nb\tO\n");
    QTest::newRow("line too long") << std::string(10001 - 2, 'a') + "\tO" << false << std::string("n.tsv:1: a line of 10001 bytes")
                                   << std::string(10000 - 2, 'a') + "\tO";
    QTest::newRow("no sentence") << std::string("# nothing\n") << false << std::string("n.tsv: no sentence")
                                 << std::string("# nothing\na\tO\n");
}

void TestLabelled::tokenTagErrors()
{
    QFETCH(std::string, text);
    QFETCH(bool, withAllowed);
    QFETCH(std::string, expected);
    QFETCH(std::string, fixed);
    const auto tags = bioTagSet({"PER", "LOC"});
    const auto *allowed = withAllowed ? &tags : nullptr;
    const auto s = parseTokenTagTsv(text, "n.tsv", allowed);
    QVERIFY(!s.ok());
    QVERIFY2(contains(s.error(), expected), s.error().c_str());
    const auto good = parseTokenTagTsv(fixed, "n.tsv", allowed);
    QVERIFY2(good.ok(), good.ok() ? "" : good.error().c_str());
}

void TestLabelled::bioEntities_data()
{
    QTest::addColumn<std::vector<std::string>>("tags");
    QTest::addColumn<std::string>("entities"); // TYPE:begin-end, space-separated
    QTest::newRow("none") << words("O O O") << std::string();
    QTest::newRow("one, then a second of the same type") << words("B-PER I-PER B-PER O") << std::string("PER:0-2 PER:2-3");
    QTest::newRow("at the end") << words("O B-LOC I-LOC I-LOC") << std::string("LOC:1-4");
    QTest::newRow("stray I starts one (conlleval)") << words("O I-ORG I-ORG O") << std::string("ORG:1-3");
    QTest::newRow("I of another type starts one") << words("B-PER I-LOC") << std::string("PER:0-1 LOC:1-2");
    QTest::newRow("O closes") << words("B-PER O I-PER") << std::string("PER:0-1 PER:2-3");
    QTest::newRow("unknown tags close") << words("B-PER junk I-PER") << std::string("PER:0-1 PER:2-3");
    QTest::newRow("empty") << std::vector<std::string>() << std::string();
}

void TestLabelled::bioEntities()
{
    QFETCH(std::vector<std::string>, tags);
    QFETCH(std::string, entities);
    std::string got;
    for (const Entity &e : lm::bioEntities(tags))
        got += (got.empty() ? "" : " ") + e.type + ":" + std::to_string(e.begin) + "-" + std::to_string(e.end);
    QCOMPARE(got, entities);
}

void TestLabelled::entityScores()
{
    // Sentence 1: PER right, LOC predicted as ORG. Sentence 2: LOC with the wrong end.
    // Sentence 3: two PER in gold, one found.
    const std::vector<std::vector<std::string>> gold{words("B-PER I-PER O B-LOC"), words("B-LOC O"),
                                                     words("B-PER O B-PER")};
    const std::vector<std::vector<std::string>> pred{words("B-PER I-PER O B-ORG"), words("B-LOC I-LOC"),
                                                     words("B-PER O O")};
    const EntityScores s = entityF1(gold, pred);
    QCOMPARE(s.overall.gold, std::int64_t(2 + 1 + 2));
    QCOMPARE(s.overall.predicted, std::int64_t(2 + 1 + 1));
    QCOMPARE(s.overall.correct, std::int64_t(1 + 0 + 1));
    QCOMPARE(s.overall.precision, 2.0 / 4.0);
    QCOMPARE(s.overall.recall, 2.0 / 5.0);
    QVERIFY(std::abs(s.overall.f1 - 2.0 * 0.5 * 0.4 / (0.5 + 0.4)) < 1e-12);
    QCOMPARE(s.perType.size(), std::size_t(3));
    const PrecisionRecall &per = s.perType.at("PER"), &loc = s.perType.at("LOC"), &org = s.perType.at("ORG");
    QCOMPARE(per.precision, 1.0);
    QCOMPARE(per.recall, 2.0 / 3.0);
    QVERIFY(std::abs(per.f1 - 2.0 * 1.0 * (2.0 / 3.0) / (1.0 + 2.0 / 3.0)) < 1e-12);
    QCOMPARE(loc.gold, std::int64_t(2));
    QCOMPARE(loc.predicted, std::int64_t(1));
    QCOMPARE(loc.f1, 0.0);
    QCOMPARE(org.gold, std::int64_t(0));
    QCOMPARE(org.precision, 0.0);
    QCOMPARE(org.recall, 0.0); // no gold ORG: 0, not a division by zero

    const EntityScores perfect = entityF1(gold, gold);
    QCOMPARE(perfect.overall.f1, 1.0);
    const EntityScores none = entityF1({words("O O")}, {words("O O")});
    QCOMPARE(none.overall.f1, 0.0);
    QVERIFY(none.perType.empty());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, entityF1(gold, {pred[0]}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, entityF1({words("O O")}, {words("O")}));
}

void TestLabelled::confusionMatrix()
{
    ConfusionMatrix m(4); // class 3 never occurs
    const int pairs[][2] = {{0, 0}, {0, 0}, {0, 0}, {0, 1}, {1, 1}, {1, 1}, {1, 2}, {2, 0}};
    for (const auto &p : pairs)
        m.add(p[0], p[1]);
    QCOMPARE(m.total(), std::int64_t(8));
    QCOMPARE(m.count(0, 0), std::int64_t(3));
    QCOMPARE(m.count(2, 0), std::int64_t(1));
    QCOMPARE(m.accuracy(), (3.0 + 2.0 + 0.0) / 8.0);
    QCOMPARE(m.precision(0), 3.0 / (3.0 + 1.0)); // column 0: three right, one from class 2
    QCOMPARE(m.recall(0), 3.0 / (3.0 + 1.0));    // row 0: three right, one taken for class 1
    QCOMPARE(m.f1(0), 0.75);
    QCOMPARE(m.precision(1), 2.0 / (1.0 + 2.0));
    QCOMPARE(m.recall(1), 2.0 / (2.0 + 1.0));
    QCOMPARE(m.precision(2), 0.0);
    QCOMPARE(m.recall(2), 0.0);
    QCOMPARE(m.f1(2), 0.0);
    QCOMPARE(m.precision(3), 0.0);
    QVERIFY(std::abs(m.macroF1() - (0.75 + 2.0 / 3.0 + 0.0) / 3.0) < 1e-12); // class 3 left out
    QCOMPARE(ConfusionMatrix(2).accuracy(), 0.0);
    QCOMPARE(ConfusionMatrix(2).macroF1(), 0.0);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ConfusionMatrix(0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m.add(4, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m.add(0, -1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m.count(-1, 0));
}

void TestLabelled::parsesRetrieval()
{
    const auto set = parseRetrievalTsv("# corpus\nquery\td2\tWhere does the king live?\n"
                                       "doc\td1\tThe queen is young.\n"
                                       "doc\td2\tThe king lives in a castle.\r\n"
                                       "query\td1\tHow old is the queen?\n",
                                       "r.tsv");
    QVERIFY2(set.ok(), set.ok() ? "" : set.error().c_str());
    QCOMPARE(set.value().docIds, (std::vector<std::string>{"d1", "d2"}));
    QCOMPARE(set.value().docs[1], std::string("The king lives in a castle."));
    QCOMPARE(set.value().queries[0], std::string("Where does the king live?"));
    QCOMPARE(set.value().gold, (std::vector<int>{1, 0}));
}

void TestLabelled::retrievalErrors_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("expected");
    QTest::addColumn<std::string>("fixed");
    const std::string ok = "doc\td1\tA.\nquery\td1\tB\n";
    QTest::newRow("two fields") << "doc\td1 A.\n" + ok << std::string("r.tsv:1: 2 fields (expected doc|query<TAB>ID<TAB>TEXT)")
                                << "doc\td0\tA.\n" + ok;
    QTest::newRow("four fields") << ok + "doc\td2\tA\tB\n" << std::string("r.tsv:3: 4 fields") << ok + "doc\td2\tA B\n";
    QTest::newRow("unknown kind") << ok + "answer\td1\tX\n" << std::string("r.tsv:3: kind 'answer' is not doc or query")
                                  << ok + "query\td1\tX\n";
    QTest::newRow("empty id") << ok + "doc\t \tX\n" << std::string("r.tsv:3: empty id") << ok + "doc\td3\tX\n";
    QTest::newRow("empty text") << ok + "query\td1\t\n" << std::string("r.tsv:3: empty text") << ok + "query\td1\tC\n";
    QTest::newRow("duplicate id") << ok + "doc\td1\tAgain.\n" << std::string("r.tsv:3: doc id 'd1' is already used on line 1")
                                  << ok + "doc\td9\tAgain.\n";
    QTest::newRow("unknown doc") << ok + "query\td7\tC\n"
                                 << std::string("r.tsv:3: the query names doc 'd7', which no doc line has")
                                 << ok + "query\td1\tC\n";
    QTest::newRow("no doc") << std::string("query\td1\tB\n") << std::string("r.tsv: no doc line") << ok;
    QTest::newRow("no query") << std::string("doc\td1\tA.\n") << std::string("r.tsv: no query line") << ok;
    QTest::newRow("invalid UTF-8") << ok + "doc\td2\t\xED\xA0\x80\n" << std::string("r.tsv:3: invalid UTF-8 at byte 7")
                                   << ok + "doc\td2\t\xE7\x8E\x8B\n";
    QTest::newRow("line too long") << ok + "doc\td2\t" + std::string(10000, 'x') << std::string("r.tsv:3: a line of 10007 bytes")
                                   << ok + "doc\td2\t" + std::string(10000 - 7, 'x');
}

void TestLabelled::retrievalErrors()
{
    QFETCH(std::string, text);
    QFETCH(std::string, expected);
    QFETCH(std::string, fixed);
    const auto set = parseRetrievalTsv(text, "r.tsv");
    QVERIFY(!set.ok());
    QVERIFY2(contains(set.error(), expected), set.error().c_str());
    const auto good = parseRetrievalTsv(fixed, "r.tsv");
    QVERIFY2(good.ok(), good.ok() ? "" : good.error().c_str());
}

void TestLabelled::recallAndRank()
{
    const std::vector<std::vector<int>> rankings{{2, 0, 1}, {0, 1, 2}, {1, 2}};
    const std::vector<int> gold{0, 0, 0};
    QCOMPARE(recallAtK(rankings, gold, 1), 1.0 / 3.0);
    QCOMPARE(recallAtK(rankings, gold, 2), 2.0 / 3.0);
    QCOMPARE(recallAtK(rankings, gold, 5), 2.0 / 3.0); // the third ranking lacks doc 0
    QVERIFY(std::abs(meanReciprocalRank(rankings, gold) - (1.0 / 2.0 + 1.0 + 0.0) / 3.0) < 1e-12);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, recallAtK(rankings, gold, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, recallAtK(rankings, {0, 0}, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, recallAtK({}, {}, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, meanReciprocalRank(rankings, {0}));
}

void TestLabelled::tfidfWeightsAndRanking()
{
    QCOMPARE(TfIdfIndex::terms("It's 3.5, OK!\n國王。"), words("it s 3 5 ok 國 王"));

    // Two sentences: idf(a) = idf(c) = ln(3/2) + 1, idf(b) = ln(3/3) + 1 = 1.
    TfIdfIndex small;
    small.build({"a b", "B c"});
    QCOMPARE(small.size(), 2);
    QCOMPARE(small.termCount(), 3);
    const double ia = std::log(3.0 / 2.0) + 1.0;
    const auto hits = small.search("A", 5);
    QCOMPARE(hits.size(), std::size_t(2));
    QCOMPARE(hits[0].first, 0);
    QVERIFY(std::abs(hits[0].second - ia / std::sqrt(ia * ia + 1.0)) < 1e-6);
    QCOMPARE(hits[1].first, 1);
    QCOMPARE(hits[1].second, 0.0f);
    const auto v = small.vectorize("b b a zzz"); // counts: a 1, b 2; zzz is not indexed
    QCOMPARE(v.size(), std::size_t(2));
    const double norm = std::sqrt(ia * ia + 4.0);
    QVERIFY(std::abs(v[0].second - ia / norm) < 1e-6);
    QVERIFY(std::abs(v[1].second - 2.0 / norm) < 1e-6);
    QVERIFY(small.vectorize("zzz ?").empty());

    TfIdfIndex index;
    index.build({"The cat sat on the mat.", "Dogs chase the cat.", "The king is old.", "國王很老。", "A dog sleeps."});
    QCOMPARE(index.search("the CAT on the mat!", 1)[0].first, 0);
    QCOMPARE(index.search("a a a cat", 1)[0].first, 4); // "a" is rarer than "cat"
    QCOMPARE(index.search("old king", 1)[0].first, 2);
    QCOMPARE(index.search("國王", 1)[0].first, 3);
    const auto all = index.search("cat", 10);
    QCOMPARE(all.size(), std::size_t(5));
    QCOMPARE(all[0].first, 1); // the shorter sentence: "cat" weighs more in it
    QCOMPARE(all[1].first, 0);
    QCOMPARE(all[2].first, 2); // no shared term: index order
    QCOMPARE(all[4].first, 4);
    QVERIFY(all[0].second > all[1].second && all[1].second > 0.0f);
    QVERIFY(index.search("cat", 0).empty());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, index.search("cat", -1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, index.search("\xFF", 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, index.build({"ok", "\xC0\x80"}));
    QCOMPARE(index.size(), 5); // a failed build leaves the index as it was
    TfIdfIndex empty;
    empty.build({});
    QVERIFY(empty.search("cat", 3).empty());
}

void TestLabelled::builtinTable()
{
    QCOMPARE(builtinDatasets().size(), std::size_t(12));
    const BuiltinDataset *s = findBuiltinDataset("sentiment", "zh_TW");
    QVERIFY(s);
    QCOMPARE(s->name(), std::string("sentiment_zh_TW"));
    QCOMPARE(builtinDatasetFile(*s, DatasetSplit::Test), std::string("sentiment_zh_TW_test.tsv"));
    QCOMPARE(builtinDatasetFile(*findBuiltinDataset("retrieval", "en"), DatasetSplit::Test), std::string("retrieval_en.tsv"));
    QVERIFY(!findBuiltinDataset("sentiment", "fr"));
    QVERIFY(!findBuiltinDataset("parsing", "en"));
    QCOMPARE(findBuiltinDataset("ner", "en")->labels,
             words("B-DATE B-LOC B-ORG B-PER I-DATE I-LOC I-ORG I-PER O"));
    QCOMPARE(builtinDatasets().front().task, std::string("sentiment"));
    QCOMPARE(builtinDatasets().back().task, std::string("summary"));
    QCOMPARE(builtinDatasetFile(*findBuiltinDataset("summary", "zh_TW"), DatasetSplit::Test),
             std::string("summary_zh_TW_test.tsv"));
    QCOMPARE(builtinDatasetFile(*findBuiltinDataset("paraphrase", "zh_TW"), DatasetSplit::Train),
             std::string("paraphrase_zh_TW.tsv"));
}

void TestLabelled::builtinClassification_data()
{
    QTest::addColumn<std::string>("task");
    QTest::addColumn<std::string>("language");
    QTest::addColumn<int>("perLabelTrain");
    QTest::addColumn<int>("perLabelTest");
    for (const char *language : {"en", "zh_TW"}) {
        QTest::addRow("sentiment %s", language) << std::string("sentiment") << std::string(language) << 1500 - 225 << 225;
        QTest::addRow("intent %s", language) << std::string("intent") << std::string(language) << 429 - 64 << 64;
    }
}

void TestLabelled::builtinClassification()
{
    QFETCH(std::string, task);
    QFETCH(std::string, language);
    QFETCH(int, perLabelTrain);
    QFETCH(int, perLabelTest);
    const BuiltinDataset *set = findBuiltinDataset(task, language);
    QVERIFY(set && set->format == DatasetFormat::Classification);
    std::set<std::string> trainKeys;
    for (DatasetSplit split : {DatasetSplit::Train, DatasetSplit::Test}) {
        const auto data = loadLabelledTsv(datasetPath(builtinDatasetFile(*set, split)), &set->labels);
        QVERIFY2(data.ok(), data.ok() ? "" : data.error().c_str());
        QCOMPARE(data.value().labels, set->labels);
        std::map<std::string, int> perLabel;
        std::set<std::string> keys;
        for (const LabelledText &e : data.value().examples) {
            ++perLabel[e.label];
            const std::string key = sentenceKey(e.text);
            QVERIFY2(keys.insert(key).second, ("twice in a split: " + e.text).c_str());
            if (split == DatasetSplit::Test)
                QVERIFY2(!trainKeys.count(key), ("in train and test: " + e.text).c_str());
        }
        if (split == DatasetSplit::Train)
            trainKeys = keys;
        QCOMPARE(perLabel.size(), set->labels.size());
        for (const auto &[label, n] : perLabel)
            QCOMPARE(n, split == DatasetSplit::Train ? perLabelTrain : perLabelTest);
    }
}

void TestLabelled::builtinNer_data()
{
    QTest::addColumn<std::string>("language");
    QTest::newRow("en") << std::string("en");
    QTest::newRow("zh_TW") << std::string("zh_TW");
}

void TestLabelled::builtinNer()
{
    QFETCH(std::string, language);
    const BuiltinDataset *set = findBuiltinDataset("ner", language);
    QVERIFY(set && set->format == DatasetFormat::TokenTags);
    std::set<std::string> trainKeys;
    for (DatasetSplit split : {DatasetSplit::Train, DatasetSplit::Test}) {
        const auto data = loadTokenTagTsv(datasetPath(builtinDatasetFile(*set, split)), &set->labels);
        QVERIFY2(data.ok(), data.ok() ? "" : data.error().c_str());
        QCOMPARE(int(data.value().size()), split == DatasetSplit::Train ? 2550 : 450);
        std::map<std::string, int> types;
        std::set<std::string> keys;
        int withoutEntity = 0;
        for (const TaggedTokens &s : data.value()) {
            std::string key;
            for (const std::string &t : s.tokens) {
                key += t + " ";
                if (language == "en") { // each token a word that the word tokenizer keeps whole
                    QCOMPARE(WordTokenizer::splitWords(t), std::vector<std::string>{t});
                } else { // one character a token
                    std::size_t i = 0;
                    (void)nextCodePoint(t, i);
                    QCOMPARE(i, t.size());
                }
            }
            QVERIFY2(keys.insert(key).second, key.c_str());
            if (split == DatasetSplit::Test)
                QVERIFY2(!trainKeys.count(key), key.c_str());
            const auto entities = lm::bioEntities(s.tags);
            withoutEntity += entities.empty() ? 1 : 0;
            for (const Entity &e : entities)
                ++types[e.type];
        }
        if (split == DatasetSplit::Train)
            trainKeys = keys;
        QCOMPARE(types.size(), std::size_t(4)); // DATE LOC ORG PER, each often
        for (const auto &[type, n] : types)
            QVERIFY2(n > int(data.value().size()) / 10, type.c_str());
        QVERIFY(withoutEntity > 0 && withoutEntity < int(data.value().size()) / 10);
    }
}

void TestLabelled::builtinRetrieval_data()
{
    QTest::addColumn<std::string>("language");
    QTest::newRow("en") << std::string("en");
    QTest::newRow("zh_TW") << std::string("zh_TW");
}

void TestLabelled::builtinRetrieval()
{
    QFETCH(std::string, language);
    const BuiltinDataset *set = findBuiltinDataset("retrieval", language);
    QVERIFY(set && set->format == DatasetFormat::Retrieval);
    const auto data = loadRetrievalTsv(datasetPath(builtinDatasetFile(*set, DatasetSplit::Train)));
    QVERIFY2(data.ok(), data.ok() ? "" : data.error().c_str());
    const RetrievalSet &r = data.value();
    QCOMPARE(r.docs.size(), std::size_t(500));
    QCOMPARE(r.queries.size(), std::size_t(100));
    QCOMPARE(std::set<std::string>(r.docs.begin(), r.docs.end()).size(), r.docs.size());
    for (std::size_t q = 0; q < r.queries.size(); ++q)
        QVERIFY(r.queries[q] != r.docs[static_cast<std::size_t>(r.gold[q])]);
    // The TF-IDF baseline finds the reordered queries but not all paraphrases.
    TfIdfIndex index;
    index.build(r.docs);
    std::vector<std::vector<int>> rankings;
    for (const std::string &q : r.queries) {
        rankings.emplace_back();
        for (const auto &[doc, score] : index.search(q, 10))
            rankings.back().push_back(doc);
    }
    const double r1 = recallAtK(rankings, r.gold, 1), r5 = recallAtK(rankings, r.gold, 5);
    qInfo("TF-IDF on retrieval_%s: recall@1 %.2f, recall@5 %.2f, MRR@10 %.3f", language.c_str(), r1, r5,
          meanReciprocalRank(rankings, r.gold));
    QVERIFY(r1 >= 0.4);  // the 40 reordered queries and some paraphrases
    QVERIFY(r5 <= 0.95); // some paraphrases share too few words
}

void TestLabelled::sentencePairErrors_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("expected");
    QTest::addColumn<std::string>("fixed");
    const std::string ok = "A cat sat.\tThe cat was sitting.\n";
    QTest::newRow("one field") << ok + "just one\n" << std::string("p.tsv:2: 1 fields (expected TEXT<TAB>TEXT)")
                               << ok + "just\tone\n";
    QTest::newRow("three fields") << ok + "a\tb\tc\n" << std::string("p.tsv:2: 3 fields") << ok + "a\tb c\n";
    QTest::newRow("empty first") << ok + " \tb\n" << std::string("p.tsv:2: the first text is empty") << ok + "a\tb\n";
    QTest::newRow("empty second") << "a\t\n" + ok << std::string("p.tsv:1: the second text is empty") << "a\tb\n" + ok;
    QTest::newRow("no pair") << std::string("# only a comment\n\n") << std::string("p.tsv: no sentence pair") << ok;
    QTest::newRow("invalid UTF-8") << ok + "a\t\xED\xA0\x80\n" << std::string("p.tsv:2: invalid UTF-8")
                                   << ok + "a\t\xE7\x8E\x8B\n";
}

void TestLabelled::sentencePairErrors()
{
    QFETCH(std::string, text);
    QFETCH(std::string, expected);
    QFETCH(std::string, fixed);
    const auto pairs = parseSentencePairsTsv(text, "p.tsv");
    QVERIFY(!pairs.ok());
    QVERIFY2(contains(pairs.error(), expected), pairs.error().c_str());
    const auto good = parseSentencePairsTsv(fixed, "p.tsv");
    QVERIFY2(good.ok(), good.ok() ? "" : good.error().c_str());
    QCOMPARE(good.value().back().second.empty(), false);
}

void TestLabelled::builtinParaphrasesAreHeldOut_data()
{
    QTest::addColumn<std::string>("language");
    QTest::newRow("en") << std::string("en");
    QTest::newRow("zh_TW") << std::string("zh_TW");
}

// The contrastive training pairs share no sentence with the retrieval set they are scored on.
void TestLabelled::builtinParaphrasesAreHeldOut()
{
    QFETCH(std::string, language);
    const BuiltinDataset *set = findBuiltinDataset("paraphrase", language);
    QVERIFY(set && set->format == DatasetFormat::SentencePairs);
    const auto pairs = loadSentencePairsTsv(datasetPath(builtinDatasetFile(*set, DatasetSplit::Train)));
    QVERIFY2(pairs.ok(), pairs.ok() ? "" : pairs.error().c_str());
    QCOMPARE(pairs.value().size(), std::size_t(1500));
    const auto retrieval = loadRetrievalTsv(
        datasetPath(builtinDatasetFile(*findBuiltinDataset("retrieval", language), DatasetSplit::Train)));
    QVERIFY(retrieval.ok());
    std::set<std::string> held(retrieval.value().docs.begin(), retrieval.value().docs.end());
    held.insert(retrieval.value().queries.begin(), retrieval.value().queries.end());
    for (const SentencePair &p : pairs.value()) {
        QVERIFY2(!held.count(p.first), p.first.c_str());
        QVERIFY2(!held.count(p.second), p.second.c_str());
        QVERIFY(p.first != p.second);
    }
}

void TestLabelled::textPairs()
{
    const auto pairs = parseTextPairsTsv("\xEF\xBB\xBF# en -> zh\r\nThe cat sleeps. \t 貓在睡覺。\r\n\nA long day.\t漫長的一天。\n",
                                         "t.tsv");
    QVERIFY2(pairs.ok(), pairs.ok() ? "" : pairs.error().c_str());
    QCOMPARE(pairs.value().size(), std::size_t(2));
    QCOMPARE(pairs.value()[0].source, std::string("The cat sleeps."));
    QCOMPARE(pairs.value()[0].target, std::string("貓在睡覺。"));
    QCOMPARE(pairs.value()[1].target, std::string("漫長的一天。"));
    const auto missing = loadTextPairsTsv("/nonexistent/pairs.tsv");
    QVERIFY(!missing.ok());
    QVERIFY2(contains(missing.error(), "/nonexistent/pairs.tsv"), missing.error().c_str());
}

void TestLabelled::textPairErrors_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("expected");
    const std::string ok = "A cat sat.\t一隻貓坐著。\n";
    QTest::newRow("no tab") << ok + "just one\n" << std::string("t.tsv:2: 1 fields (expected SOURCE<TAB>TARGET)");
    QTest::newRow("two tabs") << ok + "a\tb\tc\n" << std::string("t.tsv:2: 3 fields (expected SOURCE<TAB>TARGET)");
    QTest::newRow("empty source") << ok + ok + "  \tb\n" << std::string("t.tsv:3: empty source");
    QTest::newRow("empty target") << "a\t \n" + ok << std::string("t.tsv:1: empty target");
    QTest::newRow("no pair") << std::string("# nothing\n") << std::string("t.tsv: no text pair");
    QTest::newRow("long line") << ok + "a\t" + std::string(10001, 'b') + "\n" << std::string("t.tsv:2: a line of 10003 bytes");
    QTest::newRow("invalid UTF-8") << ok + "a\t\xC3\n" << std::string("t.tsv:2: invalid UTF-8");
}

void TestLabelled::textPairErrors()
{
    QFETCH(std::string, text);
    QFETCH(std::string, expected);
    const auto pairs = parseTextPairsTsv(text, "t.tsv");
    QVERIFY(!pairs.ok());
    QVERIFY2(contains(pairs.error(), expected), pairs.error().c_str());
}

void TestLabelled::builtinSummaries_data()
{
    QTest::addColumn<std::string>("language");
    QTest::newRow("en") << std::string("en");
    QTest::newRow("zh_TW") << std::string("zh_TW");
}

// Passages and their one-line summaries: the test split shares no passage with the training
// split, and every summary is shorter than its passage and not a copy of any of its sentences.
void TestLabelled::builtinSummaries()
{
    QFETCH(std::string, language);
    const BuiltinDataset *set = findBuiltinDataset("summary", language);
    QVERIFY(set && set->format == DatasetFormat::TextPairs);
    const auto train = loadTextPairsTsv(datasetPath(builtinDatasetFile(*set, DatasetSplit::Train)));
    const auto test = loadTextPairsTsv(datasetPath(builtinDatasetFile(*set, DatasetSplit::Test)));
    QVERIFY2(train.ok() && test.ok(), train.ok() ? (test.ok() ? "" : test.error().c_str()) : train.error().c_str());
    QCOMPARE(train.value().size(), std::size_t(2550));
    QCOMPARE(test.value().size(), std::size_t(450));
    std::set<std::string> trainSources;
    for (const TextPair &p : train.value())
        trainSources.insert(p.source);
    for (const TextPair &p : test.value())
        QVERIFY2(!trainSources.count(p.source), p.source.c_str());
    for (const auto *split : {&train.value(), &test.value()})
        for (const TextPair &p : *split) {
            QVERIFY2(p.target.size() * 2 < p.source.size(), p.source.c_str());
            QVERIFY2(p.source.find(p.target) == std::string::npos, p.target.c_str());
        }
}

QTEST_APPLESS_MAIN(TestLabelled)
#include "tst_labelled.moc"
