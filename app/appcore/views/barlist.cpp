#include "views/barlist.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

BarList::BarList(QWidget *parent) : QWidget(parent) { setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed); }

void BarList::setBars(const QList<ShareBar> &bars)
{
    m_bars = bars;
    updateGeometry();
    update();
}

int BarList::rowHeight() const { return fontMetrics().height() + 4; }

QSize BarList::sizeHint() const { return QSize(200, std::max(1, int(m_bars.size())) * rowHeight()); }

QSize BarList::minimumSizeHint() const { return QSize(120, std::max(1, int(m_bars.size())) * rowHeight()); }

void BarList::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const int h = rowHeight();
    const QFontMetrics fm = fontMetrics();
    const int labelWidth = std::min(width() * 2 / 5, 140);
    const int percentWidth = fm.horizontalAdvance(QStringLiteral("100.0 %")) + 4;
    const int barWidth = std::max(10, width() - labelWidth - percentWidth - 8);
    const QLocale loc;
    for (qsizetype i = 0; i < m_bars.size(); ++i) {
        const ShareBar &b = m_bars[i];
        const int y = int(i) * h;
        QFont f = font();
        f.setBold(b.emphasised);
        p.setFont(f);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(0, y, labelWidth, h), Qt::AlignRight | Qt::AlignVCenter,
                   QFontMetrics(f).elidedText(b.label, Qt::ElideRight, labelWidth));
        const double v = std::clamp(b.value, 0.0, 1.0);
        p.fillRect(QRect(labelWidth + 4, y + 3, barWidth, h - 6), QColor(235, 235, 235));
        p.fillRect(QRect(labelWidth + 4, y + 3, int(v * barWidth + 0.5), h - 6), b.colour);
        p.setFont(font());
        p.drawText(QRect(labelWidth + 8 + barWidth, y, percentWidth, h), Qt::AlignLeft | Qt::AlignVCenter,
                   loc.toString(100.0 * b.value, 'f', 1) + QStringLiteral(" %"));
    }
}

void BarList::mousePressEvent(QMouseEvent *event)
{
    const int i = int(event->position().y()) / std::max(1, rowHeight());
    if (event->button() == Qt::LeftButton && i >= 0 && i < m_bars.size())
        Q_EMIT barClicked(i);
}
