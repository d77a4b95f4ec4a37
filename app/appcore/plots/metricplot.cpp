#include "plots/metricplot.h"

#include <algorithm>
#include <cmath>

MetricPlot::MetricPlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *p = plot();
    p->legend->setVisible(true);
    p->legend->setBrush(QColor(255, 255, 255, 210));
    QFont small = p->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p->legend->setFont(small);
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    p->yAxis2->setVisible(true);
    p->yAxis2->setTickLabels(true);
    p->yAxis2->setRange(0, 1.02);
}

void MetricPlot::setAxisLabels(const QString &step, const QString &loss, const QString &share)
{
    plot()->xAxis->setLabel(step);
    plot()->yAxis->setLabel(loss);
    plot()->yAxis2->setLabel(share);
    plot()->yAxis2->setVisible(!share.isEmpty() && !m_shareOnly);
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void MetricPlot::setShareOnly(bool on)
{
    m_shareOnly = on;
    plot()->yAxis2->setVisible(!on && !plot()->yAxis2->label().isEmpty());
    m_dirty = true;
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

int MetricPlot::addSeries(const QString &name, const QColor &colour, Axis axis, Qt::PenStyle style)
{
    QCustomPlot *p = plot();
    Series s;
    s.name = name;
    s.axis = axis;
    s.graph = p->addGraph(p->xAxis, axis == Axis::Share && !m_shareOnly ? p->yAxis2 : p->yAxis);
    s.graph->setName(name);
    s.graph->setPen(QPen(colour, 2.0, style));
    m_series.append(s);
    m_dirty = true;
    p->replot(QCustomPlot::rpQueuedReplot);
    return int(m_series.size()) - 1;
}

void MetricPlot::addPoint(int series, double step, double value)
{
    if (series < 0 || series >= m_series.size())
        return;
    Series &s = m_series[series];
    s.steps << step;
    s.values << value;
    if (std::isfinite(value))
        s.graph->addData(step, value);
    m_dirty = true;
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void MetricPlot::fadeSeries()
{
    for (Series &s : m_series) {
        QPen pen = s.graph->pen();
        QColor c = pen.color();
        c.setAlpha(110);
        pen.setColor(c);
        pen.setWidthF(1.2);
        s.graph->setPen(pen);
    }
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void MetricPlot::clear()
{
    plot()->clearGraphs();
    m_series.clear();
    m_dirty = true;
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void MetricPlot::prepareRender()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    QCustomPlot *p = plot();
    double x0 = 0, x1 = 1, lo = 0, hi = 0;
    bool anyX = false, anyLoss = false;
    for (const Series &s : std::as_const(m_series))
        for (qsizetype i = 0; i < s.steps.size(); ++i) {
            if (!std::isfinite(s.values[i]))
                continue;
            x0 = anyX ? std::min(x0, s.steps[i]) : s.steps[i];
            x1 = anyX ? std::max(x1, s.steps[i]) : s.steps[i];
            anyX = true;
            if (s.axis == Axis::Loss) {
                lo = anyLoss ? std::min(lo, s.values[i]) : s.values[i];
                hi = anyLoss ? std::max(hi, s.values[i]) : s.values[i];
                anyLoss = true;
            }
        }
    p->xAxis->setRange(x0, x1 > x0 ? x1 : x0 + 1);
    if (m_shareOnly) {
        p->yAxis->setRange(0, 1.02);
    } else if (anyLoss) {
        const double pad = std::max(1e-3, 0.06 * (hi - lo));
        p->yAxis->setRange(std::max(0.0, lo - pad), hi + pad);
    } else {
        p->yAxis->setRange(0, 1);
    }
    p->yAxis2->setRange(0, 1.02);
}

QString MetricPlot::toCsv() const
{
    QString csv = QStringLiteral("series,step,value\n");
    for (const Series &s : m_series)
        for (qsizetype i = 0; i < s.steps.size(); ++i)
            csv += csvField(s.name) + u',' + csvNumber(s.steps[i]) + u',' + csvNumber(s.values[i]) + u'\n';
    return csv;
}

void MetricPlot::setLegendCorner(Qt::Alignment corner)
{
    plot()->axisRect()->insetLayout()->setInsetAlignment(0, corner);
    plot()->replot();
}
