// Cosine neighbours and analogies on small hand-made vector sets whose answers follow from the
// geometry, the questions-words reader, and analogy scoring.
#include "inspect/neighbors.h"

#include <QtTest>

#include <cmath>
#include <fstream>

using namespace lm;

namespace {
WordVectors makeVectors(int dim, std::vector<std::string> words, std::vector<float> data)
{
    WordVectors v;
    v.dim = dim;
    v.words = std::move(words);
    v.data = std::move(data);
    return v;
}

// Compass (dim 2): east (1,0), north (0,1), northeast (2,2), west (−3,0), zero (0,0).
WordVectors compass()
{
    return makeVectors(2, {"east", "north", "northeast", "west", "zero"}, {1, 0, 0, 1, 2, 2, -3, 0, 0, 0});
}

// Royalty (dim 3): axes (person, royal, gender·s) with s = 0.5; every word has norm sqrt(1 + s²),
// so unit(woman) − unit(man) + unit(king) = (0, 1, s)/norm = unit(queen) exactly.
// apple = (1, 1, 0) has the same norm scaled in, as a distractor.
WordVectors royalty()
{
    const float s = 0.5f;
    const float a = std::sqrt((1 + s * s) / 2); // apple = a·(1, 1, 0), same norm
    return makeVectors(3, {"man", "woman", "king", "queen", "apple"},
                       {1, 0, -s, 1, 0, s, 0, 1, -s, 0, 1, s, a, a, 0});
}

std::string wordsOf(const WordVectors &v, const std::vector<Neighbor> &n)
{
    std::string out;
    for (const Neighbor &x : n)
        out += (out.empty() ? "" : " ") + v.words[x.id];
    return out;
}

std::string writeTemp(const QTemporaryDir &dir, const QByteArray &content)
{
    const std::string path = dir.filePath(QStringLiteral("q.txt")).toStdString();
    std::ofstream out(path, std::ios::binary);
    out.write(content.constData(), content.size());
    return path;
}
} // namespace

class TestNeighbors final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void unitRowsAndZeroRows()
    {
        const NormalizedVectors n(compass());
        const WordVectors &u = n.vectors();
        QCOMPARE(u.words, compass().words);
        // northeast (2,2) -> (1/√2, 1/√2); west (−3,0) -> (−1,0); zero stays zero.
        QVERIFY(std::abs(u.row(2)[0] - 1 / std::sqrt(2.0f)) < 1e-6f);
        QCOMPARE(u.row(3)[0], -1.0f);
        QCOMPARE(u.row(4)[0], 0.0f);
        QCOMPARE(u.row(4)[1], 0.0f);
    }

    void nearest_data()
    {
        QTest::addColumn<float>("qx");
        QTest::addColumn<float>("qy");
        QTest::addColumn<int>("k");
        QTest::addColumn<QString>("exclude"); // words
        QTest::addColumn<QString>("expected");
        QTest::addColumn<double>("firstCosine");
        // Query (1, 0.1): cos with east 1/√1.01, northeast 1.1/(√2·√1.01), north 0.1/√1.01,
        // zero 0, west −1/√1.01.
        const double n = std::sqrt(1.01);
        QTest::newRow("top 3") << 1.0f << 0.1f << 3 << "" << "east northeast north" << 1 / n;
        QTest::newRow("length of the query does not matter") << 10.0f << 1.0f << 3 << "" << "east northeast north" << 1 / n;
        QTest::newRow("excluding east") << 1.0f << 0.1f << 3 << "east" << "northeast north zero" << 1.1 / (std::sqrt(2.0) * n);
        QTest::newRow("k above the vocabulary gives all") << 1.0f << 0.1f << 10 << "" << "east northeast north zero west" << 1 / n;
        QTest::newRow("along north, excluding two") << 0.0f << 1.0f << 2 << "north northeast" << "east west" << 0.0; // east, west, zero tie at 0: by id
        QTest::newRow("k 0 gives none") << 1.0f << 0.1f << 0 << "" << "" << 0.0;
    }
    void nearest()
    {
        QFETCH(float, qx);
        QFETCH(float, qy);
        QFETCH(int, k);
        QFETCH(QString, exclude);
        QFETCH(QString, expected);
        QFETCH(double, firstCosine);
        const NormalizedVectors n(compass());
        std::vector<std::int32_t> ex;
        for (const QString &w : exclude.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            ex.push_back(n.vectors().find(w.toStdString()));
        const float q[2] = {qx, qy};
        const auto result = n.nearest(q, k, ex);
        QCOMPARE(wordsOf(n.vectors(), result), expected.toStdString());
        if (!result.empty())
            QVERIFY2(std::abs(result.front().cosine - firstCosine) < 1e-6, qPrintable(QString::number(result.front().cosine)));
        for (std::size_t i = 1; i < result.size(); ++i)
            QVERIFY(result[i - 1].cosine >= result[i].cosine);
    }

    void analogy_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QString>("c");
        QTest::addColumn<QString>("expected");
        // Each follows from the axes: b − a + c lands exactly on the expected word (cosine 1).
        QTest::newRow("man:woman::king:queen") << "man" << "woman" << "king" << "queen";
        QTest::newRow("king:queen::man:woman") << "king" << "queen" << "man" << "woman";
        QTest::newRow("woman:man::queen:king") << "woman" << "man" << "queen" << "king";
        QTest::newRow("man:king::woman:queen") << "man" << "king" << "woman" << "queen";
    }
    void analogy()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QString, c);
        QFETCH(QString, expected);
        const NormalizedVectors n(royalty());
        const WordVectors &u = n.vectors();
        const auto result = n.analogy(u.find(a.toStdString()), u.find(b.toStdString()), u.find(c.toStdString()), 2);
        QCOMPARE(result.size(), std::size_t(2));
        QCOMPARE(u.words[result[0].id], expected.toStdString());
        QVERIFY(std::abs(result[0].cosine - 1.0f) < 1e-6f);
        // The runner-up is the only word left: apple (a, b and c are excluded).
        QCOMPARE(u.words[result[1].id], std::string("apple"));
    }
    void analogyThrowsOnBadIds()
    {
        const NormalizedVectors n(royalty());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)n.analogy(0, 1, 5, 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)n.analogy(-1, 1, 2, 1));
    }

    void loadQuestions()
    {
        QTemporaryDir dir;
        const auto path = writeTemp(dir, ": gender\r\nMan Woman KING queen\r\n\r\nking queen man woman\n: capital-common-countries\n"
                                         "Paris France\tBerlin Germany");
        auto q = loadAnalogyQuestions(path);
        QVERIFY2(q.ok(), q.ok() ? "" : q.error().c_str());
        QCOMPARE(q.value().size(), std::size_t(3));
        const AnalogyQuestion &first = q.value()[0];
        QCOMPARE(first.section, std::string("gender"));
        QCOMPARE(first.a + "|" + first.b + "|" + first.c + "|" + first.expected, std::string("man|woman|king|queen"));
        QCOMPARE(q.value()[2].section, std::string("capital-common-countries"));
        QCOMPARE(q.value()[2].expected, std::string("germany"));
    }
    void questionErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("three words") << QByteArray(": s\na b c d\na b c\n") << 3 << "expected four words \"a b c d\", found 3";
        QTest::newRow("five words") << QByteArray(": s\na b c d e\n") << 2 << "found 5";
        QTest::newRow("section without a name") << QByteArray(":\na b c d\n") << 1 << "without a name";
        QTest::newRow("invalid UTF-8") << QByteArray(": s\na b \xc3\x28 d\n") << 2 << "invalid UTF-8";
        QTest::newRow("line too long") << QByteArray(": s\n" + QByteArray(5000, 'a') + " b c d\n") << 2 << "longer than";
    }
    void questionErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const auto path = writeTemp(dir, content);
        auto q = loadAnalogyQuestions(path);
        QVERIFY(!q.ok());
        QVERIFY2(q.error().rfind(path + ":" + std::to_string(line) + ": ", 0) == 0, q.error().c_str());
        QVERIFY2(q.error().find(expected.toStdString()) != std::string::npos, q.error().c_str());
    }
    void questionFileWithoutQuestions()
    {
        QTemporaryDir dir;
        auto q = loadAnalogyQuestions(writeTemp(dir, ": only a section\n\n"));
        QVERIFY(!q.ok());
        QVERIFY2(q.error().find("no questions") != std::string::npos, q.error().c_str());
        QVERIFY(!loadAnalogyQuestions("/nonexistent/q.txt").ok());
    }

    void scoring()
    {
        const NormalizedVectors n(royalty());
        const std::vector<AnalogyQuestion> questions = {
            {"gender", "man", "woman", "king", "queen"},   // right
            {"gender", "king", "queen", "man", "woman"},   // right
            {"gender", "man", "woman", "king", "apple"},   // wrong: queen comes first
            {"gender", "MAN", "Woman", "queen", "king"},   // case-insensitive match; wrong, see below
            {"gender", "man", "woman", "prince", "princess"}, // skipped: not in the vocabulary
        };
        // Question 4: q ∝ (0, 1, 3s) with s = 0.5: cos with king (0,1,−s) ∝ 1 − 3s² = 0.25,
        // with apple a·(1,1,0) ∝ a·1 ≈ 0.79 -> apple, so the expected "king" is wrong.
        const AnalogyScore score = scoreAnalogies(n, questions);
        QCOMPARE(score.skipped, 1);
        QCOMPARE(score.asked, 4);
        QCOMPARE(score.correct, 2);
        QCOMPARE(score.accuracy(), 2.0 / 4);
    }
};

QTEST_APPLESS_MAIN(TestNeighbors)
#include "tst_neighbors.moc"
