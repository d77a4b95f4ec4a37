#include "workers/memoryworker.h"

int MemoryJob::points() const
{
    int n = 0;
    for (const Step &s : steps)
        n += int(s.request.archs.size() * s.request.modes.size() * s.request.seqLens.size());
    return n;
}

MemoryWorker::MemoryWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<MemoryJob>();
    qRegisterMetaType<lm::MemoryLabRow>();
    qRegisterMetaType<MemoryJob::Part>();
}

void MemoryWorker::run(const MemoryJob &job)
{
    for (const MemoryJob::Step &step : job.steps) {
        std::string error;
        try {
            auto rows = lm::runMemoryLab(
                step.request, [this, part = step.part](const lm::MemoryLabRow &r) { Q_EMIT row(part, r); }, &m_cancel);
            if (!rows)
                error = rows.error();
        } catch (const std::bad_alloc &) {
            error = tr("Out of memory: choose shorter lengths, a smaller batch or a smaller model.").toStdString();
        } catch (const std::exception &e) {
            error = e.what();
        }
        if (!error.empty()) {
            const bool cancelled = error == "cancelled";
            Q_EMIT finished(false, cancelled, cancelled ? QString() : QString::fromStdString(error));
            return;
        }
    }
    Q_EMIT finished(true, false, QString());
}
