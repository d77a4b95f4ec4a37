#pragma once
// MetricPlot: training curves that grow live, against the step: losses on the left axis and
// shares (accuracy, F1) from 0 to 1 on the right one, each series a named line in the legend.
// Earlier runs stay for comparison (fadeSeries() turns them thin and pale), as the loss plot
// keeps its earlier runs. Every change queues one replot.
#include "plots/plotview.h"

#include <QColor>
#include <QStringList>
#include <QVector>

class MetricPlot final : public PlotView {
    Q_OBJECT

public:
    enum class Axis { Loss, Share }; // left: any positive value; right: [0, 1]

    explicit MetricPlot(QWidget *parent = nullptr);

    // The axes' titles; an empty `share` hides the right axis (a plot of shares only puts them on
    // the left with setShareOnly).
    void setAxisLabels(const QString &step, const QString &loss, const QString &share);
    // Shares only: the left axis runs from 0 to 1 and Axis::Share series use it.
    void setShareOnly(bool on);

    // A new empty series; returns its index.
    int addSeries(const QString &name, const QColor &colour, Axis axis, Qt::PenStyle style = Qt::SolidLine);
    // The corner the legend sits in (top right by default; bottom right suits rising curves).
    void setLegendCorner(Qt::Alignment corner);
    // Appends (step, value) to `series` (an index addSeries returned; others are ignored). A
    // non-finite value is recorded in the CSV but not drawn.
    void addPoint(int series, double step, double value);
    // Earlier runs: every series so far is drawn thin and pale from now on.
    void fadeSeries();
    // Removes every series.
    void clear();

    int seriesCount() const { return int(m_series.size()); }
    QString seriesName(int series) const { return m_series.value(series).name; }
    QVector<double> seriesSteps(int series) const { return m_series.value(series).steps; }
    QVector<double> seriesValues(int series) const { return m_series.value(series).values; }

    // Header "series,step,value", one row per point, series in the order added.
    QString toCsv() const override;

protected:
    void prepareRender() override;

private:
    struct Series {
        QString name;
        Axis axis = Axis::Loss;
        QVector<double> steps, values;
        QCPGraph *graph = nullptr; // owned by the plot
    };
    QList<Series> m_series;
    bool m_shareOnly = false;
    bool m_dirty = true;
};
