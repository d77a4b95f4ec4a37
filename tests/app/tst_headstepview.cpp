// The head stepper offscreen: a tiny untrained GPT is traced over 6 tokens, head 1 of layer 0 is
// stepped through; each step's matrix has the right shape, the mask step greys the future, the
// softmax computed from q and k equals the recorded attention, and the dictionary panel names the
// selected query's top key. LMSCOPE_HEADSTEP_SCREENSHOT=path saves a grab of the widget.
#include "appcore/base/metatypes.h"

#include "appcore/views/headstepview.h"
#include "appcore/plots/heatmapplot.h"

#include "core/rng.h"
#include "core/tape.h"
#include "models/transformer/transformer.h"

#include <QPushButton>
#include <QtTest>

#include <cmath>
#include <memory>

class TestHeadStepView final : public QObject {
    Q_OBJECT

private:
    static std::shared_ptr<const lm::Trace> traceGpt(const std::vector<std::int32_t> &ids, bool withTokens)
    {
        lm::TransformerConfig config;
        config.layout = lm::TransformerLayout::Gpt2;
        config.dim = 16;
        config.heads = 2;
        config.layers = 1;
        config.vocabSize = 20;
        config.maxSeq = 32;
        lm::Rng rng(7);
        auto model = lm::makeTransformer(config, rng);
        auto trace = std::make_shared<lm::Trace>();
        if (withTokens)
            for (std::int32_t id : ids)
                trace->tokens.push_back("t" + std::to_string(id));
        lm::NoGradScope noGrad;
        model->sequenceLogits(ids, trace.get());
        return trace;
    }

private Q_SLOTS:
    void stepsThroughAHead()
    {
        const std::vector<std::int32_t> ids{3, 1, 4, 1, 5, 9};
        const int T = 6, D = 8;
        const auto trace = traceGpt(ids, true);
        QVERIFY(trace->has("layer0.head1.q"));
        QCOMPARE(trace->find("layer0.causal")->at(0, 0), 1.0f);

        HeadStepView view;
        view.resize(1000, 520);
        view.show();
        view.setHead(trace, 0, 1);
        QVERIFY(view.hasHead());
        QCOMPARE(view.stepCount(), 8);
        QCOMPARE(view.step(), 0);
        QCOMPARE(view.query(), T - 1);
        HeatmapPlot *plot = view.plot();

        const int rows[8] = {T, T, T, T, T, T, T, T};
        const int cols[8] = {D, D, D, T, T, T, T, D};
        auto *next = view.findChild<QPushButton *>(QStringLiteral("next"));
        QVERIFY(next);
        for (int s = 0; s < 8; ++s) {
            QCOMPARE(view.step(), s);
            QCOMPARE(plot->rows(), rows[s]);
            QCOMPARE(plot->cols(), cols[s]);
            QVERIFY(!view.explanation().isEmpty());
            if (s == 0) // Q is the recorded q
                QCOMPARE(plot->value(2, 3), trace->find("layer0.head1.q")->at(2, 3));
            if (s == 5)
                for (int i = 0; i < T; ++i)
                    for (int j = 0; j < T; ++j)
                        QCOMPARE(std::isnan(plot->value(i, j)), j > i);
            if (s == 6) {
                const lm::TraceMatrix *recorded = trace->find("layer0.head1.attention");
                QVERIFY(view.recordedPlot()->isVisible());
                for (int i = 0; i < T; ++i) {
                    double total = 0;
                    for (int j = 0; j < T; ++j) {
                        total += plot->value(i, j);
                        QVERIFY2(std::abs(plot->value(i, j) - recorded->at(i, j)) < 1e-5f,
                                 qPrintable(QStringLiteral("(%1, %2)").arg(i).arg(j)));
                        QCOMPARE(view.recordedPlot()->value(i, j), recorded->at(i, j));
                    }
                    QVERIFY(std::abs(total - 1.0) < 1e-5);
                }
                QVERIFY(view.recordedDifference() < 1e-5);
                if (qEnvironmentVariableIsSet("LMSCOPE_HEADSTEP_SCREENSHOT")) {
                    QTest::qWait(200); // the queued replots and layout
                    QVERIFY(view.grab().save(qEnvironmentVariable("LMSCOPE_HEADSTEP_SCREENSHOT")));
                }
            } else {
                QVERIFY(!view.recordedPlot()->isVisible());
            }
            QTest::mouseClick(next, Qt::LeftButton);
        }
        QCOMPARE(view.step(), 7); // Next stops at the last step
        QVERIFY(!next->isEnabled());

        // The analogy panel names the selected query's top key: query 3 ("t1"), causal keys 0..3.
        view.setQuery(3);
        QCOMPARE(view.query(), 3);
        const lm::TraceMatrix *recorded = trace->find("layer0.head1.attention");
        int top = 0;
        for (int j = 1; j < T; ++j)
            if (recorded->at(3, j) > recorded->at(3, top))
                top = j;
        QVERIFY(top <= 3);
        const QString text = view.analogyText();
        QVERIFY(text.contains(QStringLiteral("dict"), Qt::CaseInsensitive));
        QVERIFY2(text.contains(QStringLiteral("1. \u201ct%1\u201d (#%2)").arg(ids[static_cast<std::size_t>(top)]).arg(top)),
                 qPrintable(text));

        view.setStep(-3);
        QCOMPARE(view.step(), 0);
        view.setStep(99);
        QCOMPARE(view.step(), 7);
    }

    void indicesWithoutTokensAndNoInputs()
    {
        HeadStepView view;
        view.setHead(traceGpt({2, 7, 2}, false), 0, 0);
        QVERIFY(view.hasHead());
        view.setQuery(0);
        QVERIFY(view.analogyText().contains(QStringLiteral("1. \u201c#0\u201d (#0)"))); // one key only
        view.setStep(6);
        QVERIFY(view.recordedDifference() < 1e-5);

        auto empty = std::make_shared<lm::Trace>();
        view.setHead(empty, 0, 0);
        QVERIFY(!view.hasHead());
        QCOMPARE(view.step(), 0);
        QCOMPARE(view.plot()->rows(), 0);
        view.setHead(nullptr, 0, 0);
        QCOMPARE(view.query(), -1);
    }
};

QTEST_MAIN(TestHeadStepView)
#include "tst_headstepview.moc"
