// The attention tab offscreen: a GPT trained for a few steps on the language-model tab is traced
// over a text; the overview, the head heatmap (rows sum to 1, nothing above the diagonal), the
// entropies and the token shading are filled.
#include "appcore/views/attentionview.h"
#include "appcore/views/headstepview.h"
#include "appcore/plots/heatmapplot.h"
#include "appcore/window/mainwindow.h"

#include <QtTest>

#include <cmath>

using State = TrainingController::State;

class TestAttentionView final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LMScopeTest"));
    }

    void traceAGpt()
    {
        MainWindow w;
        w.show();
        w.setArchitecture(QStringLiteral("gpt"));
        w.setSteps(10);
        w.startTraining();
        QTRY_COMPARE_WITH_TIMEOUT(w.controller()->state(), State::Finished, 60000);
        w.showTab(3);
        AttentionView *av = w.attentionView();
        Q_EMIT av->inspectRequested(QStringLiteral("The king"));
        QTRY_COMPARE_WITH_TIMEOUT(av->layerCount(), 2, 10000); // the table's default: two layers
        QCOMPARE(av->headCount(), 4);
        HeatmapPlot *head = av->headPlot();
        QCOMPARE(head->rows(), 8);
        QCOMPARE(head->cols(), 8);
        for (int q = 0; q < 8; ++q) {
            double total = 0;
            for (int k = 0; k < 8; ++k) {
                total += head->value(q, k);
                if (k > q)
                    QCOMPARE(head->value(q, k), 0.0f); // the causal mask
            }
            QVERIFY(std::abs(total - 1.0) < 1e-5);
        }
        for (int h = 0; h < 4; ++h) {
            const double e = av->headEntropy(0, h);
            QVERIFY(e >= 0.0 && e <= std::log(8.0) + 1e-9);
        }
        QVERIFY(av->stepView()->hasHead()); // the step-through page follows the chosen head
        av->stepView()->setStep(6);          // softmax: computed from q and k, equal to what was recorded
        QVERIFY(av->stepView()->recordedDifference() < 1e-5);
        av->selectToken(7);
        QVERIFY(av->shadedText().contains(QStringLiteral("<b>g</b>"))); // the last token is marked

        // Generation streams: each new token is traced, so the heatmap grows with the text.
        Q_EMIT av->generateRequested(QStringLiteral("The king"));
        QTRY_VERIFY_WITH_TIMEOUT(head->rows() > 8, 30000);
        {
            // Mid-generation: the newest token is the one chosen, and its row attends back over
            // the prompt (its weights over all earlier tokens sum to 1).
            const int newest = head->rows() - 1;
            QCOMPARE(av->selectedToken(), newest);
            double total = 0;
            for (int k = 0; k < head->cols(); ++k)
                total += head->value(newest, k);
            QVERIFY(std::abs(total - 1.0) < 1e-5);
            double onPrompt = 0;
            for (int k = 0; k < 8; ++k)
                onPrompt += head->value(newest, k);
            QVERIFY(onPrompt > 0.0);
        }
        QTRY_VERIFY_WITH_TIMEOUT(head->rows() >= 8 + 40, 30000);
        QCOMPARE(head->rows(), head->cols());
        QCOMPARE(av->selectedToken(), head->rows() - 1);
        QVERIFY(av->generatedText().startsWith(QStringLiteral("The king")));
        QVERIFY(av->generatedText().size() > 8);
    }

    void recurrentModelHasNoAttention()
    {
        MainWindow w;
        w.setArchitecture(QStringLiteral("gru"));
        w.setSteps(3);
        w.startTraining();
        QTRY_COMPARE_WITH_TIMEOUT(w.controller()->state(), State::Finished, 30000);
        Q_EMIT w.attentionView()->inspectRequested(QStringLiteral("The"));
        QTest::qWait(300);
        QCOMPARE(w.attentionView()->layerCount(), 0);
    }
};

QTEST_MAIN(TestAttentionView)
#include "tst_attentionview.moc"
