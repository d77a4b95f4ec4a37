#pragma once
// LinePlot: named series of (x, y) points as lines, for the views that compare curves: a unit's
// hidden state over time, gradient norms through time, forecast against truth. A legend names the
// series; the y axis can be logarithmic; vertical markers label positions (e.g. "forecast starts").
#include "plots/plotview.h"

#include <QStringList>
#include <QVector>

class LinePlot : public PlotView {
    Q_OBJECT

public:
    explicit LinePlot(QWidget *parent = nullptr);

    void clear();
    // Adds a series; returns its index. Throws std::invalid_argument when the sizes differ.
    int addSeries(const QString &name, const QVector<double> &x, const QVector<double> &y, const QColor &colour = QColor(),
                  bool dashed = false);
    int seriesCount() const { return int(m_names.size()); }
    const QVector<double> &seriesY(int i) const { return m_y[i]; }
    void setAxisLabels(const QString &x, const QString &y);
    void setLogY(bool on);
    // Text labels for integer x positions (tokens under a time axis); empty: numbers.
    void setXTickLabels(const QStringList &labels);
    void addMarker(double x, const QString &label);

    // Header "series,x,y", one row per point, series in the order added.
    QString toCsv() const override;

protected:
    void prepareRender() override;

private:
    QStringList m_names;
    QVector<QVector<double>> m_x, m_y;
    bool m_logY = false;
    bool m_dirty = false;
};
