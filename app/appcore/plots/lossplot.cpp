#include "plots/lossplot.h"

#include <algorithm>
#include <iterator>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

LossPlot::LossPlot(QWidget *parent)
    : PlotView(parent)
{
    QCustomPlot *p = plot();
    p->xAxis->setLabel(tr("step"));
    p->yAxis->setLabel(tr("loss"));

    m_raw = p->addGraph();
    m_raw->setPen(QPen(QColor(31, 119, 180, 90), 1.0));

    m_smoothLine = p->addGraph();
    m_smoothLine->setPen(QPen(QColor(31, 119, 180), 2.0));

    p->legend->setVisible(true);
    p->legend->setBrush(QColor(255, 255, 255, 200));
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    updateLegend();
}

LossPlot::~LossPlot() = default;

double LossPlot::nextSmoothed(double loss)
{
    if (!std::isfinite(loss))
        return m_haveEma ? m_ema : std::numeric_limits<double>::quiet_NaN();
    m_ema = m_haveEma ? m_smoothing * m_ema + (1.0 - m_smoothing) * loss : loss;
    m_haveEma = true;
    return m_ema;
}

void LossPlot::addPoint(double step, double loss)
{
    const double smoothed = nextSmoothed(loss);
    m_steps.append(step);
    m_losses.append(loss);
    m_smoothed.append(smoothed);
    m_raw->addData(step, loss);
    m_smoothLine->addData(step, smoothed);
    m_rangeDirty = true;
    replotQueued();
}

void LossPlot::addPoints(const QVector<double> &steps, const QVector<double> &losses)
{
    if (steps.size() != losses.size())
        throw std::invalid_argument("LossPlot::addPoints: steps has " + std::to_string(steps.size())
                                    + " values but losses has " + std::to_string(losses.size()));
    if (steps.isEmpty())
        return;
    QVector<double> smoothed;
    smoothed.reserve(losses.size());
    for (const double loss : losses)
        smoothed.append(nextSmoothed(loss));
    m_steps += steps;
    m_losses += losses;
    m_smoothed += smoothed;
    m_raw->addData(steps, losses);
    m_smoothLine->addData(steps, smoothed);
    m_rangeDirty = true;
    replotQueued();
}

void LossPlot::clear()
{
    m_steps.clear();
    m_losses.clear();
    m_smoothed.clear();
    m_haveEma = false;
    m_raw->data()->clear();
    m_smoothLine->data()->clear();
    m_rangeDirty = true;
    replotQueued();
}

void LossPlot::setRunName(const QString &name, const QColor &colour)
{
    m_runName = name;
    const QColor c = colour.isValid() ? colour : QColor(31, 119, 180);
    QColor faint = c;
    faint.setAlpha(90);
    m_raw->setPen(QPen(faint, 1.0));
    m_smoothLine->setPen(QPen(c, 2.0));
    updateLegend();
    replotQueued();
}

QString LossPlot::runName() const { return m_runName.isEmpty() ? tr("loss") : m_runName; }

void LossPlot::keepRun(const QString &name, const QVector<double> &steps, const QVector<double> &losses,
                       const QColor &colour)
{
    if (steps.size() != losses.size())
        throw std::invalid_argument("LossPlot::keepRun: steps has " + std::to_string(steps.size()) + " values but losses has " +
                                    std::to_string(losses.size()));
    // Kept runs are smoothed as the live one is, so the lines compare like with like.
    KeptRun run{name, steps, losses, {}, plot()->addGraph()};
    double ema = 0.0;
    bool have = false;
    for (const double loss : losses) {
        if (std::isfinite(loss)) {
            ema = have ? m_smoothing * ema + (1.0 - m_smoothing) * loss : loss;
            have = true;
        }
        run.smoothed.append(have ? ema : std::numeric_limits<double>::quiet_NaN());
    }
    static const QColor palette[] = {QColor(255, 127, 14), QColor(44, 160, 44), QColor(214, 39, 40), QColor(148, 103, 189)};
    const QColor c = colour.isValid() ? colour : palette[m_kept.size() % std::size(palette)];
    run.graph->setPen(QPen(c, 2.0, Qt::DashLine));
    run.graph->setName(name);
    run.graph->setData(steps, run.smoothed);
    m_kept.append(run);
    m_rangeDirty = true;
    replotQueued();
}

void LossPlot::clearRuns()
{
    for (const KeptRun &run : std::as_const(m_kept))
        plot()->removeGraph(run.graph);
    m_kept.clear();
    m_rangeDirty = true;
    replotQueued();
}

QStringList LossPlot::keptRuns() const
{
    QStringList names;
    for (const KeptRun &run : m_kept)
        names << run.name;
    return names;
}

void LossPlot::setSmoothing(double s)
{
    s = std::isnan(s) ? 0.0 : std::clamp(s, 0.0, 0.999);
    if (s == m_smoothing)
        return;
    m_smoothing = s;
    m_haveEma = false;
    for (qsizetype i = 0; i < m_losses.size(); ++i)
        m_smoothed[i] = nextSmoothed(m_losses[i]);
    m_smoothLine->setData(m_steps, m_smoothed);
    updateLegend();
    m_rangeDirty = true;
    replotQueued();
}

void LossPlot::setLogY(bool on)
{
    if (on == m_logY)
        return;
    m_logY = on;
    QCPAxis *y = plot()->yAxis;
    if (on) {
        y->setScaleType(QCPAxis::stLogarithmic);
        y->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        y->setNumberFormat(QStringLiteral("gb"));
    } else {
        y->setScaleType(QCPAxis::stLinear);
        y->setTicker(QSharedPointer<QCPAxisTicker>::create());
        y->setNumberFormat(QStringLiteral("g"));
    }
    m_rangeDirty = true;
    replotQueued();
}

void LossPlot::replotQueued()
{
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::updateLegend()
{
    m_raw->setName(runName());
    m_smoothLine->setName(tr("smoothed (EMA %1)").arg(m_smoothing));
}

void LossPlot::prepareRender()
{
    if (!m_rangeDirty)
        return;
    m_rangeDirty = false;
    QCustomPlot *p = plot();
    if (m_steps.isEmpty() && m_kept.isEmpty()) {
        p->xAxis->setRange(0, 1);
        p->yAxis->setRange(m_logY ? QCPRange(0.1, 10) : QCPRange(0, 1));
        return;
    }
    p->rescaleAxes();
    // A little air above and below the lines so they do not run along the frame.
    p->yAxis->scaleRange(1.08);
}

QString LossPlot::toCsv() const
{
    if (m_kept.isEmpty()) {
        QString csv = QStringLiteral("step,loss,smoothed\n");
        for (qsizetype i = 0; i < m_steps.size(); ++i)
            csv += csvNumber(m_steps[i]) + u',' + csvNumber(m_losses[i]) + u',' + csvNumber(m_smoothed[i]) + u'\n';
        return csv;
    }
    QString csv = QStringLiteral("run,step,loss,smoothed\n");
    auto rows = [&csv](const QString &name, const QVector<double> &steps, const QVector<double> &losses,
                       const QVector<double> &smoothed) {
        for (qsizetype i = 0; i < steps.size(); ++i)
            csv += csvField(name) + u',' + csvNumber(steps[i]) + u',' + csvNumber(losses[i]) + u',' + csvNumber(smoothed[i]) + u'\n';
    };
    for (const KeptRun &run : m_kept)
        rows(run.name, run.steps, run.losses, run.smoothed);
    rows(runName(), m_steps, m_losses, m_smoothed);
    return csv;
}
