#include "plots/memoryplot.h"

#include "models/architecture.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

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
            QCoreApplication::translate("MemoryPlots", "recurrent state"),
            QCoreApplication::translate("MemoryPlots", "cross-attention cache")};
}

QVector<double> memoryPartBytes(const lm::MemoryParts &p)
{
    return {double(p.weights),   double(p.gradients), double(p.optimizer), double(p.activations),
            double(p.attention), double(p.kvCache),   double(p.state),     double(p.crossCache)};
}

// ---- MemoryPlot ------------------------------------------------------------------------------

MemoryPlot::MemoryPlot(const QString &title, QWidget *parent) : PlotView(parent)
{
    QCustomPlot *p = plot();
    p->plotLayout()->insertRow(0);
    QFont font = p->font();
    font.setBold(true);
    m_title = new QCPTextElement(p, title, font);
    p->plotLayout()->addElement(0, 0, m_title);
}

QString MemoryPlot::title() const { return m_title->text(); }

void MemoryPlot::setTitle(const QString &text) { m_title->setText(text); }

void MemoryPlot::rowsChanged()
{
    m_dirty = true;
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void MemoryPlot::prepareRender()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    fitAxes();
}

std::vector<MemoryPlot::SeriesKey> MemoryPlot::seriesOf(const std::vector<lm::MemoryLabRow> &rows)
{
    std::vector<SeriesKey> keys;
    for (const lm::MemoryLabRow &r : rows)
        if (std::find(keys.begin(), keys.end(), SeriesKey{r.arch, r.mode}) == keys.end())
            keys.push_back({r.arch, r.mode});
    return keys;
}

bool MemoryPlot::severalModes(const std::vector<lm::MemoryLabRow> &rows)
{
    return std::any_of(rows.begin(), rows.end(), [&](const lm::MemoryLabRow &r) { return r.mode != rows.front().mode; });
}

QString MemoryPlot::seriesName(const SeriesKey &key, bool withMode)
{
    const QString arch = QString::fromStdString(key.arch);
    return withMode ? arch + QLatin1Char(' ') + memoryModeText(key.mode) : arch;
}

std::vector<const lm::MemoryLabRow *> MemoryPlot::seriesRows(const std::vector<lm::MemoryLabRow> &rows, const SeriesKey &key)
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

QCPGraph *MemoryPlot::addMarkerGraph(const QString &name, const QColor &colour, bool line)
{
    QCPGraph *g = plot()->addGraph();
    g->setName(name);
    g->setPen(QPen(colour, 2));
    g->setLineStyle(line ? QCPGraph::lsLine : QCPGraph::lsNone);
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 8));
    return g;
}

QCPGraph *MemoryPlot::addLineGraph(const QString &name, const QColor &colour)
{
    QCPGraph *g = plot()->addGraph();
    g->setName(name);
    g->setPen(QPen(colour, 1.5));
    g->removeFromLegend();
    return g;
}

void MemoryPlot::showLegendAt(Qt::Alignment where)
{
    QCustomPlot *p = plot();
    p->legend->setVisible(true);
    p->legend->setBrush(QColor(255, 255, 255, 210));
    p->axisRect()->insetLayout()->setInsetAlignment(0, where);
}

std::optional<MemoryPlot::Bounds> MemoryPlot::graphBounds() const
{
    const QCustomPlot *p = plot();
    Bounds b{1e300, 0, 1e300, 0};
    for (int g = 0; g < p->graphCount(); ++g)
        for (auto it = p->graph(g)->data()->constBegin(); it != p->graph(g)->data()->constEnd(); ++it) {
            b.xlo = std::min(b.xlo, it->key);
            b.xhi = std::max(b.xhi, it->key);
            b.ylo = std::min(b.ylo, it->value);
            b.yhi = std::max(b.yhi, it->value);
        }
    if (b.xhi <= 0)
        return std::nullopt;
    return b;
}

void MemoryPlot::useLogAxis(QCPAxis *axis, QSharedPointer<QCPAxisTicker> ticker, bool integers)
{
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setTicker(std::move(ticker));
    if (integers) {
        axis->setNumberFormat(QStringLiteral("f"));
        axis->setNumberPrecision(0);
    }
}

QSharedPointer<QCPAxisTicker> MemoryPlot::lengthTicker()
{
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    ticker->setLogBase(2);
    ticker->setSubTickCount(0);
    ticker->setTickCount(8);
    return ticker;
}

QSharedPointer<QCPAxisTicker> MemoryPlot::bytesTicker(bool logAxis)
{
    if (logAxis)
        return QSharedPointer<QCPAxisTicker>(new BytesLogTicker);
    return QSharedPointer<QCPAxisTicker>(new BytesTicker);
}

QSharedPointer<QCPAxisTicker> MemoryPlot::secondsLogTicker() { return QSharedPointer<QCPAxisTicker>(new SecondsLogTicker); }

QCPRange MemoryPlot::logRange(double lo, double hi)
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
