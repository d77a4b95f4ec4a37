#include "views/compareview.h"

#include "base/application.h"
#include "base/corpora.h"
#include "base/languagedefaults.h"
#include "base/spinbox.h"
#include "plots/heatmapplot.h"
#include "plots/paintedexport.h"
#include "plots/zooplots.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace {

const QString kOpenCorpus = QStringLiteral("open");

// The measures the bars can show, by what they read from a row.
struct Measure {
    const char *name; // the combo's text, translated through CompareView's context
    double (*value)(const lm::ZooRow &row);
};

double megabytes(std::int64_t bytes) { return bytes < 0 ? NAN : double(bytes) / 1048576.0; }
double lastOf(const std::vector<std::int64_t> &v) { return v.empty() ? NAN : megabytes(v.back()); }
double firstOf(const std::vector<std::int64_t> &v) { return v.empty() ? NAN : megabytes(v.front()); }

const Measure kMeasures[] = {
    {QT_TRANSLATE_NOOP("CompareView", "Training tokens per second"), [](const lm::ZooRow &r) { return r.tokensPerSecond; }},
    {QT_TRANSLATE_NOOP("CompareView", "Parameters"), [](const lm::ZooRow &r) { return double(r.params); }},
    {QT_TRANSLATE_NOOP("CompareView", "Held-out loss (lower is better; see the table for which)"),
     [](const lm::ZooRow &r) { return r.heldOutLoss; }},
    {QT_TRANSLATE_NOOP("CompareView", "Training memory, shortest window (MB)"),
     [](const lm::ZooRow &r) { return firstOf(r.trainBytes); }},
    {QT_TRANSLATE_NOOP("CompareView", "Training memory, longest window (MB)"),
     [](const lm::ZooRow &r) { return lastOf(r.trainBytes); }},
    {QT_TRANSLATE_NOOP("CompareView", "Generation memory, shortest context (MB)"),
     [](const lm::ZooRow &r) { return firstOf(r.generationBytes); }},
    {QT_TRANSLATE_NOOP("CompareView", "Generation memory, longest context (MB)"),
     [](const lm::ZooRow &r) { return lastOf(r.generationBytes); }},
    {QT_TRANSLATE_NOOP("CompareView", "Generation ms per token, longest context"),
     [](const lm::ZooRow &r) { return r.generationMsPerToken.empty() ? NAN : r.generationMsPerToken.back(); }},
};

QTableWidgetItem *cell(const QString &text, bool number = true)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString fixed(double v, int digits)
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', digits) : QStringLiteral("–");
}

// The row's quality in words: what the number measures, for the table.
QString objectiveText(const lm::ZooRow &r)
{
    if (r.objective == "causal")
        return CompareView::tr("next token");
    if (r.objective == "mlm")
        return CompareView::tr("masked words");
    return CompareView::tr("translation");
}

} // namespace

CompareView::CompareView(QWidget *parent)
    : QWidget(parent), m_worker(new ZooWorker),
      m_cacheRoot(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/zoo"))
{
    m_thread = startWorkerThread(m_worker, QStringLiteral("zoo"), [w = m_worker] { w->cancel(); });
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(buildSetup());
    split->addWidget(buildResults());
    split->setStretchFactor(1, 1);
    split->setCollapsible(1, false);
    split->setSizes({320, 1000});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_worker, &ZooWorker::progress, this, [this](const QString &line, double fraction) {
        m_status->setText(line);
        m_progress->setValue(int(std::lround(1000 * fraction)));
    });
    connect(m_worker, &ZooWorker::finished, this, &CompareView::onFinished);
    connect(m_worker, &ZooWorker::readingsReady, this, &CompareView::showReadings);
    connect(m_worker, &ZooWorker::failed, this, [this](const QString &message) {
        const bool wasRunning = m_busy;
        setBusy(false);
        m_status->setText(message);
        if (wasRunning)
            Q_EMIT finished(false);
    });
    setBusy(false);
}

CompareView::~CompareView() = default;

QWidget *CompareView::buildSetup()
{
    auto *box = new QGroupBox(tr("Every family, one budget, one text"), this);
    box->setMaximumWidth(380);
    auto *form = new QFormLayout(box);
    m_corpus = new QComboBox(box);
    for (const BuiltinCorpus &c : builtinCorpora())
        if (c.id == QStringLiteral("en") || c.id == QStringLiteral("zh_TW"))
            m_corpus->addItem(c.title, QStringLiteral("builtin:") + c.id);
    m_corpus->addItem(tr("Open a text file…"), kOpenCorpus);
    m_corpus->setCurrentIndex(std::max(0, m_corpus->findData(defaultCorpusSpec())));
    connect(m_corpus, &QComboBox::activated, this, [this](int index) {
        if (m_corpus->itemData(index).toString() != kOpenCorpus)
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a text"), QString(), tr("Text (*.txt);;All files (*)"));
        if (path.isEmpty()) {
            m_corpus->setCurrentIndex(0);
            return;
        }
        m_corpus->insertItem(index, QFileInfo(path).fileName(), path);
        m_corpus->setCurrentIndex(index);
    });
    form->addRow(tr("Text"), m_corpus);
    m_budget = spinBox(10'000, 5'000'000, 200'000, box);
    m_budget->setSingleStep(50'000);
    m_budget->setToolTip(tr("Each family gets the width whose exact parameter count comes closest to this."));
    form->addRow(tr("Parameters per model"), m_budget);
    m_steps = spinBox(10, 100'000, 300, box);
    form->addRow(tr("Training steps"), m_steps);
    m_layers = spinBox(1, 8, 2, box);
    form->addRow(tr("Layers"), m_layers);
    m_translation = new QCheckBox(tr("Encoder–decoders learn English → Chinese pairs"), box);
    m_translation->setChecked(true);
    m_translation->setToolTip(tr("T5 and BART train on the built-in translation pairs and are scored by chrF; off, they are left out."));
    form->addRow(m_translation);
    auto *buttons = new QHBoxLayout;
    m_run = new QPushButton(tr("Compare"), box);
    m_run->setToolTip(tr("Trains and measures every family (about a minute and a half on two cores at the defaults), "
                         "or shows the cached comparison of this text and these options at once."));
    m_retrain = new QPushButton(tr("Train again"), box);
    m_cancel = new QPushButton(tr("Cancel"), box);
    buttons->addWidget(m_run);
    buttons->addWidget(m_retrain);
    buttons->addWidget(m_cancel);
    form->addRow(buttons);
    connect(m_run, &QPushButton::clicked, this, [this] { run(false); });
    connect(m_retrain, &QPushButton::clicked, this, [this] { run(true); });
    connect(m_cancel, &QPushButton::clicked, this, &CompareView::cancel);
    m_progress = new QProgressBar(box);
    m_progress->setRange(0, 1000);
    form->addRow(m_progress);
    m_status = new QLabel(tr("Press Compare to train every family of the table on this text."), box);
    m_status->setWordWrap(true);
    form->addRow(m_status);
    auto *note = new QLabel(tr("Each family learns what it is made for, so the quality column holds different things: "
                               "next-token loss on held-out text for the models that write text, masked-word loss and "
                               "accuracy for the encoders, chrF of held-out translations for the encoder–decoders. "
                               "Speed and memory are measured the same way for all."),
                            box);
    note->setWordWrap(true);
    form->addRow(note);
    m_export = new QPushButton(tr("Export the table…"), box);
    connect(m_export, &QPushButton::clicked, this, &CompareView::exportTableWithDialog);
    form->addRow(m_export);
    return box;
}

QWidget *CompareView::buildResults()
{
    auto *split = new QSplitter(Qt::Vertical, this);
    m_table = new QTableWidget(split);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *plots = new QWidget(split);
    auto *plotRow = new QHBoxLayout(plots);
    plotRow->setContentsMargins(0, 0, 0, 0);
    auto *barColumn = new QVBoxLayout;
    m_measure = new QComboBox(plots);
    for (const Measure &m : kMeasures)
        m_measure->addItem(tr(m.name));
    connect(m_measure, &QComboBox::currentIndexChanged, this, &CompareView::showBars);
    barColumn->addWidget(m_measure);
    m_bars = new ZooBarPlot(plots);
    m_bars->setMinimumHeight(220);
    barColumn->addWidget(m_bars, 1);
    plotRow->addLayout(barColumn, 1);
    m_scatter = new ZooScatterPlot(plots);
    m_scatter->setMinimumHeight(220);
    plotRow->addWidget(m_scatter, 1);

    auto *sentence = new QWidget(split);
    auto *column = new QVBoxLayout(sentence);
    column->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("One sentence through every model"), sentence));
    m_sentence = new QLineEdit(sampleSentence(), sentence);
    row->addWidget(m_sentence, 1);
    row->addWidget(new QLabel(tr("Layer"), sentence));
    m_layer = spinBox(0, 63, 0, sentence);
    m_layer->setToolTip(tr("The layer each map shows, counted from 0; a model with fewer layers shows its last."));
    row->addWidget(m_layer);
    m_read = new QPushButton(tr("Read"), sentence);
    row->addWidget(m_read);
    column->addLayout(row);
    auto *note = new QLabel(tr("Each map is one layer's view of the sentence, a row per token, on one colour scale from 0 "
                               "to 1: a Transformer's attention (heads averaged), a state-space model's implicit attention "
                               "(rows scaled to sum to 1), or for a recurrent network the cosine similarity of its hidden "
                               "states (below 0 shown as 0). Under it, what the model predicts."),
                            sentence);
    note->setWordWrap(true);
    column->addWidget(note);
    auto *scroll = new QScrollArea(sentence);
    scroll->setWidgetResizable(true);
    auto *gridHost = new QWidget(scroll);
    m_grid = new QGridLayout(gridHost);
    scroll->setWidget(gridHost);
    column->addWidget(scroll, 1);
    connect(m_read, &QPushButton::clicked, this, &CompareView::readSentence);
    connect(m_sentence, &QLineEdit::returnPressed, this, &CompareView::readSentence);
    connect(m_layer, &QSpinBox::valueChanged, this, [this] {
        if (!m_readings.families.isEmpty())
            readSentence();
    });

    split->addWidget(m_table);
    split->addWidget(plots);
    split->addWidget(sentence);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 4);
    split->setSizes({150, 230, 420});
    return split;
}

ZooJob CompareView::job() const
{
    ZooJob j;
    j.corpusSpec = m_corpus->currentData().toString();
    j.budgetParams = m_budget->value();
    j.steps = m_steps->value();
    j.layers = m_layers->value();
    j.translation = m_translation->isChecked();
    j.cacheRoot = m_cacheRoot;
    return j;
}

void CompareView::setJob(const ZooJob &j)
{
    if (const int i = m_corpus->findData(j.corpusSpec); i >= 0)
        m_corpus->setCurrentIndex(i);
    m_budget->setValue(int(j.budgetParams));
    m_steps->setValue(j.steps);
    m_layers->setValue(j.layers);
    m_translation->setChecked(j.translation);
}

void CompareView::setSentence(const QString &text) { m_sentence->setText(text); }

void CompareView::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : std::initializer_list<QWidget *>{m_run, m_retrain, m_corpus, m_budget, m_steps, m_layers, m_translation})
        w->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_read->setEnabled(!busy && !m_outcome.rows.isEmpty());
    m_export->setEnabled(!m_outcome.rows.isEmpty());
}

void CompareView::run(bool retrain)
{
    ZooJob j = job();
    j.useCache = !retrain;
    runJob(j);
}

void CompareView::runJob(const ZooJob &j)
{
    if (m_busy)
        return;
    setBusy(true);
    m_progress->setValue(0);
    m_status->setText(tr("Starting…"));
    QMetaObject::invokeMethod(m_worker, [w = m_worker, j] { w->run(j); }, Qt::QueuedConnection);
}

void CompareView::cancel() { m_worker->cancel(); }

bool CompareView::replayRun(const ZooOutcome &outcome)
{
    if (m_busy)
        return false;
    // The worker reads that comparison's models from its folder, as from its own cache.
    QMetaObject::invokeMethod(m_worker, [w = m_worker, outcome] { w->adopt(outcome); }, Qt::QueuedConnection);
    onFinished(outcome);
    return true;
}

void CompareView::onFinished(const ZooOutcome &outcome)
{
    m_outcome = outcome;
    setBusy(false);
    m_progress->setValue(1000);
    const QLocale loc;
    m_status->setText(outcome.fromCache
                          ? tr("%1 families, from the cache (Train again measures them anew).").arg(outcome.rows.size())
                          : tr("%1 families trained and measured in %2 s.").arg(outcome.rows.size()).arg(loc.toString(outcome.seconds, 'f', 0)));
    showTable();
    showBars();
    showScatter();
    Q_EMIT finished(true);
    readSentence();
}

void CompareView::showTable()
{
    const ZooOutcome &o = m_outcome;
    QStringList headers{tr("Family"), tr("Learns"), tr("Parameters"), tr("Width"), tr("Held-out loss"), tr("Perplexity"),
                        tr("Masked-word accuracy"), tr("chrF"), tr("Training tokens/s")};
    for (int T : o.trainLengths)
        headers << tr("Training MB, T = %1").arg(T);
    for (int T : o.generationLengths)
        headers << tr("Generation MB, %1 tokens").arg(T);
    for (int T : o.generationLengths)
        headers << tr("ms/token, %1 tokens").arg(T);
    m_table->clear();
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(o.rows.size()));
    const QLocale loc;
    for (int r = 0; r < o.rows.size(); ++r) {
        const lm::ZooRow &row = o.rows[r];
        int c = 0;
        auto *name = cell(familyDisplayName(row.family), false);
        name->setForeground(familyColour(row.family).darker(120));
        m_table->setItem(r, c++, name);
        m_table->setItem(r, c++, cell(objectiveText(row), false));
        m_table->setItem(r, c++, cell(loc.toString(qlonglong(row.params))));
        m_table->setItem(r, c++, cell(loc.toString(row.dim)));
        m_table->setItem(r, c++, cell(fixed(row.heldOutLoss, 3)));
        m_table->setItem(r, c++, cell(fixed(row.perplexity, 2)));
        m_table->setItem(r, c++, cell(fixed(row.mlmAccuracy, 3)));
        m_table->setItem(r, c++, cell(fixed(row.chrF, 1)));
        m_table->setItem(r, c++, cell(fixed(row.tokensPerSecond, 0)));
        for (std::int64_t b : row.trainBytes)
            m_table->setItem(r, c++, cell(fixed(megabytes(b), 2)));
        for (std::int64_t b : row.generationBytes)
            m_table->setItem(r, c++, cell(fixed(megabytes(b), 2)));
        for (double ms : row.generationMsPerToken)
            m_table->setItem(r, c++, cell(fixed(ms, 3)));
    }
}

void CompareView::showBars()
{
    const int index = std::max(0, m_measure->currentIndex());
    const Measure &m = kMeasures[index];
    QStringList labels;
    QVector<double> values;
    QVector<QColor> colours;
    for (const lm::ZooRow &row : m_outcome.rows) {
        labels << QString::fromStdString(row.family).toUpper();
        values << m.value(row);
        colours << familyColour(row.family);
    }
    m_bars->setBars(labels, values, colours, tr(m.name));
}

void CompareView::showScatter()
{
    QStringList labels;
    QVector<double> x, y;
    QVector<QColor> colours;
    for (const lm::ZooRow &row : m_outcome.rows) {
        labels << QString::fromStdString(row.family).toUpper();
        x << row.tokensPerSecond;
        y << row.heldOutLoss;
        colours << familyColour(row.family);
    }
    m_scatter->setPoints(labels, x, y, colours, tr("training tokens per second (log scale; right is faster)"),
                         tr("held-out loss (lower is better)"), true);
}

void CompareView::readSentence()
{
    if (m_outcome.rows.isEmpty() || m_sentence->text().trimmed().isEmpty())
        return;
    const int generation = ++m_generation;
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, text = m_sentence->text(), layer = m_layer->value(), generation] { w->read(text, layer, generation); },
        Qt::QueuedConnection);
}

void CompareView::showReadings(const SentenceReadings &readings)
{
    if (readings.generation != m_generation)
        return;
    m_readings = readings;
    for (QWidget *w : m_cells)
        w->deleteLater();
    m_cells.clear();
    constexpr int kColumns = 4;
    for (int i = 0; i < readings.families.size(); ++i) {
        const SentenceReading &r = readings.families[i];
        auto *box = new QWidget;
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(2, 2, 2, 2);
        QString what;
        if (r.kind == QStringLiteral("attention"))
            what = tr("attention, layer %1 of %2").arg(r.layer).arg(r.layers);
        else if (r.kind == QStringLiteral("implicit"))
            what = tr("implicit attention, layer %1 of %2").arg(r.layer).arg(r.layers);
        else if (r.kind == QStringLiteral("similarity"))
            what = tr("hidden-state similarity, layer %1 of %2").arg(r.layer).arg(r.layers);
        else
            what = tr("no map: it reads a fixed window of tokens");
        auto *title = new QLabel(QStringLiteral("<b>%1</b> · %2").arg(familyDisplayName(r.family.toStdString()).toHtmlEscaped(), what),
                                 box);
        title->setWordWrap(true);
        v->addWidget(title);
        if (!r.map.isEmpty()) {
            auto *heat = new HeatmapPlot(box);
            const int T = int(r.tokens.size());
            heat->setMatrix(T, T, r.map, r.tokens, r.tokens);
            heat->setRange(0.0, 1.0);
            heat->setMinimumSize(220, 200);
            v->addWidget(heat, 1);
        }
        auto *prediction = new QLabel(r.error.isEmpty() ? r.prediction.toHtmlEscaped() : tr("Cannot read it: %1").arg(r.error), box);
        prediction->setWordWrap(true);
        v->addWidget(prediction);
        m_grid->addWidget(box, i / kColumns, i % kColumns);
        m_cells << box;
    }
    Q_EMIT sentenceRead();
}

void CompareView::exportTableWithDialog()
{
    if (!m_outcome.rows.isEmpty())
        exportPaintedWithDialog(m_table, m_outcome.csv, tr("Export the comparison"), tr("zoo"));
}
