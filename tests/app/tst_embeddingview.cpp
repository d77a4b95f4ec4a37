// The word-vector view under the offscreen platform: training fills the plot with live
// snapshots, the projection follows, and the side panels answer from the trained vectors.
#include "appcore/plots/embeddingplot.h"
#include "appcore/views/embeddingview.h"

#include <QtTest>

class TestEmbeddingView final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void trainProjectAndAsk()
    {
        EmbeddingView view;
        view.resize(1200, 700);
        view.show();
        EmbeddingRequest r;
        r.corpusSpec = QStringLiteral("builtin:en");
        r.method = QStringLiteral("skipgram");
        r.dim = 30;
        r.epochs = 3;
        r.minCount = 3;
        r.threads = 2;
        view.setRequest(r);
        QSignalSpy trained(&view, &EmbeddingView::trainingFinished);
        QSignalSpy projected(&view, &EmbeddingView::projectionFinished);
        view.startTraining();
        QVERIFY(view.isTraining());
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 60000);
        QCOMPARE(trained.front().front().toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(projected.size(), 1, 30000);
        QVERIFY(view.hasVectors());
        QCOMPARE(view.plot()->pointCount(), 300); // the default number of words shown
        QVERIFY(view.plot()->words().contains(QStringLiteral("king")));

        view.selectWord(QStringLiteral("paris"));
        const QStringList near = view.neighborList();
        QCOMPARE(near.size(), 12);
        QVERIFY(!near.contains(QStringLiteral("paris")));

        view.solveAnalogy(QStringLiteral("man"), QStringLiteral("king"), QStringLiteral("woman"));
        const QStringList answers = view.analogyAnswers();
        QVERIFY(!answers.isEmpty());
        QVERIFY(!answers.contains(QStringLiteral("king")) && !answers.contains(QStringLiteral("woman")));

        view.compareContexts();
        QVERIFY2(view.contextFreeText().contains(QStringLiteral("1.000")), qPrintable(view.contextFreeText()));

        QTemporaryDir dir;
        QString error;
        QVERIFY2(view.plot()->exportTo(dir.filePath(QStringLiteral("words.csv")), &error), qPrintable(error));
        QFile csv(dir.filePath(QStringLiteral("words.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList rows = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 1 + 300);
        QCOMPARE(rows.front(), QStringLiteral("word,group,x,y"));
        QVERIFY2(view.plot()->exportTo(dir.filePath(QStringLiteral("words.png")), &error), qPrintable(error));
    }

    void tsneIn3D()
    {
        EmbeddingPlot plot;
        QStringList words;
        QVector<float> points;
        for (int i = 0; i < 20; ++i) {
            words << QStringLiteral("w%1").arg(i);
            points << float(i) << float(i % 3) << float(i % 5);
        }
        plot.setPoints(words, points, 3);
        plot.setRotation(0, 0); // looking along z: the screen shows (x, y)
        QTemporaryDir dir;
        QString error;
        QVERIFY(plot.exportTo(dir.filePath(QStringLiteral("p.png")), &error));
        QCOMPARE(plot.screenPosition(7), QPointF(7, 1));
        plot.setRotation(90, 0); // a quarter turn: x comes from z
        QVERIFY(plot.exportTo(dir.filePath(QStringLiteral("p.png")), &error));
        QVERIFY(std::abs(plot.screenPosition(7).x() - 2.0) < 1e-5);
    }

    void stopTrainingEarly()
    {
        EmbeddingView view;
        EmbeddingRequest r;
        r.method = QStringLiteral("cbow");
        r.epochs = 400; // long enough to be stopped
        view.setRequest(r);
        QSignalSpy trained(&view, &EmbeddingView::trainingFinished);
        view.startTraining();
        QTest::qWait(300);
        view.stopTraining();
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 5000);
        QCOMPARE(trained.front().front().toBool(), false);
        QVERIFY(!view.isTraining());
    }
};

QTEST_MAIN(TestEmbeddingView)
#include "tst_embeddingview.moc"
