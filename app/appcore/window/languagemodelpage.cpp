#include "window/languagemodelpage.h"

#include "base/corpora.h"
#include "base/languagedefaults.h"
#include "base/spinbox.h"
#include "plots/lossplot.h"
#include "views/modeloptionspanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QVBoxLayout>

namespace {
QString bytesText(std::int64_t bytes) { return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat); }
} // namespace

LanguageModelPage::LanguageModelPage(QMainWindow *window, TrainingController *controller)
    : QObject(window), m_window(window), m_controller(controller), m_lossPlot(new LossPlot(window))
{
    m_docks << buildSetupDock() << buildControlsDock() << buildLogDock();

    m_progress = new QProgressBar(window);
    m_progress->setMaximumWidth(240);
    m_progress->setFormat(tr("step %v / %m"));
    m_speed = new QLabel(window);
    m_memory = new QLabel(window);
    window->statusBar()->addPermanentWidget(m_speed);
    window->statusBar()->addPermanentWidget(m_memory);
    window->statusBar()->addPermanentWidget(m_progress);

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(30);
    connect(&m_flushTimer, &QTimer::timeout, this, &LanguageModelPage::flushProgress);
    connect(m_controller, &TrainingController::stateChanged, this, &LanguageModelPage::onStateChanged);
    connect(m_controller, &TrainingController::progress, this, &LanguageModelPage::onProgress);
    connect(m_controller, &TrainingController::stopped, this, &LanguageModelPage::onStopped);
    connect(m_controller, &TrainingController::prepared, this, [this](const QString &summary, int vocabularySize) {
        appendLog(summary);
        m_knownVocabulary = vocabularySize; // the count now uses the real vocabulary
        syncFamilyControls();
    });
    connect(m_controller, &TrainingController::failed, this, [this](const QString &message) {
        appendLog(tr("Error: %1").arg(message));
        showMessage(message);
    });
    connect(m_controller, &TrainingController::sampled, this,
            [this](const QString &text) { appendLog(tr("The model writes: %1").arg(text)); });
    onStateChanged(TrainingController::State::Idle);
}

LanguageModelPage::~LanguageModelPage() = default;

QDockWidget *LanguageModelPage::buildSetupDock()
{
    auto *dock = new QDockWidget(tr("Corpus and model"), m_window);
    m_setupDock = dock;
    dock->setObjectName(QStringLiteral("setupDock"));
    auto *w = new QWidget(dock);
    auto *form = new QFormLayout(w);
    m_corpus = new QComboBox(w);
    for (const BuiltinCorpus &c : builtinCorpora())
        m_corpus->addItem(c.title, QStringLiteral("builtin:") + c.id);
    setCorpusSpec(defaultCorpusSpec());
    auto *openButton = new QPushButton(tr("Open text file…"), w);
    connect(openButton, &QPushButton::clicked, this, &LanguageModelPage::openCorpusRequested);
    m_tokenizer = new QComboBox(w);
    m_tokenizer->addItem(tr("Characters"), QStringLiteral("char"));
    m_tokenizer->addItem(tr("Words"), QStringLiteral("word"));
    m_tokenizer->addItem(tr("Bytes"), QStringLiteral("byte"));
    m_tokenizer->addItem(tr("Byte-level BPE (512 tokens)"), QStringLiteral("bpe"));
    m_tokenizer->addItem(tr("WordPiece, as BERT (2000 tokens)"), QStringLiteral("wordpiece"));
    m_tokenizer->addItem(tr("Unigram, as SentencePiece (2000 tokens)"), QStringLiteral("unigram"));
    m_model = new ModelOptionsPanel(w);
    form->addRow(tr("Corpus"), m_corpus);
    form->addRow(QString(), openButton);
    form->addRow(tr("Tokens"), m_tokenizer);
    form->addRow(m_model);
    connect(m_model, &ModelOptionsPanel::changed, this, &LanguageModelPage::syncFamilyControls);
    for (QComboBox *box : {m_tokenizer, m_corpus})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            m_knownVocabulary = 0; // another text or tokenizer: the last run's vocabulary no longer holds
            syncFamilyControls();
        });
    dock->setWidget(w);
    m_window->addDockWidget(Qt::LeftDockWidgetArea, dock);
    return dock;
}

QDockWidget *LanguageModelPage::buildControlsDock()
{
    auto *dock = new QDockWidget(tr("Training"), m_window);
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
    connect(m_seq, &QSpinBox::valueChanged, this, &LanguageModelPage::syncFamilyControls);
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
    connect(m_startButton, &QPushButton::clicked, this, &LanguageModelPage::startRequested);
    connect(m_pauseButton, &QPushButton::clicked, m_controller, &TrainingController::pause);
    connect(m_stepButton, &QPushButton::clicked, this, &LanguageModelPage::stepRequested);
    connect(m_resetButton, &QPushButton::clicked, this, &LanguageModelPage::reset);
    auto *sampleRow = new QHBoxLayout;
    m_prompt = new QLineEdit(w);
    m_prompt->setPlaceholderText(tr("Prompt, e.g. %1").arg(samplePrompt(corpusSpec())));
    m_sampleButton = new QPushButton(tr("Let it write"), w);
    connect(m_sampleButton, &QPushButton::clicked, this, &LanguageModelPage::sample);
    sampleRow->addWidget(m_prompt);
    sampleRow->addWidget(m_sampleButton);
    layout->addLayout(sampleRow);
    m_generated = new QLabel(w);
    m_generated->setWordWrap(true);
    m_generated->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_generated);
    layout->addStretch();
    dock->setWidget(w);
    m_window->addDockWidget(Qt::LeftDockWidgetArea, dock);
    return dock;
}

QDockWidget *LanguageModelPage::buildLogDock()
{
    auto *dock = new QDockWidget(tr("Log"), m_window);
    dock->setObjectName(QStringLiteral("logDock"));
    m_log = new QPlainTextEdit(dock);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    dock->setWidget(m_log);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    return dock;
}

TrainingRequest LanguageModelPage::request() const
{
    TrainingRequest r;
    r.corpusSpec = corpusSpec();
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
    return r;
}

void LanguageModelPage::setSteps(int steps) { m_steps->setValue(steps); }

void LanguageModelPage::setArchitecture(const QString &arch) { m_model->setArchitecture(arch); }

void LanguageModelPage::setCorpusSpec(const QString &spec)
{
    int i = m_corpus->findData(spec);
    if (i < 0) {
        m_corpus->addItem(QFileInfo(spec).fileName(), spec);
        i = m_corpus->count() - 1;
    }
    m_corpus->setCurrentIndex(i);
}

QString LanguageModelPage::corpusSpec() const { return m_corpus->currentData().toString(); }

QString LanguageModelPage::logText() const { return m_log->toPlainText(); }

void LanguageModelPage::appendLog(const QString &line) { m_log->appendPlainText(line); }

QString LanguageModelPage::generatedText() const { return m_generated->text(); }

void LanguageModelPage::setGeneratedText(const QString &text) { m_generated->setText(text); }

double LanguageModelPage::clipNorm() const { return m_clip->value(); }

// The controls that depend on the family: truncated BPTT needs a model that carries its state;
// the parameter count needs the tokenizer's vocabulary: the last run's, until the corpus or the
// tokenizer changes, else an estimate.
void LanguageModelPage::syncFamilyControls()
{
    const bool editable = m_controller->state() == TrainingController::State::Idle ||
                          m_controller->state() == TrainingController::State::Finished;
    m_tbptt->setEnabled(editable && m_model->architecture().traits.carriesState);
    const QString tokenizer = m_tokenizer->currentData().toString();
    const int vocab = m_knownVocabulary > 0                  ? m_knownVocabulary
                      : tokenizer == QStringLiteral("bpe") ? 512
                      : tokenizer == QStringLiteral("wordpiece") || tokenizer == QStringLiteral("unigram")
                          ? 2000
                          : 256; // bytes, or a guess for characters and words
    m_model->setCountAssumptions(vocab, m_seq->value());
}

void LanguageModelPage::start(const TrainingRequest &request, bool stepOnly)
{
    const TrainingController::State state = m_controller->state();
    if (state == TrainingController::State::Idle || (!stepOnly && state == TrainingController::State::Finished)) {
        m_lossPlot->clear();
        m_history.clear();
    }
    m_controller->start(request, stepOnly);
}

void LanguageModelPage::reset()
{
    m_controller->reset();
    m_pending.clear();
    m_history.clear();
    m_lossPlot->clear();
    m_progress->setValue(0);
    appendLog(tr("Reset: the next Start builds a fresh model."));
}

void LanguageModelPage::sample()
{
    const QString prompt = m_prompt->text().isEmpty() ? samplePrompt(corpusSpec()) : m_prompt->text();
    m_controller->sample(prompt, 80, 0.8);
}

void LanguageModelPage::showMessage(const QString &text) { m_window->statusBar()->showMessage(text); }

void LanguageModelPage::onStateChanged(TrainingController::State state)
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
    case S::Preparing: showMessage(tr("Preparing the corpus and the model…")); break;
    case S::Running: showMessage(tr("Training…")); break;
    case S::Paused: showMessage(tr("Paused. Step, resume, or let the model write.")); break;
    case S::Finished: showMessage(tr("Finished.")); break;
    }
}

void LanguageModelPage::onProgress(const QVector<lm::StepReport> &reports)
{
    m_pending += reports;
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void LanguageModelPage::flushProgress()
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

void LanguageModelPage::onStopped(TrainingWorker::Stop why, const QString &message)
{
    flushProgress();
    switch (why) {
    case TrainingWorker::Stop::Finished:
        appendLog(tr("Finished %1 steps; final loss %2.").arg(m_last.step).arg(m_last.loss, 0, 'f', 4));
        if (m_model->architecture().traits.direction != lm::Direction::Bidirectional)
            sample(); // an encoder writes nothing: it is read on the attention and sentence-search tabs
        else
            appendLog(tr("An encoder reads whole sentences and writes no text: trace one on the Attention tab, or "
                         "search sentences with it on the Sentence search tab."));
        break;
    case TrainingWorker::Stop::Paused: break;
    case TrainingWorker::Stop::Cancelled: appendLog(tr("Cancelled at step %1.").arg(m_last.step)); break;
    case TrainingWorker::Stop::Diverged: appendLog(message); break;
    }
    Q_EMIT stopped(why);
}

void LanguageModelPage::loadSettings(const QSettings &s)
{
    const QString spec = s.value(QStringLiteral("train/corpus"), defaultCorpusSpec()).toString();
    if (spec.startsWith(QStringLiteral("builtin:")) || QFileInfo::exists(spec))
        setCorpusSpec(spec);
    m_tokenizer->setCurrentIndex(std::max(0, m_tokenizer->findData(s.value(QStringLiteral("train/tokenizer"), QStringLiteral("char")))));
    m_model->setArchitecture(s.value(QStringLiteral("train/arch")).toString());
    // Each family's options are kept apart: "train/options/<family>" = {"dim": 64, …}.
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

void LanguageModelPage::saveSettings(QSettings &s) const
{
    s.setValue(QStringLiteral("train/corpus"), corpusSpec());
    s.setValue(QStringLiteral("train/tokenizer"), m_tokenizer->currentData());
    s.setValue(QStringLiteral("train/arch"), m_model->architectureName());
    s.setValue(QStringLiteral("train/options/") + m_model->architectureName(), QByteArray::fromStdString(m_model->values().dump()));
    s.setValue(QStringLiteral("train/clip"), m_clip->value());
    s.setValue(QStringLiteral("train/tbptt"), m_tbptt->isChecked());
    s.setValue(QStringLiteral("train/batch"), m_batch->value());
    s.setValue(QStringLiteral("train/seq"), m_seq->value());
    s.setValue(QStringLiteral("train/steps"), m_steps->value());
    s.setValue(QStringLiteral("train/lr"), m_lr->value());
    s.setValue(QStringLiteral("train/seed"), m_seed->value());
    s.setValue(QStringLiteral("train/threads"), m_threads->value());
}
