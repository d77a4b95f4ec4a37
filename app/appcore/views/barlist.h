#pragma once
// BarList: a short list of labelled shares as horizontal bars with their percentage (a model's
// top guesses, a classifier's probabilities). A click on a row says which.
#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

struct ShareBar {
    QString label;
    double value = 0.0; // in [0, 1]; drawn clamped
    QColor colour = QColor(66, 133, 244);
    bool emphasised = false; // bold label (the right answer, the explained class)
};

class BarList final : public QWidget {
    Q_OBJECT

public:
    explicit BarList(QWidget *parent = nullptr);
    void setBars(const QList<ShareBar> &bars);
    const QList<ShareBar> &bars() const { return m_bars; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void barClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    int rowHeight() const;
    QList<ShareBar> m_bars;
};
