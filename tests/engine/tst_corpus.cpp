// Corpus loading: every kind of bad file gives a one-line error; text is normalised; the
// built-in corpora load.
#include "text/corpus.h"
#include "text/tokenizer.h"

#include <QtTest>

#include <fstream>
#include <string>

Q_DECLARE_METATYPE(std::string)

namespace {

std::string writeFile(const QTemporaryDir &dir, const std::string &name, const std::string &bytes)
{
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
    return path;
}

bool contains(const std::string &haystack, const std::string &needle)
{
    return haystack.find(needle) != std::string::npos;
}

} // namespace

class TestCorpus final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rejectsBadFiles_data();
    void rejectsBadFiles();
    void missingFile();
    void directory();
    void tooLargeCheckedBeforeReading();
    void normalises_data();
    void normalises();
    void builtIn_data();
    void builtIn();
};

void TestCorpus::rejectsBadFiles_data()
{
    QTest::addColumn<std::string>("bytes");
    QTest::addColumn<std::string>("expected");
    QTest::newRow("empty") << std::string() << std::string("is empty");
    QTest::newRow("whitespace only") << std::string(" \n\t\r\n  ") << std::string("is empty");
    QTest::newRow("BOM only") << std::string("\xEF\xBB\xBF") << std::string("is empty");
    QTest::newRow("ideographic spaces only") << std::string("\xE3\x80\x80\n") << std::string("is empty");
    QTest::newRow("binary") << std::string("PK\x03\x04", 4) + std::string(1, '\0') + "rest"
                            << std::string("looks binary: NUL byte at offset " + std::to_string(4));
    QTest::newRow("invalid UTF-8") << std::string("The king\n\xE5\x9C\x8B\xFF") << std::string("invalid UTF-8 at byte offset " + std::to_string(9 + 3));
    QTest::newRow("surrogate") << std::string("ab\xED\xA0\x80") << std::string("invalid UTF-8 at byte offset 2");
}

void TestCorpus::rejectsBadFiles()
{
    QFETCH(std::string, bytes);
    QFETCH(std::string, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = writeFile(dir, "bad.txt", bytes);
    const auto corpus = lm::loadCorpus(path);
    QVERIFY(!corpus.ok());
    QVERIFY2(contains(corpus.error(), expected), corpus.error().c_str());
    QVERIFY2(contains(corpus.error(), path), corpus.error().c_str());
    QVERIFY(!contains(corpus.error(), "\n"));
    // Same verdict for bytes handed over directly.
    const auto direct = lm::corpusFromBytes("pasted", bytes);
    QVERIFY(!direct.ok());
    QVERIFY2(contains(direct.error(), expected), direct.error().c_str());
    QVERIFY2(contains(direct.error(), "'pasted'"), direct.error().c_str());
}

void TestCorpus::missingFile()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("nope.txt")).toStdString();
    const auto corpus = lm::loadCorpus(path);
    QVERIFY(!corpus.ok());
    QVERIFY2(contains(corpus.error(), "cannot open corpus '" + path + "'"), corpus.error().c_str());
}

void TestCorpus::directory()
{
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString();
    const auto corpus = lm::loadCorpus(path);
    QVERIFY(!corpus.ok());
    QVERIFY2(contains(corpus.error(), "is a directory"), corpus.error().c_str());
}

void TestCorpus::tooLargeCheckedBeforeReading()
{
    QTemporaryDir dir;
    // Invalid UTF-8 at offset 0: if the size were not checked first, that would be the error.
    const std::string path = writeFile(dir, "big.txt", std::string(100, '\xFF'));
    const auto corpus = lm::loadCorpus(path, 64);
    QVERIFY(!corpus.ok());
    QVERIFY2(contains(corpus.error(), "is 100 bytes, more than the limit of 64 bytes"), corpus.error().c_str());
    QVERIFY(lm::loadCorpus(writeFile(dir, "fits.txt", std::string(64, 'a')), 64).ok());
    QVERIFY(!lm::corpusFromBytes("big", std::string(65, 'a'), 64).ok());
}

void TestCorpus::normalises_data()
{
    QTest::addColumn<std::string>("bytes");
    QTest::addColumn<std::string>("text");
    QTest::newRow("plain") << std::string("a\nb\n") << std::string("a\nb\n");
    QTest::newRow("BOM stripped") << std::string("\xEF\xBB\xBF國王\n") << std::string("國王\n");
    QTest::newRow("CRLF") << std::string("a\r\nb\r\n") << std::string("a\nb\n");
    QTest::newRow("lone CR") << std::string("a\rb\r") << std::string("a\nb\n");
    QTest::newRow("CR CR LF") << std::string("a\r\r\nb") << std::string("a\n\nb");
    QTest::newRow("BOM and CRLF") << std::string("\xEF\xBB\xBFking\r\nqueen") << std::string("king\nqueen");
    QTest::newRow("BOM only at start") << std::string("a\xEF\xBB\xBF") << std::string("a\xEF\xBB\xBF");
}

void TestCorpus::normalises()
{
    QFETCH(std::string, bytes);
    QFETCH(std::string, text);
    QTemporaryDir dir;
    const auto corpus = lm::loadCorpus(writeFile(dir, "ok.txt", bytes));
    QVERIFY2(corpus.ok(), corpus.ok() ? "" : corpus.error().c_str());
    QCOMPARE(corpus.value().text, text);
    QCOMPARE(corpus.value().name, std::string("ok.txt"));
    QCOMPARE(corpus.value().sourceBytes, std::int64_t(bytes.size()));
}

void TestCorpus::builtIn_data()
{
    QTest::addColumn<std::string>("file");
    QTest::addColumn<std::string>("mustContain");
    QTest::newRow("en") << std::string("en.txt") << std::string("Paris is the capital of France.\n");
    QTest::newRow("zh_TW") << std::string("zh_TW.txt") << std::string("巴黎");
}

void TestCorpus::builtIn()
{
    QFETCH(std::string, file);
    QFETCH(std::string, mustContain);
    const auto corpus = lm::loadCorpus(std::string(LMSCOPE_SOURCE_DIR "/resources/corpora/") + file);
    QVERIFY2(corpus.ok(), corpus.ok() ? "" : corpus.error().c_str());
    const std::string &text = corpus.value().text;
    QVERIFY(std::count(text.begin(), text.end(), '\n') >= 3000);
    QVERIFY(text.size() < 300u * 1024);
    QVERIFY2(contains(text, mustContain), mustContain.c_str());
    // Written in the form the word tokenizer reproduces exactly.
    const auto word = lm::buildTokenizer("word", text, {});
    QVERIFY(word.ok());
    QVERIFY(word.value()->decode(word.value()->encode(text)) == text);
}

QTEST_APPLESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
