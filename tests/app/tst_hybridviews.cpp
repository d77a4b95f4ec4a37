// The views of the hybrid families, offscreen:
//  - the Attention tab's "Implicit attention vs a Transformer" trains a Transformer and each
//    state-space family briefly and shows one map per family for the same text: rows summing to 1,
//    nothing above the diagonal (none of them sees the future), the Transformer's map different
//    from the state-space ones';
//  - a Jamba trained on the language-model tab shows, on the Attention tab, its attention layer
//    with heads among state-space layers with one implicit map each; on the recurrent tab, the
//    state of its state-space layers only; on the Experts tab, each token's expert per routing
//    layer and each expert's share over training (shares summing to 1 at every step).
#include "appcore/plots/heatmapplot.h"
#include "appcore/plots/lineplot.h"
#include "appcore/views/attentionview.h"
#include "appcore/views/implicitcomparepage.h"
#include "appcore/views/recurrentview.h"
#include "appcore/views/routingview.h"
#include "appcore/window/mainwindow.h"

#include <QtTest>

#include <cmath>

using State = TrainingController::State;

class TestHybridViews final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LMScopeTest"));
    }

    void implicitAttentionBesideATransformer()
    {
        ImplicitComparePage page;
        page.setCorpusSource([] { return QStringLiteral("builtin:en"); });
        page.setSteps(20);
        const QString text = QStringLiteral("The king is the father of the prince.");
        page.setText(text);
        QCOMPARE(page.modelCount(), 3); // a Transformer, RWKV, Mamba: from the table
        QVERIFY(std::isnan(page.lookBack(0)));
        QSignalSpy done(&page, &ImplicitComparePage::compared);
        page.start();
        QVERIFY(done.wait(300000));
        QCOMPARE(done.front().front().toBool(), true);
        QCOMPARE(page.layerCount(), 2);
        QVERIFY(!page.isImplicit(0));
        const int T = page.map(0)->rows();
        QCOMPARE(T, int(text.size())); // characters
        for (int m = 0; m < page.modelCount(); ++m) {
            QVERIFY2(m == 0 || page.isImplicit(m), qPrintable(page.modelName(m)));
            HeatmapPlot *map = page.map(m);
            QCOMPARE(map->rows(), T);
            QCOMPARE(map->cols(), T);
            QCOMPARE(page.futureWeight(m), 0.0); // causal, every one of them
            for (int r = 0; r < T; ++r) {
                double total = 0;
                for (int s = 0; s < T; ++s)
                    total += map->value(r, s);
                QVERIFY2(std::abs(total - 1.0) < 1e-4, qPrintable(QStringLiteral("%1 row %2: %3").arg(page.modelName(m)).arg(r).arg(total)));
            }
            QVERIFY(page.lookBack(m) > 0.0);
            QVERIFY(std::isfinite(page.trainingLoss(m)));
        }
        // The state-space maps are not the Transformer's: somewhere they weigh a token differently.
        for (int m = 1; m < page.modelCount(); ++m) {
            double largest = 0;
            for (int r = 0; r < T; ++r)
                for (int s = 0; s <= r; ++s)
                    largest = std::max(largest, double(std::abs(page.map(m)->value(r, s) - page.map(0)->value(r, s))));
            QVERIFY2(largest > 0.05, qPrintable(page.modelName(m)));
        }
        page.selectLayer(1); // the second layer's maps replace the first's
        QCOMPARE(page.map(1)->rows(), T);
    }

    void aJambaOnEveryHybridView()
    {
        MainWindow w;
        w.show();
        w.setArchitecture(QStringLiteral("jamba"));
        w.setSteps(6);
        w.startTraining();
        QTRY_COMPARE_WITH_TIMEOUT(w.controller()->state(), State::Finished, 120000);
        RoutingView *rv = w.routingView();
        // Defaults: eight layers, experts every other layer from layer 1, four experts.
        QCOMPARE(rv->routingLayers(), 4);
        QCOMPARE(rv->expertCount(), 4);
        LinePlot *load = rv->loadPlot();
        QCOMPARE(load->seriesCount(), 5); // four experts and the even share
        QCOMPARE(load->seriesY(0).size(), 6);
        for (int step = 0; step < 6; ++step) {
            double total = 0;
            for (int x = 0; x < 4; ++x)
                total += load->seriesY(x)[step];
            QVERIFY(std::abs(total - 1.0) < 1e-4);
        }
        QCOMPARE(rv->balancePlot()->seriesCount(), 1);
        QVERIFY(rv->balancePlot()->seriesY(0).front() > 0.0);

        const QString text = QStringLiteral("The queen");
        Q_EMIT rv->inspectRequested(text);
        AttentionView *av = w.attentionView();
        QTRY_COMPARE_WITH_TIMEOUT(av->layerCount(), 8, 30000);
        QCOMPARE(av->headCount(), 4);
        QVERIFY(!av->isImplicitLayer(4)); // attention every eighth layer, at offset 4
        for (int l : {0, 1, 2, 3, 5, 6, 7})
            QVERIFY(av->isImplicitLayer(l));
        av->selectHead(0, 0); // an implicit map from this model: causal, rows summing to 1
        HeatmapPlot *head = av->headPlot();
        QCOMPARE(head->rows(), 9);
        for (int r = 0; r < 9; ++r) {
            double total = 0;
            for (int s = 0; s < 9; ++s) {
                total += head->value(r, s);
                if (s > r)
                    QCOMPARE(head->value(r, s), 0.0f);
            }
            QVERIFY(std::abs(total - 1.0) < 1e-4);
        }
        QCOMPARE(w.recurrentView()->layerNames(),
                 QStringList({QStringLiteral("layer0"), QStringLiteral("layer1"), QStringLiteral("layer2"),
                              QStringLiteral("layer3"), QStringLiteral("layer5"), QStringLiteral("layer6"),
                              QStringLiteral("layer7")}));
        for (int i = 0; i < 4; ++i) {
            const QVector<int> experts = rv->tokenExperts(i);
            QCOMPARE(experts.size(), 9);
            for (int e : experts)
                QVERIFY(e >= 0 && e < 4);
        }
        QVERIFY(rv->tokenExperts(4).isEmpty());
        QVERIFY(rv->tokenHtml().contains(QStringLiteral("queen")) || rv->tokenHtml().contains(QStringLiteral("q")));

        // A model without experts: the Experts tab says so.
        w.setArchitecture(QStringLiteral("gpt"));
        w.setSteps(2);
        w.resetTraining();
        w.startTraining();
        QTRY_COMPARE_WITH_TIMEOUT(w.controller()->state(), State::Finished, 60000);
        Q_EMIT rv->inspectRequested(text);
        QTRY_VERIFY_WITH_TIMEOUT(rv->tokenHtml().contains(QStringLiteral("no mixture-of-experts")), 30000);
        QVERIFY(rv->tokenExperts(0).isEmpty());
    }
};

QTEST_MAIN(TestHybridViews)
#include "tst_hybridviews.moc"
