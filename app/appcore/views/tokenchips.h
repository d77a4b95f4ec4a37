#pragma once
// TokenChips: a sentence as a row of coloured chips, one per token, wrapping to the width it is
// given: the tokens a model read, each with a background (what happened to it, its tag, its
// salience), an optional caption under it ("was: dog") and an optional bar under it (which
// segment it belongs to). A click on a chip selects it (outlined) and says which.
#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

struct TokenChip {
    QString text;
    QString caption;                   // small text under the token; empty: none
    QColor background = QColor(255, 255, 255);
    QColor border = QColor(190, 190, 190);
    QColor textColour = QColor(20, 20, 20);
    QColor bar;                        // a bar under the chip; invalid: none
    bool bold = false;
    bool gapBefore = false;            // extra room before the chip (a boundary)
    QString toolTip;
};

class TokenChips final : public QWidget {
    Q_OBJECT

public:
    explicit TokenChips(QWidget *parent = nullptr);

    void setChips(const QList<TokenChip> &chips); // clears the selection
    const QList<TokenChip> &chips() const { return m_chips; }
    // Outlines chip `index` (-1: none).
    void setSelected(int index);
    int selected() const { return m_selected; }
    // The chip under `point` (widget coordinates) as last laid out, or -1.
    int chipAt(const QPoint &point) const;
    // Chips do not react to the mouse (a legend).
    void setClickable(bool on) { m_clickable = on; }
    // Shown when there is no chip.
    void setPlaceholder(const QString &text);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void chipClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override; // tool tips
    void resizeEvent(QResizeEvent *event) override;

private:
    QList<QRect> layoutFor(int width, int *height) const;
    int chipHeight() const;

    QList<TokenChip> m_chips;
    QList<QRect> m_rects; // as laid out for the current width
    QString m_placeholder;
    int m_selected = -1;
    bool m_clickable = true;
};
