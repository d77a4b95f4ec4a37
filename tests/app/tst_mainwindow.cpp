// The GUI under the offscreen platform: training runs on the worker thread and fills the loss
// plot while the window stays live; pause, step, resume and cancel work; the plot exports to
// valid PNG, SVG, PDF and CSV.
#include "appcore/base/application.h"
#include "appcore/views/attentionview.h"
#include "appcore/views/embeddingview.h"
#include "appcore/views/forecastpage.h"
#include "appcore/views/recurrentview.h"
#include "appcore/views/taggingpage.h"
#include "appcore/lessons/lessonpanel.h"
#include "appcore/plots/heatmapplot.h"
#include "appcore/plots/lineplot.h"
#include "appcore/plots/lossplot.h"
#include "appcore/window/mainwindow.h"

#include <QtTest>
#include <QSvgRenderer>
#include <QDirIterator>
#include <QDockWidget>
#include <QTableWidget>

namespace {

// The lesson whose id contains `part`, opened in `w`'s lesson panel; -1 when there is none.
int openLesson(MainWindow &w, const char *part)
{
    LessonPanel *panel = w.lessonPanel();
    for (int l = 0; l < panel->lessonCount(); ++l)
        if (panel->lesson(l).id.find(part) != std::string::npos) {
            panel->openLesson(l);
            return l;
        }
    return -1;
}

// The first step of the open lesson with an action of `kind`; -1 when there is none.
int firstStepDoing(const Lesson &lesson, const char *kind)
{
    for (std::size_t s = 0; s < lesson.steps.size(); ++s)
        for (const LessonAction &a : lesson.steps[s].actions)
            if (a.kind == kind)
                return static_cast<int>(s);
    return -1;
}

// Runs step `step` of the open lesson (and the ones before it that it builds on) to the end.
bool runLessonStep(MainWindow &w, int step)
{
    LessonPanel *panel = w.lessonPanel();
    panel->goToStep(step);
    panel->runStep();
    if (!QTest::qWaitFor([panel] { return !panel->isRunning(); }, 180000))
        return false;
    QTest::qWait(100); // the views take the results in the same turn; let the projection finish too
    return panel->lastRunPassed();
}

} // namespace

using State = TrainingController::State;

class TestMainWindow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a throw-away place
        QCoreApplication::setOrganizationName(QStringLiteral("LMScopeTest"));
    }

    void trainPauseStepResumeCancel()
    {
        MainWindow w;
        w.show();
        w.setSteps(100000); // far more than the test waits for
        TrainingController *c = w.controller();
        w.startTraining();
        QTRY_VERIFY_WITH_TIMEOUT(w.lossPlot()->pointCount() >= 20, 20000);
        QCOMPARE(c->state(), State::Running);
        // The GUI thread is free while the worker trains: a zero timer fires promptly.
        bool fired = false;
        QTimer::singleShot(0, this, [&] { fired = true; });
        QTRY_VERIFY_WITH_TIMEOUT(fired, 1000); // a generous bound: it also runs under sanitizers

        w.pauseTraining();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Paused, 5000);
        QTest::qWait(100);
        const int paused = w.lossPlot()->pointCount();
        w.stepTraining();
        QTRY_COMPARE_WITH_TIMEOUT(w.lossPlot()->pointCount(), paused + 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Paused, 5000);

        w.startTraining(); // resume
        QTRY_VERIFY_WITH_TIMEOUT(w.lossPlot()->pointCount() > paused + 10, 20000);
        c->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Idle, 5000);
        QTest::qWait(100);
        const int stoppedAt = w.lossPlot()->pointCount();
        QTest::qWait(300);
        QCOMPARE(w.lossPlot()->pointCount(), stoppedAt); // nothing arrives after the cancel
        QVERIFY(stoppedAt < 100000);
        QVERIFY(w.logText().contains(QStringLiteral("Cancelled")));

        // Steps are numbered 1, 2, 3, … without gaps across pause/step/resume.
        const auto &steps = w.lossPlot()->steps();
        for (int i = 0; i < steps.size(); ++i)
            QCOMPARE(steps[i], double(i + 1));
    }

    void trainToTheEndAndExport()
    {
        MainWindow w;
        w.show();
        w.setSteps(60);
        w.startTraining();
        QTRY_COMPARE_WITH_TIMEOUT(w.controller()->state(), State::Finished, 30000);
        QCOMPARE(w.lossPlot()->pointCount(), 60);
        const auto &losses = w.lossPlot()->losses();
        QVERIFY2(losses.back() < losses.front() - 1.0, "the loss should fall by more than 1 nat in 60 steps");
        QTRY_VERIFY_WITH_TIMEOUT(w.logText().contains(QStringLiteral("The model writes:")), 10000);

        QTemporaryDir dir;
        QString error;
        PlotView::ExportOptions opts;
        opts.width = 500;
        opts.height = 300;
        for (const char *name : {"loss.png", "loss.svg", "loss.pdf", "loss.csv"})
            QVERIFY2(w.lossPlot()->exportTo(dir.filePath(QString::fromLatin1(name)), opts, &error), qPrintable(error));
        QCOMPARE(QImage(dir.filePath(QStringLiteral("loss.png"))).size(), QSize(500, 300));
        QVERIFY(QSvgRenderer(dir.filePath(QStringLiteral("loss.svg"))).isValid());
        QFile pdf(dir.filePath(QStringLiteral("loss.pdf")));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray pdfBytes = pdf.readAll();
        QVERIFY(pdfBytes.startsWith("%PDF-") && pdfBytes.contains("%%EOF"));
        QFile csv(dir.filePath(QStringLiteral("loss.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList rows = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 1 + 60);
        QCOMPARE(rows.front(), QStringLiteral("step,loss,smoothed"));
        QVERIFY(rows[1].startsWith(QStringLiteral("1,")));
    }

    void samplesStreamTokenByToken()
    {
        MainWindow w;
        w.show();
        w.setArchitecture(QStringLiteral("gpt"));
        w.setSteps(5);
        QSignalSpy automatic(w.controller(), &TrainingController::sampled);
        w.startTraining();
        QTRY_COMPARE_WITH_TIMEOUT(w.controller()->state(), State::Finished, 60000);
        // The window lets the model write once when training finishes; that sample comes first.
        QTRY_COMPARE_WITH_TIMEOUT(automatic.count(), 1, 30000);
        QSignalSpy streamed(w.controller(), &TrainingController::generating);
        QSignalSpy done(w.controller(), &TrainingController::sampled);
        w.sampleText();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        // One update per token (80 asked), each extending the text before it; the label shows
        // the text as it grows, and ends with the whole sample.
        QVERIFY2(streamed.count() >= 40, qPrintable(QString::number(streamed.count())));
        for (int i = 1; i < streamed.count(); ++i) {
            const QString before = streamed.at(i - 1).at(0).toString();
            const QString now = streamed.at(i).at(0).toString();
            QVERIFY(now.size() >= before.size());
        }
        QVERIFY(streamed.first().at(0).toString().startsWith(QStringLiteral("The king")));
        QCOMPARE(w.generatedText(), streamed.last().at(0).toString());
        QCOMPARE(done.first().at(0).toString(), streamed.last().at(0).toString());
    }

    void languageSwitchTakesEffectAtOnce()
    {
        MainWindow w;
        QSignalSpy asked(&w, &MainWindow::languageChangeRequested);
        QAction *chinese = nullptr;
        for (QAction *a : w.findChildren<QAction *>())
            if (a->text() == QStringLiteral("繁體中文"))
                chinese = a;
        QVERIFY(chinese);
        chinese->trigger();
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.first().at(0).toString(), QStringLiteral("zh_TW"));
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_TW"));
        // What the application does with it: new translators, and a window built in Chinese.
        applyLanguage(*QCoreApplication::instance(), QStringLiteral("zh_TW"));
        {
            MainWindow rebuilt;
            QVERIFY2(rebuilt.windowTitle().contains(QStringLiteral("語言模型")), qPrintable(rebuilt.windowTitle()));
            QCOMPARE(currentLanguage(), QStringLiteral("zh_TW"));
        }
        applyLanguage(*QCoreApplication::instance(), QStringLiteral("en"));
        MainWindow english;
        QVERIFY(english.windowTitle().startsWith(QStringLiteral("LMScope — a lab")));
        QSettings().remove(QStringLiteral("ui/language"));
    }

    void lessonStepsShowInTheViews()
    {
        MainWindow w;
        w.show();
        LessonPanel *panel = w.lessonPanel();
        int attention = -1;
        for (int l = 0; l < panel->lessonCount(); ++l)
            if (panel->lesson(l).id.find("attention") != std::string::npos)
                attention = l;
        QVERIFY(attention >= 0);
        panel->openLesson(attention);
        // The first step that traces a text: run it (and the steps before it).
        const Lesson &lesson = panel->lesson(attention);
        int traced = -1;
        for (std::size_t s = 0; s < lesson.steps.size() && traced < 0; ++s)
            for (const LessonAction &a : lesson.steps[s].actions)
                if (a.kind == "trace")
                    traced = static_cast<int>(s);
        QVERIFY(traced >= 0);
        panel->goToStep(traced);
        QSignalSpy live(panel, &LessonPanel::trainingProgress);
        panel->runStep();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 120000);
        QVERIFY(!live.isEmpty()); // the curve grew while the lesson trained
        QVERIFY(panel->lastRunPassed());
        QVERIFY(w.lossPlot()->pointCount() > 0);           // the curve of the model the lesson trained
        QVERIFY(w.attentionView()->layerCount() > 0);      // its traced attention
        QCOMPARE(w.currentTab(), 3);
    }

    // What a lesson step computes shows in the view it opens (issue 13, part 5): the forecast, the
    // tagger's output and the gradient probe on the Recurrent tab's pages, each page in front.
    void lessonResultsReachTheRecurrentPages()
    {
        MainWindow w;
        w.show();
        const int l = openLesson(w, "sequences");
        QVERIFY(l >= 0);
        const Lesson &lesson = w.lessonPanel()->lesson(l);
        auto *forecast = w.recurrentView()->findChild<ForecastPage *>();
        auto *tagging = w.recurrentView()->findChild<TaggingPage *>();
        QVERIFY(forecast && tagging);

        QVERIFY(runLessonStep(w, firstStepDoing(lesson, "forecast")));
        QCOMPARE(w.currentTab(), 2);
        QVERIFY(forecast->isVisible());
        QCOMPARE(forecast->lastResult().series.size(), 1200);
        QVERIFY(forecast->lastResult().testRmse < forecast->lastResult().naiveTestRmse); // what the check measured
        QCOMPARE(forecast->plot()->seriesCount(), 3); // truth, one-step forecast, continuation

        // A highlight inside a page brings the page forward: the gates of the LSTM the step traced.
        int gates = -1;
        for (std::size_t s = 0; s < lesson.steps.size() && gates < 0; ++s)
            for (const LessonAction &a : lesson.steps[s].actions)
                if (a.kind == "highlight" && a.args["region"] == "gates")
                    gates = static_cast<int>(s);
        QVERIFY(gates > 0);
        QVERIFY(runLessonStep(w, gates));
        QVERIFY(w.recurrentView()->gatePlot()->isVisible());
        QVERIFY(!w.recurrentView()->hiddenPlot()->isVisible());

        QVERIFY(runLessonStep(w, firstStepDoing(lesson, "tag")));
        QVERIFY(tagging->isVisible());
        auto *table = tagging->findChild<QTableWidget *>();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 8); // four sentences: words and tags
        QCOMPARE(table->item(4, 1)->text(), QStringLiteral("light"));
        QVERIFY(!table->item(5, 1)->text().isEmpty()); // the tag the lesson's tagger gave it

        QVERIFY(runLessonStep(w, firstStepDoing(lesson, "gradients")));
        QVERIFY(w.recurrentView()->gradientPlot()->isVisible());
        QCOMPARE(w.recurrentView()->gradientPlot()->seriesCount(), 3); // rnn, lstm, gru
        QCOMPARE(w.recurrentView()->gradientPlot()->seriesY(0).size(), 60);
    }

    // The word vectors a lesson trains appear in the Word vectors tab, with the step's analogy.
    void lessonVectorsReachTheWordVectorsTab()
    {
        MainWindow w;
        w.show();
        const int l = openLesson(w, "word-vectors");
        QVERIFY(l >= 0);
        QVERIFY(runLessonStep(w, firstStepDoing(w.lessonPanel()->lesson(l), "embed")));
        QCOMPARE(w.currentTab(), 1);
        QVERIFY(w.embeddingView()->hasVectors());
        QTRY_VERIFY_WITH_TIMEOUT(!w.embeddingView()->analogyAnswers().isEmpty(), 10000);
        QVERIFY(w.embeddingView()->analogyAnswers().mid(0, 3).contains(QStringLiteral("queen")));
        QVERIFY(!w.embeddingView()->neighborList().isEmpty());
    }

    // A lesson that trains one model after another keeps the earlier curves, labelled.
    void earlierLessonRunsStayOnTheLossPlot()
    {
        MainWindow w;
        w.show();
        const int l = openLesson(w, "inside-transformer");
        QVERIFY(l >= 0);
        const Lesson &lesson = w.lessonPanel()->lesson(l);
        int last = -1; // the step that trains the second model
        for (std::size_t s = 1; s < lesson.steps.size(); ++s)
            for (const LessonAction &a : lesson.steps[s].actions)
                if (a.kind == "model")
                    last = static_cast<int>(s);
        QVERIFY(last > 0);
        QVERIFY(runLessonStep(w, last));
        QCOMPARE(w.lossPlot()->keptRuns().size(), 1);
        QVERIFY2(w.lossPlot()->keptRuns().first().startsWith(QStringLiteral("GPT")), qPrintable(w.lossPlot()->keptRuns().first()));
        QVERIFY2(w.lossPlot()->runName().startsWith(QStringLiteral("Llama")), qPrintable(w.lossPlot()->runName()));
        QVERIFY(w.lossPlot()->pointCount() > 0);
        QVERIFY(w.lossPlot()->toCsv().startsWith(QStringLiteral("run,step,loss,smoothed\n")));
    }

    // In Traditional Chinese the built-in corpus and the sample texts are Chinese.
    void defaultsFollowTheLanguage()
    {
        QSettings().remove(QStringLiteral("train/corpus"));
        applyLanguage(*QCoreApplication::instance(), QStringLiteral("zh_TW"));
        {
            MainWindow chinese;
            QCOMPARE(chinese.currentRequest().corpusSpec, QStringLiteral("builtin:zh_TW"));
            QCOMPARE(chinese.embeddingView()->currentRequest().corpusSpec, QStringLiteral("builtin:zh_TW"));
            QVERIFY(chinese.embeddingView()->currentRequest().characters);
            QCOMPARE(chinese.attentionView()->generatedText(), QStringLiteral("王后是公主的母親。"));
        }
        applyLanguage(*QCoreApplication::instance(), QStringLiteral("en"));
        MainWindow english;
        QCOMPARE(english.currentRequest().corpusSpec, QStringLiteral("builtin:en"));
        QCOMPARE(english.attentionView()->generatedText(), QStringLiteral("The queen is the mother of the princess."));
    }

    void anInterruptedTrainingResumesFromItsAutosave()
    {
        QFile::remove(MainWindow::autosavePath());
        int savedStep = 0;
        {
            auto *w = new MainWindow; // never closed: as if the process died
            w->setAutosaveInterval(0);  // save after every step
            w->setSteps(100000);
            w->startTraining();
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(MainWindow::autosavePath()), 20000);
            QTRY_VERIFY_WITH_TIMEOUT(w->interruptedStep() >= 3, 20000);
            w->pauseTraining(); // the worker stops, like the process did; no clean close
            QTRY_COMPARE_WITH_TIMEOUT(w->controller()->state(), State::Paused, 10000);
            savedStep = w->interruptedStep();
            delete w;
        }
        QVERIFY(savedStep >= 3);
        MainWindow again;
        QVERIFY(again.hasInterruptedSession());
        QCOMPARE(again.interruptedStep(), savedStep);
        again.setSteps(savedStep + 5);
        QSignalSpy progress(again.controller(), &TrainingController::progress);
        again.resumeInterruptedSession();
        QTRY_COMPARE_WITH_TIMEOUT(again.controller()->state(), State::Finished, 30000);
        // The first step after resuming is savedStep + 1, not 1.
        QVERIFY(!progress.isEmpty());
        const auto first = progress.first().at(0).value<QVector<lm::StepReport>>();
        QCOMPARE(first.front().step, savedStep + 1);
        QVERIFY(!again.hasInterruptedSession()); // finished: nothing left to resume
        again.discardInterruptedSession();
        QVERIFY(!QFileInfo::exists(MainWindow::autosavePath()));
    }

    void recentCorporaAreKeptAtOnce()
    {
        QSettings().remove(QStringLiteral("recent/corpora"));
        QTemporaryDir dir;
        QStringList paths;
        for (int i = 0; i < 10; ++i) {
            QFile f(dir.filePath(QStringLiteral("c%1.txt").arg(i)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("the king and the queen\n");
            paths << f.fileName();
        }
        {
            MainWindow w;
            for (const QString &p : paths)
                w.openCorpusFile(p);
            w.openCorpusFile(paths.at(3)); // again: moves to the front
        }
        // A fresh settings object (as after a crash: nothing was closed cleanly) sees the list.
        const QStringList recent = QSettings().value(QStringLiteral("recent/corpora")).toStringList();
        QCOMPARE(recent.size(), 8);
        QCOMPARE(recent.front(), paths.at(3));
        QCOMPARE(recent.at(1), paths.at(9));
        MainWindow again;
        QCOMPARE(again.recentCorpora(), recent);
    }

    void badCorpusIsReported()
    {
        MainWindow w;
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.txt"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\xc3\x28 broken");
        f.close();
        w.setCorpusSpec(bad);
        w.startTraining();
        QTRY_VERIFY_WITH_TIMEOUT(w.logText().contains(QStringLiteral("invalid UTF-8 at byte offset 0")), 5000);
        QCOMPARE(w.controller()->state(), State::Idle);
    }

    // After a lesson (which leaves another tab in front and the language-model docks hidden) a
    // new window opens on the language model with its setup, training and log docks.
    void theNextStartShowsTheSetupDocks()
    {
        {
            MainWindow w;
            w.show();
            w.findChild<QDockWidget *>(QStringLiteral("lessonDock"))->show();
            w.showTab(3);
            QVERIFY(!w.findChild<QDockWidget *>(QStringLiteral("setupDock"))->isVisible());
            w.close(); // saves the settings
        }
        MainWindow next;
        next.show();
        QCOMPARE(next.currentTab(), 0);
        for (const char *dock : {"setupDock", "trainingDock", "logDock"})
            QVERIFY2(next.findChild<QDockWidget *>(QLatin1String(dock))->isVisible(), dock);
        QVERIFY(!next.findChild<QDockWidget *>(QStringLiteral("lessonDock"))->isVisible());
    }

    void closingTheLessonBringsTheDocksBack()
    {
        MainWindow w;
        w.show();
        auto *lesson = w.findChild<QDockWidget *>(QStringLiteral("lessonDock"));
        lesson->show();
        w.showTab(2);
        auto *setup = w.findChild<QDockWidget *>(QStringLiteral("setupDock"));
        QVERIFY(!setup->isVisible());
        lesson->close();
        QTRY_VERIFY(setup->isVisible());
        QCOMPARE(w.currentTab(), 0);
        QVERIFY(w.findChild<QDockWidget *>(QStringLiteral("logDock"))->isVisible());
    }

    void resetLayoutRestoresTheDefault()
    {
        MainWindow w;
        w.show();
        auto *training = w.findChild<QDockWidget *>(QStringLiteral("trainingDock"));
        training->close();
        w.findChild<QDockWidget *>(QStringLiteral("lessonDock"))->show();
        QVERIFY(!training->isVisible());
        w.resetLayout();
        QVERIFY(training->isVisible());
        QVERIFY(!w.findChild<QDockWidget *>(QStringLiteral("lessonDock"))->isVisible());
    }

    // A screenshot run leaves no settings and no autosave behind.
    void aScreenshotWritesNoSettings()
    {
        QTemporaryDir home;
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *var : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
            env.insert(QLatin1String(var), home.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        gui.setProcessEnvironment(env);
        const QString shot = home.filePath(QStringLiteral("shot.png"));
        gui.start(QStringLiteral(LMSCOPE_GUI_PATH), {QStringLiteral("--screenshot"), shot, QStringLiteral("--train-steps"),
                                                      QStringLiteral("30")});
        QVERIFY(gui.waitForFinished(120000));
        QCOMPARE(gui.exitCode(), 0);
        QVERIFY(QFileInfo::exists(shot));
        QStringList written;
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            written << it.next();
        QCOMPARE(written, QStringList{shot});
    }

    void closingWhileTrainingStopsTheThread()
    {
        auto *w = new MainWindow;
        w->setSteps(100000);
        w->startTraining();
        QTRY_VERIFY_WITH_TIMEOUT(w->lossPlot()->pointCount() > 0, 20000);
        QElapsedTimer t;
        t.start();
        delete w; // the controller's thread deleter cancels, quits and waits
        QVERIFY(t.elapsed() < 30000); // cancelled, not run to the end (100000 steps take many minutes)
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
