#pragma once
// A worker QThread held by a unique_ptr whose deleter first runs `stop` (cancel the running job),
// then quits the thread's event loop and waits, so no owner can outlive-leak a running thread.
#include <QThread>

#include <functional>
#include <memory>

struct WorkerThreadStopper {
    std::function<void()> stop;
    void operator()(QThread *thread) const
    {
        if (stop)
            stop();
        thread->quit();
        thread->wait();
        delete thread;
    }
};
using WorkerThread = std::unique_ptr<QThread, WorkerThreadStopper>;

// Starts a thread named `name` that owns `worker` (moved to it, deleted when the thread ends).
inline WorkerThread startWorkerThread(QObject *worker, const QString &name, std::function<void()> stop)
{
    WorkerThread thread(new QThread, WorkerThreadStopper{std::move(stop)});
    thread->setObjectName(name);
    worker->moveToThread(thread.get());
    QObject::connect(thread.get(), &QThread::finished, worker, &QObject::deleteLater);
    thread->start();
    return thread;
}
