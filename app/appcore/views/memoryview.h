#pragma once
// MemoryView: the memory lab. Measure how the memory a model needs grows with the sequence length
// and the batch size, for recurrent networks and Transformers side by side, against what the
// formulas of inspect/memorymodel.h predict; see the time a step takes; see which parts (weights,
// gradients, optimizer state, activations, attention, KV cache, state) the memory holds; and
// estimate, with the calculator, what real models (GPT-2, Llama) would need.
//
// The sweep runs on the view's worker thread (MemoryWorker): points arrive one by one and the
// plots grow as they do; Stop cancels between points. The calculator is arithmetic on the GUI
// thread, instant.
#include "workers/memoryworker.h"
#include "base/workerthread.h"

#include <QTimer>
#include <QWidget>

#include <vector>

class MemoryBatchPlot;
class MemoryBytesPlot;
class MemoryCalculator;
class MemoryPartsPlot;
class MemoryTimePlot;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

class MemoryView final : public QWidget {
    Q_OBJECT

public:
    explicit MemoryView(QWidget *parent = nullptr);
    ~MemoryView() override;

    MemoryBytesPlot *bytesPlot() const { return m_bytes; }
    MemoryTimePlot *timePlot() const { return m_time; }
    MemoryBatchPlot *batchPlot() const { return m_batch; }
    MemoryPartsPlot *partsPlot() const { return m_parts; }
    MemoryCalculator *calculator() const { return m_calculator; }

    // Fills the controls: archs (those the lab knows), the first mode, lengths, batch, model,
    // and whether a batch sweep (1, 2, 4, 8 in train mode at the shortest length) follows.
    void setRequest(const lm::MemoryLabRequest &request, bool sweepBatch = true);
    bool isRunning() const { return m_running; }
    // The rows measured so far by the length sweep and by the batch sweep.
    const std::vector<lm::MemoryLabRow> &rows() const { return m_rows; }
    const std::vector<lm::MemoryLabRow> &batchRows() const { return m_batchRows; }
    QString statusText() const;

    // Shows rows measured elsewhere (a lesson's sweep) as if this view had measured them.
    void showRows(const std::vector<lm::MemoryLabRow> &rows);

public Q_SLOTS:
    // Starts the sweep the controls describe; a bad input (no architecture, a length that is not
    // a number in 1..1048576) is said in the status line and nothing runs. Ignored while running.
    void run();
    // Asks the running sweep to stop after the point in progress; finished(false) follows.
    void stop();

Q_SIGNALS:
    void runStarted();
    void finished(bool ok);

private:
    QWidget *buildControls();
    void onRow(MemoryJob::Part part, const lm::MemoryLabRow &row);
    void onFinished(bool ok, bool cancelled, const QString &message);
    void flushRows();
    void setRunning(bool running);
    void setStatus(const QString &text, bool error = false);

    MemoryWorker *m_worker;
    WorkerThread m_thread;
    MemoryBytesPlot *m_bytes;
    MemoryTimePlot *m_time;
    MemoryBatchPlot *m_batch;
    MemoryPartsPlot *m_parts;
    MemoryCalculator *m_calculator = nullptr;

    QList<QCheckBox *> m_archs; // in lm::memoryLabArchitectures() order
    QComboBox *m_mode = nullptr;
    QLineEdit *m_lengths = nullptr;
    QSpinBox *m_batchSize = nullptr, *m_dim = nullptr, *m_layers = nullptr, *m_heads = nullptr;
    QCheckBox *m_chunked = nullptr, *m_sweepBatch = nullptr;
    QPushButton *m_runButton = nullptr, *m_stopButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;

    std::vector<lm::MemoryLabRow> m_rows, m_batchRows;
    bool m_running = false;
    QTimer m_flushTimer; // merges rows that arrive together into one replot
};
