#pragma once

// LossPlot: training loss against step, as a faint raw line under an exponential moving
// average. Built for live training: points are appended (singly or in batches), each
// change queues one replot, and the axes follow the data. Earlier runs may be kept beside the
// live one for comparison (a lesson that trains one model after another): each is a named line
// of its smoothed loss in a colour of its own.

#include "plots/plotview.h"

#include <QColor>
#include <QList>
#include <QStringList>
#include <QVector>

class LossPlot : public PlotView
{
    Q_OBJECT

public:
    explicit LossPlot(QWidget *parent = nullptr);
    ~LossPlot() override;

    // Appends one point. Steps are expected to grow; the plot sorts by step anyway, and the
    // CSV keeps the order of arrival. A non-finite loss leaves a gap in the raw line and does
    // not move the average.
    void addPoint(double step, double loss);
    // Appends steps[i], losses[i] for every i. Throws std::invalid_argument when the sizes differ.
    void addPoints(const QVector<double> &steps, const QVector<double> &losses);
    // Clears the live run (kept runs stay).
    void clear();
    int pointCount() const { return int(m_steps.size()); }

    // The live run's name in the legend (default "loss") and its colour (an invalid colour keeps
    // the default blue).
    void setRunName(const QString &name, const QColor &colour = QColor());
    QString runName() const;
    // Keeps a finished run for comparison: its smoothed loss as a line named `name`. Throws
    // std::invalid_argument when the sizes differ.
    void keepRun(const QString &name, const QVector<double> &steps, const QVector<double> &losses,
                 const QColor &colour = QColor());
    // Removes every kept run.
    void clearRuns();
    // The kept runs' names, in the order kept.
    QStringList keptRuns() const;

    // Smoothing s of the average: smoothed[0] = loss[0],
    // smoothed[i] = s * smoothed[i-1] + (1 - s) * loss[i]. s = 0 is no smoothing.
    // Clamped to [0, 0.999] (NaN counts as 0); default 0.9. Recomputes the whole line.
    void setSmoothing(double s);
    double smoothing() const { return m_smoothing; }

    // Logarithmic loss axis (values <= 0 are then not drawn). Default off.
    void setLogY(bool on);
    bool logY() const { return m_logY; }

    // The points in order of arrival; smoothed() runs parallel to losses().
    const QVector<double> &steps() const { return m_steps; }
    const QVector<double> &losses() const { return m_losses; }
    const QVector<double> &smoothed() const { return m_smoothed; }

    // Replots at the next event-loop turn; any number of calls before then cost one replot.
    // Every mutator above calls it.
    void replotQueued();

    // Header "step,loss,smoothed", then one row per point in order of arrival. With kept runs,
    // a first column "run" names the run, kept runs first, then the live one.
    QString toCsv() const override;

protected:
    void prepareRender() override;

private:
    struct KeptRun {
        QString name;
        QVector<double> steps, losses, smoothed;
        QCPGraph *graph = nullptr; // owned by the plot
    };

    double nextSmoothed(double loss);
    void updateLegend();

    QCPGraph *m_raw = nullptr;      // owned by the plot
    QCPGraph *m_smoothLine = nullptr; // owned by the plot
    QVector<double> m_steps;
    QVector<double> m_losses;
    QVector<double> m_smoothed;
    QList<KeptRun> m_kept;
    QString m_runName;         // empty: "loss"
    double m_smoothing = 0.9;
    double m_ema = 0;          // running average, valid when m_haveEma
    bool m_haveEma = false;
    bool m_logY = false;
    bool m_rangeDirty = true;  // axes must follow the data at the next render
};
