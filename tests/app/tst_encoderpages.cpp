// The Encoders tab's pages: a tiny pre-training run shows a row as the model sees it (picked
// positions with their originals, five guesses each whose probabilities sum to at most 1, the
// pair label) and draws its curves; a tiny fine-tuning run from that encoder and from scratch
// fills the confusion matrix with one count per test example and the test curve; "Why this
// label" gives one salience value per token the model read; a tagger tags every word; Cancel
// ends a long run. Sizes are cut to keep every test to seconds.
#include "appcore/plots/confusionplot.h"
#include "appcore/plots/metricplot.h"
#include "appcore/views/barlist.h"
#include "appcore/views/encodersview.h"
#include "appcore/views/finetunepage.h"
#include "appcore/views/finetuneresults.h"
#include "appcore/views/maskedbatchview.h"
#include "appcore/views/pretrainpage.h"
#include "appcore/views/tokenchips.h"
#include "appcore/views/whylabelpanel.h"
#include "appcore/workers/pretrainworker.h"
#include "models/architecture.h"
#include "text/specialtokens.h"

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

#include <cmath>

namespace {

PretrainRequest tinyPretraining(int steps)
{
    PretrainRequest r;
    for (const lm::Architecture *a : lm::architectures())
        if (a->traits.direction == lm::Direction::Bidirectional && r.arch.isEmpty())
            r.arch = QString::fromStdString(a->name);
    r.corpusSpec = QStringLiteral("builtin:documents_en");
    r.pair = PairObjective::NextSentence;
    // Width 32: every parallel block of an activation starts on a 64-byte boundary (see the report on gelu).
    r.options = {{"dim", 32}, {"layers", 1}, {"heads", 2}};
    r.vocabSize = 400;
    r.train.seq = 32;
    r.train.batch = 8;
    r.train.steps = steps;
    return r;
}

FinetuneRequest tinyFinetuning(const QString &task, int testExamples)
{
    FinetuneRequest r;
    r.task = task;
    r.language = QStringLiteral("en");
    r.train.steps = 10;
    r.train.batch = 8;
    r.train.seq = 32;
    r.evalEvery = 5;
    r.evalExamples = 16;
    r.trainExamples = 64;
    r.testExamples = testExamples;
    return r;
}

// Waits for `signal` of `object` to have been emitted `count` times in all.
template <class Spy>
bool waitFor(Spy &spy, int count = 1, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (spy.count() < count && t.elapsed() < timeoutMs)
        spy.wait(200);
    return spy.count() >= count;
}

} // namespace

class TestEncoderPages final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // One tiny encoder, pre-trained through the page, for the tests that fine-tune.
        m_pretrain = std::make_unique<PretrainPage>();
        m_pretrain->setRequest(tinyPretraining(20));
        QSignalSpy finished(m_pretrain.get(), &PretrainPage::trainingFinished);
        m_pretrain->startTraining();
        QVERIFY(m_pretrain->isTraining());
        QVERIFY(waitFor(finished));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(m_pretrain->encoder().valid());
    }

    void cleanupTestCase() { m_pretrain.reset(); }

    void pagesBuild()
    {
        EncodersView view;
        auto *family = view.pretraining()->findChild<QComboBox *>(QStringLiteral("family"));
        QVERIFY(family);
        QVERIFY(family->count() >= 1);
        for (int i = 0; i < family->count(); ++i) {
            const lm::Architecture *a = lm::findArchitecture(family->itemData(i).toString().toStdString());
            QVERIFY(a);
            QCOMPARE(a->traits.direction, lm::Direction::Bidirectional);
        }
        QVERIFY(!view.finetuning()->baseEncoder().valid());
        // Without an encoder there is nothing to fine-tune.
        for (QPushButton *b : view.finetuning()->findChildren<QPushButton *>())
            if (b->text() == QCoreApplication::translate("FinetunePage", "Fine-tune"))
                QVERIFY(!b->isEnabled());
        // "Use this encoder for fine-tuning" hands the encoder over and brings the page forward.
        view.finetuning()->setBaseEncoder({});
        QSignalSpy chosen(view.pretraining(), &PretrainPage::encoderChosen);
        view.pretraining()->useForFinetuning(); // no encoder yet: nothing happens
        QCOMPARE(chosen.count(), 0);
    }

    void splitWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("english") << QStringLiteral("Anna flew to Paris.")
                                 << QStringList{QStringLiteral("Anna"), QStringLiteral("flew"), QStringLiteral("to"),
                                                QStringLiteral("Paris"), QStringLiteral(".")};
        QTest::newRow("chinese") << QStringLiteral("佐藤 在台南。")
                                 << QStringList{QStringLiteral("佐"), QStringLiteral("藤"), QStringLiteral("在"),
                                                QStringLiteral("台"), QStringLiteral("南"), QStringLiteral("。")};
        QTest::newRow("empty") << QStringLiteral("   ") << QStringList{};
    }
    void splitWords()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, words);
        QCOMPARE(::splitWords(text), words);
    }

    void pretrainingShowsABatchAndCurves()
    {
        PretrainPage &page = *m_pretrain;
        // The run scored the probe batch at step 0, 10 and 20.
        MetricPlot *masked = page.maskedPlot();
        QCOMPARE(masked->seriesCount(), 2); // loss and accuracy
        QCOMPARE(masked->seriesSteps(0), (QVector<double>{0, 10, 20}));
        for (const double v : masked->seriesValues(1))
            QVERIFY(v >= 0.0 && v <= 1.0);
        QCOMPARE(page.pairPlot()->seriesCount(), 2); // NSP accuracy, and the NSP head on SOP pairs
        QCOMPARE(page.pairPlot()->seriesValues(0).size(), 3);
        QCOMPARE(page.pairPlot()->seriesSteps(1), (QVector<double>{0, 10, 20}));
        for (const double v : page.pairPlot()->seriesValues(1))
            QVERIFY(v >= 0.0 && v <= 1.0);
        QVERIFY(masked->toCsv().startsWith(QStringLiteral("series,step,value\n")));

        // A row as the model sees it, with a picked position (a new row until one has one).
        QSignalSpy shown(&page, &PretrainPage::batchShown);
        for (int tries = 0; tries < 10 && page.batchView()->batch().predictions.isEmpty(); ++tries) {
            page.requestBatch();
            QVERIFY(waitFor(shown, tries + 1));
        }
        const MaskedBatch &b = page.batchView()->batch();
        QVERIFY(!b.predictions.isEmpty());
        QVERIFY(b.guessed);
        QCOMPARE(b.pair, PairObjective::NextSentence);
        QVERIFY(b.pairLabel == 0 || b.pairLabel == 1);
        QVERIFY(b.pairFirstProbability >= 0.0 && b.pairFirstProbability <= 1.0);
        QCOMPARE(page.batchView()->chips()->chips().size(), b.tokens.size());
        QCOMPARE(page.batchView()->cardCount(), int(b.predictions.size()));
        QCOMPARE(b.tokens.first().role, TokenRole::Special); // [CLS]
        int segmentB = 0;
        for (const BatchToken &t : b.tokens)
            segmentB += t.segment;
        QVERIFY(segmentB > 0); // the pair's second sentence
        for (const PredictedPosition &p : b.predictions) {
            const BatchToken &t = b.tokens.at(p.position);
            QVERIFY(t.role == TokenRole::Masked || t.role == TokenRole::Replaced || t.role == TokenRole::Kept);
            QVERIFY(!t.original.isEmpty());
            QCOMPARE(p.guesses.size(), 5);
            double sum = 0.0;
            for (int i = 0; i < p.guesses.size(); ++i) {
                QVERIFY(p.guesses[i].probability >= 0.0);
                if (i > 0)
                    QVERIFY(p.guesses[i].probability <= p.guesses[i - 1].probability);
                sum += p.guesses[i].probability;
            }
            QVERIFY2(sum <= 1.0 + 1e-6, qPrintable(QString::number(sum)));
        }
    }

    // The roles come from the inputs and the targets: [MASK] over a target, another token over
    // it, the same token over it, a special token, an ordinary one.
    void describeRowGivesRoles()
    {
        const EncoderHandle &h = m_pretrain->encoder();
        const lm::EncoderSpecials sp = lm::findEncoderSpecials(*h.tokenizer).value();
        std::vector<std::int32_t> ordinary;
        for (std::int32_t id = 0; id < h.tokenizer->vocabSize() && ordinary.size() < 4; ++id)
            if (id != sp.pad && id != sp.unk && id != sp.cls && id != sp.sep && id != sp.mask)
                ordinary.push_back(id);
        const std::int32_t a = ordinary[0], b = ordinary[1], c = ordinary[2], d = ordinary[3];
        const std::int32_t ignore = lm::TokenBatch::kIgnore;
        lm::TokenBatch row;
        row.batch = 1;
        row.time = 7;
        row.inputs = {sp.cls, a, sp.mask, b, d, sp.sep, sp.pad};
        row.targets = {ignore, ignore, c, c, d, ignore, ignore};
        row.tokenTypes = {0, 0, 0, 0, 0, 0, 0};
        row.paddingMask = {1, 1, 1, 1, 1, 1, 0};
        const MaskedBatch m =
            PretrainWorker::describeRow(*h.model, *h.tokenizer, row, PairObjective::None, sp, 3);
        QCOMPARE(m.tokens.size(), 6); // padding left out
        const QList<TokenRole> roles{TokenRole::Special, TokenRole::Ordinary, TokenRole::Masked,
                                     TokenRole::Replaced, TokenRole::Kept, TokenRole::Special};
        for (int i = 0; i < roles.size(); ++i)
            QCOMPARE(m.tokens[i].role, roles[i]);
        QCOMPARE(m.tokens[3].original, QString::fromStdString(h.tokenizer->tokenText(c)));
        QCOMPARE(m.predictions.size(), 3);
        QCOMPARE(m.predictions[0].position, 2);
        QCOMPARE(m.step, 3);
        QCOMPARE(m.pairLabel, -1);
    }

    void finetuningFillsTheConfusionMatrix()
    {
        FinetunePage page;
        page.setBaseEncoder(m_pretrain->encoder());
        QSignalSpy finished(&page, &FinetunePage::trainingFinished);
        const int testSize = 40;
        page.startWith(tinyFinetuning(QStringLiteral("sentiment"), testSize));
        QVERIFY(page.isTraining());
        QVERIFY(waitFor(finished));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        for (const FinetuneRun run : {FinetuneRun::Pretrained, FinetuneRun::Scratch}) {
            QVERIFY(page.result(run).has_value());
            QCOMPARE(page.result(run)->testSize, testSize);
            QCOMPARE(page.result(run)->report.confusion.total(), qint64(testSize));
            QCOMPARE(page.result(run)->stepsDone, 10);
        }
        ConfusionPlot *confusion = page.results()->confusion();
        QCOMPARE(confusion->classes(), 2);
        QCOMPARE(confusion->total(), qint64(testSize));
        QCOMPARE(confusion->toCsv().count(QLatin1Char('\n')), 1 + 2 * 2);
        QCOMPARE(page.results()->classTable()->rowCount(), 2);
        const lm::FinetuneReport &report = page.result(FinetuneRun::Pretrained)->report;
        QCOMPARE(page.results()->wrongTable()->rowCount(), int(report.wrong.size()));
        qint64 wrong = 0;
        for (int g = 0; g < 2; ++g)
            for (int p = 0; p < 2; ++p)
                wrong += g == p ? 0 : confusion->count(g, p);
        QCOMPARE(qint64(report.wrong.size()), wrong);

        // Both runs on one plot: a loss and a test curve each, the test measured at 0, 5 and 10.
        MetricPlot *curves = page.curves();
        QCOMPARE(curves->seriesCount(), 4);
        QCOMPARE(curves->seriesSteps(1), (QVector<double>{0, 5, 10}));
        QCOMPARE(curves->seriesSteps(3), (QVector<double>{0, 5, 10}));
        QVERIFY(!curves->seriesSteps(0).isEmpty());

        // Why this label: one salience value per token, by both methods.
        WhyLabelPanel *why = page.whyLabel();
        QVERIFY(why->hasModel());
        for (const bool integrated : {false, true}) {
            why->setIntegratedGradients(integrated);
            QSignalSpy explained(why, &WhyLabelPanel::explained);
            why->explain(QStringLiteral("The soup was not bad at all."));
            QVERIFY(waitFor(explained));
            const Explanation &e = why->explanation();
            QVERIFY2(e.error.isEmpty(), qPrintable(e.error));
            QCOMPARE(e.integratedGradients, integrated);
            QCOMPARE(e.probabilities.size(), 2);
            QVERIFY(std::abs(e.probabilities[0] + e.probabilities[1] - 1.0) < 1e-5);
            QVERIFY(e.predicted == 0 || e.predicted == 1);
            QVERIFY(e.tokens.size() >= 3); // [CLS] … [SEP]
            QCOMPARE(e.salience.size(), e.tokens.size());
            QCOMPARE(why->tokens()->chips().size(), e.tokens.size());
            QCOMPARE(why->probabilities()->bars().size(), 2);
        }
    }

    void taggingTagsEveryWord()
    {
        FinetunePage page;
        page.setBaseEncoder(m_pretrain->encoder());
        FinetuneRequest r = tinyFinetuning(QStringLiteral("ner"), 12);
        r.fromScratch = false;
        QSignalSpy finished(&page, &FinetunePage::trainingFinished);
        page.startWith(r);
        QVERIFY(waitFor(finished));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(!page.result(FinetuneRun::Scratch).has_value());
        const FinetuneResult &result = *page.result(FinetuneRun::Pretrained);
        QCOMPARE(result.report.kind, lm::FinetuneKind::Tag);
        QCOMPARE(result.testWords.size(), 8);
        for (qsizetype s = 0; s < result.testWords.size(); ++s)
            QCOMPARE(result.testPredictedTags[s].size(), result.testWords[s].size());
        QVERIFY(page.results()->entityTable()->rowCount() >= 1); // at least the overall row

        QSignalSpy explained(page.whyLabel(), &WhyLabelPanel::explained);
        page.whyLabel()->explain(QStringLiteral("Anna flew to Paris on Monday ."));
        QVERIFY(waitFor(explained));
        const Explanation &e = page.whyLabel()->explanation();
        QCOMPARE(e.words.size(), 7);
        QCOMPARE(e.tags.size(), e.words.size());
        QCOMPARE(page.whyLabel()->tokens()->chips().size(), 7);
    }

    void cancelStopsARun()
    {
        PretrainPage page;
        page.setRequest(tinyPretraining(1000000));
        QSignalSpy shown(&page, &PretrainPage::batchShown);
        QSignalSpy finished(&page, &PretrainPage::trainingFinished);
        page.startTraining();
        QVERIFY(waitFor(shown)); // the run is under way (its step-0 row)
        page.cancel();
        QVERIFY(waitFor(finished));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(!page.isTraining());
        QVERIFY(page.encoder().valid()); // the model trained so far is kept

        FinetunePage fine;
        fine.setBaseEncoder(m_pretrain->encoder());
        FinetuneRequest r = tinyFinetuning(QStringLiteral("intent"), 16);
        r.train.steps = 1000000;
        QSignalSpy fineFinished(&fine, &FinetunePage::trainingFinished);
        fine.startWith(r);
        QTRY_VERIFY_WITH_TIMEOUT(fine.curves()->seriesSteps(1).size() >= 1, 30000); // the step-0 test point
        fine.cancel();
        QVERIFY(waitFor(fineFinished));
        QCOMPARE(fineFinished.at(0).at(0).toBool(), false);
        QVERIFY(!fine.isTraining());
        // The run in progress is scored with what it learned; the second never starts.
        QVERIFY(fine.result(FinetuneRun::Pretrained).has_value());
        QVERIFY(fine.result(FinetuneRun::Pretrained)->cancelled);
        QVERIFY(fine.result(FinetuneRun::Pretrained)->stepsDone < 1000000);
        QVERIFY(!fine.result(FinetuneRun::Scratch).has_value());
    }

    // "Pre-train on the task sentences": the pre-training page runs masked words on the task's
    // sentences of the chosen language, and its encoder comes back as the fine-tuning base.
    void taskPretrainingHandsTheEncoderBack()
    {
        EncodersView view;
        view.pretraining()->setRequest(tinyPretraining(10));
        view.finetuning()->findChild<QComboBox *>(QStringLiteral("task"))->setCurrentIndex(0);
        QSignalSpy finished(view.pretraining(), &PretrainPage::trainingFinished);
        view.pretrainForTask(QStringLiteral("zh_TW"), 12);
        QVERIFY(view.pretraining()->isTraining());
        const PretrainRequest running = view.pretraining()->request();
        QCOMPARE(running.corpusSpec, QStringLiteral("builtin:sentences_zh_TW"));
        QCOMPARE(running.pair, PairObjective::None);
        QCOMPARE(running.train.steps, 12);
        // The size at which pre-training on these sentences helps fine-tuning.
        QCOMPARE(running.options["dim"].get<int>(), 128);
        QCOMPARE(running.options["layers"].get<int>(), 4);
        QCOMPARE(running.options["dropout"].get<double>(), 0.1);
        QVERIFY(waitFor(finished));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(view.finetuning()->baseEncoder().valid(), 10000);
        QCOMPARE(view.finetuning()->request().train.steps, 600);
        QCOMPARE(view.finetuning()->request().train.lr, 5e-4f);
        QCOMPARE(view.finetuning()->baseEncoder().model.get(), view.pretraining()->encoder().model.get());

        // The button asks for the fine-tuning page's language and starts the full run.
        EncodersView second;
        second.pretraining()->setRequest(tinyPretraining(10));
        auto *language = second.finetuning()->findChild<QComboBox *>(QStringLiteral("language"));
        QVERIFY(language && language->findData(QStringLiteral("en")) >= 0);
        language->setCurrentIndex(language->findData(QStringLiteral("en")));
        QSignalSpy asked(second.finetuning(), &FinetunePage::taskPretrainingRequested);
        QSignalSpy cancelled(second.pretraining(), &PretrainPage::trainingFinished);
        second.finetuning()->findChild<QPushButton *>(QStringLiteral("pretrainOnTask"))->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0).at(0).toString(), QStringLiteral("en"));
        QCOMPARE(second.pretraining()->request().corpusSpec, QStringLiteral("builtin:sentences_en"));
        QCOMPARE(second.pretraining()->request().train.steps, 1500);
        second.pretraining()->cancel();
        QVERIFY(waitFor(cancelled));
        QCOMPARE(cancelled.at(0).at(0).toBool(), false);
    }

private:
    std::unique_ptr<PretrainPage> m_pretrain;
};

QTEST_MAIN(TestEncoderPages)
#include "tst_encoderpages.moc"
