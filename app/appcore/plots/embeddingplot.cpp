#include "plots/embeddingplot.h"

#include <QMouseEvent>

#include <cmath>
#include <stdexcept>

namespace {
// Qualitative colours for up to 12 groups (then repeating); grey for words without a group.
const QColor kGroupColours[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44), QColor(214, 39, 40),
                                QColor(148, 103, 189), QColor(140, 86, 75),  QColor(227, 119, 194), QColor(188, 189, 34),
                                QColor(23, 190, 207), QColor(57, 59, 121),  QColor(173, 73, 74),  QColor(99, 121, 57)};
const QColor kNoGroup(120, 120, 120);
} // namespace

EmbeddingPlot::EmbeddingPlot(QWidget *parent) : PlotView(parent)
{
    QCustomPlot *p = plot();
    p->xAxis->setLabel(tr("component 1"));
    p->yAxis->setLabel(tr("component 2"));
    p->setMouseTracking(true);
    p->legend->setVisible(false);
    connect(p, &QCustomPlot::mousePress, this, &EmbeddingPlot::onMousePress);
    connect(p, &QCustomPlot::mouseMove, this, &EmbeddingPlot::onMouseMove);
    connect(p, &QCustomPlot::mouseRelease, this, &EmbeddingPlot::onMouseRelease);
}

void EmbeddingPlot::setPoints(const QStringList &words, const QVector<float> &points, int dims, const QStringList &groups)
{
    if ((dims != 2 && dims != 3) || points.size() != words.size() * dims || (!groups.isEmpty() && groups.size() != words.size()))
        throw std::invalid_argument("EmbeddingPlot::setPoints: sizes do not fit (words, points, dims, groups)");
    const bool sameWords = words == m_words;
    m_words = words;
    m_points = points;
    m_dims = dims;
    if (!groups.isEmpty() || !sameWords)
        m_groups = groups;
    if (!sameWords) {
        m_highlighted.clear();
        m_selected = -1;
        m_arrows.clear();
    }
    m_dirty = true;
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void EmbeddingPlot::setGroups(const QStringList &groups)
{
    m_groups = groups.size() == m_words.size() ? groups : QStringList();
    m_dirty = true;
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void EmbeddingPlot::setHighlighted(const QSet<int> &ids)
{
    m_highlighted = ids;
    m_dirty = true;
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void EmbeddingPlot::setSelected(int id)
{
    m_selected = id;
    m_dirty = true;
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void EmbeddingPlot::setArrows(const QVector<QPair<int, int>> &arrows)
{
    m_arrows = arrows;
    m_dirty = true;
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void EmbeddingPlot::setLabelsShown(int count)
{
    m_labelsShown = count;
    m_dirty = true;
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void EmbeddingPlot::setRotation(double yawDegrees, double pitchDegrees)
{
    m_yaw = yawDegrees;
    m_pitch = std::clamp(pitchDegrees, -89.0, 89.0);
    m_dirty = true;
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

QPointF EmbeddingPlot::screenPosition(int i) const { return i >= 0 && i < m_screen.size() ? m_screen[i] : QPointF(); }

void EmbeddingPlot::prepareRender()
{
    if (m_dirty)
        rebuild();
}

void EmbeddingPlot::rebuild()
{
    m_dirty = false;
    QCustomPlot *p = plot();
    p->clearGraphs();
    p->clearItems();
    const int n = int(m_words.size());
    // 3-D: turn by yaw about the vertical axis, then pitch about the horizontal one, and look
    // along z (orthographic). 2-D: the coordinates as they are.
    m_screen.resize(n);
    QVector<double> depth(n, 0.0);
    const double cy = std::cos(m_yaw * M_PI / 180), sy = std::sin(m_yaw * M_PI / 180);
    const double cp = std::cos(m_pitch * M_PI / 180), sp = std::sin(m_pitch * M_PI / 180);
    for (int i = 0; i < n; ++i) {
        const float *v = m_points.constData() + i * m_dims;
        if (m_dims == 2) {
            m_screen[i] = QPointF(v[0], v[1]);
            continue;
        }
        const double x1 = cy * v[0] + sy * v[2], z1 = -sy * v[0] + cy * v[2];
        const double y2 = cp * v[1] - sp * z1, z2 = sp * v[1] + cp * z1;
        m_screen[i] = QPointF(x1, y2);
        depth[i] = z2;
    }
    p->xAxis->setLabel(m_dims == 3 ? tr("turned view (drag to rotate)") : tr("component 1"));
    p->yAxis->setLabel(m_dims == 3 ? QString() : tr("component 2"));

    // One scatter graph per group so each gets its colour; highlighted points on top.
    QHash<QString, int> groupIndex;
    for (const QString &g : std::as_const(m_groups))
        if (!g.isEmpty() && !groupIndex.contains(g))
            groupIndex.insert(g, int(groupIndex.size()));
    auto colourOf = [&](int i) {
        if (m_groups.isEmpty() || m_groups[i].isEmpty())
            return kNoGroup;
        return kGroupColours[groupIndex.value(m_groups[i]) % int(std::size(kGroupColours))];
    };
    QHash<QRgb, QCPGraph *> graphs;
    double minDepth = 0, maxDepth = 0;
    for (double d : std::as_const(depth)) {
        minDepth = std::min(minDepth, d);
        maxDepth = std::max(maxDepth, d);
    }
    for (int i = 0; i < n; ++i) {
        const QColor c = colourOf(i);
        QCPGraph *&g = graphs[c.rgb()];
        if (!g) {
            g = p->addGraph();
            g->setLineStyle(QCPGraph::lsNone);
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c, c, 6));
            g->setAdaptiveSampling(false);
        }
        g->addData(m_screen[i].x(), m_screen[i].y());
    }
    if (!m_highlighted.isEmpty() || m_selected >= 0) {
        QCPGraph *g = p->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(220, 20, 60), 2), Qt::NoBrush, 12));
        for (int i : std::as_const(m_highlighted))
            if (i >= 0 && i < n)
                g->addData(m_screen[i].x(), m_screen[i].y());
        if (m_selected >= 0 && m_selected < n)
            g->addData(m_screen[m_selected].x(), m_screen[m_selected].y());
    }

    // Labels: the most frequent words (the first ones), highlighted and selected ones. In 3-D,
    // nearer points get darker labels.
    for (int i = 0; i < n; ++i) {
        const bool marked = m_highlighted.contains(i) || i == m_selected;
        if (i >= m_labelsShown && !marked)
            continue;
        auto *label = new QCPItemText(p);
        label->position->setCoords(m_screen[i].x(), m_screen[i].y());
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setPadding(QMargins(4, 0, 0, 2));
        label->setText(m_words[i]);
        QFont f = font();
        f.setPointSizeF(marked ? 10.5 : 8.5);
        f.setBold(marked);
        label->setFont(f);
        int shade = 60;
        if (m_dims == 3 && maxDepth > minDepth)
            shade = int(40 + 140 * (depth[i] - minDepth) / (maxDepth - minDepth));
        label->setColor(marked ? QColor(180, 0, 40) : QColor(shade, shade, shade));
    }
    for (const auto &[from, to] : std::as_const(m_arrows)) {
        if (from < 0 || to < 0 || from >= n || to >= n)
            continue;
        auto *arrow = new QCPItemLine(p);
        arrow->start->setCoords(m_screen[from]);
        arrow->end->setCoords(m_screen[to]);
        arrow->setHead(QCPLineEnding::esSpikeArrow);
        arrow->setPen(QPen(QColor(220, 20, 60, 200), 2));
    }
    // Equal scales on both axes so distances look like distances.
    double x0 = 1e30, x1 = -1e30, y0 = 1e30, y1 = -1e30;
    for (const QPointF &s : std::as_const(m_screen)) {
        x0 = std::min(x0, s.x());
        x1 = std::max(x1, s.x());
        y0 = std::min(y0, s.y());
        y1 = std::max(y1, s.y());
    }
    if (n > 0) {
        const double pad = 0.06 * std::max({x1 - x0, y1 - y0, 1e-6});
        p->xAxis->setRange(x0 - pad, x1 + pad * 3); // room for labels on the right
        p->yAxis->setRange(y0 - pad, y1 + pad);
    }
}

int EmbeddingPlot::wordAt(const QPointF &pixel) const
{
    int best = -1;
    double bestDistance = 8.0 * 8.0; // pixels²
    for (int i = 0; i < m_screen.size(); ++i) {
        const double px = plot()->xAxis->coordToPixel(m_screen[i].x()) - pixel.x();
        const double py = plot()->yAxis->coordToPixel(m_screen[i].y()) - pixel.y();
        if (px * px + py * py < bestDistance) {
            bestDistance = px * px + py * py;
            best = i;
        }
    }
    return best;
}

void EmbeddingPlot::onMousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragStart = event->pos();
    m_dragging = m_dims == 3;
    m_dragYaw = m_yaw;
    m_dragPitch = m_pitch;
}

void EmbeddingPlot::onMouseMove(QMouseEvent *event)
{
    if (m_dragging && (event->buttons() & Qt::LeftButton)) {
        const QPoint d = event->pos() - m_dragStart;
        setRotation(m_dragYaw + d.x() * 0.5, m_dragPitch + d.y() * 0.5);
        return;
    }
    const int i = wordAt(event->position());
    const QString word = i >= 0 ? m_words[i] : QString();
    plot()->setToolTip(word);
    Q_EMIT wordHovered(word);
}

void EmbeddingPlot::onMouseRelease(QMouseEvent *event)
{
    const bool clicked = (event->pos() - m_dragStart).manhattanLength() < 4;
    m_dragging = false;
    if (clicked && event->button() == Qt::LeftButton) {
        const int i = wordAt(event->position());
        if (i >= 0)
            Q_EMIT wordClicked(i);
    }
}

QString EmbeddingPlot::toCsv() const
{
    QString csv = m_dims == 3 ? QStringLiteral("word,group,x,y,z\n") : QStringLiteral("word,group,x,y\n");
    for (int i = 0; i < m_words.size(); ++i) {
        csv += csvField(m_words[i]) + QLatin1Char(',') + csvField(m_groups.isEmpty() ? QString() : m_groups[i]);
        for (int k = 0; k < m_dims; ++k)
            csv += QLatin1Char(',') + csvNumber(m_points[i * m_dims + k]);
        csv += QLatin1Char('\n');
    }
    return csv;
}
