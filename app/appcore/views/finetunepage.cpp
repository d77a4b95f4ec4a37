#include "views/finetunepage.h"

#include "base/application.h"
#include "base/spinbox.h"
#include "plots/metricplot.h"
#include "views/finetuneresults.h"
#include "views/whylabelpanel.h"
#include "workers/finetuneworker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace {

const QColor kRunColours[] = {QColor(31, 119, 180), QColor(255, 127, 14)}; // pre-trained, from scratch

} // namespace

FinetunePage::FinetunePage(QWidget *parent) : QWidget(parent), m_worker(new FinetuneWorker)
{
    m_thread = startWorkerThread(m_worker, QStringLiteral("fine-tuning"), [w = m_worker] { w->cancel(); });

    auto *controls = new QWidget(this);
    auto *controlsLayout = new QVBoxLayout(controls);
    controlsLayout->setContentsMargins(0, 0, 0, 0);
    auto *baseBox = new QGroupBox(tr("Pre-trained encoder"), controls);
    auto *baseLayout = new QVBoxLayout(baseBox);
    m_baseLabel = new QLabel(baseBox);
    m_baseLabel->setWordWrap(true);
    m_open = new QPushButton(tr("Open model…"), baseBox);
    m_open->setToolTip(tr("Our .safetensors, or a Hugging Face BERT or ALBERT folder (choose its config.json)."));
    m_pretrainOnTask = new QPushButton(tr("Pre-train on the task sentences"), baseBox);
    m_pretrainOnTask->setObjectName(QStringLiteral("pretrainOnTask"));
    m_pretrainOnTask->setToolTip(
        tr("Masked-word pre-training of a BERT of width 128 with 4 layers on the built-in sentiment and intent "
           "training sentences of the chosen language, without their labels (about three minutes), then 600 "
           "fine-tuning steps at a learning rate of 0.0005. An encoder that has read the words of the task gains the "
           "most from it; a smaller one, or one pre-trained on other text, may not beat training from scratch."));
    baseLayout->addWidget(m_baseLabel);
    baseLayout->addWidget(m_open);
    baseLayout->addWidget(m_pretrainOnTask);
    controlsLayout->addWidget(baseBox);

    auto *taskBox = new QGroupBox(tr("Task"), controls);
    auto *taskForm = new QFormLayout(taskBox);
    m_task = new QComboBox(taskBox);
    m_task->setObjectName(QStringLiteral("task"));
    m_task->addItem(tr("Sentiment (positive / negative)"), QStringLiteral("sentiment"));
    m_task->addItem(tr("Intent (seven assistant requests)"), QStringLiteral("intent"));
    m_task->addItem(tr("Named entities (PER, LOC, ORG, DATE)"), QStringLiteral("ner"));
    m_task->addItem(tr("Your TSV…"), QString());
    m_language = new QComboBox(taskBox);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("繁體中文"), QStringLiteral("zh_TW"));
    m_language->setCurrentIndex(currentLanguage() == QStringLiteral("zh_TW") ? 1 : 0);
    m_task->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_task->setMinimumContentsLength(14);
    taskForm->addRow(tr("Task"), m_task);
    taskForm->addRow(tr("Language"), m_language);
    controlsLayout->addWidget(taskBox);

    auto *trainBox = new QGroupBox(tr("Training"), controls);
    auto *trainForm = new QFormLayout(trainBox);
    const FinetuneRequest defaults;
    m_steps = spinBox(1, 1000000, defaults.train.steps, trainBox);
    m_steps->setSingleStep(50);
    m_batch = spinBox(1, 1024, defaults.train.batch, trainBox);
    m_seq = spinBox(8, 512, defaults.train.seq, trainBox);
    m_lr = new QDoubleSpinBox(trainBox);
    m_lr->setDecimals(5);
    m_lr->setRange(1e-5, 1.0);
    m_lr->setSingleStep(0.0005);
    m_lr->setValue(defaults.train.lr);
    m_scratch = new QCheckBox(tr("Also from scratch, for comparison"), trainBox);
    m_scratch->setChecked(true);
    m_scratch->setToolTip(tr("The same model and training, but every weight starts at random: what pre-training bought."));
    trainForm->addRow(tr("Steps"), m_steps);
    trainForm->addRow(tr("Batch"), m_batch);
    trainForm->addRow(tr("Tokens per row"), m_seq);
    trainForm->addRow(tr("Learning rate"), m_lr);
    trainForm->addRow(m_scratch);
    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Fine-tune"), trainBox);
    m_cancel = new QPushButton(tr("Cancel"), trainBox);
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    trainForm->addRow(buttons);
    m_progress = new QProgressBar(trainBox);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    trainForm->addRow(m_progress);
    m_status = new QLabel(trainBox);
    m_status->setWordWrap(true);
    trainForm->addRow(m_status);
    controlsLayout->addWidget(trainBox);
    controlsLayout->addStretch();
    auto *controlsScroll = new QScrollArea(this);
    controlsScroll->setWidget(controls);
    controlsScroll->setWidgetResizable(true);
    controlsScroll->setFrameShape(QFrame::NoFrame);
    controlsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    controlsScroll->setMinimumWidth(300);
    controlsScroll->setMaximumWidth(360);

    m_curves = new MetricPlot(this);
    m_curves->setObjectName(QStringLiteral("finetuneCurves"));
    m_curves->setAxisLabels(tr("step"), tr("training loss"), tr("test accuracy / F1"));
    m_resultsView = new FinetuneResults(this);
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_curves);
    top->addWidget(m_resultsView->summary());
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    top->setSizes({540, 400});

    auto *middle = new QWidget(this);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    auto *which = new QHBoxLayout;
    m_resultsOf = new QComboBox(middle);
    m_resultsOf->addItem(tr("fine-tuned from the pre-trained encoder"), int(FinetuneRun::Pretrained));
    m_resultsOf->addItem(tr("trained from scratch"), int(FinetuneRun::Scratch));
    m_metric = new QLabel(middle);
    which->addWidget(new QLabel(tr("Results of the model"), middle));
    which->addWidget(m_resultsOf);
    which->addWidget(m_metric, 1);
    middleLayout->addLayout(which);
    middleLayout->addWidget(m_resultsView->detail(), 1);

    m_why = new WhyLabelPanel(this);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(top);
    right->addWidget(middle);
    right->addWidget(m_why);
    right->setStretchFactor(0, 5);
    right->setStretchFactor(1, 3);
    right->setStretchFactor(2, 2);
    right->setSizes({330, 200, 210});

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(controlsScroll);
    layout->addWidget(right, 1);

    connect(m_task, &QComboBox::activated, this, [this](int index) {
        if (m_task->itemData(index).toString().isEmpty())
            chooseTsv();
        setBusy();
    });
    connect(m_open, &QPushButton::clicked, this, &FinetunePage::chooseOpenFile);
    connect(m_pretrainOnTask, &QPushButton::clicked, this,
            [this] { Q_EMIT taskPretrainingRequested(m_language->currentData().toString()); });
    connect(m_start, &QPushButton::clicked, this, &FinetunePage::startTraining);
    connect(m_cancel, &QPushButton::clicked, this, &FinetunePage::cancel);
    connect(m_resultsOf, &QComboBox::currentIndexChanged, this,
            [this] { showRun(FinetuneRun(m_resultsOf->currentData().toInt())); });
    connect(m_worker, &FinetuneWorker::started, this, [this](const QString &summary) {
        m_summary = summary;
        m_status->setText(summary);
    });
    connect(m_worker, &FinetuneWorker::progress, this, &FinetunePage::onProgress);
    connect(m_worker, &FinetuneWorker::evaluated, this, &FinetunePage::onEvaluated);
    connect(m_worker, &FinetuneWorker::runFinished, this, &FinetunePage::onRunFinished);
    connect(m_worker, &FinetuneWorker::finished, this, &FinetunePage::onFinished);
    connect(m_worker, &FinetuneWorker::failed, this, [this](const QString &message) {
        m_opening = false;
        m_failed = true;
        m_status->setText(message);
        setBusy();
    });
    connect(m_worker, &FinetuneWorker::opened, this, [this](const EncoderHandle &encoder) {
        m_opening = false;
        setBaseEncoder(encoder);
        m_status->setText(tr("Opened %1.").arg(encoder.name));
    });
    m_status->setText(tr("Pre-train an encoder first, or open one."));
    updateBaseLabel();
    setBusy();
}

FinetunePage::~FinetunePage() = default; // the threads' deleters cancel the jobs and wait

void FinetunePage::setBaseEncoder(const EncoderHandle &base)
{
    m_base = base;
    updateBaseLabel();
    setBusy();
}

void FinetunePage::updateBaseLabel()
{
    if (!m_base.valid()) {
        m_baseLabel->setText(tr("None yet: pre-train one on the Pre-training page and press “Use this encoder for "
                                "fine-tuning”, or open a model."));
        return;
    }
    const lm::EncoderConfig &c = m_base.model->encoderConfig();
    m_baseLabel->setText(tr("<b>%1</b><br>%2 layers, width %3, vocabulary %4")
                             .arg(m_base.name.toHtmlEscaped())
                             .arg(c.layers)
                             .arg(c.dim)
                             .arg(QLocale().toString(c.vocabSize)));
}

FinetuneRequest FinetunePage::request() const
{
    FinetuneRequest r;
    r.base = m_base;
    r.task = m_task->currentData().toString();
    r.language = m_language->currentData().toString();
    r.tsvPath = r.task.isEmpty() ? m_tsvPath : QString();
    r.train.steps = m_steps->value();
    r.train.batch = m_batch->value();
    r.train.seq = m_seq->value();
    r.train.lr = float(m_lr->value());
    r.fromScratch = m_scratch->isChecked();
    return r;
}

void FinetunePage::setRequest(const FinetuneRequest &r)
{
    if (r.task.isEmpty()) {
        m_tsvPath = r.tsvPath;
        m_task->setCurrentIndex(m_task->count() - 1);
    } else {
        m_task->setCurrentIndex(std::max(0, m_task->findData(r.task)));
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(r.language)));
    m_steps->setValue(r.train.steps);
    m_batch->setValue(r.train.batch);
    m_seq->setValue(r.train.seq);
    m_lr->setValue(r.train.lr);
    m_scratch->setChecked(r.fromScratch);
    setBusy();
}

QString FinetunePage::sampleSentence() const
{
    const bool zh = m_language->currentData().toString() == QStringLiteral("zh_TW");
    const QString task = m_task->currentData().toString();
    if (task == QStringLiteral("sentiment"))
        return zh ? QStringLiteral("雖然湯一點也不難喝，但服務太令人失望。")
                  : QStringLiteral("The soup was not bad at all, but the service was really disappointing.");
    if (task == QStringLiteral("intent"))
        return zh ? QStringLiteral("幫我設定一個十分鐘的計時器。") : QStringLiteral("could you set a timer for ten minutes?");
    if (task == QStringLiteral("ner"))
        return zh ? QStringLiteral("鄭嘉義星期五離開台南前往紐約。") : QStringLiteral("Esther Mueller flew to Toronto on August 3 .");
    return {};
}

void FinetunePage::startTraining() { startWith(request()); }

void FinetunePage::startWith(const FinetuneRequest &request)
{
    if (m_training || m_opening || !m_base.valid())
        return;
    FinetuneRequest r = request;
    r.base = m_base;
    if (r.task.isEmpty() && r.tsvPath.isEmpty())
        return;
    beginRun(r);
    m_status->setText(tr("Reading the task…"));
    m_progress->setRange(0, 0);
    setBusy();
    m_worker->resetCancel();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, r] { w->finetune(r); }, Qt::QueuedConnection);
}

void FinetunePage::beginRun(const FinetuneRequest &r)
{
    m_training = true;
    m_failed = false;
    m_running = r;
    m_results = {};
    m_stepsDone = {0, 0};
    m_resultsView->clear();
    m_metric->clear();
    ++m_comparisons;
    m_curves->fadeSeries();
    const QString metric = r.task == QStringLiteral("ner") ? tr("F1") : tr("accuracy");
    const QString prefix = m_comparisons > 1 ? tr("#%1 ").arg(m_comparisons) : QString();
    for (const FinetuneRun run : {FinetuneRun::Pretrained, FinetuneRun::Scratch}) {
        const bool on = run == FinetuneRun::Pretrained ? r.fromPretrained : r.fromScratch;
        const std::size_t i = std::size_t(run);
        if (!on) {
            m_lossSeries[i] = m_metricSeries[i] = -1;
            continue;
        }
        const QString name = prefix + (run == FinetuneRun::Pretrained ? tr("pre-trained") : tr("from scratch"));
        m_lossSeries[i] = m_curves->addSeries(tr("%1: loss (smoothed)").arg(name), kRunColours[i], MetricPlot::Axis::Loss);
        m_metricSeries[i] = m_curves->addSeries(tr("%1: test %2").arg(name, metric), kRunColours[i], MetricPlot::Axis::Share,
                                                Qt::DashLine);
    }
}

bool FinetunePage::replayRun(const FinetuneRequest &request, const QString &summary, const QVector<FinetuneProgress> &progress,
                             const QVector<FinetuneEval> &evals, const QVector<FinetuneResult> &runs)
{
    if (m_training || m_opening || !request.base.valid())
        return false;
    setRequest(request);
    setBaseEncoder(request.base);
    beginRun(request);
    m_summary = summary;
    for (const FinetuneProgress &p : progress)
        onProgress(p);
    for (const FinetuneEval &e : evals)
        onEvaluated(e);
    for (const FinetuneResult &r : runs)
        onRunFinished(r);
    onFinished(true);
    return true;
}

void FinetunePage::cancel() { m_worker->cancel(); }

void FinetunePage::chooseTsv()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open labelled data"), QString(),
                                                      tr("Tab-separated files (*.tsv *.txt);;All files (*)"));
    if (path.isEmpty()) {
        if (m_tsvPath.isEmpty())
            m_task->setCurrentIndex(0);
        return;
    }
    m_tsvPath = path;
    m_task->setItemText(m_task->count() - 1, tr("Your TSV: %1").arg(QFileInfo(path).fileName()));
}

void FinetunePage::chooseOpenFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open an encoder"), QString(),
                                                      tr("Encoders (*.safetensors config.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    openModel(info.fileName() == QStringLiteral("config.json") ? info.absolutePath() : path);
}

void FinetunePage::openModel(const QString &path)
{
    if (m_training || m_opening)
        return;
    m_opening = true;
    m_status->setText(tr("Opening %1…").arg(path));
    setBusy();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path] { w->openModel(path); }, Qt::QueuedConnection);
}

void FinetunePage::onProgress(const FinetuneProgress &p)
{
    const std::size_t i = std::size_t(p.run);
    m_curves->addPoint(m_lossSeries[i], p.step, p.smoothedLoss);
    m_stepsDone[i] = p.step;
    const int runs = int(m_running.fromPretrained) + int(m_running.fromScratch);
    const int before = p.run == FinetuneRun::Scratch && m_running.fromPretrained ? p.totalSteps : 0;
    m_progress->setRange(0, std::max(1, runs * p.totalSteps));
    m_progress->setValue(before + p.step);
    m_status->setText(tr("%1\n%2: step %3 of %4 · loss %5")
                          .arg(m_summary, p.run == FinetuneRun::Pretrained ? tr("From the pre-trained encoder")
                                                                           : tr("From scratch"))
                          .arg(p.step)
                          .arg(p.totalSteps)
                          .arg(QLocale().toString(p.loss, 'f', 3)));
}

void FinetunePage::onEvaluated(const FinetuneEval &e) { m_curves->addPoint(m_metricSeries[std::size_t(e.run)], e.step, e.metric); }

void FinetunePage::onRunFinished(const FinetuneResult &result)
{
    m_results[std::size_t(result.run)] = result;
    const QLocale loc;
    QStringList parts;
    for (const FinetuneRun run : {FinetuneRun::Pretrained, FinetuneRun::Scratch})
        if (const auto &r = m_results[std::size_t(run)])
            parts << tr("%1 %2 %")
                         .arg(run == FinetuneRun::Pretrained ? tr("pre-trained") : tr("from scratch"),
                              loc.toString(100.0 * r->report.metric(), 'f', 1));
    const QString metric = result.report.kind == lm::FinetuneKind::Tag ? tr("Test entity F1") : tr("Test accuracy");
    m_metric->setText(tr("%1 on %2: %3").arg(metric, loc.toString(result.testSize), parts.join(QStringLiteral(", "))));
    const auto shown = FinetuneRun(m_resultsOf->currentData().toInt());
    if (result.run == shown || !m_results[std::size_t(shown)])
        showRun(result.run);
    Q_EMIT runFinished(result);
}

void FinetunePage::onFinished(bool ok)
{
    m_training = false;
    if (ok)
        m_status->setText(tr("Done. %1").arg(m_metric->text()));
    else if (!m_failed) // a failure has already said why
        m_status->setText(tr("Stopped. %1").arg(m_metric->text()));
    m_progress->setRange(0, 1);
    m_progress->setValue(ok ? 1 : 0);
    setBusy();
    Q_EMIT trainingFinished(ok);
}

void FinetunePage::showRun(FinetuneRun run)
{
    const auto &r = m_results[std::size_t(run)];
    if (!r)
        return;
    if (m_resultsOf->currentData().toInt() != int(run)) {
        const QSignalBlocker block(m_resultsOf);
        m_resultsOf->setCurrentIndex(m_resultsOf->findData(int(run)));
    }
    m_resultsView->showResult(*r);
    m_why->setModel(r->model);
    if (m_why->text().trimmed().isEmpty())
        m_why->explain(sampleSentence());
}

void FinetunePage::setBusy()
{
    const bool busy = m_training || m_opening;
    const bool haveTask = !m_task->currentData().toString().isEmpty() || !m_tsvPath.isEmpty();
    m_start->setEnabled(!busy && m_base.valid() && haveTask);
    m_cancel->setEnabled(m_training);
    m_open->setEnabled(!busy);
    m_pretrainOnTask->setEnabled(!busy);
    for (QWidget *w : std::initializer_list<QWidget *>{m_task, m_language, m_steps, m_batch, m_seq, m_lr, m_scratch})
        w->setEnabled(!busy);
    m_language->setEnabled(!busy && !m_task->currentData().toString().isEmpty());
}
