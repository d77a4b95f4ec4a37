#include "plots/lineplot.h"

#include <stdexcept>

namespace {
const QColor kSeriesColours[] = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(44, 160, 44), QColor(255, 127, 14),
                                 QColor(148, 103, 189), QColor(140, 86, 75)};
}

LinePlot::LinePlot(QWidget *parent) : PlotView(parent)
{
    plot()->legend->setVisible(true);
    plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
}

void LinePlot::clear()
{
    m_names.clear();
    m_x.clear();
    m_y.clear();
    plot()->clearGraphs();
    plot()->clearItems();
    m_dirty = true;
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

int LinePlot::addSeries(const QString &name, const QVector<double> &x, const QVector<double> &y, const QColor &colour, bool dashed)
{
    if (x.size() != y.size())
        throw std::invalid_argument("LinePlot::addSeries: x and y differ in length");
    const int index = int(m_names.size());
    m_names << name;
    m_x << x;
    m_y << y;
    QCPGraph *g = plot()->addGraph();
    g->setName(name);
    QPen pen(colour.isValid() ? colour : kSeriesColours[index % int(std::size(kSeriesColours))], 2);
    if (dashed)
        pen.setStyle(Qt::DashLine);
    g->setPen(pen);
    g->setData(x, y, true);
    m_dirty = true;
    plot()->replot(QCustomPlot::rpQueuedReplot);
    return index;
}

void LinePlot::setAxisLabels(const QString &x, const QString &y)
{
    plot()->xAxis->setLabel(x);
    plot()->yAxis->setLabel(y);
}

void LinePlot::setLogY(bool on)
{
    m_logY = on;
    plot()->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    plot()->yAxis->setTicker(on ? QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog) : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    m_dirty = true;
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void LinePlot::setXTickLabels(const QStringList &labels)
{
    if (labels.isEmpty()) {
        plot()->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        return;
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const int stride = std::max(1, int(labels.size()) / 32); // keep labels readable
    for (int i = 0; i < labels.size(); i += stride)
        ticker->addTick(i, labels[i]);
    plot()->xAxis->setTicker(ticker);
    plot()->xAxis->setTickLabelRotation(labels.size() > 12 ? 60 : 0);
}

void LinePlot::addMarker(double x, const QString &label)
{
    auto *line = new QCPItemStraightLine(plot());
    line->point1->setCoords(x, 0);
    line->point2->setCoords(x, 1);
    line->setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
    auto *text = new QCPItemText(plot());
    text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(x, 0.02);
    text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    text->setPadding(QMargins(4, 0, 0, 0));
    text->setText(label);
    text->setColor(QColor(90, 90, 90));
}

void LinePlot::prepareRender()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    plot()->rescaleAxes();
    if (m_logY) {
        // A log axis cannot show zero; start at the smallest positive value.
        double lo = 1e300, hi = 0;
        for (const auto &ys : std::as_const(m_y))
            for (double v : ys)
                if (v > 0) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
        if (hi > 0)
            plot()->yAxis->setRange(lo / 1.5, hi * 1.5);
    }
}

QString LinePlot::toCsv() const
{
    QString csv = QStringLiteral("series,x,y\n");
    for (int s = 0; s < m_names.size(); ++s)
        for (int i = 0; i < m_x[s].size(); ++i)
            csv += csvField(m_names[s]) + QLatin1Char(',') + csvNumber(m_x[s][i]) + QLatin1Char(',') + csvNumber(m_y[s][i]) +
                   QLatin1Char('\n');
    return csv;
}
