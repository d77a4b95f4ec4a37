#include "plots/heatmapplot.h"

#include <QLocale>
#include <QMouseEvent>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace {

// More labels than this on an axis overlap at the default size: up to denseAxisLabels they
// take a smaller font, beyond that every k-th is shown.
constexpr int maxAxisLabels = 32;
constexpr int denseAxisLabels = 64;

QCPColorGradient viridis()
{
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.00, QColor(68, 1, 84));
    gradient.setColorStopAt(0.25, QColor(59, 82, 139));
    gradient.setColorStopAt(0.50, QColor(33, 145, 140));
    gradient.setColorStopAt(0.75, QColor(94, 201, 98));
    gradient.setColorStopAt(1.00, QColor(253, 231, 37));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(350);
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(200, 200, 200));
    return gradient;
}

// Cell i of n sits at coordinate i and spans [i - 0.5, i + 0.5]. QCPColorMapData places
// n > 1 cells from range.lower to range.upper (and adds half a cell at each end), but
// centres a single cell in its range.
QCPRange cellRange(int n)
{
    return n > 1 ? QCPRange(0, n - 1) : QCPRange(-0.5, 0.5);
}

QSharedPointer<QCPAxisTicker> tickerFor(const QStringList &labels, int count)
{
    if (labels.isEmpty()) {
        auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
        ticker->setTickStep(1.0);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        ticker->setTickCount(std::min(count, 10));
        return ticker;
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const int step = (count + denseAxisLabels - 1) / denseAxisLabels;
    for (int i = 0; i < count; i += step)
        ticker->addTick(i, labels.at(i));
    ticker->setSubTickCount(0);
    return ticker;
}

// Colour strips just outside the axis rect: under each column (its label's band) and left of
// each row. Drawn in pixels at every replot, so they follow the layout.
class LabelBands final : public QCPAbstractItem {
public:
    explicit LabelBands(QCustomPlot *plot) : QCPAbstractItem(plot) { setClipToAxisRect(false); }
    QVector<QColor> rows, cols;
    double selectTest(const QPointF &, bool, QVariant *) const override { return -1; }

protected:
    void draw(QCPPainter *painter) override
    {
        const QCPAxis *x = parentPlot()->xAxis, *y = parentPlot()->yAxis;
        const QRect rect = parentPlot()->axisRect()->rect();
        constexpr double width = 5;
        painter->setPen(Qt::NoPen);
        for (int c = 0; c < cols.size(); ++c) {
            const double x0 = x->coordToPixel(c - 0.5), x1 = x->coordToPixel(c + 0.5);
            painter->fillRect(QRectF(std::min(x0, x1), rect.bottom() + 1, std::abs(x1 - x0), width), cols[c]);
        }
        for (int r = 0; r < rows.size(); ++r) {
            const double y0 = y->coordToPixel(r - 0.5), y1 = y->coordToPixel(r + 0.5);
            painter->fillRect(QRectF(rect.left() - 1 - width, std::min(y0, y1), width, std::abs(y1 - y0)), rows[r]);
        }
    }
};

} // namespace

HeatmapPlot::HeatmapPlot(QWidget *parent)
    : PlotView(parent)
{
    QCustomPlot *p = plot();
    p->setMouseTracking(true);
    p->xAxis->grid()->setVisible(false);
    p->yAxis->grid()->setVisible(false);
    p->yAxis->setRangeReversed(true); // row 0 on top
    p->xAxis->setSubTicks(false);
    p->yAxis->setSubTicks(false);

    m_map = new QCPColorMap(p->xAxis, p->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);

    m_scale = new QCPColorScale(p);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(14);
    p->plotLayout()->addElement(0, 1, m_scale);
    m_map->setColorScale(m_scale);
    m_map->setGradient(viridis());

    // Keep the colour bar exactly as tall as the matrix.
    auto *margins = new QCPMarginGroup(p);
    p->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    m_scale->setMarginGroup(QCP::msTop | QCP::msBottom, margins);

    connect(p, &QCustomPlot::mouseMove, this, &HeatmapPlot::onMouseMove);
    connect(p, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        int row = 0, col = 0;
        if (event->button() == Qt::LeftButton && cellAt(event->position(), &row, &col))
            Q_EMIT cellClicked(row, col);
    });
    setMatrix(0, 0, {});
}

HeatmapPlot::~HeatmapPlot() = default;

void HeatmapPlot::setMatrix(int rows, int cols, const QVector<float> &rowMajorValues,
                            const QStringList &rowLabels, const QStringList &colLabels)
{
    const auto shape = [&] { return std::to_string(rows) + "x" + std::to_string(cols); };
    if (rows < 0 || cols < 0)
        throw std::invalid_argument("HeatmapPlot::setMatrix: negative shape " + shape());
    if (rowMajorValues.size() != qsizetype(rows) * cols)
        throw std::invalid_argument("HeatmapPlot::setMatrix: shape " + shape() + " needs "
                                    + std::to_string(qsizetype(rows) * cols) + " values, got "
                                    + std::to_string(rowMajorValues.size()));
    if (!rowLabels.isEmpty() && rowLabels.size() != rows)
        throw std::invalid_argument("HeatmapPlot::setMatrix: shape " + shape() + " but "
                                    + std::to_string(rowLabels.size()) + " row labels");
    if (!colLabels.isEmpty() && colLabels.size() != cols)
        throw std::invalid_argument("HeatmapPlot::setMatrix: shape " + shape() + " but "
                                    + std::to_string(colLabels.size()) + " column labels");

    if (rows == 0 || cols == 0) {
        rows = 0;
        cols = 0;
    }
    m_rows = rows;
    m_cols = cols;
    m_values = rows == 0 ? QVector<float>{} : rowMajorValues;
    m_rowLabels = rows == 0 ? QStringList{} : rowLabels;
    m_colLabels = rows == 0 ? QStringList{} : colLabels;

    QCPColorMapData *data = m_map->data();
    if (m_rows == 0) {
        data->setSize(0, 0);
    } else {
        // QCPColorMapData is indexed (key = column, value = row).
        data->setSize(m_cols, m_rows);
        data->setRange(cellRange(m_cols), cellRange(m_rows));
        for (int r = 0; r < m_rows; ++r) {
            for (int c = 0; c < m_cols; ++c)
                data->setCell(c, r, double(m_values[qsizetype(r) * m_cols + c]));
        }
    }
    m_map->setVisible(m_rows > 0);
    updateAxes();
    applyRange();
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

float HeatmapPlot::value(int row, int col) const
{
    if (row < 0 || row >= m_rows || col < 0 || col >= m_cols)
        throw std::out_of_range("HeatmapPlot::value: (" + std::to_string(row) + ", " + std::to_string(col)
                                + ") outside " + std::to_string(m_rows) + "x" + std::to_string(m_cols));
    return m_values[qsizetype(row) * m_cols + col];
}

void HeatmapPlot::updateAxes()
{
    QCustomPlot *p = plot();
    const int cols = std::max(m_cols, 1);
    const int rows = std::max(m_rows, 1);
    p->xAxis->setRange(-0.5, cols - 0.5);
    p->yAxis->setRange(-0.5, rows - 0.5);
    p->xAxis->setTicker(tickerFor(m_colLabels, cols));
    p->yAxis->setTicker(tickerFor(m_rowLabels, rows));
    QFont font = p->font();
    if (std::max(m_rowLabels.size(), m_colLabels.size()) > maxAxisLabels)
        font.setPointSizeF(font.pointSizeF() * 0.75);
    p->xAxis->setTickLabelFont(font);
    p->yAxis->setTickLabelFont(font);

    qsizetype longest = 0;
    for (const QString &label : std::as_const(m_colLabels))
        longest = std::max(longest, label.size());
    // Long or many column labels lie slanted so neighbours do not overlap.
    const bool slant = !m_colLabels.isEmpty() && (longest > 3 || std::min(m_cols, denseAxisLabels) * longest > 64);
    p->xAxis->setTickLabelRotation(slant ? 45 : 0);
}

void HeatmapPlot::setRange(double lo, double hi)
{
    if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi))
        throw std::invalid_argument("HeatmapPlot::setRange: need finite lo < hi, got lo = " + std::to_string(lo)
                                    + ", hi = " + std::to_string(hi));
    m_autoRange = false;
    m_fixedRange = QCPRange(lo, hi);
    applyRange();
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapPlot::setAutoRange()
{
    m_autoRange = true;
    applyRange();
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

QCPRange HeatmapPlot::colorRange() const
{
    return m_map->dataRange();
}

void HeatmapPlot::applyRange()
{
    QCPRange range = m_fixedRange;
    if (m_autoRange) {
        double lo = std::numeric_limits<double>::infinity();
        double hi = -lo;
        for (const float v : std::as_const(m_values)) {
            if (std::isfinite(v)) {
                lo = std::min(lo, double(v));
                hi = std::max(hi, double(v));
            }
        }
        if (lo > hi)
            range = QCPRange(0, 1); // no finite value at all
        else if (lo == hi)
            range = QCPRange(lo - 0.5, hi + 0.5); // a constant matrix still gets a valid bar
        else
            range = QCPRange(lo, hi);
    }
    m_map->setDataRange(range);
}

void HeatmapPlot::setAxisTitles(const QString &rowTitle, const QString &colTitle)
{
    plot()->yAxis->setLabel(rowTitle);
    plot()->xAxis->setLabel(colTitle);
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapPlot::setValueTitle(const QString &title)
{
    m_scale->axis()->setLabel(title);
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapPlot::setGradient(const QCPColorGradient &gradient)
{
    m_map->setGradient(gradient);
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapPlot::makeThumbnail()
{
    QCustomPlot *p = plot();
    if (m_scale->layout()) {
        // The scale still sets the map's colours; it is only no longer laid out or drawn.
        m_scale->setMarginGroup(QCP::msAll, nullptr);
        p->axisRect()->setMarginGroup(QCP::msAll, nullptr);
        p->plotLayout()->take(m_scale);
        p->plotLayout()->simplify();
        m_scale->setVisible(false);
    }
    p->xAxis->setVisible(false);
    p->yAxis->setVisible(false);
    p->axisRect()->setAutoMargins(QCP::msNone);
    p->axisRect()->setMargins(QMargins(1, 1, 1, 1));
    p->replot(QCustomPlot::rpQueuedReplot);
}

bool HeatmapPlot::cellAt(const QPointF &pixel, int *row, int *col) const
{
    if (m_rows == 0)
        return false;
    QCustomPlot *p = plot(); // axisRect() is not const in QCustomPlot 2.1
    if (!QRectF(p->axisRect()->rect()).contains(pixel))
        return false;
    const double x = p->xAxis->pixelToCoord(pixel.x());
    const double y = p->yAxis->pixelToCoord(pixel.y());
    if (!std::isfinite(x) || !std::isfinite(y))
        return false;
    const double c = std::floor(x + 0.5);
    const double r = std::floor(y + 0.5);
    if (c < 0 || c >= m_cols || r < 0 || r >= m_rows)
        return false;
    *row = int(r);
    *col = int(c);
    return true;
}

QString HeatmapPlot::readoutAt(const QPointF &pixel) const
{
    int row = 0;
    int col = 0;
    if (!cellAt(pixel, &row, &col))
        return {};
    const QString rowName = m_rowLabels.isEmpty() ? QString::number(row) : m_rowLabels.at(row);
    const QString colName = m_colLabels.isEmpty() ? QString::number(col) : m_colLabels.at(col);
    const double v = m_values[qsizetype(row) * m_cols + col];
    //: Heatmap hover readout: %1 row label, %2 column label, %3 value.
    return tr("%1, %2: %3").arg(rowName, colName, QLocale().toString(v, 'g', 4));
}

void HeatmapPlot::onMouseMove(QMouseEvent *event)
{
    const QString text = readoutAt(event->position());
    if (text == m_readout)
        return;
    m_readout = text;
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, plot());
    Q_EMIT readoutChanged(text);
}

QString HeatmapPlot::toCsv() const
{
    QString csv = QStringLiteral("row,col,row_label,col_label,value\n");
    for (int r = 0; r < m_rows; ++r) {
        const QString rowLabel = m_rowLabels.isEmpty() ? QString() : csvField(m_rowLabels.at(r));
        for (int c = 0; c < m_cols; ++c) {
            const QString colLabel = m_colLabels.isEmpty() ? QString() : csvField(m_colLabels.at(c));
            csv += QString::number(r) + u',' + QString::number(c) + u',' + rowLabel + u',' + colLabel + u','
                + csvNumber(m_values[qsizetype(r) * m_cols + c]) + u'\n';
        }
    }
    return csv;
}

void HeatmapPlot::setHighlightedRow(int row)
{
    if (!m_rowOutline) {
        m_rowOutline = new QCPItemRect(plot());
        m_rowOutline->setPen(QPen(QColor(220, 20, 60), 2));
        m_rowOutline->setBrush(Qt::NoBrush);
    }
    m_rowOutline->setVisible(row >= 0 && row < m_rows);
    // Cells are centred on integer coordinates; row 0 is at the top (reversed y axis).
    m_rowOutline->topLeft->setCoords(-0.5, row - 0.5);
    m_rowOutline->bottomRight->setCoords(m_cols - 0.5, row + 0.5);
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapPlot::setBoundaries(const QVector<int> &after)
{
    for (QCPItemLine *line : std::as_const(m_boundaryLines))
        plot()->removeItem(line);
    m_boundaryLines.clear();
    m_boundaries = after;
    const double rowEnd = std::max(m_rows, 1) - 0.5, colEnd = std::max(m_cols, 1) - 0.5;
    for (const int i : after) {
        for (const bool vertical : {true, false}) {
            auto *line = new QCPItemLine(plot());
            line->setPen(QPen(QColor(230, 30, 30), 2));
            if (vertical) { // between columns i and i + 1
                line->start->setCoords(i + 0.5, -0.5);
                line->end->setCoords(i + 0.5, rowEnd);
            } else { // between rows i and i + 1
                line->start->setCoords(-0.5, i + 0.5);
                line->end->setCoords(colEnd, i + 0.5);
            }
            m_boundaryLines << line;
        }
    }
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapPlot::setLabelBands(const QVector<QColor> &rowColours, const QVector<QColor> &colColours)
{
    if (!m_bands)
        m_bands = new LabelBands(plot());
    auto *bands = static_cast<LabelBands *>(m_bands);
    bands->rows = rowColours;
    bands->cols = colColours;
    // Room between the cells and the labels for the strips.
    plot()->xAxis->setTickLabelPadding(colColours.isEmpty() ? 5 : 11);
    plot()->yAxis->setTickLabelPadding(rowColours.isEmpty() ? 5 : 11);
    plot()->replot(QCustomPlot::rpQueuedReplot);
}
