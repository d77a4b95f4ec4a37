// lmscope: the desktop lab.
//   lmscope [--lang en|zh_TW] [--view lm|vectors|contextual|recurrent|attention|encoders-pretrain|encoders-finetune|
//           retrieval|translation|memory|implicit|hybrid|experts] [--model M | --task T] [--beam N]
//           [--screenshot FILE.png [--train-steps N] [--lesson N [--lesson-step S] [--handout FILE.pdf]]]
// --screenshot shows the main window, renders it to FILE.png and exits. With --train-steps the
// window first trains the default model for N steps so the loss curve is filled; with
// --view vectors it first trains the default word vectors and solves the analogy panel's example;
// with --view recurrent (attention) it trains an LSTM (a GPT) language model on the built-in corpus
// of the interface language and traces a sentence of that corpus through it; with --view memory it
// measures the memory tab's default sweep (gpt and lstm, train, lengths 256 to 2048, batch 2; about
// a second) so the memory plots show real curves. --view encoders-pretrain pre-trains the Encoders
// tab's small encoder twice (NSP, then SOP; --train-steps N steps each) on the documents of the
// interface language; --view encoders-finetune pre-trains it once as the fine-tuning page's "Pre-train on
// the task sentences" does (masked words on the sentiment and intent training sentences), fine-tunes it on the task of that language
// (from the encoder and from scratch) and explains a sentence. --view retrieval
// pre-trains the Sentence search tab's small encoder (the built-in set of the interface language),
// scores the three methods and searches a query of that set; --view contextual does the same, then
// trains the default word vectors and compares the Word vectors tab's contextual word in its
// sentences (word2vec's one vector against the encoder's one per sentence). --view translation
// opens --model (or trains the small translator for --task, a built-in task such as summarize-en,
// default translate-en-zh, --train-steps fine-tuning steps), writes the target of a held-out source
// (an English sentence; the task's first test passage) with beam --beam (default 4) and shows the
// middle step. --view implicit runs the Attention tab's "Implicit attention vs a Transformer"
// (--train-steps per model, default 400); --view hybrid (experts) trains the table's first
// mixture-of-experts family (Jamba) with its defaults for --train-steps steps (default 300) and
// traces a sentence on the Attention (Experts) tab.
#include "appcore/base/application.h"
#include "appcore/base/corpora.h"
#include "appcore/base/languagedefaults.h"
#include "appcore/views/attentionview.h"
#include "appcore/views/implicitcomparepage.h"
#include "appcore/views/routingview.h"
#include "appcore/views/embeddingview.h"
#include "appcore/views/encodersview.h"
#include "appcore/views/finetunepage.h"
#include "appcore/views/pretrainpage.h"
#include "appcore/views/whylabelpanel.h"
#include "appcore/views/recurrentview.h"
#include "appcore/views/retrievalview.h"
#include "appcore/views/translationview.h"
#include "appcore/views/compareview.h"
#include "appcore/views/contextualpanel.h"
#include "appcore/lessons/lessonpanel.h"
#include "appcore/plots/lossplot.h"
#include "appcore/window/mainwindow.h"
#include "appcore/views/memoryview.h"
#include "inspect/memorymodel.h"
#include "models/architecture.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("LMScope: a desktop lab for neural language models"));
    parser.addHelpOption();
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Interface language: en or zh_TW."), QStringLiteral("code"));
    const QCommandLineOption shot(QStringLiteral("screenshot"), QStringLiteral("Render the main window to FILE.png and exit."),
                                  QStringLiteral("file"));
    const QCommandLineOption steps(QStringLiteral("train-steps"),
                                   QStringLiteral("With --screenshot: train N steps first."), QStringLiteral("n"));
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("Open on a tab: lm, vectors, recurrent, attention, encoders-pretrain, encoders-finetune, retrieval, contextual, translation, memory, implicit, hybrid, experts or compare."),
                                  QStringLiteral("tab"));
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         QStringLiteral("With --view translation: open this encoder-decoder (.safetensors or Hugging Face folder)."),
                                         QStringLiteral("path"));
    const QCommandLineOption beamOption(QStringLiteral("beam"), QStringLiteral("With --view translation: the beam width."),
                                        QStringLiteral("n"), QStringLiteral("4"));
    const QCommandLineOption taskOption(QStringLiteral("task"),
                                        QStringLiteral("With --view translation: the built-in task the small model trains for (translate-en-zh, translate-zh-en, summarize-en, summarize-zh_TW); its first held-out source is the one decoded."),
                                        QStringLiteral("name"), QStringLiteral("translate-en-zh"));
    const QCommandLineOption lessonOption(QStringLiteral("lesson"),
                                          QStringLiteral("With --screenshot: open lesson N (from 1) and run step S (--lesson-step, from 1)."),
                                          QStringLiteral("n"));
    const QCommandLineOption lessonStep(QStringLiteral("lesson-step"), QStringLiteral("The step --lesson runs (from 1)."),
                                        QStringLiteral("s"), QStringLiteral("1"));
    const QCommandLineOption handoutOption(QStringLiteral("handout"),
                                           QStringLiteral("With --lesson: also write the lesson's PDF handout (in --lang) after the step."),
                                           QStringLiteral("file"));
    parser.addOptions({lang, shot, steps, view, modelOption, beamOption, taskOption, lessonOption, lessonStep, handoutOption});
    parser.process(app);
    // A screenshot run reads and writes settings of its own, in a folder removed at exit: it
    // starts from the defaults, so shots repeat, and the learner's next start is not changed.
    std::optional<QTemporaryDir> scratchSettings;
    if (parser.isSet(shot)) {
        scratchSettings.emplace();
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, scratchSettings->path());
    }
    initApplication(app, parser.value(lang));

    MainWindow window;
    window.setPersistent(!parser.isSet(shot));
    window.resize(1280, 800);
    // A language chosen in the View menu takes effect at once: the translators are swapped and the
    // window is rebuilt in the new language where the old one stood (training in it stops).
    std::function<void(MainWindow *, const QString &)> rebuild = [&](MainWindow *old, const QString &code) {
        applyLanguage(app, code);
        auto *fresh = new MainWindow;
        fresh->setAttribute(Qt::WA_DeleteOnClose);
        fresh->setGeometry(old->geometry());
        fresh->showTab(old->currentTab());
        QObject::connect(fresh, &MainWindow::languageChangeRequested, fresh,
                         [&rebuild, fresh](const QString &next) { rebuild(fresh, next); });
        fresh->show();
        old->controller()->cancel();
        old->hide();
        if (old != &window)
            old->close(); // deletes it
    };
    QObject::connect(&window, &MainWindow::languageChangeRequested, &window,
                     [&rebuild, &window](const QString &code) { rebuild(&window, code); });
    const bool vectors = parser.value(view) == QStringLiteral("vectors");
    const bool recurrent = parser.value(view) == QStringLiteral("recurrent");
    const bool attention = parser.value(view) == QStringLiteral("attention");
    const bool memory = parser.value(view) == QStringLiteral("memory");
    const bool retrieval = parser.value(view) == QStringLiteral("retrieval");
    const bool contextual = parser.value(view) == QStringLiteral("contextual");
    const bool translation = parser.value(view) == QStringLiteral("translation");
    if (translation)
        window.showTab(window.tabIndexOf(window.translationView()));
    if (translation && parser.isSet(taskOption))
        window.translationView()->setTask(parser.value(taskOption));
    if (translation && parser.isSet(modelOption))
        window.translationView()->openModel(parser.value(modelOption));
    if (contextual)
        window.showTab(window.tabIndexOf(window.embeddingView()));
    if (retrieval)
        window.showTab(window.tabIndexOf(window.retrievalView()));
    const bool encodersPretrain = parser.value(view) == QStringLiteral("encoders-pretrain");
    const bool encodersFinetune = parser.value(view) == QStringLiteral("encoders-finetune");
    if (encodersPretrain)
        window.encodersView()->showPretraining();
    if (encodersFinetune)
        window.encodersView()->showFinetuning();
    if (vectors)
        window.showTab(1);
    if (recurrent)
        window.showTab(2);
    if (attention)
        window.showTab(3);
    if (memory)
        window.showTab(window.tabIndexOf(window.memoryView()));
    const bool implicit = parser.value(view) == QStringLiteral("implicit");
    const bool hybrid = parser.value(view) == QStringLiteral("hybrid");
    const bool experts = parser.value(view) == QStringLiteral("experts");
    if (implicit || hybrid) {
        window.showTab(window.tabIndexOf(window.attentionView()));
        window.attentionView()->showComparison(implicit);
    }
    if (experts)
        window.showTab(window.tabIndexOf(window.routingView()));
    const bool compare = parser.value(view) == QStringLiteral("compare");
    if (compare)
        window.showTab(window.tabIndexOf(window.compareView()));
    window.show();
    if (!parser.isSet(shot)) {
        if (window.hasInterruptedSession()) {
            const int step = window.interruptedStep();
            const auto answer = QMessageBox::question(
                &window, QCoreApplication::translate("main", "Resume training?"),
                QCoreApplication::translate("main", "LMScope ended while a model was training. Its last autosave holds "
                                                    "step %1. Continue training from there?")
                    .arg(step));
            if (answer == QMessageBox::Yes)
                window.resumeInterruptedSession();
            else
                window.discardInterruptedSession();
        }
        return app.exec();
    }

    const QString path = parser.value(shot);
    int exitCode = 0;
    auto capture = [&] {
        window.lossPlot()->plot()->replot();
        if (!window.grab().save(path)) {
            std::fprintf(stderr, "error: cannot write %s\n", qPrintable(path));
            exitCode = 1;
        }
        app.quit();
    };
    if (parser.isSet(lessonOption)) {
        LessonPanel *panel = window.lessonPanel();
        const int index = parser.value(lessonOption).toInt() - 1;
        if (index < 0 || index >= panel->lessonCount()) {
            std::fprintf(stderr, "error: --lesson must be between 1 and %d\n", panel->lessonCount());
            return 2;
        }
        window.findChild<QDockWidget *>(QStringLiteral("lessonDock"))->show();
        panel->openLesson(index);
        panel->goToStep(parser.value(lessonStep).toInt() - 1);
        QObject::connect(panel, &LessonPanel::stepDone, &app, [&, panel] {
            QTimer::singleShot(500, &app, [&, panel] {
                if (parser.isSet(handoutOption))
                    if (const QString error = panel->exportHandout(parser.value(handoutOption),
                                                                   currentLanguage() == QStringLiteral("zh_TW"));
                        !error.isEmpty()) {
                        std::fprintf(stderr, "error: %s\n", qPrintable(error));
                        exitCode = 1;
                    }
                capture();
            });
        });
        QTimer::singleShot(0, panel, &LessonPanel::runStep);
    } else if (retrieval || contextual) {
        // Pre-train the Sentence search tab's encoder; it becomes the session's encoder.
        RetrievalView *rv = window.retrievalView();
        rv->setEncoderChoice(QStringLiteral("train"));
        rv->setQuery(currentLanguage() == QStringLiteral("zh_TW")
                         ? QStringLiteral("由於指導老師身體不舒服，親師座談延到隔天上午舉行。")
                         : QStringLiteral("Yuki relocated to Dublin in order to play in a jazz group."));
        EmbeddingView *ev = window.embeddingView();
        QObject::connect(rv, &RetrievalView::prepared, &app, [&, ev](bool ok) {
            if (!ok)
                QTimer::singleShot(0, &app, capture);
            else if (contextual) // (retrieval: the query's search follows by itself)
                QTimer::singleShot(0, ev, &EmbeddingView::startTraining);
        });
        if (retrieval)
            QObject::connect(rv, &RetrievalView::searched, &app, [&] { QTimer::singleShot(300, &app, capture); });
        QObject::connect(ev, &EmbeddingView::projectionFinished, &app, [ev](bool) { ev->compareContexts(); });
        QObject::connect(ev->contextualPanel(), &ContextualPanel::computed, &app,
                         [&](bool) { QTimer::singleShot(300, &app, capture); });
        QTimer::singleShot(0, rv, &RetrievalView::prepare);
    } else if (compare) {
        // Every family side by side (the cached comparison when there is one), then one sentence
        // through every model.
        CompareView *cv = window.compareView();
        if (parser.isSet(steps)) {
            ZooJob j = cv->job();
            j.steps = std::max(1, parser.value(steps).toInt());
            cv->setJob(j);
        }
        QObject::connect(cv, &CompareView::finished, &app, [&](bool ok) {
            if (!ok)
                QTimer::singleShot(0, &app, capture);
        });
        QObject::connect(cv, &CompareView::sentenceRead, &app, [&] { QTimer::singleShot(500, &app, capture); });
        QTimer::singleShot(0, cv, [cv] { cv->run(false); });
    } else if (translation) {
        // Open (--model) or train the translator, translate a held-out sentence with --beam and
        // show the middle step of the beam search.
        TranslationView *tv = window.translationView();
        QObject::connect(tv, &TranslationView::ready, &app, [&, tv](bool ok) {
            if (!ok)
                return QTimer::singleShot(0, &app, capture);
            QString source = QStringLiteral("The teacher writes a letter every day.");
            if (const auto task = builtinSeq2SeqTask(parser.value(taskOption));
                task && !task.value().test.empty() && parser.value(taskOption) != QStringLiteral("translate-en-zh"))
                source = QString::fromStdString(task.value().test.front().source);
            tv->setSource(source);
            tv->setBeam(parser.value(beamOption).toInt());
            tv->translate();
        });
        QObject::connect(tv, &TranslationView::translated, &app, [&, tv](bool ok) {
            if (ok)
                tv->showStep(static_cast<int>(tv->lastTranslation().steps.size()) / 2);
            QTimer::singleShot(500, &app, capture);
        });
        if (!parser.isSet(modelOption)) {
            TranslatorRequest r;
            r.task = parser.value(taskOption);
            tv->setTask(r.task);
            if (parser.isSet(steps))
                r.finetuneSteps = std::max(1, parser.value(steps).toInt());
            tv->trainTranslator(r);
        }
    } else if (memory) {
        MemoryView *mv = window.memoryView();
        lm::MemoryLabRequest r;
        r.archs = lm::memoryLabDefaultArchitectures();
        r.modes = {lm::MemoryMode::Train};
        r.seqLens = {256, 512, 1024, 2048};
        r.batch = 2;
        mv->setRequest(r);
        QObject::connect(mv, &MemoryView::finished, &app, [&] { QTimer::singleShot(300, &app, capture); });
        QTimer::singleShot(0, mv, &MemoryView::run);
    } else if (encodersPretrain || encodersFinetune) {
        PretrainPage *pre = window.encodersView()->pretraining();
        FinetunePage *fine = window.encodersView()->finetuning();
        PretrainRequest r = pre->request();
        if (encodersFinetune) // where the task's words live: what "Pre-train on the task sentences" runs
            r = EncodersView::taskPretraining(r, currentLanguage() == QStringLiteral("zh_TW") ? QStringLiteral("zh_TW")
                                                                                             : QStringLiteral("en"));
        if (parser.isSet(steps))
            r.train.steps = std::max(1, parser.value(steps).toInt());
        pre->setRequest(r);
        if (encodersPretrain) {
            QObject::connect(pre, &PretrainPage::trainingFinished, &app, [&](bool) { QTimer::singleShot(300, &app, capture); });
            QTimer::singleShot(0, pre, &PretrainPage::compareNspSop);
        } else {
            QObject::connect(pre, &PretrainPage::trainingFinished, &app, [pre, fine](bool) {
                pre->useForFinetuning();
                fine->setRequest(EncodersView::taskFinetuning(fine->request()));
                fine->startTraining();
            });
            // When both runs are scored, explain the task's sample sentence and capture the answer.
            QObject::connect(fine, &FinetunePage::trainingFinished, &app, [&app, &capture, fine](bool) {
                QObject::connect(fine->whyLabel(), &WhyLabelPanel::explained, &app,
                                 [&app, &capture] { QTimer::singleShot(300, &app, capture); });
                fine->whyLabel()->explain(fine->sampleSentence());
            });
            QTimer::singleShot(0, pre, &PretrainPage::startTraining);
        }
    } else if (implicit) {
        ImplicitComparePage *page = window.attentionView()->comparePage();
        page->setSteps(parser.isSet(steps) ? std::max(10, parser.value(steps).toInt()) : 400);
        QObject::connect(page, &ImplicitComparePage::compared, &app, [&](bool) { QTimer::singleShot(300, &app, capture); });
        QTimer::singleShot(0, page, &ImplicitComparePage::start);
    } else if (hybrid || experts) {
        // Train the table's first family with experts (Jamba: Mamba and attention layers, experts
        // every other layer), then trace a sentence through it.
        window.setArchitecture(QString::fromStdString(lm::firstFeeding(lm::View::Routing)->name));
        window.setSteps(parser.isSet(steps) ? parser.value(steps).toInt() : 300);
        QObject::connect(window.controller(), &TrainingController::stopped, &app, [&](TrainingWorker::Stop, const QString &) {
            window.controller()->inspect(sampleSentence());
        });
        QObject::connect(window.controller(), &TrainingController::inspected, &app,
                         [&] { QTimer::singleShot(300, &app, capture); });
        QTimer::singleShot(0, &window, &MainWindow::startTraining);
    } else if (attention) {
        // Train the table's first attention model (a small GPT), then trace a sentence through it.
        window.setArchitecture(QString::fromStdString(lm::firstFeeding(lm::View::Attention)->name));
        window.setSteps(parser.isSet(steps) ? parser.value(steps).toInt() : 300);
        QObject::connect(window.controller(), &TrainingController::stopped, &app, [&](TrainingWorker::Stop, const QString &) {
            Q_EMIT window.attentionView()->inspectRequested(sampleSentence());
        });
        QObject::connect(window.controller(), &TrainingController::inspected, &app,
                         [&] { QTimer::singleShot(300, &app, capture); });
        QTimer::singleShot(0, &window, &MainWindow::startTraining);
    } else if (recurrent) {
        // Train the table's first model with gates (an LSTM), then trace a sentence through it.
        window.setArchitecture(QString::fromStdString(lm::firstFeeding(lm::View::Gates)->name));
        window.setSteps(parser.isSet(steps) ? parser.value(steps).toInt() : 400);
        QObject::connect(window.controller(), &TrainingController::stopped, &app, [&](TrainingWorker::Stop, const QString &) {
            Q_EMIT window.recurrentView()->inspectRequested(sampleSentence());
        });
        QObject::connect(window.controller(), &TrainingController::inspected, &app, [&] {
            window.recurrentView()->showUnit(3);
            QTimer::singleShot(300, &app, capture);
        });
        QTimer::singleShot(0, &window, &MainWindow::startTraining);
    } else if (vectors) {
        EmbeddingView *ev = window.embeddingView();
        QObject::connect(ev, &EmbeddingView::trainingFinished, &app, [&](bool ok) {
            if (!ok)
                QTimer::singleShot(0, &app, capture);
        });
        QObject::connect(ev, &EmbeddingView::projectionFinished, &app, [&](bool) {
            ev->solveAnalogy(QStringLiteral("man"), QStringLiteral("king"), QStringLiteral("woman"));
            ev->selectWord(QStringLiteral("paris"));
            QTimer::singleShot(300, &app, capture);
        });
        QTimer::singleShot(0, ev, &EmbeddingView::startTraining);
    } else if (parser.isSet(steps)) {
        bool ok = false;
        const int n = parser.value(steps).toInt(&ok);
        if (!ok || n < 1) {
            std::fprintf(stderr, "error: --train-steps needs a positive number\n");
            return 2;
        }
        window.setSteps(n);
        QObject::connect(window.controller(), &TrainingController::stopped, &app,
                         [&](TrainingWorker::Stop, const QString &) { QTimer::singleShot(300, &app, capture); });
        QTimer::singleShot(0, &window, &MainWindow::startTraining);
    } else {
        QTimer::singleShot(200, &app, capture);
    }
    app.exec();
    return exitCode;
}
