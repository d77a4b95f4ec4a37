#pragma once
// The Compare tab's two plots of the zoo: one measure per family as bars (tokens/s, parameters,
// memory …), and each family as a point of quality against speed. Both export as every plot
// does (PNG, SVG, PDF, CSV).
#include "plots/plotview.h"

#include <QColor>
#include <QStringList>
#include <QVector>

// One bar per family, in the order given, labelled under the axis; a non-finite value is left
// out of the drawing (and empty in the CSV), as for a family the measure does not apply to.
class ZooBarPlot final : public PlotView {
    Q_OBJECT

public:
    explicit ZooBarPlot(QWidget *parent = nullptr);
    // labels, values and colours have one entry per family (colours may be shorter: grey).
    void setBars(const QStringList &labels, const QVector<double> &values, const QVector<QColor> &colours,
                 const QString &valueTitle);
    // Header "family,<valueTitle>", a row per bar.
    QString toCsv() const override;

private:
    QStringList m_labels;
    QVector<double> m_values;
    QString m_title;
};

// One labelled point per family: x against y, each axis optionally logarithmic. Families whose x
// or y is not finite are left out (and empty in the CSV).
class ZooScatterPlot final : public PlotView {
    Q_OBJECT

public:
    explicit ZooScatterPlot(QWidget *parent = nullptr);
    void setPoints(const QStringList &labels, const QVector<double> &x, const QVector<double> &y, const QVector<QColor> &colours,
                   const QString &xTitle, const QString &yTitle, bool logX);
    // Header "family,<xTitle>,<yTitle>", a row per family.
    QString toCsv() const override;

private:
    QStringList m_labels;
    QVector<double> m_x, m_y;
    QString m_xTitle, m_yTitle;
};
