#pragma once
// AlignmentView: a translation's alignment as the classic figure draws it: the source tokens on
// the top line, the target tokens on the bottom line, and a link from each target token to each
// source token, as dark and thick as the cross-attention that wrote it. One target token can be
// highlighted (the step being looked at): its links are drawn in colour, the rest in grey. A line
// too long to write side by side (a passage to summarise) is written upright.
#include <QStringList>
#include <QVector>
#include <QWidget>

class AlignmentView final : public QWidget {
    Q_OBJECT

public:
    explicit AlignmentView(QWidget *parent = nullptr);
    // weights: (target tokens, source tokens), each row summing to about 1.
    void setAlignment(const QStringList &source, const QStringList &target, const QVector<QVector<float>> &weights);
    void setHighlighted(int targetIndex); // −1: none
    // The weights as CSV: a header of source tokens, then a row per target token.
    QString csv() const;
    QSize sizeHint() const override { return {520, 170}; }
    QSize minimumSizeHint() const override { return {240, 120}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QStringList m_source, m_target;
    QVector<QVector<float>> m_weights;
    int m_highlighted = -1;
};
