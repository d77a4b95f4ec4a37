// The tagging and forecasting pages train on their worker threads: the tagger learns the built-in
// set and tags "book" by its context (on a worker thread too, never the GUI's), the forecaster
// beats the naive last-value forecast and plots truth, forecast and continuation, and Stop (or
// closing the page) ends a long job quickly.
#include "appcore/plots/lineplot.h"
#include "appcore/views/forecastpage.h"
#include "appcore/views/taggingpage.h"

#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

#include <memory>

namespace {
// Screenshots for a human to look at; set LMSCOPE_SCREENSHOTS=dir to keep them.
void saveScreenshot(QWidget &w, const char *name)
{
    const QString dir = qEnvironmentVariable("LMSCOPE_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    w.resize(1100, 560);
    w.show();
    QCoreApplication::processEvents();
    QVERIFY(w.grab().save(dir + QLatin1Char('/') + QLatin1String(name)));
}

// Tags `sentence` on the page and waits for the table to show it: the tags, or empty.
QStringList tagsOf(TaggingPage &page, const QString &sentence)
{
    QSignalSpy tagged(&page, &TaggingPage::sentenceTagged);
    page.tagSentence(sentence);
    if (tagged.isEmpty() && !tagged.wait(30000))
        return {QStringLiteral("(no answer)")};
    return tagged.last().at(1).toStringList();
}
} // namespace

class TestSequenceTaskPages final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tokenize_data()
    {
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<QStringList>("tokens");
        QTest::newRow("spaced") << QStringLiteral("I book a room .")
                                << QStringList{QStringLiteral("I"), QStringLiteral("book"), QStringLiteral("a"),
                                               QStringLiteral("room"), QStringLiteral(".")};
        QTest::newRow("attached punctuation") << QStringLiteral("  can you  fly a kite?!")
                                              << QStringList{QStringLiteral("can"), QStringLiteral("you"), QStringLiteral("fly"),
                                                             QStringLiteral("a"), QStringLiteral("kite"), QStringLiteral("?"),
                                                             QStringLiteral("!")};
        QTest::newRow("empty") << QStringLiteral("   ") << QStringList{};
    }
    void tokenize()
    {
        QFETCH(QString, sentence);
        QFETCH(QStringList, tokens);
        QCOMPARE(TaggingPage::tokenize(sentence), tokens);
    }

    void taggerLearnsFromContext()
    {
        TaggingPage page;
        QCOMPARE(tagsOf(page, QStringLiteral("I book a room")), QStringList()); // no model yet
        TaggingRequest request; // a bidirectional LSTM, as the engine test trains
        request.steps = 300;
        page.setRequest(request);
        QSignalSpy finished(&page, &TaggingPage::trainingFinished);
        page.startTraining();
        QVERIFY(page.isTraining());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(!page.isTraining());
        qInfo("held-out accuracy %.4f", page.accuracy());
        QVERIFY2(page.accuracy() > 0.9, qPrintable(QString::number(page.accuracy())));

        // "book" between a subject and a determiner is a verb; after a determiner it is a noun.
        // With or without the full stop, and with it attached to the last word.
        for (const char *s : {"I book a room", "I book a room .", "I book a room."})
            QCOMPARE(tagsOf(page, QString::fromLatin1(s)).value(1), QStringLiteral("VERB"));
        for (const char *s : {"I read a book", "I read a book .", "I read a book."})
            QCOMPARE(tagsOf(page, QString::fromLatin1(s)).value(3), QStringLiteral("NOUN"));
        // A capital at the start falls back to the known lower-case word.
        QCOMPARE(tagsOf(page, QStringLiteral("The can is empty.")),
                 (QStringList{QStringLiteral("DET"), QStringLiteral("NOUN"), QStringLiteral("AUX"), QStringLiteral("ADJ"),
                              QStringLiteral("PUNCT")}));

        // The table shows words over tags.
        QCOMPARE(tagsOf(page, QStringLiteral("I read a book .")).size(), 5);
        auto *table = page.findChild<QTableWidget *>();
        QVERIFY(table);
        QCOMPARE(table->columnCount(), 5);
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("book"));
        QCOMPARE(table->item(1, 3)->text(), QStringLiteral("NOUN"));
        saveScreenshot(page, "tagging_page.png");
    }

    void forecasterBeatsNaive()
    {
        ForecastPage page;
        ForecastRequest request; // generated: 1200 values, season 24, noise 0.1
        request.steps = 600;
        request.horizon = 48;
        page.setRequest(request);
        QSignalSpy finished(&page, &ForecastPage::trainingFinished);
        page.startTraining();
        QVERIFY(page.isTraining());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 180000);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        qInfo("test RMSE %.4f, naive %.4f; continuation %.4f, flat %.4f", page.testRmse(), page.naiveRmse(),
              page.lastResult().continuationRmse, page.lastResult().flatRmse);
        QVERIFY(page.naiveRmse() > 0.0);
        QVERIFY2(page.testRmse() < page.naiveRmse(),
                 qPrintable(QStringLiteral("%1 vs %2").arg(page.testRmse()).arg(page.naiveRmse())));

        // Truth from one tail length before the held-out fifth (or all of it); the forecast over
        // the held-out fifth; the continuation from the same place for `horizon` values.
        LinePlot *plot = page.plot();
        QCOMPARE(plot->seriesCount(), 3);
        QCOMPARE(plot->seriesY(0).size(), 2 * 1200 / 5);
        saveScreenshot(page, "forecast_page.png");
        page.setShowWholeSeries(true);
        QCOMPARE(plot->seriesCount(), 3);
        QCOMPARE(plot->seriesY(0).size(), 1200);
        QCOMPARE(plot->seriesY(1).size(), 1200 / 5);
        QCOMPARE(plot->seriesY(2).size(), 48);
        QCOMPARE(page.lastResult().trainSize, 1200 - 1200 / 5);

        QTemporaryDir dir;
        QString error;
        const QString path = dir.filePath(QStringLiteral("forecast.csv"));
        QVERIFY2(plot->exportTo(path, &error), qPrintable(error));
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 1200 + 1200 / 5 + 48);
        QCOMPARE(lines[0], QStringLiteral("series,x,y"));
        QVERIFY(lines[1].startsWith(QStringLiteral("truth,0,")));
        QVERIFY(lines[1 + 1200].startsWith(QStringLiteral("one-step forecast,960,")));
        QVERIFY(lines.last().startsWith(QStringLiteral("continuation,1007,")));
        saveScreenshot(page, "forecast_page_whole.png");
    }

    // A one-way tagger has read only "the light" when it tags "light", so it must give it one tag
    // in both sentences; the backward direction sees "bag" or "is" and tells ADJ from NOUN.
    void onlyBidirectionalSeesTheNextWord_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("bidirectional");
        QTest::newRow("rnn one-way") << int(lm::CellKind::Rnn) << false;
        QTest::newRow("rnn bidirectional") << int(lm::CellKind::Rnn) << true;
        QTest::newRow("lstm one-way") << int(lm::CellKind::Lstm) << false;
        QTest::newRow("lstm bidirectional") << int(lm::CellKind::Lstm) << true;
        QTest::newRow("gru one-way") << int(lm::CellKind::Gru) << false;
        QTest::newRow("gru bidirectional") << int(lm::CellKind::Gru) << true;
    }
    void onlyBidirectionalSeesTheNextWord()
    {
        QFETCH(int, kind);
        QFETCH(bool, bidirectional);
        TaggingPage page;
        TaggingRequest request;
        request.kind = static_cast<lm::CellKind>(kind);
        request.bidirectional = bidirectional;
        page.setRequest(request);
        QSignalSpy finished(&page, &TaggingPage::trainingFinished);
        page.startTraining();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QVERIFY2(page.accuracy() > 0.9, qPrintable(QString::number(page.accuracy())));
        const QString adjective = tagsOf(page, QStringLiteral("the light bag is heavy .")).value(1);
        const QString noun = tagsOf(page, QStringLiteral("the light is bright .")).value(1);
        if (bidirectional) {
            QCOMPARE(adjective, QStringLiteral("ADJ"));
            QCOMPARE(noun, QStringLiteral("NOUN"));
        } else {
            QCOMPARE(adjective, noun);
        }
    }

    void stopEndsTagging()
    {
        TaggingPage page;
        TaggingRequest request;
        request.steps = 20000; // minutes if not stopped
        page.setRequest(request);
        QSignalSpy finished(&page, &TaggingPage::trainingFinished);
        page.startTraining();
        QTest::qWait(300);
        page.stopTraining();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(!page.isTraining());
        QVERIFY(page.hasModel()); // the model trained so far is kept
        QCOMPARE(tagsOf(page, QStringLiteral("I book a room .")).size(), 5);
    }

    void taggingDoesNotRunOnTheGuiThread()
    {
        TaggingPage page;
        TaggingRequest request;
        request.steps = 20;
        page.setRequest(request);
        QSignalSpy finished(&page, &TaggingPage::trainingFinished);
        page.startTraining();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);

        // A long sentence: tagSentence returns before the model has run (the answer can only
        // arrive through the event loop), the traced hidden states come with the answer, and
        // only the latest of several requests is shown (not the sentence in the field that
        // onTrained tagged, nor the short one asked just before).
        QString sentence;
        for (int i = 0; i < 2000; ++i)
            sentence += QStringLiteral("I read a book . ");
        QSignalSpy tagged(&page, &TaggingPage::sentenceTagged);
        QSignalSpy traced(&page, &TaggingPage::traced);
        page.tagSentence(QStringLiteral("the light is bright ."));
        page.tagSentence(sentence);
        QCOMPARE(tagged.count(), 0);
        QCOMPARE(traced.count(), 0);
        QVERIFY(tagged.wait(60000));
        QTest::qWait(100); // nothing else follows
        QCOMPARE(tagged.count(), 1);
        QCOMPARE(tagged.at(0).at(1).toStringList().size(), 5 * 2000);
        QCOMPARE(traced.count(), 1);
        const auto trace = traced.at(0).at(0).value<std::shared_ptr<const lm::Trace>>();
        QVERIFY(trace);
        QCOMPARE(int(trace->tokens.size()), 5 * 2000);
    }

    void stopEndsForecasting()
    {
        ForecastPage page;
        ForecastRequest request;
        request.steps = 100000;
        page.setRequest(request);
        QSignalSpy finished(&page, &ForecastPage::trainingFinished);
        page.startTraining();
        QTest::qWait(300);
        page.stopTraining();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(!page.isTraining());
        QVERIFY(page.lastResult().cancelled);
        QCOMPARE(page.plot()->seriesCount(), 3); // what was trained so far is still shown
    }

    void closingWhileTrainingDoesNotHang()
    {
        QElapsedTimer clock;
        clock.start();
        {
            auto tagging = std::make_unique<TaggingPage>();
            auto forecast = std::make_unique<ForecastPage>();
            TaggingRequest t;
            t.steps = 20000;
            tagging->setRequest(t);
            ForecastRequest f;
            f.steps = 100000;
            forecast->setRequest(f);
            tagging->startTraining();
            forecast->startTraining();
            QTest::qWait(200);
        } // the destructors cancel and wait
        // Cancelled, not run to the end (which would take many minutes).
        QVERIFY2(clock.elapsed() < 60000, qPrintable(QString::number(clock.elapsed())));
    }

    void badCsvFails()
    {
        ForecastPage page;
        ForecastRequest request;
        request.csvPath = QStringLiteral("/nonexistent/series.csv");
        page.setRequest(request);
        QSignalSpy finished(&page, &ForecastPage::trainingFinished);
        page.startTraining();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(!page.isTraining());
        QCOMPARE(page.plot()->seriesCount(), 0);
    }
};

QTEST_MAIN(TestSequenceTaskPages)
#include "tst_sequencetaskpages.moc"
