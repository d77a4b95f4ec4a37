#include "views/alignmentview.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

AlignmentView::AlignmentView(QWidget *parent) : QWidget(parent) { setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred); }

void AlignmentView::setAlignment(const QStringList &source, const QStringList &target, const QVector<QVector<float>> &weights)
{
    m_source = source;
    m_target = target;
    m_weights = weights;
    m_highlighted = -1;
    update();
}

void AlignmentView::setHighlighted(int targetIndex)
{
    m_highlighted = targetIndex;
    update();
}

QString AlignmentView::csv() const
{
    const auto quote = [](QString s) { return QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'); };
    QString out = QStringLiteral("target");
    for (const QString &s : m_source)
        out += QLatin1Char(',') + quote(s);
    out += QLatin1Char('\n');
    for (int t = 0; t < m_weights.size() && t < m_target.size(); ++t) {
        out += quote(m_target[t]);
        for (float w : m_weights[t])
            out += QLatin1Char(',') + QString::number(w, 'g', 6);
        out += QLatin1Char('\n');
    }
    return out;
}

void AlignmentView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    if (m_source.isEmpty() || m_target.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Translate a sentence to see which source words each target word looked at."));
        return;
    }
    const int margin = 8;
    // Each line of tokens spreads over the width. A line whose tokens do not fit side by side
    // (a long source passage) is written upright, each token turned a quarter, in a smaller
    // font when even that is crowded, so every token stays readable.
    struct Line {
        QVector<double> x; // centres
        bool upright = false;
        double extent = 0; // the line's height
        QFont font;
    };
    const auto layOut = [&](const QStringList &tokens) {
        Line line;
        line.font = font();
        const double step = double(width() - 2 * margin) / tokens.size();
        for (int i = 0; i < tokens.size(); ++i)
            line.x.push_back(margin + step * (i + 0.5));
        QFontMetricsF fm(line.font);
        double widest = 0;
        for (const QString &t : tokens)
            widest = std::max(widest, fm.horizontalAdvance(t) + 8);
        line.upright = widest > step;
        if (!line.upright) {
            line.extent = fm.height() + 8;
            return line;
        }
        if (fm.height() + 2 > step && line.font.pointSizeF() > 0) {
            line.font.setPointSizeF(std::max(5.0, line.font.pointSizeF() * step / (fm.height() + 2)));
            fm = QFontMetricsF(line.font);
            widest = 0;
            for (const QString &t : tokens)
                widest = std::max(widest, fm.horizontalAdvance(t) + 8);
        }
        line.extent = std::min(widest, 0.4 * height());
        return line;
    };
    const Line source = layOut(m_source), target = layOut(m_target);
    const QVector<double> &sx = source.x, &tx = target.x;
    const double topY = margin, linkTop = topY + source.extent;
    const double bottomY = height() - margin - target.extent;
    const QColor highlight(214, 39, 40), plain(60, 60, 60);
    for (int pass = 0; pass < 2; ++pass) // grey links first, the highlighted token's over them
        for (int t = 0; t < m_weights.size() && t < m_target.size(); ++t) {
            const bool lit = t == m_highlighted;
            if ((pass == 1) != lit)
                continue;
            for (int s = 0; s < m_weights[t].size() && s < m_source.size(); ++s) {
                const float w = m_weights[t][s];
                if (w < 0.04f)
                    continue;
                QColor c = lit ? highlight : plain;
                c.setAlphaF(std::min(1.0, 0.15 + 0.85 * w));
                p.setPen(QPen(c, 0.5 + 5.0 * w));
                p.drawLine(QPointF(tx[t], bottomY), QPointF(sx[s], linkTop));
            }
        }
    const auto drawTokens = [&](const QStringList &tokens, const Line &line, double y, bool nearLinksAtBottom, int lit) {
        p.setFont(line.font);
        const QFontMetricsF fm(line.font);
        for (int i = 0; i < tokens.size(); ++i) {
            p.save();
            QRectF box;
            QString text = tokens[i];
            if (line.upright) {
                // Turned a quarter: x runs up the line, the text starts at the end nearest the links.
                p.translate(line.x[i], y + line.extent);
                p.rotate(-90);
                text = fm.elidedText(text, Qt::ElideRight, line.extent - 6);
                const double w = std::min(line.extent, fm.horizontalAdvance(text) + 8);
                box = QRectF(nearLinksAtBottom ? 0 : line.extent - w, -(fm.height() + 2) / 2, w, fm.height() + 2);
            } else {
                const double w = fm.horizontalAdvance(text) + 8;
                box = QRectF(line.x[i] - w / 2.0, y, w, line.extent);
            }
            p.setPen(i == lit ? highlight : palette().color(QPalette::Mid));
            p.setBrush(palette().base());
            p.drawRoundedRect(box, 3, 3);
            p.setPen(palette().color(QPalette::Text));
            p.drawText(box, Qt::AlignCenter, text);
            p.restore();
        }
    };
    drawTokens(m_source, source, topY, true, -1);
    drawTokens(m_target, target, bottomY, false, m_highlighted);
}
