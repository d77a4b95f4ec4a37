#include "views/memoryview.h"

#include "views/memorycalculator.h"
#include "plots/memoryplots.h"
#include "base/spinbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// "256, 512 1024": integers in 1..2^20, separated by commas or spaces; sorted, duplicates
// dropped. Empty with *error set when an item is not such a number or there is none.
std::vector<int> parseLengths(const QString &text, QString *error)
{
    std::vector<int> lengths;
    for (const QString &item : text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int v = item.toInt(&ok);
        if (!ok || v < 1 || v > (1 << 20)) {
            *error = MemoryView::tr("“%1” is not a length between 1 and 1048576.").arg(item);
            return {};
        }
        lengths.push_back(v);
    }
    if (lengths.empty())
        *error = MemoryView::tr("Write at least one length, e.g. 256, 512, 1024.");
    std::sort(lengths.begin(), lengths.end());
    lengths.erase(std::unique(lengths.begin(), lengths.end()), lengths.end());
    return lengths;
}

const int kSweepBatches[] = {1, 2, 4, 8};

} // namespace

MemoryView::MemoryView(QWidget *parent)
    : QWidget(parent), m_worker(new MemoryWorker), m_bytes(new MemoryBytesPlot(this)), m_time(new MemoryTimePlot(this)),
      m_batch(new MemoryBatchPlot(this)), m_parts(new MemoryPartsPlot(this))
{
    m_thread = startWorkerThread(m_worker, QStringLiteral("memorylab"), [w = m_worker] { w->cancel(); });

    auto *plots = new QWidget(this);
    auto *grid = new QGridLayout(plots);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    auto *bytesCell = new QWidget(plots);
    auto *bytesColumn = new QVBoxLayout(bytesCell);
    bytesColumn->setContentsMargins(0, 0, 0, 0);
    bytesColumn->setSpacing(2);
    bytesColumn->addWidget(m_bytes, 1);
    auto *caption = new QLabel(tr("Dots: measured, lines: predicted. Slope 2: double the length, four times the memory "
                                  "(attention's T × T table); 1: double the memory; 0: no growth."),
                               bytesCell);
    caption->setWordWrap(true);
    QFont small = caption->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    caption->setFont(small);
    bytesColumn->addWidget(caption);
    grid->addWidget(bytesCell, 0, 0);
    grid->addWidget(m_time, 0, 1);
    grid->addWidget(m_batch, 1, 0);
    grid->addWidget(m_parts, 1, 1);
    for (PlotView *p : std::initializer_list<PlotView *>{m_bytes, m_time, m_batch, m_parts})
        p->setMinimumSize(280, 220);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildControls());
    splitter->addWidget(plots);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(1, false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(30);
    connect(&m_flushTimer, &QTimer::timeout, this, &MemoryView::flushRows);
    connect(m_worker, &MemoryWorker::row, this, &MemoryView::onRow);
    connect(m_worker, &MemoryWorker::finished, this, &MemoryView::onFinished);
    setRunning(false);
}

MemoryView::~MemoryView() = default; // m_thread's deleter cancels the sweep and waits

QWidget *MemoryView::buildControls()
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *panel = new QWidget(scroll);
    auto *column = new QVBoxLayout(panel);

    auto *measure = new QGroupBox(tr("Measure"), panel);
    auto *form = new QFormLayout(measure);
    auto *archRow = new QHBoxLayout;
    archRow->setSpacing(8);
    const std::vector<std::string> measuredByDefault = lm::memoryLabDefaultArchitectures();
    for (const std::string &arch : lm::memoryLabArchitectures()) {
        auto *box = new QCheckBox(QString::fromStdString(arch), measure);
        box->setChecked(std::find(measuredByDefault.begin(), measuredByDefault.end(), arch) != measuredByDefault.end());
        m_archs << box;
        archRow->addWidget(box);
    }
    archRow->addStretch();
    m_mode = new QComboBox(measure);
    for (lm::MemoryMode mode : {lm::MemoryMode::Train, lm::MemoryMode::Prefill, lm::MemoryMode::Infer})
        m_mode->addItem(memoryModeText(mode), int(mode));
    m_mode->setToolTip(tr("Train: a full AdamW step (forward, backward, update). Prefill: one forward without "
                          "gradients. Infer: the batch's sequences generated token by token with a KV cache or a recurrent state."));
    m_lengths = new QLineEdit(QStringLiteral("256, 512, 1024, 2048"), measure);
    m_lengths->setObjectName(QStringLiteral("lengths"));
    m_lengths->setToolTip(tr("Sequence lengths to measure, separated by commas."));
    m_batchSize = spinBox(1, 4096, 2, measure);
    m_dim = spinBox(1, 4096, 64, measure);
    m_layers = spinBox(1, 64, 2, measure);
    m_heads = spinBox(1, 256, 4, measure);
    m_heads->setToolTip(tr("Attention heads (GPT and Llama); the width must be a multiple of it."));
    auto *modelRow = new QHBoxLayout;
    modelRow->addWidget(new QLabel(tr("width"), measure));
    modelRow->addWidget(m_dim);
    modelRow->addWidget(new QLabel(tr("layers"), measure));
    modelRow->addWidget(m_layers);
    modelRow->addWidget(new QLabel(tr("heads"), measure));
    modelRow->addWidget(m_heads);
    m_chunked = new QCheckBox(tr("Chunked attention (memory linear in T)"), measure);
    m_chunked->setToolTip(tr("GPT and Llama compute attention block by block with an online softmax, so the T × T "
                             "table is never stored; the results are the same."));
    m_sweepBatch = new QCheckBox(tr("Then sweep batch 1, 2, 4, 8 (train, shortest length)"), measure);
    m_sweepBatch->setChecked(true);
    form->addRow(tr("Models"), archRow);
    form->addRow(tr("Mode"), m_mode);
    form->addRow(tr("Lengths"), m_lengths);
    form->addRow(tr("Batch size"), m_batchSize);
    form->addRow(modelRow);
    form->addRow(m_chunked);
    form->addRow(m_sweepBatch);
    auto *buttons = new QHBoxLayout;
    m_runButton = new QPushButton(tr("Run"), measure);
    m_stopButton = new QPushButton(tr("Stop"), measure);
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_stopButton);
    form->addRow(buttons);
    m_progress = new QProgressBar(measure);
    m_progress->setFormat(tr("%v / %m points"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    form->addRow(m_progress);
    m_status = new QLabel(tr("Choose models and lengths, then press Run."), measure);
    m_status->setWordWrap(true);
    form->addRow(m_status);
    connect(m_runButton, &QPushButton::clicked, this, &MemoryView::run);
    connect(m_stopButton, &QPushButton::clicked, this, &MemoryView::stop);
    connect(m_lengths, &QLineEdit::returnPressed, this, &MemoryView::run);
    column->addWidget(measure);

    auto *calculator = new QGroupBox(tr("Calculator for real models"), panel);
    auto *calcLayout = new QVBoxLayout(calculator);
    m_calculator = new MemoryCalculator(calculator);
    calcLayout->addWidget(m_calculator);
    column->addWidget(calculator);
    column->addStretch();
    scroll->setWidget(panel);
    scroll->setMinimumWidth(panel->sizeHint().width() + 24);
    return scroll;
}

void MemoryView::setRequest(const lm::MemoryLabRequest &request, bool sweepBatch)
{
    const std::vector<std::string> known = lm::memoryLabArchitectures();
    for (std::size_t i = 0; i < known.size(); ++i)
        m_archs[int(i)]->setChecked(std::find(request.archs.begin(), request.archs.end(), known[i]) != request.archs.end());
    if (!request.modes.empty())
        m_mode->setCurrentIndex(m_mode->findData(int(request.modes.front())));
    QStringList lengths;
    for (int T : request.seqLens)
        lengths << QString::number(T);
    m_lengths->setText(lengths.join(QStringLiteral(", ")));
    m_batchSize->setValue(request.batch);
    m_dim->setValue(request.model.dim);
    m_layers->setValue(request.model.layers);
    m_heads->setValue(request.model.heads);
    m_chunked->setChecked(request.model.chunkedAttention);
    m_sweepBatch->setChecked(sweepBatch);
}

QString MemoryView::statusText() const { return m_status->text(); }

void MemoryView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b22222") : QString());
}

void MemoryView::run()
{
    if (m_running)
        return;
    lm::MemoryLabRequest request;
    request.archs.clear();
    const std::vector<std::string> known = lm::memoryLabArchitectures();
    for (std::size_t i = 0; i < known.size(); ++i)
        if (m_archs[int(i)]->isChecked())
            request.archs.push_back(known[i]);
    if (request.archs.empty()) {
        setStatus(tr("Choose at least one model."), true);
        return;
    }
    QString error;
    request.seqLens = parseLengths(m_lengths->text(), &error);
    if (request.seqLens.empty()) {
        setStatus(error, true);
        return;
    }
    request.modes = {lm::MemoryMode(m_mode->currentData().toInt())};
    request.batch = m_batchSize->value();
    request.model.dim = m_dim->value();
    request.model.layers = m_layers->value();
    request.model.heads = m_heads->value();
    request.model.chunkedAttention = m_chunked->isChecked();

    MemoryJob job;
    job.steps.push_back({MemoryJob::Part::Lengths, request});
    if (m_sweepBatch->isChecked()) {
        // Memory grows in step with the batch: every activation has a batch axis.
        for (int b : kSweepBatches) {
            lm::MemoryLabRequest sweep = request;
            sweep.modes = {lm::MemoryMode::Train};
            sweep.seqLens = {request.seqLens.front()};
            sweep.batch = b;
            job.steps.push_back({MemoryJob::Part::Batches, sweep});
        }
    }
    m_rows.clear();
    m_batchRows.clear();
    flushRows();
    m_progress->setRange(0, job.points());
    m_progress->setValue(0);
    setStatus(tr("Measuring…"));
    setRunning(true);
    m_worker->resetCancel();
    Q_EMIT runStarted();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, job] { w->run(job); }, Qt::QueuedConnection);
}

void MemoryView::stop()
{
    if (!m_running)
        return;
    m_worker->cancel();
    setStatus(tr("Stopping after the point in progress…"));
}

void MemoryView::onRow(MemoryJob::Part part, const lm::MemoryLabRow &row)
{
    (part == MemoryJob::Part::Lengths ? m_rows : m_batchRows).push_back(row);
    m_progress->setValue(m_progress->value() + 1);
    setStatus(tr("Measured %1 at length %2, batch %3: %4 beyond the weights.")
                  .arg(QString::fromStdString(row.arch))
                  .arg(row.seqLen)
                  .arg(row.batch)
                  .arg(QString::fromStdString(lm::formatBytes(double(row.measured.runBytes)))));
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void MemoryView::showRows(const std::vector<lm::MemoryLabRow> &rows)
{
    if (m_running)
        return;
    m_rows = rows; // the batch sweep, if one ran here, stays: the lesson measured lengths only
    m_progress->setRange(0, static_cast<int>(rows.size()));
    m_progress->setValue(static_cast<int>(rows.size()));
    flushRows();
    setStatus(tr("Showing %n measured point(s) from the lesson.", nullptr, static_cast<int>(rows.size())));
}

void MemoryView::flushRows()
{
    m_bytes->setRows(m_rows);
    m_time->setRows(m_rows);
    m_parts->setRows(m_rows);
    m_batch->setRows(m_batchRows);
}

void MemoryView::onFinished(bool ok, bool cancelled, const QString &message)
{
    m_flushTimer.stop();
    flushRows();
    setRunning(false);
    if (ok)
        setStatus(tr("Done: measured %1 points.").arg(m_rows.size() + m_batchRows.size()));
    else if (cancelled)
        setStatus(tr("Stopped after %1 points.").arg(m_rows.size() + m_batchRows.size()));
    else
        setStatus(message, true);
    Q_EMIT finished(ok);
}

void MemoryView::setRunning(bool running)
{
    m_running = running;
    m_runButton->setEnabled(!running);
    m_stopButton->setEnabled(running);
    for (QWidget *w : std::initializer_list<QWidget *>{m_mode, m_lengths, m_batchSize, m_dim, m_layers, m_heads, m_chunked,
                                                       m_sweepBatch})
        w->setEnabled(!running);
    for (QCheckBox *box : std::as_const(m_archs))
        box->setEnabled(!running);
}
