#include "views/implicitcomparepage.h"

#include "base/application.h"
#include "base/languagedefaults.h"
#include "plots/heatmapplot.h"
#include "plots/implicitattention.h"
#include "plots/traceplots.h"

#include "models/architecture.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

ImplicitComparePage::ImplicitComparePage(QWidget *parent)
    : QWidget(parent), m_worker(new ImplicitCompareWorker), m_text(new QLineEdit(sampleSentence(), this)),
      m_steps(new QSpinBox(this)), m_run(new QPushButton(tr("Train and compare"), this)),
      m_stop(new QPushButton(tr("Cancel"), this)), m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_layer(new QComboBox(this))
{
    m_thread = startWorkerThread(m_worker, QStringLiteral("implicit-compare"), [w = m_worker] { w->cancel(); });
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Text"), this));
    row->addWidget(m_text, 1);
    row->addWidget(new QLabel(tr("Steps per model"), this));
    m_steps->setRange(10, 20000);
    m_steps->setValue(400);
    m_steps->setToolTip(tr("Each model trains this many steps (width 64, two layers, characters as tokens) on the "
                           "language-model tab's corpus before the text is traced through it."));
    row->addWidget(m_steps);
    row->addWidget(m_run);
    row->addWidget(m_stop);
    row->addWidget(new QLabel(tr("Layer"), this));
    row->addWidget(m_layer);
    layout->addLayout(row);
    QStringList stateSpace; // the families after the Transformer
    for (const lm::Architecture *a : comparisonFamilies())
        if (a->feeds(lm::View::ImplicitAttention))
            stateSpace << QString::fromStdString(a->displayName.in(currentLanguage().toStdString()));
    auto *note = new QLabel(tr("A Transformer looks back by attention: each token weighs the tokens before it. %1 keep a "
                               "fixed-size state instead, yet each output is still a weighted sum of the inputs before "
                               "it, with weights that fade with distance at a learned rate. Each map shows those weights "
                               "for one layer (a row per token, summing to 1; the Transformer's heads averaged, the "
                               "state-space models' channels averaged), all on one colour scale.")
                                .arg(QLocale().createSeparatedList(stateSpace)),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *status = new QHBoxLayout;
    status->addWidget(m_progress, 1);
    status->addWidget(m_status, 2);
    layout->addLayout(status);
    m_stop->setEnabled(false);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);

    auto *grid = new QGridLayout;
    const std::vector<const lm::Architecture *> families = comparisonFamilies();
    for (int i = 0; i < int(families.size()); ++i) {
        const lm::Architecture &family = *families[static_cast<std::size_t>(i)];
        auto *title = new QLabel(this);
        title->setTextFormat(Qt::RichText);
        title->setText(QStringLiteral("<b style=\"color:#%1\">%2</b>")
                           .arg(family.colour, 6, 16, QLatin1Char('0'))
                           .arg(QString::fromStdString(family.displayName.in(currentLanguage().toStdString())).toHtmlEscaped()));
        auto *plot = new HeatmapPlot(this);
        plot->setAxisTitles(tr("output token"), tr("input token"));
        plot->setMinimumSize(220, 220);
        auto *stats = new QLabel(tr("not trained yet"), this);
        stats->setWordWrap(true);
        grid->addWidget(title, 0, i);
        grid->addWidget(plot, 1, i);
        grid->addWidget(stats, 2, i);
        grid->setColumnStretch(i, 1);
        m_titles << title;
        m_plots << plot;
        m_stats << stats;
        ImplicitCompareModel empty;
        empty.index = i;
        empty.arch = QString::fromStdString(family.name);
        empty.displayName = QString::fromStdString(family.displayName.in(currentLanguage().toStdString()));
        m_results << empty;
    }
    grid->setRowStretch(1, 1);
    layout->addLayout(grid, 1);

    connect(m_run, &QPushButton::clicked, this, &ImplicitComparePage::start);
    connect(m_text, &QLineEdit::returnPressed, this, &ImplicitComparePage::start);
    connect(m_stop, &QPushButton::clicked, this, &ImplicitComparePage::cancel);
    connect(m_layer, &QComboBox::currentIndexChanged, this, &ImplicitComparePage::selectLayer);
    connect(m_worker, &ImplicitCompareWorker::progress, this, [this](int generation, int model, int models, int step, int steps) {
        if (generation != m_generation)
            return;
        m_progress->setValue(int(100.0 * (model + double(step) / steps) / models));
        m_status->setText(tr("Training %1: step %2 of %3").arg(m_results.value(model).displayName).arg(step).arg(steps));
    });
    connect(m_worker, &ImplicitCompareWorker::modelReady, this, [this](const ImplicitCompareModel &model) {
        if (model.generation != m_generation || model.index < 0 || model.index >= m_results.size())
            return;
        m_results[model.index] = model;
        const int layers = attentionMapLayers(*model.trace);
        if (m_layer->count() < layers) {
            const QSignalBlocker block(m_layer);
            for (int l = m_layer->count(); l < layers; ++l)
                m_layer->addItem(tr("layer %1").arg(l), l);
        }
        selectLayer(m_layer->currentIndex() < 0 ? 0 : m_layer->currentIndex());
    });
    connect(m_worker, &ImplicitCompareWorker::finished, this, [this](int generation, bool cancelled) {
        if (generation != m_generation)
            return;
        setRunning(false);
        m_progress->setValue(cancelled ? 0 : 100);
        m_status->setText(cancelled ? tr("Cancelled.") : tr("Done: the same text through every model."));
        Q_EMIT compared(!cancelled);
    });
    connect(m_worker, &ImplicitCompareWorker::failed, this, [this](int generation, const QString &message) {
        if (generation != m_generation)
            return;
        setRunning(false);
        m_status->setText(message);
        Q_EMIT compared(false);
    });
}

ImplicitComparePage::~ImplicitComparePage() = default; // m_thread's deleter cancels the run and waits

void ImplicitComparePage::setText(const QString &text) { m_text->setText(text); }

void ImplicitComparePage::setSteps(int steps) { m_steps->setValue(steps); }

QString ImplicitComparePage::modelName(int model) const { return m_results.value(model).displayName; }

int ImplicitComparePage::layerCount() const { return m_layer->count(); }

void ImplicitComparePage::start()
{
    if (m_running || m_text->text().trimmed().isEmpty())
        return;
    ImplicitCompareRequest request;
    request.corpusSpec = m_corpusSource ? m_corpusSource() : defaultCorpusSpec();
    request.text = m_text->text().trimmed();
    request.steps = m_steps->value();
    request.threads = std::max(1, QThread::idealThreadCount());
    request.generation = ++m_generation;
    for (int i = 0; i < m_results.size(); ++i) {
        m_results[i].trace.reset();
        m_plots[i]->setMatrix(0, 0, {});
        m_stats[i]->setText(tr("waiting"));
    }
    setRunning(true);
    m_progress->setValue(0);
    m_status->setText(tr("Starting…"));
    QMetaObject::invokeMethod(m_worker, [w = m_worker, request] { w->run(request); }, Qt::QueuedConnection);
}

void ImplicitComparePage::cancel() { m_worker->cancel(); }

void ImplicitComparePage::setRunning(bool on)
{
    m_running = on;
    m_run->setEnabled(!on);
    m_stop->setEnabled(on);
}

void ImplicitComparePage::selectLayer(int layer)
{
    if (layer < 0)
        return;
    if (m_layer->currentIndex() != layer && layer < m_layer->count()) {
        const QSignalBlocker block(m_layer);
        m_layer->setCurrentIndex(layer);
    }
    // One colour scale for every map: 0 to the largest weight shown.
    double top = 0.0;
    for (const ImplicitCompareModel &m : std::as_const(m_results))
        if (m.trace)
            if (const auto map = layerAttentionMap(*m.trace, layer))
                for (float v : map->values)
                    top = std::max(top, double(v));
    for (int i = 0; i < m_results.size(); ++i) {
        if (top > 0.0)
            m_plots[i]->setRange(0.0, top);
        showModel(i);
    }
}

void ImplicitComparePage::showModel(int model)
{
    const ImplicitCompareModel &m = m_results[model];
    if (!m.trace)
        return;
    const int layer = std::max(0, m_layer->currentIndex());
    const auto map = layerAttentionMap(*m.trace, layer);
    if (!map) {
        m_plots[model]->setMatrix(0, 0, {});
        m_stats[model]->setText(tr("no layer %1").arg(layer));
        return;
    }
    const QStringList tokens = traceTokens(*m.trace, map->rows);
    m_plots[model]->setValueTitle(isImplicit(model) ? tr("implicit weight") : tr("attention weight"));
    m_plots[model]->setMatrix(map->rows, map->cols, QVector<float>(map->values.begin(), map->values.end()), tokens, tokens);
    const QLocale loc;
    m_stats[model]->setText(tr("%1 · training loss %2 · looks back %3 tokens on average")
                                .arg(isImplicit(model) ? tr("implicit attention") : tr("attention, heads averaged"))
                                .arg(loc.toString(m.loss, 'f', 2))
                                .arg(loc.toString(meanLookBack(*map), 'f', 1)));
}

bool ImplicitComparePage::isImplicit(int model) const
{
    const ImplicitCompareModel m = m_results.value(model);
    return m.trace && m.trace->has(implicitAttentionKey(std::max(0, m_layer->currentIndex())));
}

std::optional<lm::TraceMatrix> ImplicitComparePage::shownMap(int model) const
{
    const ImplicitCompareModel m = m_results.value(model);
    if (!m.trace)
        return std::nullopt;
    return layerAttentionMap(*m.trace, std::max(0, m_layer->currentIndex()));
}

double ImplicitComparePage::lookBack(int model) const
{
    const auto map = shownMap(model);
    return map ? meanLookBack(*map) : kNaN;
}

double ImplicitComparePage::futureWeight(int model) const
{
    const auto map = shownMap(model);
    return map ? largestFutureWeight(*map) : kNaN;
}

double ImplicitComparePage::trainingLoss(int model) const
{
    const ImplicitCompareModel m = m_results.value(model);
    return m.trace ? m.loss : kNaN;
}
