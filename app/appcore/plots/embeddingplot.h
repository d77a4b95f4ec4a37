#pragma once
// EmbeddingPlot: words as points in a 2-D or 3-D projection of their vectors. Labels beside the
// points, colours by group, highlighted and selected words drawn larger, and arrows between
// words (the analogy offsets). A 3-D projection is shown turned by a yaw and pitch that the user
// changes by dragging; the export draws what the screen shows. Hovering names the word.
#include "plots/plotview.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QVector>

class EmbeddingPlot : public PlotView {
    Q_OBJECT

public:
    explicit EmbeddingPlot(QWidget *parent = nullptr);

    // words.size() points with dims (2 or 3) coordinates each, row-major. groups: one name per
    // word or empty. Throws std::invalid_argument when the sizes do not fit.
    void setPoints(const QStringList &words, const QVector<float> &points, int dims,
                   const QStringList &groups = QStringList());
    void setGroups(const QStringList &groups); // one per word, or empty for no colouring
    void setHighlighted(const QSet<int> &ids);  // drawn larger, labelled even when crowded
    void setSelected(int id);                   // -1: none
    // Arrows from word `from` to word `to` (indices), e.g. man→king and woman→queen.
    void setArrows(const QVector<QPair<int, int>> &arrows);
    void setLabelsShown(int count); // labels for the first `count` words plus highlighted ones

    int pointCount() const { return int(m_words.size()); }
    int dims() const { return m_dims; }
    const QStringList &words() const { return m_words; }
    // The on-screen 2-D position of point i (after the 3-D turn).
    QPointF screenPosition(int i) const;
    // The word under a pixel of plot(), or -1.
    int wordAt(const QPointF &pixel) const;
    void setRotation(double yawDegrees, double pitchDegrees);

    // Header "word,group,x,y" (",z" for 3-D): the projection's coordinates, not the turned view.
    QString toCsv() const override;

Q_SIGNALS:
    void wordClicked(int id);
    void wordHovered(const QString &word);

protected:
    void prepareRender() override;

private:
    void rebuild();
    void onMousePress(QMouseEvent *event);
    void onMouseMove(QMouseEvent *event);
    void onMouseRelease(QMouseEvent *event);

    QStringList m_words;
    QStringList m_groups;
    QVector<float> m_points; // (n, m_dims)
    int m_dims = 2;
    QSet<int> m_highlighted;
    int m_selected = -1;
    QVector<QPair<int, int>> m_arrows;
    int m_labelsShown = 60;
    double m_yaw = 30.0, m_pitch = 20.0;
    QVector<QPointF> m_screen; // turned 2-D positions
    bool m_dirty = true;
    QPoint m_dragStart;
    bool m_dragging = false;
    double m_dragYaw = 0, m_dragPitch = 0;
};
