#include "plots/memoryplots.h"

#include <QFontMetrics>

#include <algorithm>
#include <cmath>
#include <numeric>

// ---- MemoryBytesPlot -------------------------------------------------------------------------

MemoryBytesPlot::MemoryBytesPlot(QWidget *parent) : MemoryPlot(tr("Memory versus sequence length"), parent)
{
    QCustomPlot *p = plot();
    useLogAxis(p->xAxis, lengthTicker(), true);
    useLogAxis(p->yAxis, bytesTicker(true));
    p->xAxis->setLabel(tr("sequence length T (tokens)"));
    p->yAxis->setLabel(tr("bytes beyond the weights"));
    showLegendAt(Qt::AlignTop | Qt::AlignLeft);
    // The slope labels sit to the right of the curves' ends, in a margin kept for them.
    p->axisRect()->setAutoMargins(QCP::msLeft | QCP::msTop | QCP::msBottom);
}

void MemoryBytesPlot::setRows(const std::vector<lm::MemoryLabRow> &rows)
{
    m_rows = rows;
    QCustomPlot *p = plot();
    p->clearGraphs();
    p->clearItems();
    m_labels.clear();
    m_labelX.clear();
    m_labelY.clear();
    const bool withMode = severalModes(rows);
    for (const SeriesKey &key : seriesOf(rows)) {
        const QColor colour = memoryArchColour(key.arch);
        const QString name = seriesName(key, withMode);
        QCPGraph *measured = addMarkerGraph(name, colour, false);
        QCPGraph *predicted = addLineGraph(name + QLatin1Char(' ') + tr("predicted"), colour);
        double endX = 0, endY = 0;
        for (const lm::MemoryLabRow *r : seriesRows(rows, key)) {
            if (r->measured.runBytes > 0) {
                measured->addData(r->seqLen, double(r->measured.runBytes));
                endX = r->seqLen;
                endY = double(r->measured.runBytes);
            }
            if (r->predicted.run() > 0)
                predicted->addData(r->seqLen, double(r->predicted.run()));
        }
        if (endX <= 0)
            continue;
        const double slope = lm::memoryLabSlope(rows, key.arch, key.mode);
        auto *label = new QCPItemText(p);
        label->setText(std::isfinite(slope) ? tr("%1: slope %2").arg(name, QString::number(slope, 'f', 2)) : name);
        label->setColor(colour.darker(120));
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setPadding(QMargins(8, 0, 0, 0));
        label->setClipToAxisRect(false);
        m_labels << label;
        m_labelX << endX;
        m_labelY << endY;
    }
    rowsChanged();
}

QStringList MemoryBytesPlot::slopeLabels() const
{
    QStringList texts;
    for (const QCPItemText *label : m_labels)
        texts << label->text();
    return texts;
}

void MemoryBytesPlot::fitAxes()
{
    QCustomPlot *p = plot();
    const std::optional<Bounds> b = graphBounds();
    if (!b) {
        p->xAxis->setRange(100, 1000);
        p->yAxis->setRange(1e3, 1e6);
        p->axisRect()->setMargins(QMargins(0, 0, 16, 0));
        return;
    }
    p->xAxis->setRange(b->xlo / 1.25, b->xhi * 1.25);
    const QCPRange y = logRange(b->ylo, b->yhi);
    p->yAxis->setRange(y);

    // Room on the right for the widest label.
    const QFontMetrics metrics(p->font());
    int widest = 0;
    for (const QCPItemText *label : std::as_const(m_labels))
        widest = std::max(widest, metrics.horizontalAdvance(label->text()));
    p->axisRect()->setMargins(QMargins(0, 0, widest + 16, 0));

    // Labels of curves that end close together are pushed apart vertically (in log units: the
    // pixels a line of text needs, at the axis rect's height).
    const int height = p->axisRect()->height() > 50 ? p->axisRect()->height() : defaultHeight - 120;
    const double gap = (metrics.height() + 2) * std::log10(y.upper / y.lower) / height;
    QVector<int> order(m_labels.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return m_labelY[a] < m_labelY[b]; });
    QVector<double> logY(m_labels.size());
    for (int k = 0; k < order.size(); ++k) {
        logY[order[k]] = std::log10(m_labelY[order[k]]);
        if (k > 0)
            logY[order[k]] = std::max(logY[order[k]], logY[order[k - 1]] + gap);
    }
    for (int i = 0; i < m_labels.size(); ++i)
        m_labels[i]->position->setCoords(m_labelX[i] * 1.25, std::pow(10.0, logY[i]));
}

QString MemoryBytesPlot::toCsv() const { return QString::fromStdString(lm::memoryLabCsv(m_rows)); }

// ---- MemoryTimePlot --------------------------------------------------------------------------

MemoryTimePlot::MemoryTimePlot(QWidget *parent) : MemoryPlot(tr("Time per step versus sequence length"), parent)
{
    QCustomPlot *p = plot();
    useLogAxis(p->xAxis, lengthTicker(), true);
    useLogAxis(p->yAxis, secondsLogTicker());
    p->xAxis->setLabel(tr("sequence length T (tokens)"));
    p->yAxis->setLabel(tr("seconds per step (measured)"));
    showLegendAt(Qt::AlignTop | Qt::AlignLeft);
}

namespace {
// Train and prefill: the step or forward; infer: one generated token.
double secondsPerStep(const lm::MemoryLabRow &r)
{
    return r.mode == lm::MemoryMode::Infer ? r.measured.seconds / std::max(1, r.seqLen) : r.measured.seconds;
}
} // namespace

void MemoryTimePlot::setRows(const std::vector<lm::MemoryLabRow> &rows)
{
    m_rows = rows;
    QCustomPlot *p = plot();
    p->clearGraphs();
    const bool withMode = severalModes(rows);
    for (const SeriesKey &key : seriesOf(rows)) {
        QCPGraph *g = addMarkerGraph(seriesName(key, withMode), memoryArchColour(key.arch), true);
        for (const lm::MemoryLabRow *r : seriesRows(rows, key))
            if (secondsPerStep(*r) > 0)
                g->addData(r->seqLen, secondsPerStep(*r));
    }
    const bool infer = !rows.empty() && rows.front().mode == lm::MemoryMode::Infer && !withMode;
    p->yAxis->setLabel(infer ? tr("seconds per generated token (measured)") : tr("seconds per step (measured)"));
    rowsChanged();
}

void MemoryTimePlot::fitAxes()
{
    QCustomPlot *p = plot();
    const std::optional<Bounds> b = graphBounds();
    if (!b) {
        p->xAxis->setRange(100, 1000);
        p->yAxis->setRange(1e-3, 1);
        return;
    }
    p->xAxis->setRange(b->xlo / 1.25, b->xhi * 1.25);
    p->yAxis->setRange(logRange(b->ylo, b->yhi));
}

QString MemoryTimePlot::toCsv() const
{
    QString csv = QStringLiteral("arch,mode,seq_len,seconds,seconds_per_step\n");
    for (const lm::MemoryLabRow &r : m_rows)
        csv += QString::fromStdString(r.arch) + QLatin1Char(',') + QString::fromStdString(lm::memoryModeName(r.mode)) +
               QLatin1Char(',') + QString::number(r.seqLen) + QLatin1Char(',') + csvNumber(r.measured.seconds) +
               QLatin1Char(',') + csvNumber(secondsPerStep(r)) + QLatin1Char('\n');
    return csv;
}

// ---- MemoryBatchPlot -------------------------------------------------------------------------

MemoryBatchPlot::MemoryBatchPlot(QWidget *parent) : MemoryPlot(tr("Memory versus batch size"), parent)
{
    QCustomPlot *p = plot();
    p->yAxis->setTicker(bytesTicker(false));
    p->xAxis->setLabel(tr("batch size B"));
    p->yAxis->setLabel(tr("bytes beyond the weights"));
    showLegendAt(Qt::AlignTop | Qt::AlignLeft);
}

void MemoryBatchPlot::setRows(const std::vector<lm::MemoryLabRow> &rows)
{
    m_rows = rows;
    QCustomPlot *p = plot();
    p->clearGraphs();
    QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
    for (const lm::MemoryLabRow &r : rows)
        ticks->addTick(r.batch, QString::number(r.batch));
    p->xAxis->setTicker(ticks);
    for (const SeriesKey &key : seriesOf(rows)) {
        const QColor colour = memoryArchColour(key.arch);
        const QString name = QString::fromStdString(key.arch);
        QCPGraph *measured = addMarkerGraph(name, colour, false);
        QCPGraph *predicted = addLineGraph(name + QLatin1Char(' ') + tr("predicted"), colour);
        for (const lm::MemoryLabRow *r : seriesRows(rows, key)) {
            measured->addData(r->batch, double(r->measured.runBytes));
            predicted->addData(r->batch, double(r->predicted.run()));
        }
    }
    if (!rows.empty())
        setTitle(tr("Memory versus batch size (%1, length %2)").arg(memoryModeText(rows.front().mode)).arg(rows.front().seqLen));
    rowsChanged();
}

void MemoryBatchPlot::fitAxes()
{
    double xhi = 1, yhi = 0;
    for (const lm::MemoryLabRow &r : m_rows) {
        xhi = std::max(xhi, double(r.batch));
        yhi = std::max({yhi, double(r.measured.runBytes), double(r.predicted.run())});
    }
    plot()->xAxis->setRange(0, xhi + 1);
    plot()->yAxis->setRange(0, yhi > 0 ? yhi * 1.1 : 1e6);
}

QString MemoryBatchPlot::toCsv() const { return QString::fromStdString(lm::memoryLabCsv(m_rows)); }

// ---- MemoryPartsPlot -------------------------------------------------------------------------

MemoryPartsPlot::MemoryPartsPlot(QWidget *parent) : MemoryPlot(tr("Parts of the memory (predicted)"), parent)
{
    QCustomPlot *p = plot();
    p->yAxis->setTicker(bytesTicker(false));
    p->yAxis->setLabel(tr("bytes"));
    p->xAxis->grid()->setVisible(false); // a grid line through each bar only adds noise
    // The legend takes a column of its own to the right, so it never covers a bar.
    p->legend->setVisible(true);
    p->legend->setBrush(Qt::NoBrush);
    p->legend->setBorderPen(Qt::NoPen);
    m_legendColumn = new QCPLayoutGrid;
    p->plotLayout()->addElement(1, 1, m_legendColumn);
    p->axisRect()->insetLayout()->take(p->legend);
    m_legendColumn->addElement(0, 0, p->legend);
    m_legendColumn->setRowStretchFactor(0, 0.01);
    m_legendColumn->addElement(1, 0, new QCPLayoutElement(p)); // pushes the legend to the top
    p->plotLayout()->setColumnStretchFactor(1, 0.01);
}

void MemoryPartsPlot::setRows(const std::vector<lm::MemoryLabRow> &rows)
{
    // The longest length overall, then per architecture its first row there.
    int longest = 0;
    for (const lm::MemoryLabRow &r : rows)
        longest = std::max(longest, r.seqLen);
    m_shown.clear();
    for (const lm::MemoryLabRow &r : rows)
        if (r.seqLen == longest &&
            std::none_of(m_shown.begin(), m_shown.end(), [&](const lm::MemoryLabRow &s) { return s.arch == r.arch; }))
            m_shown.push_back(r);

    QCustomPlot *p = plot();
    p->clearPlottables();
    m_bars.clear();
    QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
    for (int i = 0; i < int(m_shown.size()); ++i)
        ticks->addTick(i, QString::fromStdString(m_shown[i].arch));
    p->xAxis->setTicker(ticks);
    static const QColor partColours[] = {QColor(127, 127, 127), QColor(255, 127, 14), QColor(188, 189, 34),
                                         QColor(23, 190, 207),  QColor(214, 39, 40),  QColor(148, 103, 189),
                                         QColor(44, 160, 44),   QColor(227, 119, 194)};
    const QStringList names = memoryPartNames();
    QCPBars *below = nullptr;
    for (int part = 0; part < names.size(); ++part) {
        QVector<double> keys, values;
        bool any = false;
        for (int i = 0; i < int(m_shown.size()); ++i) {
            keys << i;
            values << memoryPartBytes(m_shown[i].predicted)[part];
            any = any || values.back() > 0;
        }
        if (!any)
            continue;
        auto *bars = new QCPBars(p->xAxis, p->yAxis);
        bars->setName(names[part]);
        bars->setWidth(0.55);
        bars->setPen(QPen(partColours[part].darker(130), 1));
        bars->setBrush(partColours[part]);
        bars->setData(keys, values, true);
        if (below)
            bars->moveAbove(below);
        below = bars;
        m_bars << bars;
    }
    // The legend lists the top of the stack first, as the eye reads the bars.
    p->legend->setRowSpacing(2);
    for (QCPBars *bars : std::as_const(m_bars))
        bars->removeFromLegend();
    for (auto it = m_bars.crbegin(); it != m_bars.crend(); ++it)
        (*it)->addToLegend();
    // The legend's column is as wide as its longest name (the layout alone squeezes it).
    m_legendColumn->setMinimumSize(p->legend->minimumOuterSizeHint().width(), 0);
    if (!m_shown.empty())
        setTitle(tr("Parts at length %1, %2 (predicted)").arg(longest).arg(memoryModeText(m_shown.front().mode)));
    rowsChanged();
}

QStringList MemoryPartsPlot::partNames() const
{
    QStringList names;
    for (const QCPBars *bars : m_bars)
        names << bars->name();
    return names;
}

void MemoryPartsPlot::fitAxes()
{
    double top = 0;
    for (const lm::MemoryLabRow &r : m_shown)
        top = std::max(top, double(r.predicted.total()));
    plot()->xAxis->setRange(-0.6, std::max(1, int(m_shown.size())) - 0.4);
    plot()->yAxis->setRange(0, top > 0 ? top * 1.08 : 1e6);
}

QString MemoryPartsPlot::toCsv() const
{
    static const char *const parts[] = {"weights", "gradients", "optimizer", "activations", "attention", "kv_cache", "state"};
    QString csv = QStringLiteral("arch,mode,seq_len,batch,part,bytes\n");
    for (const lm::MemoryLabRow &r : m_shown) {
        const QVector<double> bytes = memoryPartBytes(r.predicted);
        for (int i = 0; i < bytes.size(); ++i)
            csv += QString::fromStdString(r.arch) + QLatin1Char(',') + QString::fromStdString(lm::memoryModeName(r.mode)) +
                   QLatin1Char(',') + QString::number(r.seqLen) + QLatin1Char(',') + QString::number(r.batch) +
                   QLatin1Char(',') + QLatin1String(parts[i]) + QLatin1Char(',') + QString::number(qint64(bytes[i])) +
                   QLatin1Char('\n');
    }
    return csv;
}
