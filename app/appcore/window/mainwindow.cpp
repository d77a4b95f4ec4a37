#include "window/mainwindow.h"

#include "base/corpora.h"
#include "io/checkpoint.h"
#include "views/attentionview.h"
#include "views/embeddingview.h"
#include "views/headstepview.h"
#include "plots/heatmapplot.h"
#include "lessons/lessonpanel.h"
#include "plots/lineplot.h"
#include "plots/memoryplots.h"
#include "views/memorycalculator.h"
#include "views/memoryview.h"
#include "views/modeloptionspanel.h"
#include "views/recurrentview.h"
#include "views/sequencetaskpages.h"
#include "plots/lossplot.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QStandardPaths>
#include <QFileInfo>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include "base/spinbox.h"

#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

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

QString bytesText(std::int64_t bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_controller(new TrainingController(this)), m_lossPlot(new LossPlot(this)),
      m_embeddingView(new EmbeddingView(this)), m_recurrentView(new RecurrentView(this)),
      m_attentionView(new AttentionView(this)), m_memoryView(new MemoryView(this)), m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("LMScope — a lab for language models"));
    setObjectName(QStringLiteral("MainWindow"));
    m_tabs->addTab(m_lossPlot, tr("Language model"));
    m_tabs->addTab(m_embeddingView, tr("Word vectors"));
    m_tabs->addTab(m_recurrentView, tr("Recurrent networks"));
    m_tabs->addTab(m_attentionView, tr("Attention"));
    m_tabs->addTab(m_memoryView, tr("Memory"));
    auto *tagging = new TaggingPage(m_recurrentView);
    m_recurrentView->addPage(tagging, tr("Tagging"));
    connect(tagging, &TaggingPage::traced, m_recurrentView, &RecurrentView::showTrace);
    m_recurrentView->addPage(new ForecastPage(m_recurrentView), tr("Forecasting"));
    setCentralWidget(m_tabs);
    setDockNestingEnabled(true);
    buildSetupDock();
    buildControlsDock();
    buildLogDock();
    buildLessonDock();
    buildMenus();

    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(240);
    m_progress->setFormat(tr("step %v / %m"));
    m_speed = new QLabel(this);
    m_memory = new QLabel(this);
    statusBar()->addPermanentWidget(m_speed);
    statusBar()->addPermanentWidget(m_memory);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->showMessage(tr("Ready. Choose a corpus and a model, then press Start."));

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(30);
    connect(&m_flushTimer, &QTimer::timeout, this, &MainWindow::flushProgress);
    connect(m_controller, &TrainingController::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_controller, &TrainingController::progress, this, &MainWindow::onProgress);
    connect(m_controller, &TrainingController::stopped, this, &MainWindow::onStopped);
    connect(m_controller, &TrainingController::prepared, this, [this](const QString &summary) { appendLog(summary); });
    connect(m_controller, &TrainingController::failed, this, [this](const QString &message) {
        appendLog(tr("Error: %1").arg(message));
        statusBar()->showMessage(message);
    });
    connect(m_memoryView, &MemoryView::runStarted, this, [this] {
        // The memory lab reads the process-wide tensor meter: training now would count in it.
        if (m_controller->state() == TrainingController::State::Running)
            m_controller->pause();
    });
    connect(m_controller, &TrainingController::inspected, m_recurrentView, &RecurrentView::showTrace);
    connect(m_controller, &TrainingController::inspected, m_attentionView, &AttentionView::showTrace);
    auto inspect = [this](const QString &text) {
        if (m_controller->state() == TrainingController::State::Running)
            m_controller->pause(); // the model is busy training: trace it at the pause
        m_controller->inspect(text);
    };
    connect(m_recurrentView, &RecurrentView::inspectRequested, this, inspect);
    connect(m_attentionView, &AttentionView::inspectRequested, this, inspect);
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
            m_generated->setText(text);
    });
    connect(m_controller, &TrainingController::sampled, this, [this] { m_generationForAttention = false; });
    connect(m_controller, &TrainingController::sampled, this,
            [this](const QString &text) { appendLog(tr("The model writes: %1").arg(text)); });
    connect(m_controller, &TrainingController::saved, this, [this](const QString &path, const QString &error) {
        if (error.isEmpty())
            appendLog(tr("Saved the checkpoint to %1").arg(path));
        else
            QMessageBox::warning(this, tr("Save checkpoint"), error);
    });
    m_defaultLayout = saveState(); // View ▸ Reset layout returns to it
    loadSettings();
    onStateChanged(TrainingController::State::Idle);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        for (QDockWidget *d : std::as_const(m_lmDocks))
            d->setVisible(index == 0);
        statusBar()->clearMessage(); // the language model's messages do not speak of word vectors
    });
}

void MainWindow::showTab(int index) { m_tabs->setCurrentIndex(index); }

MainWindow::~MainWindow() = default;

void MainWindow::buildSetupDock()
{
    auto *dock = new QDockWidget(tr("Corpus and model"), this);
    m_setupDock = dock;
    dock->setObjectName(QStringLiteral("setupDock"));
    auto *w = new QWidget(dock);
    auto *form = new QFormLayout(w);
    m_corpus = new QComboBox(w);
    for (const BuiltinCorpus &c : builtinCorpora())
        m_corpus->addItem(c.title, QStringLiteral("builtin:") + c.id);
    auto *openButton = new QPushButton(tr("Open text file…"), w);
    connect(openButton, &QPushButton::clicked, this, &MainWindow::openCorpus);
    m_tokenizer = new QComboBox(w);
    m_tokenizer->addItem(tr("Characters"), QStringLiteral("char"));
    m_tokenizer->addItem(tr("Words"), QStringLiteral("word"));
    m_tokenizer->addItem(tr("Bytes"), QStringLiteral("byte"));
    m_tokenizer->addItem(tr("Byte-level BPE (512 tokens)"), QStringLiteral("bpe"));
    m_model = new ModelOptionsPanel(w);
    form->addRow(tr("Corpus"), m_corpus);
    form->addRow(QString(), openButton);
    form->addRow(tr("Tokens"), m_tokenizer);
    form->addRow(m_model);
    connect(m_model, &ModelOptionsPanel::changed, this, &MainWindow::syncFamilyControls);
    connect(m_tokenizer, &QComboBox::currentIndexChanged, this, &MainWindow::syncFamilyControls);
    dock->setWidget(w);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    m_lmDocks << dock;
}

void MainWindow::buildControlsDock()
{
    auto *dock = new QDockWidget(tr("Training"), this);
    dock->setObjectName(QStringLiteral("trainingDock"));
    auto *w = new QWidget(dock);
    auto *layout = new QVBoxLayout(w);
    auto *form = new QFormLayout;
    m_batch = spinBox(1, 4096, 32, w);
    m_seq = spinBox(1, 8192, 32, w);
    m_steps = spinBox(1, 10'000'000, 1500, w);
    m_lr = new QDoubleSpinBox(w);
    m_lr->setDecimals(4);
    m_lr->setRange(0.0001, 1.0);
    m_lr->setSingleStep(0.0005);
    m_lr->setValue(0.003);
    m_seed = spinBox(0, 1'000'000, 1, w);
    m_threads = spinBox(1, 64, 1, w);
    m_clip = new QDoubleSpinBox(w);
    m_clip->setRange(0.0, 1000.0);
    m_clip->setValue(1.0);
    m_clip->setSpecialValueText(tr("off"));
    m_clip->setToolTip(tr("Largest allowed gradient norm; bigger gradients are scaled down. 0 turns clipping off."));
    m_tbptt = new QCheckBox(tr("Read in order, carry the state (truncated BPTT)"), w);
    connect(m_seq, &QSpinBox::valueChanged, this, &MainWindow::syncFamilyControls);
    form->addRow(tr("Batch size"), m_batch);
    form->addRow(tr("Window length"), m_seq);
    form->addRow(tr("Steps"), m_steps);
    form->addRow(tr("Learning rate"), m_lr);
    form->addRow(tr("Seed"), m_seed);
    form->addRow(tr("Threads"), m_threads);
    form->addRow(tr("Gradient clipping"), m_clip);
    form->addRow(m_tbptt);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    m_startButton = new QPushButton(tr("Start"), w);
    m_pauseButton = new QPushButton(tr("Pause"), w);
    m_stepButton = new QPushButton(tr("Step"), w);
    m_resetButton = new QPushButton(tr("Reset"), w);
    for (QPushButton *b : {m_startButton, m_pauseButton, m_stepButton, m_resetButton})
        buttons->addWidget(b);
    layout->addLayout(buttons);
    connect(m_startButton, &QPushButton::clicked, this, &MainWindow::startTraining);
    connect(m_pauseButton, &QPushButton::clicked, this, &MainWindow::pauseTraining);
    connect(m_stepButton, &QPushButton::clicked, this, &MainWindow::stepTraining);
    connect(m_resetButton, &QPushButton::clicked, this, &MainWindow::resetTraining);
    auto *sampleRow = new QHBoxLayout;
    m_prompt = new QLineEdit(w);
    m_prompt->setPlaceholderText(tr("Prompt, e.g. The king"));
    m_sampleButton = new QPushButton(tr("Let it write"), w);
    connect(m_sampleButton, &QPushButton::clicked, this, &MainWindow::sampleText);
    sampleRow->addWidget(m_prompt);
    sampleRow->addWidget(m_sampleButton);
    layout->addLayout(sampleRow);
    m_generated = new QLabel(w);
    m_generated->setWordWrap(true);
    m_generated->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_generated);
    layout->addStretch();
    dock->setWidget(w);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    m_lmDocks << dock;
}

void MainWindow::buildLogDock()
{
    auto *dock = new QDockWidget(tr("Log"), this);
    dock->setObjectName(QStringLiteral("logDock"));
    m_log = new QPlainTextEdit(dock);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    dock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    m_lmDocks << dock; // the training log belongs to the language-model tab
}

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
    connect(m_lessonPanel, &LessonPanel::trainingProgress, this, [this](const QVector<double> &losses) {
        if (m_controller->state() == TrainingController::State::Running)
            return; // the learner's own training owns the plot
        showTab(0);
        for (double loss : losses)
            m_lossPlot->addPoint(double(m_lossPlot->pointCount() + 1), loss);
    });
}

int MainWindow::currentTab() const { return m_tabs->currentIndex(); }

QWidget *MainWindow::lessonRegion(const QString &region) const
{
    std::map<QString, QWidget *> regions;
    regions[QStringLiteral("loss_plot")] = m_lossPlot;
    regions[QStringLiteral("setup")] = m_setupDock;
    regions[QStringLiteral("generated_text")] = m_generated;
    regions[QStringLiteral("heatmap")] = m_attentionView->headPlot();
    regions[QStringLiteral("overview")] = m_attentionView->overview();
    regions[QStringLiteral("entropy")] = m_attentionView->entropyTable();
    regions[QStringLiteral("step_through")] = m_attentionView->stepView();
    regions[QStringLiteral("projection")] = m_embeddingView;
    regions[QStringLiteral("hidden_states")] = m_recurrentView->hiddenPlot();
    regions[QStringLiteral("gates")] = m_recurrentView->gatePlot();
    regions[QStringLiteral("gradients")] = m_recurrentView->gradientPlot();
    regions[QStringLiteral("memory_bytes")] = m_memoryView->bytesPlot();
    regions[QStringLiteral("memory_time")] = m_memoryView->timePlot();
    regions[QStringLiteral("calculator")] = m_memoryView->calculator();
    const auto it = regions.find(region);
    return it == regions.end() ? nullptr : it->second;
}

void MainWindow::highlight(QWidget *target)
{
    if (target && target->isVisible())
        new HighlightFrame(target); // deletes itself
}

// What a lesson step produced, shown in the views the learner knows: the tab it names, the loss
// curve of the model it trained, the text it traced (attention or hidden states), the memory it
// measured, and the layer, head, token and region it points at.
void MainWindow::applyLessonStep(const LessonSnapshot &snapshot)
{
    const LessonSelection &sel = snapshot.selection;
    static const QStringList views{QStringLiteral("lm"), QStringLiteral("vectors"), QStringLiteral("recurrent"),
                                   QStringLiteral("attention"), QStringLiteral("memory")};
    const int tab = views.indexOf(QString::fromStdString(sel.view));
    if (tab >= 0)
        showTab(tab);
    if (m_controller->state() != TrainingController::State::Running) {
        setCorpusSpec(snapshot.corpusSpec);
        setArchitecture(snapshot.arch);
    }
    if (!snapshot.losses.isEmpty()) {
        m_lossPlot->clear();
        QVector<double> steps(snapshot.losses.size());
        for (qsizetype i = 0; i < steps.size(); ++i)
            steps[i] = double(i + 1);
        m_lossPlot->addPoints(steps, snapshot.losses);
    }
    if (!snapshot.generated.isEmpty())
        m_generated->setText(snapshot.generated);
    if (snapshot.trace) {
        if (snapshot.trace->has("layer0.head0.attention"))
            m_attentionView->showTrace(snapshot.trace);
        else
            m_recurrentView->showTrace(snapshot.trace);
    }
    if (sel.layer >= 0 || sel.head >= 0)
        m_attentionView->selectHead(std::max(0, sel.layer), std::max(0, sel.head));
    if (sel.token >= 0)
        m_attentionView->selectToken(sel.token);
    if (sel.unit >= 0)
        m_recurrentView->showUnit(sel.unit);
    if (!snapshot.memoryRows.empty())
        m_memoryView->showRows(snapshot.memoryRows);
    if (sel.highlight == "step_through")
        m_attentionView->showStepThrough(true);
    else if (sel.highlight == "heatmap")
        m_attentionView->showStepThrough(false);
    if (!sel.highlight.empty()) {
        QWidget *target = lessonRegion(QString::fromStdString(sel.highlight));
        QTimer::singleShot(0, this, [this, target] { highlight(target); }); // after the tab is laid out
    }
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open corpus…"), QKeySequence::Open, this, &MainWindow::openCorpus);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    updateRecentMenu();
    file->addAction(tr("&Save checkpoint…"), QKeySequence::Save, this, &MainWindow::saveCheckpoint);
    file->addAction(tr("&Export loss plot…"), this, &MainWindow::exportLossPlot);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
    view->addAction(tr("Reset layout"), this, &MainWindow::resetLayout);
    view->addSeparator();
    QAction *logY = view->addAction(tr("Logarithmic loss axis"));
    logY->setCheckable(true);
    connect(logY, &QAction::toggled, m_lossPlot, &LossPlot::setLogY);
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

TrainingRequest MainWindow::currentRequest() const
{
    TrainingRequest r;
    r.corpusSpec = m_corpus->currentData().toString();
    r.model.arch = m_model->architectureName().toStdString();
    r.model.options = m_model->values();
    r.train.clipNorm = static_cast<float>(m_clip->value());
    r.train.sequential = m_tbptt->isChecked() && m_model->architecture().traits.carriesState;
    r.model.tokenizer = m_tokenizer->currentData().toString().toStdString();
    r.train.batch = m_batch->value();
    r.train.seq = m_seq->value();
    r.train.steps = m_steps->value();
    r.train.lr = static_cast<float>(m_lr->value());
    r.train.seed = static_cast<std::uint64_t>(m_seed->value());
    r.threads = m_threads->value();
    r.autosavePath = m_persistent ? autosavePath() : QString();
    r.autosaveSeconds = m_autosaveSeconds;
    return r;
}

namespace {
const QString kSessionTraining = QStringLiteral("session/training"); // true while a training may be unsaved
} // namespace

QString MainWindow::autosavePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/autosave.safetensors");
}

bool MainWindow::hasInterruptedSession() const
{
    return QSettings().value(kSessionTraining, false).toBool() && QFileInfo::exists(autosavePath());
}

int MainWindow::interruptedStep() const
{
    auto loaded = lm::loadCheckpoint(QFile::encodeName(autosavePath()).toStdString());
    return loaded ? loaded.value().training.value("steps", 0) : 0;
}

void MainWindow::resumeInterruptedSession()
{
    TrainingRequest r = currentRequest(); // the settings were saved when that training started
    r.resumeFrom = autosavePath();
    m_lossPlot->clear();
    m_history.clear();
    QSettings().setValue(kSessionTraining, true);
    m_controller->start(r);
}

void MainWindow::discardInterruptedSession()
{
    QSettings().setValue(kSessionTraining, false);
    QFile::remove(autosavePath());
}

void MainWindow::setSteps(int steps) { m_steps->setValue(steps); }

void MainWindow::setArchitecture(const QString &arch) { m_model->setArchitecture(arch); }

ModelOptionsPanel *MainWindow::modelOptions() const { return m_model; }

// The controls that depend on the family: truncated BPTT needs a model that carries its state;
// the parameter count needs the tokenizer's vocabulary.
void MainWindow::syncFamilyControls()
{
    const bool editable = m_controller->state() == TrainingController::State::Idle ||
                          m_controller->state() == TrainingController::State::Finished;
    m_tbptt->setEnabled(editable && m_model->architecture().traits.carriesState);
    const QString tokenizer = m_tokenizer->currentData().toString();
    const int vocab = tokenizer == QStringLiteral("bpe") ? 512 : 256; // bytes, or a guess for characters and words
    m_model->setCountAssumptions(vocab, m_seq->value());
}

void MainWindow::setCorpusSpec(const QString &spec)
{
    int i = m_corpus->findData(spec);
    if (i < 0) {
        m_corpus->addItem(QFileInfo(spec).fileName(), spec);
        i = m_corpus->count() - 1;
    }
    m_corpus->setCurrentIndex(i);
}

QString MainWindow::logText() const { return m_log->toPlainText(); }

void MainWindow::startTraining()
{
    if (m_controller->state() == TrainingController::State::Idle || m_controller->state() == TrainingController::State::Finished) {
        m_lossPlot->clear();
        m_history.clear();
    }
    saveSettings(); // the choices survive a crash, and a resumed session finds them
    QSettings().setValue(kSessionTraining, true);
    m_controller->start(currentRequest());
}

void MainWindow::pauseTraining() { m_controller->pause(); }

void MainWindow::stepTraining()
{
    if (m_controller->state() == TrainingController::State::Idle) {
        m_lossPlot->clear();
        m_history.clear();
    }
    m_controller->start(currentRequest(), true);
}

void MainWindow::resetTraining()
{
    m_controller->reset();
    m_pending.clear();
    m_history.clear();
    m_lossPlot->clear();
    m_progress->setValue(0);
    appendLog(tr("Reset: the next Start builds a fresh model."));
}

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
    setCorpusSpec(path);
    appendLog(tr("Corpus %1: %2 bytes").arg(path, QLocale().toString(static_cast<qlonglong>(corpus.value().text.size()))));
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

void MainWindow::exportLossPlot() { m_lossPlot->exportWithDialog(); }

void MainWindow::sampleText()
{
    // An empty prompt starts from a word the chosen built-in corpus uses a lot.
    QString prompt = m_prompt->text();
    if (prompt.isEmpty())
        prompt = m_corpus->currentData().toString() == QStringLiteral("builtin:zh_TW") ? QStringLiteral("國王")
                                                                                      : QStringLiteral("The king");
    m_controller->sample(prompt, 80, 0.8);
}

QString MainWindow::generatedText() const { return m_generated->text(); }

void MainWindow::appendLog(const QString &line) { m_log->appendPlainText(line); }

void MainWindow::onStateChanged(TrainingController::State state)
{
    using S = TrainingController::State;
    const bool busy = state == S::Running || state == S::Preparing;
    m_startButton->setEnabled(!busy);
    m_startButton->setText(state == S::Paused ? tr("Resume") : tr("Start"));
    m_pauseButton->setEnabled(state == S::Running);
    m_stepButton->setEnabled(!busy && state != S::Finished);
    m_resetButton->setEnabled(state != S::Idle);
    m_sampleButton->setEnabled(state == S::Paused || state == S::Finished);
    for (QWidget *w : std::initializer_list<QWidget *>{m_corpus, m_tokenizer, m_model, m_batch, m_seq, m_steps, m_lr,
                                                       m_seed, m_threads, m_clip, m_tbptt})
        w->setEnabled(state == S::Idle || state == S::Finished);
    syncFamilyControls();
    switch (state) {
    case S::Idle: break;
    case S::Preparing: statusBar()->showMessage(tr("Preparing the corpus and the model…")); break;
    case S::Running: statusBar()->showMessage(tr("Training…")); break;
    case S::Paused: statusBar()->showMessage(tr("Paused. Step, resume, or let the model write.")); break;
    case S::Finished: statusBar()->showMessage(tr("Finished.")); break;
    }
}

void MainWindow::onProgress(const QVector<lm::StepReport> &reports)
{
    m_pending += reports;
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void MainWindow::flushProgress()
{
    if (m_pending.isEmpty())
        return;
    QVector<double> steps, losses;
    steps.reserve(m_pending.size());
    losses.reserve(m_pending.size());
    m_history += m_pending;
    for (const lm::StepReport &r : std::as_const(m_pending)) {
        steps << r.step;
        losses << r.loss;
        if (r.step == 1 || r.step % 250 == 0 || r.step == r.totalSteps)
            appendLog(tr("step %1  loss %2  grad norm %3  lr %4")
                          .arg(r.step)
                          .arg(r.loss, 0, 'f', 4)
                          .arg(r.gradNorm, 0, 'f', 3)
                          .arg(r.learningRate, 0, 'g', 3));
    }
    m_last = m_pending.back();
    m_pending.clear();
    m_lossPlot->addPoints(steps, losses);
    m_progress->setRange(0, m_last.totalSteps);
    m_progress->setValue(m_last.step);
    const QLocale loc;
    m_speed->setText(tr("%1 tokens/s").arg(loc.toString(m_last.tokensPerSecond, 'f', 0)));
    m_memory->setText(tr("tensors %1 (peak %2)").arg(bytesText(m_last.liveBytes), bytesText(m_last.peakBytes)));
}

void MainWindow::onStopped(TrainingWorker::Stop why, const QString &message)
{
    flushProgress();
    m_recurrentView->showTrainingHistory(m_history, m_clip->value());
    switch (why) {
    case TrainingWorker::Stop::Finished:
        appendLog(tr("Finished %1 steps; final loss %2.").arg(m_last.step).arg(m_last.loss, 0, 'f', 4));
        sampleText();
        break;
    case TrainingWorker::Stop::Paused: break;
    case TrainingWorker::Stop::Cancelled: appendLog(tr("Cancelled at step %1.").arg(m_last.step)); break;
    case TrainingWorker::Stop::Diverged: appendLog(message); break;
    }
    if (why != TrainingWorker::Stop::Paused) // nothing is left to resume
        QSettings().setValue(kSessionTraining, false);
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
    const QString spec = s.value(QStringLiteral("train/corpus"), QStringLiteral("builtin:en")).toString();
    if (spec.startsWith(QStringLiteral("builtin:")) || QFileInfo::exists(spec))
        setCorpusSpec(spec);
    m_tokenizer->setCurrentIndex(std::max(0, m_tokenizer->findData(s.value(QStringLiteral("train/tokenizer"), QStringLiteral("char")))));
    m_model->setArchitecture(s.value(QStringLiteral("train/arch")).toString());
    // Each family's options are kept apart: "train/options/lstm" = {"dim": 64, …}.
    const QByteArray options = s.value(QStringLiteral("train/options/") + m_model->architectureName()).toByteArray();
    m_model->setValues(nlohmann::json::parse(options.toStdString(), nullptr, false));
    m_clip->setValue(s.value(QStringLiteral("train/clip"), m_clip->value()).toDouble());
    m_tbptt->setChecked(s.value(QStringLiteral("train/tbptt"), false).toBool());
    m_batch->setValue(s.value(QStringLiteral("train/batch"), m_batch->value()).toInt());
    m_seq->setValue(s.value(QStringLiteral("train/seq"), m_seq->value()).toInt());
    m_steps->setValue(s.value(QStringLiteral("train/steps"), m_steps->value()).toInt());
    m_lr->setValue(s.value(QStringLiteral("train/lr"), m_lr->value()).toDouble());
    m_seed->setValue(s.value(QStringLiteral("train/seed"), m_seed->value()).toInt());
    m_threads->setValue(s.value(QStringLiteral("train/threads"), m_threads->value()).toInt());
}

void MainWindow::showWorkingLayout()
{
    showTab(0);
    for (QDockWidget *d : std::as_const(m_lmDocks))
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
    s.setValue(QStringLiteral("train/corpus"), m_corpus->currentData());
    s.setValue(QStringLiteral("train/tokenizer"), m_tokenizer->currentData());
    s.setValue(QStringLiteral("train/arch"), m_model->architectureName());
    s.setValue(QStringLiteral("train/options/") + m_model->architectureName(),
               QByteArray::fromStdString(m_model->values().dump()));
    s.setValue(QStringLiteral("train/clip"), m_clip->value());
    s.setValue(QStringLiteral("train/tbptt"), m_tbptt->isChecked());
    s.setValue(QStringLiteral("train/batch"), m_batch->value());
    s.setValue(QStringLiteral("train/seq"), m_seq->value());
    s.setValue(QStringLiteral("train/steps"), m_steps->value());
    s.setValue(QStringLiteral("train/lr"), m_lr->value());
    s.setValue(QStringLiteral("train/seed"), m_seed->value());
    s.setValue(QStringLiteral("train/threads"), m_threads->value());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    m_controller->cancel();
    discardInterruptedSession(); // a clean exit: nothing to resume next time
    event->accept();
}
