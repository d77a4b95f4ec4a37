#pragma once

// HeatmapPlot: a matrix drawn one flat-coloured cell per value (attention weights, gates,
// hidden states), row 0 at the top like a printed matrix, with a colour bar, optional
// row/column labels and a hover readout.

#include "plots/plotview.h"

#include <QStringList>
#include <QVector>

class QMouseEvent;

class HeatmapPlot : public PlotView
{
    Q_OBJECT

public:
    explicit HeatmapPlot(QWidget *parent = nullptr);
    ~HeatmapPlot() override;

    // values: (rows, cols) row-major, values[r * cols + c] is row r, column c.
    // rowLabels / colLabels: empty (the axes then show indices) or exactly rows / cols
    // entries (e.g. tokens). rows or cols 0 shows an empty plot. Throws
    // std::invalid_argument, with the sizes in the message, when a size does not match
    // or rows / cols is negative. NaN cells are drawn grey. Queues a replot.
    void setMatrix(int rows, int cols, const QVector<float> &rowMajorValues,
                   const QStringList &rowLabels = {}, const QStringList &colLabels = {});
    int rows() const { return m_rows; }
    int cols() const { return m_cols; }
    // Throws std::out_of_range outside the matrix.
    float value(int row, int col) const;

    // Colour range: fixed to [lo, hi] (values outside take the end colours), or automatic
    // (the smallest and largest finite value; the default). setRange throws
    // std::invalid_argument unless lo < hi, both finite.
    void setRange(double lo, double hi);
    void setAutoRange();
    bool isAutoRange() const { return m_autoRange; }
    QCPRange colorRange() const;

    // Outlines row `row` (e.g. the query token chosen elsewhere); -1 removes the outline.
    void setHighlightedRow(int row);

    // Lines between cell i and i + 1 for each i in `after`, across the whole matrix, on both
    // axes (a square matrix's segments: the [SEP] boundaries of a sentence pair); empty: none.
    // Kept until replaced, whatever matrix is shown.
    void setBoundaries(const QVector<int> &after);
    const QVector<int> &boundaries() const { return m_boundaries; }
    // A colour strip beside each row label and under each column label (e.g. a token's segment);
    // empty lists: none. Sizes other than rows() / cols() are drawn as far as they go.
    void setLabelBands(const QVector<QColor> &rowColours, const QVector<QColor> &colColours);

    // Axis titles (e.g. tr("query") / tr("key")) and the colour bar's title; empty by default.
    void setAxisTitles(const QString &rowTitle, const QString &colTitle);
    void setValueTitle(const QString &title);
    // Default: a viridis-like gradient, readable in grey and by colour-blind readers.
    void setGradient(const QCPColorGradient &gradient);
    // A thumbnail: no colour bar, no axes, no margins (e.g. the cells of an overview grid,
    // which share one range). Cannot be undone.
    void makeThumbnail();

    // What the hover readout shows for a point in plot() widget coordinates, as laid out by
    // the last replot or export: "row label, col label: value" (indices stand in for
    // missing labels; the value in the user's locale, 4 significant digits), or an empty
    // string outside the cells.
    QString readoutAt(const QPointF &pixel) const;

    // Header "row,col,row_label,col_label,value", then one line per cell in row-major order;
    // label fields are empty when no labels were given.
    QString toCsv() const override;

Q_SIGNALS:
    // The hover readout changed (empty when the mouse left the cells).
    void readoutChanged(const QString &text);
    // A left click landed on a cell.
    void cellClicked(int row, int col);

private:
    bool cellAt(const QPointF &pixel, int *row, int *col) const;
    void onMouseMove(QMouseEvent *event);
    void applyRange();
    void updateAxes();

    QCPColorMap *m_map = nullptr;     // owned by the plot
    QCPColorScale *m_scale = nullptr; // owned by the plot layout
    int m_rows = 0;
    int m_cols = 0;
    QVector<float> m_values; // (m_rows, m_cols) row-major
    QStringList m_rowLabels;
    QStringList m_colLabels;
    bool m_autoRange = true;
    QCPRange m_fixedRange{0, 1};
    QString m_readout;
    QCPItemRect *m_rowOutline = nullptr; // owned by the plot
    QVector<int> m_boundaries;
    QList<QCPItemLine *> m_boundaryLines; // owned by the plot
    QCPAbstractItem *m_bands = nullptr;   // owned by the plot
};
