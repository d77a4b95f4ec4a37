#include "plots/zooplots.h"

#include <algorithm>
#include <cmath>

namespace {

QColor colourAt(const QVector<QColor> &colours, qsizetype i)
{
    return i < colours.size() && colours[i].isValid() ? colours[i] : QColor(120, 120, 120);
}

} // namespace

ZooBarPlot::ZooBarPlot(QWidget *parent) : PlotView(parent) {}

void ZooBarPlot::setBars(const QStringList &labels, const QVector<double> &values, const QVector<QColor> &colours,
                         const QString &valueTitle)
{
    m_labels = labels;
    m_values = values;
    m_title = valueTitle;
    QCustomPlot *p = plot();
    p->clearPlottables();
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double top = 0.0;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        ticker->addTick(double(i), labels[i]);
        const double v = i < values.size() ? values[i] : NAN;
        if (!std::isfinite(v))
            continue;
        // One QCPBars per family: each its own colour.
        auto *bar = new QCPBars(p->xAxis, p->yAxis);
        bar->setWidth(0.7);
        const QColor c = colourAt(colours, i);
        bar->setPen(QPen(c.darker(130)));
        bar->setBrush(c);
        bar->addData(double(i), v);
        top = std::max(top, v);
    }
    p->xAxis->setTicker(ticker);
    p->xAxis->setTickLabelRotation(labels.size() > 6 ? 35 : 0);
    p->xAxis->setSubTicks(false);
    p->xAxis->setRange(-0.6, double(std::max<qsizetype>(1, labels.size())) - 0.4);
    p->yAxis->setLabel(valueTitle);
    p->yAxis->setRange(0.0, top > 0 ? top * 1.1 : 1.0);
    p->replot(QCustomPlot::rpQueuedReplot);
}

QString ZooBarPlot::toCsv() const
{
    QString out = QStringLiteral("family,") + csvField(m_title) + QLatin1Char('\n');
    for (qsizetype i = 0; i < m_labels.size(); ++i) {
        const double v = i < m_values.size() ? m_values[i] : NAN;
        out += csvField(m_labels[i]) + QLatin1Char(',') + (std::isfinite(v) ? csvNumber(v) : QString()) + QLatin1Char('\n');
    }
    return out;
}

ZooScatterPlot::ZooScatterPlot(QWidget *parent) : PlotView(parent) {}

void ZooScatterPlot::setPoints(const QStringList &labels, const QVector<double> &x, const QVector<double> &y,
                               const QVector<QColor> &colours, const QString &xTitle, const QString &yTitle, bool logX)
{
    m_labels = labels;
    m_x = x;
    m_y = y;
    m_xTitle = xTitle;
    m_yTitle = yTitle;
    QCustomPlot *p = plot();
    p->clearGraphs();
    p->clearItems();
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (qsizetype i = 0; i < labels.size() && i < x.size() && i < y.size(); ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]) || (logX && x[i] <= 0))
            continue;
        QCPGraph *g = p->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        const QColor c = colourAt(colours, i);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c, c, 11));
        g->addData(x[i], y[i]);
        auto *text = new QCPItemText(p);
        text->position->setCoords(x[i], y[i]);
        text->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        text->setPadding(QMargins(7, 0, 0, 3));
        text->setText(labels[i]);
        text->setColor(c.darker(140));
        x0 = std::min(x0, x[i]);
        x1 = std::max(x1, x[i]);
        y0 = std::min(y0, y[i]);
        y1 = std::max(y1, y[i]);
    }
    p->xAxis->setLabel(xTitle);
    p->yAxis->setLabel(yTitle);
    if (logX) {
        p->xAxis->setScaleType(QCPAxis::stLogarithmic);
        p->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    } else {
        p->xAxis->setScaleType(QCPAxis::stLinear);
        p->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    if (std::isfinite(x0)) {
        // Room for the labels on the right and above.
        p->xAxis->setRange(logX ? x0 / 1.5 : x0 - 0.1 * (x1 - x0 + 1e-9), logX ? x1 * 2.5 : x1 + 0.3 * (x1 - x0 + 1e-9));
        const double pad = 0.12 * (y1 - y0 + 1e-9);
        p->yAxis->setRange(y0 - pad, y1 + 2 * pad);
    }
    p->replot(QCustomPlot::rpQueuedReplot);
}

QString ZooScatterPlot::toCsv() const
{
    QString out = QStringLiteral("family,") + csvField(m_xTitle) + QLatin1Char(',') + csvField(m_yTitle) + QLatin1Char('\n');
    for (qsizetype i = 0; i < m_labels.size(); ++i) {
        const double x = m_x.value(i, NAN), y = m_y.value(i, NAN);
        out += csvField(m_labels[i]) + QLatin1Char(',') + (std::isfinite(x) ? csvNumber(x) : QString()) + QLatin1Char(',') +
               (std::isfinite(y) ? csvNumber(y) : QString()) + QLatin1Char('\n');
    }
    return out;
}
