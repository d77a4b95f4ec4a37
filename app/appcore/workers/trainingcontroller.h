#pragma once
// TrainingController: owns the worker thread and the TrainingWorker on it, and gives the GUI a
// small synchronous-looking API whose calls are queued to the worker. The thread is held by a
// unique_ptr whose deleter cancels, quits and waits, so closing the window never leaves a
// thread running.
#include "workers/trainingworker.h"
#include "base/workerthread.h"

#include <QObject>
#include <QThread>

#include <memory>

class TrainingController final : public QObject {
    Q_OBJECT

public:
    enum class State { Idle, Preparing, Running, Paused, Finished };
    Q_ENUM(State)

    explicit TrainingController(QObject *parent = nullptr);
    ~TrainingController() override;

    State state() const { return m_state; }
    TrainingWorker *worker() const { return m_worker; }

    // Idle/Finished: prepares from request, then runs (or does one step when stepOnly).
    // Paused: resumes (or does one step). Ignored while Preparing/Running.
    void start(const TrainingRequest &request, bool stepOnly = false);
    void pause();
    void cancel();
    void reset();
    void sample(const QString &prompt, int tokens, double temperature, bool traceEachToken = false);
    void save(const QString &path);
    void exportHuggingFace(const QString &dir); // see TrainingWorker::exportHuggingFace
    void inspect(const QString &text, const QString &second = QString()); // see TrainingWorker::inspect

Q_SIGNALS:
    void stateChanged(TrainingController::State state);
    void prepared(const QString &summary, int vocabularySize);
    void failed(const QString &message);
    void progress(const QVector<lm::StepReport> &reports);
    void stopped(TrainingWorker::Stop why, const QString &message);
    void sampled(const QString &text);
    void generating(const QString &textSoFar);
    void saved(const QString &path, const QString &error);
    void exported(const QString &dir, const QString &error);
    void inspected(std::shared_ptr<const lm::Trace> trace);

private:
    void setState(State s);

    WorkerThread m_thread;
    TrainingWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    State m_state = State::Idle;
    bool m_stepOnly = false;
};
