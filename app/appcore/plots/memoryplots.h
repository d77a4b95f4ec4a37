#pragma once
// The memory lab's four plots, each drawn from rows of lm::runMemoryLab (inspect/memorylab.h):
//   MemoryBytesPlot  bytes beyond the weights versus sequence length, log-log: measured points,
//                    predicted lines, the fitted slope written at the end of each curve
//   MemoryTimePlot   measured seconds per step versus length, log-log
//   MemoryBatchPlot  bytes versus batch size at one length, linear axes
//   MemoryPartsPlot  the predicted parts (weights, gradients, …) per architecture, stacked bars
// Each takes the whole row set with setRows() and rebuilds; the view and `lmscope-cli plot
// memory` fill them the same way. Colours follow the architecture (memoryArchColour), so the
// four plots read together. What they share (MemoryPlot, the colours and names) is in
// plots/memoryplot.h.
#include "plots/memoryplot.h"

class MemoryBytesPlot final : public MemoryPlot {
    Q_OBJECT

public:
    explicit MemoryBytesPlot(QWidget *parent = nullptr);

    // One series per (arch, mode) in the order they first appear: a graph of measured bytes
    // (markers; rows whose measurement is not positive are left out, a log axis cannot show
    // them) and a graph of predicted bytes (a line), both beyond the weights.
    void setRows(const std::vector<lm::MemoryLabRow> &rows) override;
    const std::vector<lm::MemoryLabRow> &rows() const { return m_rows; }
    // The texts at the curves' ends, one per series: "gpt: slope 1.65" (lm::memoryLabSlope of the
    // measured bytes between the two longest lengths; the name alone while a series has one
    // length). The series name adds the mode when the rows hold more than one.
    QStringList slopeLabels() const;

    // lm::memoryLabCsv(rows()).
    QString toCsv() const override;

protected:
    void fitAxes() override;

private:
    std::vector<lm::MemoryLabRow> m_rows;
    QList<QCPItemText *> m_labels;
    QVector<double> m_labelX, m_labelY; // where each label's curve ends (length, bytes)
};

class MemoryTimePlot final : public MemoryPlot {
    Q_OBJECT

public:
    explicit MemoryTimePlot(QWidget *parent = nullptr);

    // One line with markers per (arch, mode): train and prefill plot the measured seconds of the
    // step or forward; infer plots seconds per generated token (the run's seconds / length).
    void setRows(const std::vector<lm::MemoryLabRow> &rows) override;

    // Header "arch,mode,seq_len,seconds,seconds_per_step", one row per plotted point.
    QString toCsv() const override;

protected:
    void fitAxes() override;

private:
    std::vector<lm::MemoryLabRow> m_rows;
};

class MemoryBatchPlot final : public MemoryPlot {
    Q_OBJECT

public:
    explicit MemoryBatchPlot(QWidget *parent = nullptr);

    // Rows of one length and mode at several batch sizes: per architecture, measured bytes as
    // markers and predicted bytes as a line, against the batch size on linear axes.
    void setRows(const std::vector<lm::MemoryLabRow> &rows) override;

    // lm::memoryLabCsv of the rows.
    QString toCsv() const override;

protected:
    void fitAxes() override;

private:
    std::vector<lm::MemoryLabRow> m_rows;
};

class MemoryPartsPlot final : public MemoryPlot {
    Q_OBJECT

public:
    explicit MemoryPartsPlot(QWidget *parent = nullptr);

    // For each architecture, the first row at the longest length among `rows`: one stacked bar of
    // its predicted parts, weights at the bottom. Parts that are zero for every bar stay out of
    // the legend.
    void setRows(const std::vector<lm::MemoryLabRow> &rows) override;
    int barCount() const { return int(m_shown.size()); }
    // The legend's part names, bottom of the stack first.
    QStringList partNames() const;

    // Header "arch,mode,seq_len,batch,part,bytes", one row per bar and part.
    QString toCsv() const override;

protected:
    void fitAxes() override;

private:
    std::vector<lm::MemoryLabRow> m_shown;
    QList<QCPBars *> m_bars;
    QCPLayoutGrid *m_legendColumn = nullptr;
};
