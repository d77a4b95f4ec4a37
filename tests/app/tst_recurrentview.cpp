// The recurrent-network tab offscreen: an LSTM trained on the language-model tab is traced over a
// text, filling the hidden-state and gate heatmaps and a unit's line; the gradient probe draws
// three curves; the clipping plot shows the run's gradient norms.
#include "appcore/plots/heatmapplot.h"
#include "appcore/plots/lineplot.h"
#include "appcore/window/mainwindow.h"
#include "appcore/views/recurrentview.h"
#include "appcore/views/taggingpage.h"

#include <QtTest>

using State = TrainingController::State;

class TestRecurrentView final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LMScopeTest"));
    }

    void traceAnLstm()
    {
        MainWindow w;
        w.show();
        w.setArchitecture(QStringLiteral("lstm"));
        w.setSteps(30);
        w.startTraining();
        QTRY_COMPARE_WITH_TIMEOUT(w.controller()->state(), State::Finished, 60000);
        RecurrentView *rv = w.recurrentView();
        w.showTab(2);
        Q_EMIT rv->inspectRequested(QStringLiteral("The king"));
        QTRY_VERIFY_WITH_TIMEOUT(rv->hiddenPlot()->cols() == 8, 10000); // one column per character
        QCOMPARE(rv->hiddenPlot()->rows(), 128);                       // the default hidden size
        QVERIFY(rv->backwardHiddenPlot()->isHidden());                 // a language model is one-way
        QCOMPARE(rv->gatePlot()->cols(), 8);
        for (int r = 0; r < rv->gatePlot()->rows(); ++r) // the input gate is a sigmoid
            for (int c = 0; c < 8; ++c)
                QVERIFY(rv->gatePlot()->value(r, c) >= 0.0f && rv->gatePlot()->value(r, c) <= 1.0f);
        rv->showUnit(5);
        QCOMPARE(rv->unitPlot()->seriesCount(), 1);
        QCOMPARE(rv->unitPlot()->seriesY(0).size(), 8);
        // The run's gradient norms, before and after clipping at 1.
        QCOMPARE(rv->clippingPlot()->seriesCount(), 2);
        QCOMPARE(rv->clippingPlot()->seriesY(0).size(), 30);
        for (double v : rv->clippingPlot()->seriesY(1))
            QVERIFY(v <= 1.0 + 1e-9);
    }

    void gradientProbe()
    {
        RecurrentView view;
        view.runGradientProbe();
        QCOMPARE(view.gradientPlot()->seriesCount(), 3);
        const QVector<double> &rnn = view.gradientPlot()->seriesY(0), &lstm = view.gradientPlot()->seriesY(1);
        QCOMPARE(rnn.size(), 100);
        // From the loss back to the first step, the RNN keeps far less than the LSTM.
        QVERIFY(rnn.front() / rnn.back() < 1e-3 * (lstm.front() / lstm.back()));
        QTemporaryDir dir;
        QString error;
        QVERIFY2(view.gradientPlot()->exportTo(dir.filePath(QStringLiteral("g.csv")), &error), qPrintable(error));
    }

    void taggerShowsBothDirections()
    {
        MainWindow w;
        auto *tagging = w.findChild<TaggingPage *>();
        QVERIFY(tagging);
        QSignalSpy done(tagging, &TaggingPage::trainingFinished);
        tagging->startTraining();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 60000);
        QSignalSpy traced(tagging, &TaggingPage::traced);
        tagging->tagSentence(QStringLiteral("the light bag is heavy"));
        QTRY_VERIFY_WITH_TIMEOUT(!traced.isEmpty(), 30000); // tagged on the page's worker thread
        RecurrentView *rv = w.recurrentView();
        QCOMPARE(rv->hiddenPlot()->cols(), 5);
        QVERIFY(!rv->backwardHiddenPlot()->isHidden()); // the tagger reads both ways
        QCOMPARE(rv->backwardHiddenPlot()->cols(), 5);
    }

    void mlpHasNothingToTrace()
    {
        MainWindow w;
        w.setArchitecture(QStringLiteral("mlp"));
        w.setSteps(3);
        w.startTraining();
        QTRY_COMPARE_WITH_TIMEOUT(w.controller()->state(), State::Finished, 30000);
        Q_EMIT w.recurrentView()->inspectRequested(QStringLiteral("The king"));
        QTest::qWait(300);
        QCOMPARE(w.recurrentView()->hiddenPlot()->rows(), 0);
    }
};

QTEST_MAIN(TestRecurrentView)
#include "tst_recurrentview.moc"
