#include "workers/trainingcontroller.h"

#include <QMetaObject>

TrainingController::TrainingController(QObject *parent) : QObject(parent)
{
    m_worker = new TrainingWorker;
    m_thread = startWorkerThread(m_worker, QStringLiteral("training"), [w = m_worker] { w->requestCancel(); });

    connect(m_worker, &TrainingWorker::prepared, this, [this](const QString &summary, int vocabularySize) {
        Q_EMIT prepared(summary, vocabularySize);
        setState(State::Running);
        QMetaObject::invokeMethod(m_worker, m_stepOnly ? &TrainingWorker::stepOnce : &TrainingWorker::run,
                                  Qt::QueuedConnection);
    });
    connect(m_worker, &TrainingWorker::failed, this, [this](const QString &message) {
        setState(State::Idle);
        Q_EMIT failed(message);
    });
    connect(m_worker, &TrainingWorker::progress, this, &TrainingController::progress);
    connect(m_worker, &TrainingWorker::stopped, this, [this](TrainingWorker::Stop why, const QString &message) {
        switch (why) {
        case TrainingWorker::Stop::Paused: setState(State::Paused); break;
        case TrainingWorker::Stop::Finished:
        case TrainingWorker::Stop::Diverged: setState(State::Finished); break;
        case TrainingWorker::Stop::Cancelled: setState(State::Idle); break;
        }
        Q_EMIT stopped(why, message);
    });
    connect(m_worker, &TrainingWorker::sampled, this, &TrainingController::sampled);
    connect(m_worker, &TrainingWorker::generating, this, &TrainingController::generating);
    connect(m_worker, &TrainingWorker::saved, this, &TrainingController::saved);
    connect(m_worker, &TrainingWorker::exported, this, &TrainingController::exported);
    connect(m_worker, &TrainingWorker::inspected, this, &TrainingController::inspected);
}

TrainingController::~TrainingController() = default; // m_thread's deleter cancels, quits, waits

void TrainingController::setState(State s)
{
    if (s == m_state)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void TrainingController::start(const TrainingRequest &request, bool stepOnly)
{
    m_stepOnly = stepOnly;
    if (m_state == State::Paused) {
        setState(State::Running);
        QMetaObject::invokeMethod(m_worker, stepOnly ? &TrainingWorker::stepOnce : &TrainingWorker::run,
                                  Qt::QueuedConnection);
        return;
    }
    if (m_state != State::Idle && m_state != State::Finished)
        return;
    setState(State::Preparing);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, request] { w->prepare(request); }, Qt::QueuedConnection);
}

void TrainingController::pause()
{
    if (m_state == State::Running)
        m_worker->requestPause();
}

void TrainingController::cancel()
{
    if (m_state == State::Running || m_state == State::Preparing)
        m_worker->requestCancel();
    else if (m_state == State::Paused)
        reset();
}

void TrainingController::reset()
{
    if (m_state == State::Running)
        m_worker->requestCancel();
    QMetaObject::invokeMethod(m_worker, &TrainingWorker::reset, Qt::QueuedConnection);
    setState(State::Idle);
}

void TrainingController::sample(const QString &prompt, int tokens, double temperature, bool traceEachToken)
{
    QMetaObject::invokeMethod(m_worker,
                              [w = m_worker, prompt, tokens, temperature, traceEachToken] {
                                  w->sample(prompt, tokens, temperature, traceEachToken);
                              },
                              Qt::QueuedConnection);
}

void TrainingController::save(const QString &path)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path] { w->save(path); }, Qt::QueuedConnection);
}

void TrainingController::exportHuggingFace(const QString &dir)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, dir] { w->exportHuggingFace(dir); }, Qt::QueuedConnection);
}

void TrainingController::inspect(const QString &text, const QString &second)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, text, second] { w->inspect(text, second); }, Qt::QueuedConnection);
}
