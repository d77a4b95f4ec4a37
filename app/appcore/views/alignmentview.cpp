#include "views/alignmentview.h"

#include <QPainter>
#include <QPainterPath>

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
    const QFontMetrics fm(font());
    const int margin = 8, rowHeight = fm.height() + 8;
    const int topY = margin, bottomY = height() - margin - rowHeight;
    // Token boxes spread over the width, each line on its own.
    const auto centres = [&](const QStringList &tokens) {
        QVector<double> x;
        const double step = double(width() - 2 * margin) / tokens.size();
        for (int i = 0; i < tokens.size(); ++i)
            x.push_back(margin + step * (i + 0.5));
        return x;
    };
    const QVector<double> sx = centres(m_source), tx = centres(m_target);
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
                p.drawLine(QPointF(tx[t], bottomY), QPointF(sx[s], topY + rowHeight));
            }
        }
    const auto drawTokens = [&](const QStringList &tokens, const QVector<double> &x, int y, int lit) {
        for (int i = 0; i < tokens.size(); ++i) {
            const int w = fm.horizontalAdvance(tokens[i]) + 8;
            const QRectF box(x[i] - w / 2.0, y, w, rowHeight);
            p.setPen(i == lit ? highlight : palette().color(QPalette::Mid));
            p.setBrush(palette().base());
            p.drawRoundedRect(box, 3, 3);
            p.setPen(palette().color(QPalette::Text));
            p.drawText(box, Qt::AlignCenter, tokens[i]);
        }
    };
    drawTokens(m_source, sx, topY, -1);
    drawTokens(m_target, tx, bottomY, m_highlighted);
}
