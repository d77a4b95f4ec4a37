#include "core/parallel.h"

#include "core/threads.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

extern "C" {
void openblas_set_num_threads(int);
int openblas_get_num_threads(void);
}

namespace lm {

namespace {

thread_local bool t_inside = false;

// Long-lived workers that wait for a job, run their block, and report back. One job at a time
// (a mutex serialises callers from different threads).
class Pool {
public:
    ~Pool()
    {
        {
            std::lock_guard lock(m_mutex);
            m_quit = true;
        }
        m_wake.notify_all();
        for (std::thread &t : m_threads)
            t.join();
    }

    void run(std::int64_t units, std::int64_t parts, const std::function<void(std::int64_t, std::int64_t, int)> &work)
    {
        std::lock_guard serial(m_callers);
        ensureWorkers(static_cast<int>(parts - 1));
        {
            std::lock_guard lock(m_mutex);
            m_work = &work;
            m_units = units;
            m_parts = parts;
            m_pending = static_cast<int>(parts - 1);
            m_error = nullptr;
            ++m_generation;
        }
        m_wake.notify_all();
        std::exception_ptr mine;
        t_inside = true;
        try {
            work(0, units / parts, 0);
        } catch (...) {
            mine = std::current_exception();
        }
        t_inside = false;
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [this] { return m_pending == 0; });
        m_work = nullptr;
        if (mine)
            std::rethrow_exception(mine);
        if (m_error)
            std::rethrow_exception(m_error);
    }

private:
    void ensureWorkers(int n)
    {
        while (static_cast<int>(m_threads.size()) < n) {
            const int index = static_cast<int>(m_threads.size()) + 1; // block 0 is the caller's
            m_threads.emplace_back([this, index] { loop(index); });
        }
    }

    void loop(int block)
    {
        std::uint64_t seen = 0;
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [&] { return m_quit || m_generation != seen; });
            if (m_quit)
                return;
            seen = m_generation;
            if (block >= m_parts)
                continue; // this job has fewer blocks than the pool has workers
            const auto *work = m_work;
            const std::int64_t first = block * m_units / m_parts, last = (block + 1) * m_units / m_parts;
            lock.unlock();
            std::exception_ptr error;
            t_inside = true;
            try {
                (*work)(first, last, block);
            } catch (...) {
                error = std::current_exception();
            }
            t_inside = false;
            lock.lock();
            if (error && !m_error)
                m_error = error;
            if (--m_pending == 0)
                m_done.notify_one();
        }
    }

    std::mutex m_callers;
    std::mutex m_mutex;
    std::condition_variable m_wake, m_done;
    std::vector<std::thread> m_threads;
    const std::function<void(std::int64_t, std::int64_t, int)> *m_work = nullptr;
    std::int64_t m_units = 0, m_parts = 1;
    int m_pending = 0;
    std::uint64_t m_generation = 0;
    bool m_quit = false;
    std::exception_ptr m_error;
};

Pool &pool()
{
    static Pool p;
    return p;
}

// OpenBLAS at one thread for the life of a parallel loop, then back to its count.
class SingleThreadedBlas {
public:
    SingleThreadedBlas() : m_threads(openblas_get_num_threads())
    {
        if (m_threads > 1)
            openblas_set_num_threads(1);
    }
    ~SingleThreadedBlas()
    {
        if (m_threads > 1)
            openblas_set_num_threads(m_threads);
    }
    SingleThreadedBlas(const SingleThreadedBlas &) = delete;
    SingleThreadedBlas &operator=(const SingleThreadedBlas &) = delete;

private:
    int m_threads;
};

} // namespace

bool insideParallelWork() { return t_inside; }

void parallelFor(std::int64_t units, std::int64_t parts, const std::function<void(std::int64_t, std::int64_t, int)> &work)
{
    if (units <= 0)
        return;
    parts = std::clamp<std::int64_t>(parts, 1, units);
    if (parts == 1 || t_inside) {
        work(0, units, 0);
        return;
    }
    SingleThreadedBlas blas;
    pool().run(units, parts, work);
}

void runOnWorkers(int n, const std::function<void(int)> &work)
{
    parallelFor(n, n, [&work](std::int64_t first, std::int64_t last, int) {
        for (std::int64_t i = first; i < last; ++i) // one worker per block, or all of them when run serially
            work(static_cast<int>(i));
    });
}

} // namespace lm
