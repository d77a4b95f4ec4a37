// The Translation tab training a small encoder–decoder for a chosen built-in task: the pre-trained
// model's held-out chrF curve beside the same model's from scratch, both scores in the status line,
// the source box and its button following the task, and the alignment figure's export. The model
// is tiny and barely trained (the plumbing, not the quality).
#include "appcore/plots/metricplot.h"
#include "appcore/views/translationview.h"
#include "appcore/workers/translationworker.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

class TestTranslationView final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void trainsAgainstScratchForTheChosenTask();
};

void TestTranslationView::trainsAgainstScratchForTheChosenTask()
{
    TranslationView view;
    QPushButton *go = nullptr;
    for (QPushButton *b : view.findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Translate"))
            go = b;
    QVERIFY(go);
    auto *source = view.findChild<QLineEdit *>();
    QVERIFY(source);
    QCOMPARE(source->placeholderText(), QStringLiteral("A sentence to translate"));

    TranslatorRequest r;
    r.task = QStringLiteral("summarize-en");
    r.dim = 16;
    r.layers = 1;
    r.heads = 2;
    r.pretrainSteps = 3;
    r.finetuneSteps = 4;
    r.evalEvery = 2;
    r.batch = 4;
    r.seq = 48;
    r.vocabSize = 300;
    view.setTask(r.task);
    QSignalSpy ready(&view, &TranslationView::ready);
    view.trainTranslator(r);
    QVERIFY(ready.wait(600'000));
    QCOMPARE(ready.takeFirst().at(0).toBool(), true);
    QVERIFY(view.hasModel());

    // Both runs drew their curve: steps 2 and 4 of each.
    auto *curve = view.findChild<MetricPlot *>();
    QVERIFY(curve);
    QCOMPARE(curve->seriesCount(), 2);
    QCOMPARE(curve->seriesSteps(0), QVector<double>({2.0, 4.0}));
    QCOMPARE(curve->seriesSteps(1), QVector<double>({2.0, 4.0}));
    QCOMPARE(curve->seriesName(1), QStringLiteral("from scratch"));
    bool scored = false;
    for (QLabel *l : view.findChildren<QLabel *>())
        scored = scored || l->text().contains(QStringLiteral("the same model from scratch"));
    QVERIFY(scored);

    // A model trained for summaries summarises.
    QCOMPARE(go->text(), QStringLiteral("Summarise"));
    QCOMPARE(source->placeholderText(), QStringLiteral("A passage to summarise"));
    QVERIFY(!source->text().isEmpty()); // a held-out passage to start from
    QSignalSpy translated(&view, &TranslationView::translated);
    view.translate();
    QVERIFY(translated.wait(120'000));
    QCOMPARE(translated.takeFirst().at(0).toBool(), true);
}

QTEST_MAIN(TestTranslationView)
#include "tst_translationview.moc"
