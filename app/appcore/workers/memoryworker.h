#pragma once
// MemoryWorker: runs the memory lab's sweeps (lm::runMemoryLab) on a worker thread. A job is a
// list of requests run in order; every measured point comes back as its own queued signal, so the
// view draws the curves as they grow and the GUI never waits for a measurement.
//
// The measurements read the process-wide MemoryMeter: while a job runs, nothing else in the
// process should train (the main window pauses the language-model tab when a job starts).
#include "core/cancel.h"
#include "inspect/memorylab.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <vector>

struct MemoryJob {
    // Lengths: the length sweep; Batches: the batch sweep at one length (plot C).
    enum class Part { Lengths, Batches };
    struct Step {
        Part part = Part::Lengths;
        lm::MemoryLabRequest request;
    };
    std::vector<Step> steps;
    int points() const; // measurements the job makes in all: its progress bar's maximum
};

Q_DECLARE_METATYPE(MemoryJob)
Q_DECLARE_METATYPE(MemoryJob::Part)
Q_DECLARE_METATYPE(lm::MemoryLabRow)

class MemoryWorker final : public QObject {
    Q_OBJECT

public:
    explicit MemoryWorker(QObject *parent = nullptr);

    // Thread-safe. cancel() stops the running job between points (or inside a long infer run);
    // the caller resets the token before queueing the next job, so a Stop pressed before the job
    // starts is not lost.
    void cancel() { m_cancel.cancel(); }
    void resetCancel() { m_cancel.reset(); }

public Q_SLOTS:
    void run(const MemoryJob &job);

Q_SIGNALS:
    void row(MemoryJob::Part part, const lm::MemoryLabRow &row);
    // ok: every step ran. Otherwise cancelled (Stop), or message says what went wrong (the guard's
    // refusal of a run too large for the memory available, an invalid model, …).
    void finished(bool ok, bool cancelled, const QString &message);

private:
    lm::CancelToken m_cancel;
};
