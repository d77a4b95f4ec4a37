#include "views/recurrentview.h"

#include "plots/heatmapplot.h"
#include "plots/lineplot.h"
#include "plots/traceplots.h"
#include "plots/implicitattention.h"
#include "base/application.h"
#include "base/languagedefaults.h"

#include "models/architecture.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>



RecurrentView::RecurrentView(QWidget *parent) : QWidget(parent), m_pages(new QTabWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    // ---- hidden states ----
    auto *hiddenPage = new QWidget(m_pages);
    auto *hl = new QVBoxLayout(hiddenPage);
    auto *row = new QHBoxLayout;
    m_text = new QLineEdit(sampleSentence(), hiddenPage);
    auto *inspect = new QPushButton(tr("Trace this text"), hiddenPage);
    m_layer = new QComboBox(hiddenPage);
    row->addWidget(new QLabel(tr("Text"), hiddenPage));
    row->addWidget(m_text, 1);
    row->addWidget(new QLabel(tr("Layer"), hiddenPage));
    row->addWidget(m_layer);
    row->addWidget(inspect);
    hl->addLayout(row);
    m_traceNote = new QLabel(tr("Train a model with a recurrent state (%1) on the language-model tab, then trace a text "
                                "through it.")
                                 .arg(familiesFeeding(lm::View::HiddenStates)),
                             hiddenPage);
    m_traceNote->setWordWrap(true);
    hl->addWidget(m_traceNote);
    auto *split = new QSplitter(Qt::Vertical, hiddenPage);
    auto *maps = new QSplitter(Qt::Horizontal, split);
    m_hidden = new HeatmapPlot(maps);
    m_hidden->setAxisTitles(tr("unit"), tr("time (token)"));
    m_hidden->setValueTitle(tr("h"));
    m_hidden->setRange(-1, 1);
    m_hiddenBackward = new HeatmapPlot(maps);
    m_hiddenBackward->setAxisTitles(tr("unit (backward direction)"), tr("time (token)"));
    m_hiddenBackward->setRange(-1, 1);
    m_hiddenBackward->hide();
    m_unit = new LinePlot(split);
    m_unit->setAxisLabels(tr("time (token)"), tr("activation"));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({480, 180});
    hl->addWidget(split, 1);
    connect(inspect, &QPushButton::clicked, this, [this] { Q_EMIT inspectRequested(m_text->text()); });
    connect(m_text, &QLineEdit::returnPressed, this, [this] { Q_EMIT inspectRequested(m_text->text()); });
    connect(m_hidden, &HeatmapPlot::cellClicked, this, [this](int unit, int) { showUnit(unit); });
    connect(m_hiddenBackward, &HeatmapPlot::cellClicked, this, [this](int unit, int) { showUnit(unit); });
    connect(m_layer, &QComboBox::currentIndexChanged, this, [this] {
        if (m_trace)
            showTrace(m_trace);
    });
    m_pages->addTab(hiddenPage, tr("Hidden states"));

    // ---- gates ----
    auto *gatePage = new QWidget(m_pages);
    auto *gl = new QVBoxLayout(gatePage);
    auto *gateRow = new QHBoxLayout;
    m_gate = new QComboBox(gatePage);
    gateRow->addWidget(new QLabel(tr("Gate"), gatePage));
    gateRow->addWidget(m_gate);
    gateRow->addStretch();
    gl->addLayout(gateRow);
    auto *gateNote = new QLabel(tr("LSTM: input i, forget f, candidate g, output o. GRU: reset r, update z, candidate n. "
                                   "A forget gate near 1 keeps the memory; near 0 it wipes it."),
                                gatePage);
    gateNote->setWordWrap(true);
    gl->addWidget(gateNote);
    m_gates = new HeatmapPlot(gatePage);
    m_gates->setAxisTitles(tr("unit"), tr("time (token)"));
    gl->addWidget(m_gates, 1);
    connect(m_gate, &QComboBox::currentIndexChanged, this, &RecurrentView::showGate);
    m_pages->addTab(gatePage, tr("Gates"));

    // ---- gradients through time ----
    auto *gradPage = new QWidget(m_pages);
    m_gradientPage = gradPage;
    auto *gpl = new QVBoxLayout(gradPage);
    auto *probeRow = new QHBoxLayout;
    m_steps = new QSpinBox(gradPage);
    m_steps->setRange(5, 2000);
    m_steps->setValue(100);
    m_probeHidden = new QSpinBox(gradPage);
    m_probeHidden->setRange(2, 1024);
    m_probeHidden->setValue(64);
    m_scale = new QDoubleSpinBox(gradPage);
    m_scale->setRange(0.1, 10.0);
    m_scale->setSingleStep(0.1);
    m_scale->setValue(1.0);
    m_scale->setToolTip(tr("Multiplies the recurrent weights W_hh: above about 2 a vanilla RNN's gradients explode "
                           "instead of vanishing."));
    auto *probe = new QPushButton(tr("Measure"), gradPage);
    probeRow->addWidget(new QLabel(tr("Steps"), gradPage));
    probeRow->addWidget(m_steps);
    probeRow->addWidget(new QLabel(tr("Hidden units"), gradPage));
    probeRow->addWidget(m_probeHidden);
    probeRow->addWidget(new QLabel(tr("Recurrent weight scale"), gradPage));
    probeRow->addWidget(m_scale);
    probeRow->addWidget(probe);
    probeRow->addStretch();
    gpl->addLayout(probeRow);
    auto *gradNote = new QLabel(tr("The loss sits on the last step. Each curve is the size of its gradient at every "
                                   "earlier step, for a freshly initialised network. A vanilla RNN multiplies by the "
                                   "same matrix at every step, so its curve falls (or climbs) in a straight line on this "
                                   "log scale. An LSTM whose forget gate starts open carries the gradient much further; "
                                   "a fresh GRU, whose update gate starts half open, only a little: training teaches the "
                                   "gates what to keep."),
                                gradPage);
    gradNote->setWordWrap(true);
    gpl->addWidget(gradNote);
    auto *gradSplit = new QSplitter(Qt::Vertical, gradPage);
    m_gradients = new LinePlot(gradSplit);
    m_gradients->setAxisLabels(tr("time step (the loss is at the right end)"), tr("|dL/dh_t|"));
    m_gradients->setLogY(true);
    m_clipping = new LinePlot(gradSplit);
    m_clipping->setAxisLabels(tr("training step"), tr("gradient norm"));
    m_clipping->setLogY(true);
    gradSplit->setSizes({400, 250});
    gpl->addWidget(gradSplit, 1);
    connect(probe, &QPushButton::clicked, this, &RecurrentView::runGradientProbe);
    m_pages->addTab(gradPage, tr("Gradients through time"));
}

RecurrentView::~RecurrentView() = default;

QStringList RecurrentView::layerNames() const
{
    QStringList names;
    for (int i = 0; i < m_layer->count(); ++i)
        names << m_layer->itemText(i);
    return names;
}

void RecurrentView::addPage(QWidget *page, const QString &title) { m_pages->addTab(page, title); }

void RecurrentView::showTrace(std::shared_ptr<const lm::Trace> trace)
{
    m_trace = std::move(trace);
    const QStringList layers = traceLayers(*m_trace);
    if (layers.isEmpty()) {
        m_traceNote->setText(tr("This model has no recurrent layers to show: train one of %1.").arg(familiesFeeding(lm::View::HiddenStates)));
        return;
    }
    if (m_layer->count() != layers.size()) {
        const QSignalBlocker block(m_layer);
        m_layer->clear();
        m_layer->addItems(layers);
        m_layer->setCurrentIndex(int(layers.size()) - 1);
    }
    const QString layer = m_layer->currentText();
    plotHiddenStates(*m_hidden, *m_trace, layer, QStringLiteral("forward"));
    m_hiddenBackward->setVisible(plotHiddenStates(*m_hiddenBackward, *m_trace, layer, QStringLiteral("backward")));
    m_traceNote->setText(tr("Each column is the hidden state after reading that token; each row one unit "
                            "(−1 dark … +1 bright). Click a unit to follow it."));
    if (m_trace->has(implicitAttentionKey(layer.mid(5).toInt())))
        m_traceNote->setText(tr("Each column is what this state-space layer hands on after reading that token, read out "
                                "of its fixed-size state (its size does not grow with the text); each row one channel. "
                                "Click a channel to follow it."));

    const QStringList gates = traceGates(*m_trace, layer);
    {
        const QSignalBlocker block(m_gate);
        const QString current = m_gate->currentText();
        m_gate->clear();
        m_gate->addItems(gates);
        if (gates.contains(current))
            m_gate->setCurrentText(current);
    }
    showGate();
    showUnit(m_selectedUnit);
}

void RecurrentView::showGate()
{
    if (!m_trace || !plotGate(*m_gates, *m_trace, m_layer->currentText(), m_gate->currentText()))
        m_gates->setMatrix(0, 0, {});
}

void RecurrentView::showUnit(int unit)
{
    if (!m_trace || unit < 0)
        return;
    m_selectedUnit = unit;
    plotUnit(*m_unit, *m_trace, m_layer->currentText(), unit);
}

void RecurrentView::runGradientProbe()
{
    plotGradientProbe(*m_gradients, m_steps->value(), m_probeHidden->value(), m_scale->value());
}

void RecurrentView::showGradientProbe(const QList<GradientCurve> &curves, double weightScale)
{
    m_gradients->clear();
    for (const GradientCurve &c : curves) {
        QVector<double> x(c.norms.size());
        for (qsizetype t = 0; t < x.size(); ++t)
            x[t] = double(t);
        m_gradients->addSeries(c.name, x, c.norms);
    }
    if (!curves.isEmpty()) {
        const QSignalBlocker blockSteps(m_steps), blockScale(m_scale);
        m_steps->setValue(int(curves.front().norms.size()));
        m_scale->setValue(weightScale);
    }
    m_pages->setCurrentWidget(m_gradientPage);
}

void RecurrentView::showTrainingHistory(const QVector<lm::StepReport> &reports, double clipNorm)
{
    m_clipping->clear();
    QVector<double> x, before, after;
    for (const lm::StepReport &r : reports) {
        x << r.step;
        before << r.gradNorm;
        after << (clipNorm > 0 ? std::min(r.gradNorm, clipNorm) : r.gradNorm);
    }
    m_clipping->addSeries(tr("gradient norm before clipping"), x, before);
    if (clipNorm > 0)
        m_clipping->addSeries(tr("after clipping at %1").arg(clipNorm), x, after, QColor(), true);
}
