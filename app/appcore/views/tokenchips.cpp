#include "views/tokenchips.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace {
constexpr int kPadX = 6, kPadY = 3, kSpacing = 4, kRowSpacing = 6, kGap = 14, kBar = 4;

QFont captionFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.8);
    return f;
}

QFont chipFont(const QFont &base, bool bold)
{
    QFont f = base;
    f.setBold(bold);
    return f;
}
} // namespace

TokenChips::TokenChips(QWidget *parent) : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void TokenChips::setChips(const QList<TokenChip> &chips)
{
    m_chips = chips;
    m_selected = -1;
    int height = 0;
    m_rects = layoutFor(width(), &height);
    updateGeometry();
    update();
}

void TokenChips::setSelected(int index)
{
    m_selected = index >= 0 && index < m_chips.size() ? index : -1;
    update();
}

void TokenChips::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

int TokenChips::chipHeight() const
{
    bool caption = false, bar = false;
    for (const TokenChip &c : m_chips) {
        caption = caption || !c.caption.isEmpty();
        bar = bar || c.bar.isValid();
    }
    int h = QFontMetrics(chipFont(font(), true)).height() + 2 * kPadY;
    if (caption)
        h += QFontMetrics(captionFont(font())).height();
    if (bar)
        h += kBar + 1;
    return h;
}

QList<QRect> TokenChips::layoutFor(int width, int *height) const
{
    QList<QRect> rects;
    const int h = chipHeight();
    const QFontMetrics small(captionFont(font()));
    int x = 0, y = 0;
    width = std::max(width, 40);
    for (const TokenChip &c : m_chips) {
        const QFontMetrics fm(chipFont(font(), c.bold));
        const int w = std::max(fm.horizontalAdvance(c.text), small.horizontalAdvance(c.caption)) + 2 * kPadX;
        if (c.gapBefore && x > 0)
            x += kGap;
        if (x > 0 && x + w > width) {
            x = 0;
            y += h + kRowSpacing;
        }
        rects << QRect(x, y, std::min(w, width), h);
        x += w + kSpacing;
    }
    *height = m_chips.isEmpty() ? QFontMetrics(font()).height() + 2 * kPadY : y + h + 1;
    return rects;
}

int TokenChips::heightForWidth(int width) const
{
    int height = 0;
    layoutFor(width, &height);
    return height;
}

QSize TokenChips::sizeHint() const { return QSize(400, heightForWidth(400)); }

QSize TokenChips::minimumSizeHint() const { return QSize(60, chipHeight()); }

void TokenChips::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    int height = 0;
    m_rects = layoutFor(width(), &height);
    if (height != this->height())
        updateGeometry();
}

void TokenChips::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    if (m_chips.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(2, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, m_placeholder);
        return;
    }
    const QFont small = captionFont(font());
    const int textHeight = QFontMetrics(chipFont(font(), true)).height();
    for (qsizetype i = 0; i < m_chips.size() && i < m_rects.size(); ++i) {
        const TokenChip &c = m_chips[i];
        const QRect r = m_rects[i];
        const QRect box = c.bar.isValid() ? r.adjusted(0, 0, 0, -(kBar + 1)) : r;
        p.setPen(QPen(i == m_selected ? QColor(220, 30, 30) : c.border, i == m_selected ? 2.0 : 1.0));
        p.setBrush(c.background);
        p.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        p.setPen(c.textColour);
        p.setFont(chipFont(font(), c.bold));
        p.drawText(QRect(box.left(), box.top() + kPadY, box.width(), textHeight), Qt::AlignCenter, c.text);
        if (!c.caption.isEmpty()) {
            p.setFont(small);
            p.drawText(QRect(box.left(), box.top() + kPadY + textHeight, box.width(), box.bottom() - box.top() - textHeight),
                       Qt::AlignHCenter | Qt::AlignTop, c.caption);
        }
        if (c.bar.isValid()) {
            p.setPen(Qt::NoPen);
            p.setBrush(c.bar);
            p.drawRect(QRect(r.left() + 1, r.bottom() - kBar + 1, r.width() - 2, kBar));
        }
    }
}

int TokenChips::chipAt(const QPoint &point) const
{
    for (qsizetype i = 0; i < m_rects.size(); ++i)
        if (m_rects[i].contains(point))
            return int(i);
    return -1;
}

void TokenChips::mousePressEvent(QMouseEvent *event)
{
    if (!m_clickable || event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const int i = chipAt(event->position().toPoint());
    if (i >= 0) {
        setSelected(i);
        Q_EMIT chipClicked(i);
    }
}

bool TokenChips::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = chipAt(help->pos());
        if (i >= 0 && !m_chips[i].toolTip.isEmpty())
            QToolTip::showText(help->globalPos(), m_chips[i].toolTip, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}
