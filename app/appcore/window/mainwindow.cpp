#include "window/mainwindow.h"

#include "base/corpora.h"
#include "lessons/lessonpanel.h"
#include "plots/heatmapplot.h"
#include "plots/lineplot.h"
#include "plots/lossplot.h"
#include "plots/memoryplots.h"
#include "views/attentionview.h"
#include "views/embeddingview.h"
#include "views/encodersview.h"
#include "views/forecastpage.h"
#include "views/headstepview.h"
#include "views/memorycalculator.h"
#include "views/memoryview.h"
#include "views/modeloptionspanel.h"
#include "views/recurrentview.h"
#include "views/implicitcomparepage.h"
#include "views/retrievalview.h"
#include "views/routingview.h"
#include "views/translationview.h"
#include "views/taggingpage.h"
#include "views/compareview.h"
#include "window/autosave.h"
#include "window/languagemodelpage.h"
#include "window/lessonpresenter.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QPointer>
#include <QTimer>

#include <map>

namespace {

// A red frame drawn over a widget for a few seconds: where a lesson step wants the eye to go.
class HighlightFrame final : public QWidget {
public:
    explicit HighlightFrame(QWidget *target) : QWidget(target)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setGeometry(target->rect());
        show();
        raise();
        QTimer::singleShot(3000, this, &QObject::deleteLater);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setPen(QPen(QColor(220, 30, 30), 4));
        p.drawRect(rect().adjusted(2, 2, -2, -2));
    }
};
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_controller(new TrainingController(this)), m_lm(new LanguageModelPage(this, m_controller)),
      m_embeddingView(new EmbeddingView(this)), m_recurrentView(new RecurrentView(this)),
      m_attentionView(new AttentionView(this)), m_memoryView(new MemoryView(this)),
      m_retrievalView(new RetrievalView(this)), m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("LMScope — a lab for language models"));
    setObjectName(QStringLiteral("MainWindow"));
    m_tabs->addTab(m_lm->lossPlot(), tr("Language model"));
    m_tabs->addTab(m_embeddingView, tr("Word vectors"));
    m_tabs->addTab(m_recurrentView, tr("Recurrent networks"));
    m_tabs->addTab(m_attentionView, tr("Attention"));
    m_tabs->addTab(m_encodersView = new EncodersView(this), tr("Encoders"));
    m_tabs->addTab(m_retrievalView, tr("Sentence search"));
    m_tabs->addTab(m_translationView = new TranslationView(this), tr("Translation"));
    m_tabs->addTab(m_memoryView, tr("Memory"));
    m_tabs->addTab(m_routingView = new RoutingView(this), tr("Experts"));
    m_tabs->addTab(m_compareView = new CompareView(this), tr("Compare"));
    m_attentionView->comparePage()->setCorpusSource([this] { return m_lm->corpusSpec(); });
    auto *tagging = new TaggingPage(m_recurrentView);
    m_recurrentView->addPage(tagging, tr("Tagging"));
    connect(tagging, &TaggingPage::traced, m_recurrentView, &RecurrentView::showTrace);
    auto *forecast = new ForecastPage(m_recurrentView);
    m_recurrentView->addPage(forecast, tr("Forecasting"));
    m_presenter = new LessonPresenter({m_tabs, m_lm, m_controller, m_embeddingView, m_recurrentView, tagging, forecast,
                                       m_attentionView, m_memoryView, m_encodersView, m_retrievalView, m_translationView, m_compareView},
                                      this);
    setCentralWidget(m_tabs);
    setDockNestingEnabled(true);
    buildLessonDock();
    buildMenus();
    statusBar()->showMessage(tr("Ready. Choose a corpus and a model, then press Start."));

    connect(m_lm, &LanguageModelPage::startRequested, this, &MainWindow::startTraining);
    connect(m_lm, &LanguageModelPage::stepRequested, this, &MainWindow::stepTraining);
    connect(m_lm, &LanguageModelPage::openCorpusRequested, this, &MainWindow::openCorpus);
    connect(m_lm, &LanguageModelPage::stopped, this, [this](TrainingWorker::Stop why) {
        m_recurrentView->showTrainingHistory(m_lm->history(), m_lm->clipNorm());
        if (why != TrainingWorker::Stop::Paused) // nothing is left to resume
            Autosave::markTraining(false);
    });
    connect(m_memoryView, &MemoryView::runStarted, this, [this] {
        // The memory lab reads the process-wide tensor meter: training now would count in it.
        if (m_controller->state() == TrainingController::State::Running)
            m_controller->pause();
    });
    connect(m_controller, &TrainingController::inspected, m_recurrentView, &RecurrentView::showTrace);
    connect(m_controller, &TrainingController::inspected, m_attentionView, &AttentionView::showTrace);
    connect(m_controller, &TrainingController::inspected, m_routingView, &RoutingView::showTrace);
    connect(m_controller, &TrainingController::progress, m_routingView, &RoutingView::addReports);
    auto inspect = [this](const QString &text) {
        if (m_controller->state() == TrainingController::State::Running)
            m_controller->pause(); // the model is busy training: trace it at the pause
        m_controller->inspect(text);
    };
    connect(m_recurrentView, &RecurrentView::inspectRequested, this, inspect);
    connect(m_routingView, &RoutingView::inspectRequested, this, inspect);
    connect(m_attentionView, &AttentionView::inspectRequested, this, [this](const QString &text, const QString &second) {
        if (m_controller->state() == TrainingController::State::Running)
            m_controller->pause();
        m_controller->inspect(text, second);
    });
    auto followFamily = [this] { // an encoder takes a pair on the attention tab and writes nothing
        m_attentionView->setBidirectional(modelOptions()->architecture().traits.direction == lm::Direction::Bidirectional);
    };
    connect(modelOptions(), &ModelOptionsPanel::changed, this, followFamily);
    followFamily();
    connect(m_attentionView, &AttentionView::generateRequested, this, [this](const QString &prompt) {
        if (m_controller->state() == TrainingController::State::Running)
            m_controller->pause();
        m_generationForAttention = true;
        m_controller->sample(prompt, 40, 0.8, true);
    });
    connect(m_controller, &TrainingController::generating, this, [this](const QString &text) {
        if (m_generationForAttention)
            m_attentionView->setGeneratedText(text);
        else
            m_lm->setGeneratedText(text);
    });
    connect(m_controller, &TrainingController::sampled, this, [this] { m_generationForAttention = false; });
    connect(m_controller, &TrainingController::saved, this, [this](const QString &path, const QString &error) {
        if (error.isEmpty())
            m_lm->appendLog(tr("Saved the checkpoint to %1").arg(path));
        else
            QMessageBox::warning(this, tr("Save checkpoint"), error);
    });
    connect(m_controller, &TrainingController::exported, this, [this](const QString &dir, const QString &error) {
        if (error.isEmpty())
            m_lm->appendLog(tr("Exported a Hugging Face folder to %1; transformers' from_pretrained reads it").arg(dir));
        else
            QMessageBox::warning(this, tr("Export as a Hugging Face folder"), error);
    });
    m_defaultLayout = saveState(); // View ▸ Reset layout returns to it
    loadSettings();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        for (QDockWidget *d : m_lm->docks())
            d->setVisible(index == 0);
        statusBar()->clearMessage(); // the language model's messages do not speak of word vectors
    });
}

void MainWindow::showTab(int index) { m_tabs->setCurrentIndex(index); }

int MainWindow::tabIndexOf(QWidget *page) const { return m_tabs->indexOf(page); }

MainWindow::~MainWindow() = default;

LossPlot *MainWindow::lossPlot() const { return m_lm->lossPlot(); }

void MainWindow::buildLessonDock()
{
    m_lessonDock = new QDockWidget(tr("Lesson"), this);
    m_lessonDock->setObjectName(QStringLiteral("lessonDock"));
    m_lessonPanel = new LessonPanel(m_lessonDock);
    m_lessonDock->setWidget(m_lessonPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_lessonDock);
    m_lessonDock->hide(); // the Lessons menu opens it
    connect(m_lessonPanel, &LessonPanel::stepDone, this, &MainWindow::applyLessonStep);
    // Closing the lesson gives the learner the setup, training and log docks back.
    connect(m_lessonDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible && !m_lessonDock->isVisible() && isVisible())
            showWorkingLayout();
    });
    // A lesson's training draws its curve live on the language-model tab, as the learner's own does.
    connect(m_lessonPanel, &LessonPanel::trainingProgress, m_presenter, &LessonPresenter::addLosses);
    connect(m_lessonPanel, &LessonPanel::sessionStarted, m_presenter, &LessonPresenter::sessionStarted);
}

int MainWindow::currentTab() const { return m_tabs->currentIndex(); }

QWidget *MainWindow::lessonRegion(const QString &region) const { return m_presenter->region(region); }

void MainWindow::highlight(QWidget *target)
{
    if (target && target->isVisible())
        new HighlightFrame(target); // deletes itself
}

// What a lesson step produced, shown in the views the learner knows (LessonPresenter), with a
// frame around the region the step points at.
void MainWindow::applyLessonStep(const LessonSnapshot &snapshot)
{
    QWidget *target = m_presenter->apply(snapshot);
    // After the tab is laid out: outline the region, and keep what the step showed for the handout.
    QTimer::singleShot(0, this, [this, target = QPointer<QWidget>(target)] {
        if (target)
            highlight(target);
        if (QWidget *shown = target ? target.data() : m_tabs->currentWidget())
            m_lessonPanel->setStepFigure(shown->grab().toImage());
    });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open corpus…"), QKeySequence::Open, this, &MainWindow::openCorpus);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    updateRecentMenu();
    file->addAction(tr("&Save checkpoint…"), QKeySequence::Save, this, &MainWindow::saveCheckpoint);
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(tr("&Loss plot…"), this, &MainWindow::exportLossPlot);
    exportMenu->addAction(tr("Model as a &Hugging Face folder…"), this, &MainWindow::exportHuggingFace);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
    view->addAction(tr("Reset layout"), this, &MainWindow::resetLayout);
    view->addSeparator();
    QAction *logY = view->addAction(tr("Logarithmic loss axis"));
    logY->setCheckable(true);
    connect(logY, &QAction::toggled, m_lm->lossPlot(), &LossPlot::setLogY);
    QMenu *language = view->addMenu(tr("Language"));
    const QString current = QSettings().value(QStringLiteral("ui/language")).toString();
    for (const auto &[code, name] : {std::pair{QStringLiteral("en"), QStringLiteral("English")},
                                     std::pair{QStringLiteral("zh_TW"), QStringLiteral("繁體中文")}}) {
        QAction *a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(current == code || (current.isEmpty() && QLocale().name().startsWith(QStringLiteral("zh")) == (code == QStringLiteral("zh_TW"))));
        connect(a, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("ui/language"), code);
            if (m_controller->state() == TrainingController::State::Running &&
                QMessageBox::question(this, tr("Language"),
                                      tr("The window is rebuilt in the new language, which stops the training in "
                                         "progress. Switch now?")) != QMessageBox::Yes)
                return;
            Q_EMIT languageChangeRequested(code);
        });
    }

    QMenu *lessons = menuBar()->addMenu(tr("&Lessons"));
    for (int i = 0; i < m_lessonPanel->lessonCount(); ++i) {
        const bool chinese = QLocale().language() == QLocale::Chinese;
        lessons->addAction(QString::fromStdString(m_lessonPanel->lesson(i).title.in(chinese)), this, [this, i] {
            m_lessonDock->show();
            m_lessonDock->raise();
            m_lessonPanel->openLesson(i);
        });
    }
    lessons->addSeparator();
    // The open lesson as a PDF handout, in either language (each named in its own).
    QMenu *handout = lessons->addMenu(tr("Export the open lesson as a PDF &handout"));
    for (const auto &[chinese, name] : {std::pair{false, QStringLiteral("English…")}, std::pair{true, QStringLiteral("繁體中文…")}})
        handout->addAction(name, this, [this, chinese = chinese] {
            if (m_lessonPanel->currentLesson() < 0) {
                QMessageBox::information(this, tr("Lesson handout"), tr("Open a lesson first."));
                return;
            }
            const QString id = QString::fromStdString(m_lessonPanel->lesson(m_lessonPanel->currentLesson()).id);
            const QString path = QFileDialog::getSaveFileName(this, tr("Lesson handout"),
                                                              id + (chinese ? QStringLiteral("-zh_TW.pdf") : QStringLiteral("-en.pdf")),
                                                              tr("PDF (*.pdf)"));
            if (path.isEmpty())
                return;
            const QString error = m_lessonPanel->exportHandout(path, chinese);
            if (error.isEmpty())
                m_lm->appendLog(tr("Wrote the lesson handout %1").arg(path));
            else
                QMessageBox::warning(this, tr("Lesson handout"), error);
        });
    lessons->addAction(tr("A first language model"), this, [this] {
        QMessageBox::information(
            this, tr("A first language model"),
            tr("<p><b>1.</b> Pick the built-in English corpus and <i>Characters</i> as tokens.</p>"
               "<p><b>2.</b> Press <i>Start</i>. The model reads the previous few characters and guesses the next "
               "one; the loss says how surprised it was, averaged over a batch.</p>"
               "<p><b>3.</b> Watch the curve: at first the loss is near ln(vocabulary size), a uniform guess. It falls "
               "quickly as the model learns which letters follow which, then slowly as it learns words.</p>"
               "<p><b>4.</b> Press <i>Let it write</i> with a prompt such as <i>The king</i>. Early on the text is noise; "
               "after a thousand steps it spells words from the corpus.</p>"
               "<p><b>5.</b> Try the Traditional Chinese corpus: each character is one token, so the vocabulary is "
               "larger and the first loss higher.</p>"));
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Command-line tool…"), this, [this] {
        QMessageBox::information(this, tr("Command-line tool"),
                                 tr("<p><code>lmscope-cli</code> does the same work from scripts, for example:</p>"
                                    "<pre>lmscope-cli train --arch mlp --corpus builtin:en --out m.safetensors --log loss.csv\n"
                                    "lmscope-cli plot loss --log loss.csv --out loss.svg</pre>"
                                    "<p>Run <code>lmscope-cli --help</code> for every command.</p>"));
    });
    help->addAction(tr("About LMScope"), this, [this] {
        QMessageBox::about(this, tr("About LMScope"),
                           tr("<p><b>LMScope %1</b></p><p>A desktop lab for neural language models: train small models "
                              "on your own text and look inside them while they learn.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

TrainingRequest MainWindow::currentRequest() const { return requestWithAutosave(m_lm->request()); }

TrainingRequest MainWindow::requestWithAutosave(TrainingRequest request) const
{
    request.autosavePath = m_persistent ? Autosave::path() : QString();
    request.autosaveSeconds = m_autosaveSeconds;
    return request;
}

QString MainWindow::autosavePath() { return Autosave::path(); }

bool MainWindow::hasInterruptedSession() const { return Autosave::interrupted(); }

int MainWindow::interruptedStep() const { return Autosave::savedStep(); }

void MainWindow::resumeInterruptedSession()
{
    TrainingRequest r = currentRequest(); // the settings were saved when that training started
    r.resumeFrom = Autosave::path();
    Autosave::markTraining(true);
    m_lm->start(r);
}

void MainWindow::discardInterruptedSession() { Autosave::discard(); }

void MainWindow::setSteps(int steps) { m_lm->setSteps(steps); }

void MainWindow::setArchitecture(const QString &arch) { m_lm->setArchitecture(arch); }

ModelOptionsPanel *MainWindow::modelOptions() const { return m_lm->modelOptions(); }

void MainWindow::setCorpusSpec(const QString &spec) { m_lm->setCorpusSpec(spec); }

QString MainWindow::logText() const { return m_lm->logText(); }

QString MainWindow::generatedText() const { return m_lm->generatedText(); }

void MainWindow::startTraining()
{
    saveSettings(); // the choices survive a crash, and a resumed session finds them
    Autosave::markTraining(true);
    m_lm->start(currentRequest());
}

void MainWindow::pauseTraining() { m_controller->pause(); }

void MainWindow::stepTraining() { m_lm->start(currentRequest(), true); }

void MainWindow::resetTraining() { m_lm->reset(); }

void MainWindow::sampleText() { m_lm->sample(); }

void MainWindow::openCorpus()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a text corpus"), QString(),
                                                      tr("Text files (*.txt *.md *.csv);;All files (*)"));
    if (!path.isEmpty())
        openCorpusFile(path);
}

QStringList MainWindow::recentCorpora() const { return QSettings().value(QStringLiteral("recent/corpora")).toStringList(); }

void MainWindow::openCorpusFile(const QString &path)
{
    auto corpus = loadCorpusSpec(path); // check now, so the user hears about a bad file at once
    if (!corpus) {
        QMessageBox::warning(this, tr("Open corpus"), QString::fromStdString(corpus.error()));
        return;
    }
    m_lm->setCorpusSpec(path);
    m_lm->appendLog(tr("Corpus %1: %2 bytes").arg(path, QLocale().toString(static_cast<qlonglong>(corpus.value().text.size()))));
    // Most recent first, at most eight; written at once (a temporary QSettings syncs when it goes),
    // so the list survives a crash.
    QStringList recent = recentCorpora();
    recent.removeAll(path);
    recent.prepend(path);
    QSettings().setValue(QStringLiteral("recent/corpora"), QStringList(recent.mid(0, 8)));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentCorpora();
    for (const QString &path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openCorpusFile(path); })->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::saveCheckpoint()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save checkpoint"), QStringLiteral("model.safetensors"),
                                                      tr("safetensors (*.safetensors)"));
    if (!path.isEmpty())
        m_controller->save(path);
}

void MainWindow::exportLossPlot() { m_lm->lossPlot()->exportWithDialog(); }

// A new (or empty) folder for PyTorch and transformers: config.json, model.safetensors, tokenizer.
void MainWindow::exportHuggingFace()
{
    const QString dir = QFileDialog::getSaveFileName(this, tr("Export as a Hugging Face folder"),
                                                     QStringLiteral("model-hf"), QString(), nullptr,
                                                     QFileDialog::ShowDirsOnly);
    if (!dir.isEmpty())
        m_controller->exportHuggingFace(dir);
}

void MainWindow::loadSettings()
{
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    // A start opens on the language model with its docks, whatever a lesson or another tab hid
    // when the window was saved; a lesson is opened from the Lessons menu.
    m_lessonDock->hide();
    showWorkingLayout();
    m_lm->loadSettings(s);
}

void MainWindow::showWorkingLayout()
{
    showTab(0);
    for (QDockWidget *d : m_lm->docks())
        d->show();
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultLayout);
    m_lessonDock->hide();
    showWorkingLayout();
}

void MainWindow::saveSettings() const
{
    if (!m_persistent)
        return;
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    m_lm->saveSettings(s);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    m_controller->cancel();
    discardInterruptedSession(); // a clean exit: nothing to resume next time
    event->accept();
}
