#include "plots/memoryplots.h"

#include "models/architecture.h"

#include <QCoreApplication>
#include <QFontMetrics>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace {

// Ticks for a log axis at 1, 2 and 5 times each power of ten while the range spans a few decades,
// at powers of ten beyond that. (QCPAxisTickerLog falls back to linear ticks below about 1.6
// decades, which leaves the lower part of a log axis without a single label.)
class DecadeTicker : public QCPAxisTickerLog {
protected:
    QVector<double> createTickVector(double, const QCPRange &range) override
    {
        QVector<double> ticks;
        if (!(range.lower > 0) || !(range.upper > range.lower))
            return ticks;
        const double decades = std::log10(range.upper / range.lower);
        const QVector<double> mantissas = decades <= 1.2 ? QVector<double>{1, 2, 5} : decades <= 2.5 ? QVector<double>{1, 3}
                                                                                                       : QVector<double>{1};
        const int step = std::max(1, int(std::ceil(decades / 6.0)));
        for (int e = int(std::floor(std::log10(range.lower))); e <= int(std::ceil(std::log10(range.upper))); e += step)
            for (double m : mantissas)
                ticks << m * std::pow(10.0, e);
        return ticks;
    }
    // Grid lines at the labelled ticks are enough; sub-ticks between 1-2-5 ticks would mislead.
    QVector<double> createSubTickVector(int, const QVector<double> &) override { return {}; }
};

// Tick labels in bytes ("10 MB"), on a log axis or a linear one.
class BytesLogTicker final : public DecadeTicker {
protected:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        return QString::fromStdString(lm::formatBytes(tick));
    }
};
class BytesTicker final : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        return QString::fromStdString(lm::formatBytes(tick));
    }
};

// Seconds on a log axis, in the unit a reader expects at that size ("10 ms", "1 s").
class SecondsLogTicker final : public DecadeTicker {
protected:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        if (tick >= 1.0)
            return QString::number(tick, 'g', 3) + QStringLiteral(" s");
        if (tick >= 1e-3)
            return QString::number(tick * 1e3, 'g', 3) + QStringLiteral(" ms");
        return QString::number(tick * 1e6, 'g', 3) + QStringLiteral(" µs");
    }
};

// Sequence lengths on a log axis: one tick per doubling, written as integers.
QSharedPointer<QCPAxisTicker> lengthTicker()
{
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    ticker->setLogBase(2);
    ticker->setSubTickCount(0);
    ticker->setTickCount(8);
    return ticker;
}

void useLogAxis(QCPAxis *axis, QSharedPointer<QCPAxisTicker> ticker, bool integers = false)
{
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setTicker(std::move(ticker));
    if (integers) {
        axis->setNumberFormat(QStringLiteral("f"));
        axis->setNumberPrecision(0);
    }
}

QCPTextElement *addTitle(QCustomPlot *plot, const QString &text)
{
    plot->plotLayout()->insertRow(0);
    QFont font = plot->font();
    font.setBold(true);
    auto *title = new QCPTextElement(plot, text, font);
    plot->plotLayout()->addElement(0, 0, title);
    return title;
}

// A log axis range around [lo, hi] with a little air, at least a factor of 4 wide so that a
// flat curve still shows labelled ticks around it.
QCPRange logRange(double lo, double hi)
{
    if (!(lo > 0) || !(hi >= lo))
        return QCPRange(1, 10);
    lo /= 1.4;
    hi *= 1.4;
    if (hi / lo < 4.0) {
        const double widen = std::sqrt(4.0 / (hi / lo));
        lo /= widen;
        hi *= widen;
    }
    return QCPRange(lo, hi);
}

struct SeriesKey {
    std::string arch;
    lm::MemoryMode mode;
    bool operator==(const SeriesKey &) const = default;
};

// The (arch, mode) series of `rows` in the order they first appear.
std::vector<SeriesKey> seriesOf(const std::vector<lm::MemoryLabRow> &rows)
{
    std::vector<SeriesKey> keys;
    for (const lm::MemoryLabRow &r : rows)
        if (std::find(keys.begin(), keys.end(), SeriesKey{r.arch, r.mode}) == keys.end())
            keys.push_back({r.arch, r.mode});
    return keys;
}

bool severalModes(const std::vector<lm::MemoryLabRow> &rows)
{
    return std::any_of(rows.begin(), rows.end(), [&](const lm::MemoryLabRow &r) { return r.mode != rows.front().mode; });
}

QString seriesName(const SeriesKey &key, bool withMode)
{
    const QString arch = QString::fromStdString(key.arch);
    return withMode ? arch + QLatin1Char(' ') + memoryModeText(key.mode) : arch;
}

// The rows of one series, shortest length (or smallest batch) first.
std::vector<const lm::MemoryLabRow *> seriesRows(const std::vector<lm::MemoryLabRow> &rows, const SeriesKey &key)
{
    std::vector<const lm::MemoryLabRow *> out;
    for (const lm::MemoryLabRow &r : rows)
        if (r.arch == key.arch && r.mode == key.mode)
            out.push_back(&r);
    std::stable_sort(out.begin(), out.end(), [](const lm::MemoryLabRow *a, const lm::MemoryLabRow *b) {
        return a->seqLen != b->seqLen ? a->seqLen < b->seqLen : a->batch < b->batch;
    });
    return out;
}

QCPGraph *markerGraph(QCustomPlot *plot, const QString &name, const QColor &colour, bool line)
{
    QCPGraph *g = plot->addGraph();
    g->setName(name);
    g->setPen(QPen(colour, 2));
    g->setLineStyle(line ? QCPGraph::lsLine : QCPGraph::lsNone);
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 8));
    return g;
}

QCPGraph *lineGraph(QCustomPlot *plot, const QString &name, const QColor &colour)
{
    QCPGraph *g = plot->addGraph();
    g->setName(name);
    g->setPen(QPen(colour, 1.5));
    g->removeFromLegend();
    return g;
}

void legendAt(QCustomPlot *plot, Qt::Alignment where)
{
    plot->legend->setVisible(true);
    plot->legend->setBrush(QColor(255, 255, 255, 210));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, where);
}

} // namespace

QColor memoryArchColour(const std::string &arch)
{
    const lm::Architecture *family = lm::findArchitecture(arch);
    return family ? QColor::fromRgb(static_cast<QRgb>(family->colour)) : QColor(110, 110, 110);
}

QString memoryModeText(lm::MemoryMode mode)
{
    switch (mode) {
    case lm::MemoryMode::Train: return QCoreApplication::translate("MemoryPlots", "train");
    case lm::MemoryMode::Prefill: return QCoreApplication::translate("MemoryPlots", "prefill");
    case lm::MemoryMode::Infer: return QCoreApplication::translate("MemoryPlots", "infer");
    }
    return {};
}

QStringList memoryPartNames()
{
    return {QCoreApplication::translate("MemoryPlots", "weights"),
            QCoreApplication::translate("MemoryPlots", "gradients"),
            QCoreApplication::translate("MemoryPlots", "optimizer state"),
            QCoreApplication::translate("MemoryPlots", "activations"),
            QCoreApplication::translate("MemoryPlots", "attention (T × T)"),
            QCoreApplication::translate("MemoryPlots", "KV cache"),
            QCoreApplication::translate("MemoryPlots", "recurrent state")};
}

QVector<double> memoryPartBytes(const lm::MemoryParts &p)
{
    return {double(p.weights),   double(p.gradients), double(p.optimizer), double(p.activations),
            double(p.attention), double(p.kvCache),   double(p.state)};
}

// ---- MemoryBytesPlot -------------------------------------------------------------------------

MemoryBytesPlot::MemoryBytesPlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *p = plot();
    addTitle(p, tr("Memory versus sequence length"));
    useLogAxis(p->xAxis, lengthTicker(), true);
    useLogAxis(p->yAxis, QSharedPointer<QCPAxisTicker>(new BytesLogTicker));
    p->xAxis->setLabel(tr("sequence length T (tokens)"));
    p->yAxis->setLabel(tr("bytes beyond the weights"));
    legendAt(p, Qt::AlignTop | Qt::AlignLeft);
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
        QCPGraph *measured = markerGraph(p, name, colour, false);
        QCPGraph *predicted = lineGraph(p, name + QLatin1Char(' ') + tr("predicted"), colour);
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
    m_dirty = true;
    p->replot(QCustomPlot::rpQueuedReplot);
}

QStringList MemoryBytesPlot::slopeLabels() const
{
    QStringList texts;
    for (const QCPItemText *label : m_labels)
        texts << label->text();
    return texts;
}

void MemoryBytesPlot::prepareRender()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    QCustomPlot *p = plot();
    double xlo = 1e300, xhi = 0, ylo = 1e300, yhi = 0;
    for (int g = 0; g < p->graphCount(); ++g)
        for (auto it = p->graph(g)->data()->constBegin(); it != p->graph(g)->data()->constEnd(); ++it) {
            xlo = std::min(xlo, it->key);
            xhi = std::max(xhi, it->key);
            ylo = std::min(ylo, it->value);
            yhi = std::max(yhi, it->value);
        }
    if (xhi <= 0) {
        p->xAxis->setRange(100, 1000);
        p->yAxis->setRange(1e3, 1e6);
        p->axisRect()->setMargins(QMargins(0, 0, 16, 0));
        return;
    }
    p->xAxis->setRange(xlo / 1.25, xhi * 1.25);
    const QCPRange y = logRange(ylo, yhi);
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

MemoryTimePlot::MemoryTimePlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *p = plot();
    addTitle(p, tr("Time per step versus sequence length"));
    useLogAxis(p->xAxis, lengthTicker(), true);
    useLogAxis(p->yAxis, QSharedPointer<QCPAxisTicker>(new SecondsLogTicker));
    p->xAxis->setLabel(tr("sequence length T (tokens)"));
    p->yAxis->setLabel(tr("seconds per step (measured)"));
    legendAt(p, Qt::AlignTop | Qt::AlignLeft);
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
        QCPGraph *g = markerGraph(p, seriesName(key, withMode), memoryArchColour(key.arch), true);
        for (const lm::MemoryLabRow *r : seriesRows(rows, key))
            if (secondsPerStep(*r) > 0)
                g->addData(r->seqLen, secondsPerStep(*r));
    }
    const bool infer = !rows.empty() && rows.front().mode == lm::MemoryMode::Infer && !withMode;
    p->yAxis->setLabel(infer ? tr("seconds per generated token (measured)") : tr("seconds per step (measured)"));
    m_dirty = true;
    p->replot(QCustomPlot::rpQueuedReplot);
}

void MemoryTimePlot::prepareRender()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    QCustomPlot *p = plot();
    double xlo = 1e300, xhi = 0, ylo = 1e300, yhi = 0;
    for (int g = 0; g < p->graphCount(); ++g)
        for (auto it = p->graph(g)->data()->constBegin(); it != p->graph(g)->data()->constEnd(); ++it) {
            xlo = std::min(xlo, it->key);
            xhi = std::max(xhi, it->key);
            ylo = std::min(ylo, it->value);
            yhi = std::max(yhi, it->value);
        }
    if (xhi <= 0) {
        p->xAxis->setRange(100, 1000);
        p->yAxis->setRange(1e-3, 1);
        return;
    }
    p->xAxis->setRange(xlo / 1.25, xhi * 1.25);
    p->yAxis->setRange(logRange(ylo, yhi));
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

MemoryBatchPlot::MemoryBatchPlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *p = plot();
    addTitle(p, tr("Memory versus batch size"));
    p->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new BytesTicker));
    p->xAxis->setLabel(tr("batch size B"));
    p->yAxis->setLabel(tr("bytes beyond the weights"));
    legendAt(p, Qt::AlignTop | Qt::AlignLeft);
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
        QCPGraph *measured = markerGraph(p, name, colour, false);
        QCPGraph *predicted = lineGraph(p, name + QLatin1Char(' ') + tr("predicted"), colour);
        for (const lm::MemoryLabRow *r : seriesRows(rows, key)) {
            measured->addData(r->batch, double(r->measured.runBytes));
            predicted->addData(r->batch, double(r->predicted.run()));
        }
    }
    if (auto *title = qobject_cast<QCPTextElement *>(p->plotLayout()->element(0, 0)); title && !rows.empty())
        title->setText(tr("Memory versus batch size (%1, length %2)").arg(memoryModeText(rows.front().mode)).arg(rows.front().seqLen));
    m_dirty = true;
    p->replot(QCustomPlot::rpQueuedReplot);
}

void MemoryBatchPlot::prepareRender()
{
    if (!m_dirty)
        return;
    m_dirty = false;
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

MemoryPartsPlot::MemoryPartsPlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *p = plot();
    addTitle(p, tr("Parts of the memory (predicted)"));
    p->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new BytesTicker));
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
                                         QColor(44, 160, 44)};
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
    if (auto *title = qobject_cast<QCPTextElement *>(p->plotLayout()->element(0, 0)); title && !m_shown.empty())
        title->setText(tr("Parts at length %1, %2 (predicted)").arg(longest).arg(memoryModeText(m_shown.front().mode)));
    m_dirty = true;
    p->replot(QCustomPlot::rpQueuedReplot);
}

QStringList MemoryPartsPlot::partNames() const
{
    QStringList names;
    for (const QCPBars *bars : m_bars)
        names << bars->name();
    return names;
}

void MemoryPartsPlot::prepareRender()
{
    if (!m_dirty)
        return;
    m_dirty = false;
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
