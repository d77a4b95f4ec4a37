// .vec files: round trips, the exact text written, fastText's layout, hostile files that must give
// an error naming the line (never a crash or an allocation the file cannot back), and the
// Embedding Projector's TSV export.
#include "io/vecfile.h"

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace lm;

namespace {
std::string tempPath(const QTemporaryDir &dir, const char *name) { return dir.filePath(QString::fromLatin1(name)).toStdString(); }

void writeBytes(const std::string &path, const QByteArray &bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.constData(), bytes.size());
}

std::string readBytes(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

WordVectors makeVectors(int dim, std::vector<std::string> words, std::vector<float> data)
{
    WordVectors v;
    v.dim = dim;
    v.words = std::move(words);
    v.data = std::move(data);
    return v;
}
} // namespace

Q_DECLARE_METATYPE(std::vector<float>)

class TestVecFile final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<std::vector<float>>("values"); // two words of dim 3
        QTest::newRow("ordinary") << std::vector<float>{0.5f, -1.0f, 0.123456789f, 3.0f, -0.001f, 42.0f};
        QTest::newRow("many digits") << std::vector<float>{1.0f / 3, 2.0f / 3, -7.0f / 9, 1.0000001f, 123456.789f, -9.87654321e-5f};
        QTest::newRow("tiny and huge") << std::vector<float>{1e-30f, -3e38f, 1e-7f, 6.02214e23f, -1e-20f, 0.0f};
        QTest::newRow("zeros") << std::vector<float>{0.0f, -0.0f, 0.0f, 0.0f, 0.0f, 0.0f};
    }
    void roundTrip()
    {
        QFETCH(std::vector<float>, values);
        QTemporaryDir dir;
        const auto path = tempPath(dir, "v.vec");
        const WordVectors v = makeVectors(3, {"the", "naïve"}, values);
        QVERIFY(saveVec(path, v).ok());
        auto loaded = loadVec(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        QCOMPARE(loaded.value().dim, 3);
        QCOMPARE(loaded.value().words, v.words);
        // 6 significant digits: the error is at most half a unit in the 6th digit, 0.5e-5 of
        // the leading digit, so ≤ 5e-6 relative.
        for (std::size_t k = 0; k < values.size(); ++k)
            QVERIFY2(std::abs(loaded.value().data[k] - values[k]) <= 5e-6 * std::abs(values[k]),
                     qPrintable(QStringLiteral("%1 vs %2").arg(loaded.value().data[k]).arg(values[k])));
    }
    void writesSixDigitsText()
    {
        QTemporaryDir dir;
        const auto path = tempPath(dir, "v.vec");
        QVERIFY(saveVec(path, makeVectors(3, {"a", "b"}, {0.5f, -1.0f, 1.0f / 3, 1234567.0f, 1e-7f, 0.0f})).ok());
        QCOMPARE(readBytes(path), std::string("2 3\n"
                                              "a 0.5 -1 0.333333\n"
                                              "b 1.23457e+06 1e-07 0\n"));
    }
    void saveRejectsBadWords_data()
    {
        QTest::addColumn<QString>("word");
        QTest::newRow("space inside") << "new york";
        QTest::newRow("tab inside") << "a\tb";
        QTest::newRow("newline inside") << "a\nb";
        QTest::newRow("empty") << "";
    }
    void saveRejectsBadWords()
    {
        QFETCH(QString, word);
        QTemporaryDir dir;
        const auto path = tempPath(dir, "bad.vec");
        const Status s = saveVec(path, makeVectors(1, {"ok", word.toStdString()}, {1.0f, 2.0f}));
        QVERIFY(!s.ok());
        QVERIFY2(s.error().find("whitespace") != std::string::npos, s.error().c_str());
        QVERIFY(!std::filesystem::exists(path)); // nothing written
    }
    void saveRejectsNonFinite()
    {
        QTemporaryDir dir;
        const Status s = saveVec(tempPath(dir, "nan.vec"), makeVectors(1, {"a"}, {std::nanf("")}));
        QVERIFY(!s.ok());
        QVERIFY2(s.error().find("NaN") != std::string::npos, s.error().c_str());
    }
    void saveThrowsOnWrongShape()
    {
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)saveVec(tempPath(dir, "x.vec"), makeVectors(2, {"a"}, {1.0f})));
    }

    void readsFastTextLayout_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("fastText: trailing space on every line") << QByteArray("3 2 \nthe 0.1 -0.2 \n, 0.3 0.4 \n</s> 5e-3 6 \n");
        QTest::newRow("CRLF line ends") << QByteArray("3 2\r\nthe 0.1 -0.2\r\n, 0.3 0.4\r\n</s> 5e-3 6\r\n");
        QTest::newRow("no final newline") << QByteArray("3 2\nthe 0.1 -0.2\n, 0.3 0.4\n</s> 5e-3 6");
        QTest::newRow("blank lines after the last row") << QByteArray("3 2\nthe 0.1 -0.2\n, 0.3 0.4\n</s> 5e-3 6\n\n\n");
        QTest::newRow("explicit plus signs and tabs") << QByteArray("3 2\nthe\t+0.1 -0.2\n, 0.3\t+0.4\n</s> 5e-3 6.0\n");
    }
    void readsFastTextLayout()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const auto path = tempPath(dir, "ft.vec");
        writeBytes(path, content);
        auto v = loadVec(path);
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().c_str());
        QCOMPARE(v.value().words, (std::vector<std::string>{"the", ",", "</s>"}));
        QCOMPARE(v.value().data, (std::vector<float>{0.1f, -0.2f, 0.3f, 0.4f, 0.005f, 6.0f}));
    }

    void hostileFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expected"); // a piece of the message
        QTest::newRow("empty file") << QByteArray() << 1 << "empty file";
        QTest::newRow("header with one number") << QByteArray("3\nthe 1 2 3\n") << 1 << "two positive integers";
        QTest::newRow("header with words") << QByteArray("three 2\nthe 1 2\n") << 1 << "two positive integers";
        QTest::newRow("header with three numbers") << QByteArray("1 2 3\nthe 1 2\n") << 1 << "two positive integers";
        QTest::newRow("negative count") << QByteArray("-1 2\nthe 1 2\n") << 1 << "two positive integers";
        QTest::newRow("zero dim") << QByteArray("1 0\nthe\n") << 1 << "two positive integers";
        QTest::newRow("count beyond 64 bits") << QByteArray("99999999999999999999 2\nthe 1 2\n") << 1 << "two positive integers";
        QTest::newRow("header promises more rows than the file holds")
            << QByteArray("1000000 300\nthe 1 2\n") << 1 << "more than the file";
        QTest::newRow("count times dim overflows") << QByteArray("4611686018427387904 4611686018427387904\nthe 1\n") << 1
                                                   << "more than the file";
        QTest::newRow("fewer values in a row") << QByteArray("2 3\nalpha 1 2 3\nbeta 1 2\n") << 3 << "expected 3 values, found 2";
        QTest::newRow("more values in a row") << QByteArray("2 3\nalpha 1 2 3 4\nbeta 1 2 3\n") << 2
                                              << "expected 3 values, found 4";
        QTest::newRow("word without values") << QByteArray("2 1\nalpha 1\nbeta\n") << 3 << "expected 1 values, found 0";
        QTest::newRow("not a number") << QByteArray("2 2\nalpha 1 x\nbeta 1 2\n") << 2 << "value 2 is not a number";
        QTest::newRow("number with junk") << QByteArray("2 2\nalpha 1 2\nbeta 1.5.2 2\n") << 3 << "value 1 is not a number";
        QTest::newRow("comma decimal") << QByteArray("2 2\nalpha 1,5 2\nbeta 1 2\n") << 2 << "not a number";
        QTest::newRow("NaN") << QByteArray("2 2\nalpha nan 1\nbeta 1 2\n") << 2 << "NaN or infinite";
        QTest::newRow("infinity") << QByteArray("2 2\nalpha 1 2\nbeta -inf 2\n") << 3 << "NaN or infinite";
        QTest::newRow("float overflow") << QByteArray("2 2\nalpha 1e39 2\nbeta 1 2\n") << 2 << "NaN or infinite";
        QTest::newRow("missing rows") << QByteArray("3 1\nalpha 1\nbeta 2\n") << 4 << "ends after 2 rows";
        QTest::newRow("extra rows") << QByteArray("1 1\nalpha 1\nbeta 2\n") << 3 << "more rows than the header's 1";
        QTest::newRow("duplicate word") << QByteArray("2 1\nalpha 1\nalpha 2\n") << 3 << "duplicate word 'alpha' (first on line 2)";
        QTest::newRow("blank line among rows") << QByteArray("2 1\nalpha 1\n\nbeta 2\n") << 3 << "empty line";
        QTest::newRow("invalid UTF-8 word") << QByteArray("1 1\n\xff\xfe 1\n") << 2 << "invalid UTF-8";
        QTest::newRow("line longer than the cap") << QByteArray("1 1\n" + QByteArray(10000, 'a') + " 1\n") << 2
                                                  << "longer than";
        QTest::newRow("binary garbage") << QByteArray("\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00", 18)
                                        << 1 << "two positive integers";
        QTest::newRow("no newline at all") << QByteArray(100000, 'x') << 1 << "line too long";
    }
    void hostileFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const auto path = tempPath(dir, "f.vec");
        writeBytes(path, content);
        auto v = loadVec(path);
        QVERIFY(!v.ok());
        const std::string where = path + ":" + std::to_string(line) + ": ";
        QVERIFY2(v.error().rfind(where, 0) == 0, v.error().c_str());
        QVERIFY2(v.error().find(expected.toStdString()) != std::string::npos, v.error().c_str());
    }
    void missingFile()
    {
        auto v = loadVec("/nonexistent/dir/none.vec");
        QVERIFY(!v.ok());
        QVERIFY2(v.error().find("none.vec") != std::string::npos, v.error().c_str());
    }

    void projectorTsv_data()
    {
        QTest::addColumn<bool>("withGroups");
        QTest::addColumn<QString>("metadata");
        QTest::newRow("with groups") << true << "word\tgroup\nking\troyalty\nparis\tcapital\n";
        QTest::newRow("without groups: empty column") << false << "word\tgroup\nking\t\nparis\t\n";
    }
    void projectorTsv()
    {
        QFETCH(bool, withGroups);
        QFETCH(QString, metadata);
        QTemporaryDir dir;
        const auto vectorsPath = tempPath(dir, "vectors.tsv");
        const auto metadataPath = tempPath(dir, "metadata.tsv");
        const WordVectors v = makeVectors(3, {"king", "paris"}, {0.5f, -1.0f, 0.25f, 1.0f / 3, 2.0f, -1e-8f});
        const std::vector<std::string> groups = withGroups ? std::vector<std::string>{"royalty", "capital"} : std::vector<std::string>{};
        QVERIFY(saveProjectorTsv(vectorsPath, metadataPath, v, groups).ok());
        QCOMPARE(readBytes(vectorsPath), std::string("0.5\t-1\t0.25\n0.333333\t2\t-1e-08\n"));
        QCOMPARE(readBytes(metadataPath), metadata.toStdString());
    }
    void projectorTsvRejectsTabsAndWrongGroups()
    {
        QTemporaryDir dir;
        const auto a = tempPath(dir, "v.tsv"), b = tempPath(dir, "m.tsv");
        QVERIFY(!saveProjectorTsv(a, b, makeVectors(1, {"a\tb"}, {1.0f})).ok());
        QVERIFY(!saveProjectorTsv(a, b, makeVectors(1, {"a"}, {1.0f}), {"x\ny"}).ok());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)saveProjectorTsv(a, b, makeVectors(1, {"a"}, {1.0f}), {"x", "y"}));
    }
};

QTEST_APPLESS_MAIN(TestVecFile)
#include "tst_vecfile.moc"
