#pragma once
// What the memory lab's four plots (plots/memoryplots.h) share: the MemoryPlot base (a bold title
// over the axes, rows of lm::runMemoryLab set whole, axes fitted once before the next render),
// the series, graph and axis helpers they draw with, and the names and colours the memory views
// use too.
#include "plots/plotview.h"

#include "inspect/memorylab.h"

#include <QStringList>

#include <optional>
#include <string>
#include <vector>

// A fixed colour per memory-lab architecture (the table's colour); grey for others.
QColor memoryArchColour(const std::string &arch);
// "train", "prefill", "infer" in the interface language.
QString memoryModeText(lm::MemoryMode mode);
// The parts of lm::MemoryParts in stacking order (weights, gradients, optimizer, activations,
// attention, KV cache, state): their names in the interface language, and their bytes.
QStringList memoryPartNames();
QVector<double> memoryPartBytes(const lm::MemoryParts &parts);

class MemoryPlot : public PlotView {
    Q_OBJECT

public:
    // Rebuilds the plot from the whole row set (what each plot draws: see memoryplots.h).
    virtual void setRows(const std::vector<lm::MemoryLabRow> &rows) = 0;
    QString title() const;

protected:
    // The title is the bold text above the axes.
    MemoryPlot(const QString &title, QWidget *parent);
    void setTitle(const QString &text);

    // Ends a setRows(): the axes are fitted to the new data (fitAxes()) before the next render
    // or export, and a replot is queued.
    void rowsChanged();
    // Sets the axis ranges from the data setRows() put in; called once per rowsChanged().
    virtual void fitAxes() = 0;
    void prepareRender() final;

    // One curve per (architecture, mode).
    struct SeriesKey {
        std::string arch;
        lm::MemoryMode mode;
        bool operator==(const SeriesKey &) const = default;
    };
    // The series of `rows` in the order they first appear.
    static std::vector<SeriesKey> seriesOf(const std::vector<lm::MemoryLabRow> &rows);
    // True when `rows` hold more than one mode (then series names carry the mode).
    static bool severalModes(const std::vector<lm::MemoryLabRow> &rows);
    // The family's name, or the name and the mode ("… train").
    static QString seriesName(const SeriesKey &key, bool withMode);
    // The rows of one series, shortest length (then smallest batch) first; pointers into `rows`.
    static std::vector<const lm::MemoryLabRow *> seriesRows(const std::vector<lm::MemoryLabRow> &rows, const SeriesKey &key);

    // A graph of measured values: disc markers, joined by a line when `line`.
    QCPGraph *addMarkerGraph(const QString &name, const QColor &colour, bool line);
    // A graph of predicted values: a thin line, left out of the legend.
    QCPGraph *addLineGraph(const QString &name, const QColor &colour);
    // The legend, inside the axes at `where`, on a translucent white.
    void showLegendAt(Qt::Alignment where);

    // The data range of every graph, or nullopt when they hold no point.
    struct Bounds {
        double xlo, xhi, ylo, yhi;
    };
    std::optional<Bounds> graphBounds() const;

    // Axes: a log scale with `ticker` (integers: plain integer labels), and the tickers.
    static void useLogAxis(QCPAxis *axis, QSharedPointer<QCPAxisTicker> ticker, bool integers = false);
    static QSharedPointer<QCPAxisTicker> lengthTicker();          // log 2, one tick per doubling
    static QSharedPointer<QCPAxisTicker> bytesTicker(bool logAxis); // "10 MB"; 1-2-5 per decade on a log axis
    static QSharedPointer<QCPAxisTicker> secondsLogTicker();      // "10 ms", "1 s"
    // A log axis range around [lo, hi] with a little air, at least a factor of 4 wide so that a
    // flat curve still shows labelled ticks around it; (1, 10) when lo or hi is not positive.
    static QCPRange logRange(double lo, double hi);

private:
    QCPTextElement *m_title = nullptr; // owned by the plot's layout
    bool m_dirty = false;
};
