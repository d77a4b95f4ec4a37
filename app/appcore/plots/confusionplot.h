#pragma once
// ConfusionPlot: a classifier's confusion matrix as a heatmap (rows the gold class, columns the
// predicted one, labelled with the class names), with the count written in every cell. Exports
// like every plot (PNG, SVG, PDF, and the counts as HeatmapPlot's CSV).
#include "plots/heatmapplot.h"

#include <QList>
#include <QStringList>
#include <QVector>

class ConfusionPlot final : public HeatmapPlot {
    Q_OBJECT

public:
    explicit ConfusionPlot(QWidget *parent = nullptr);

    // counts: (K, K) row-major, counts[g * K + p] = examples of gold class g predicted as p.
    // Throws std::invalid_argument when counts does not hold labels.size()² values. An empty
    // label list clears the plot. Queues a replot.
    void setCounts(const QStringList &labels, const QVector<qint64> &counts);
    int classes() const { return int(m_labels.size()); }
    // Throws std::out_of_range outside the matrix.
    qint64 count(int gold, int predicted) const;
    qint64 total() const;

private:
    QStringList m_labels;
    QVector<qint64> m_counts;
    QList<QCPItemText *> m_texts; // owned by the plot
};
