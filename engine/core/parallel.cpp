#include "core/parallel.h"

#include "core/threads.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace lm {

namespace {

thread_local bool t_inside = false;

// How long a worker or a waiting caller spins before it sleeps.
constexpr int kSpinMicroseconds = 1000;

// Waits up to kSpinMicroseconds for `ready` without sleeping: a run of parallel loops (the layers of a
// training step) hands work over in microseconds, where sleeping on a condition variable and
// being woken costs tens. Past that the caller sleeps, so an idle pool uses no CPU.
template <class Ready>
void spinBriefly(Ready ready)
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(kSpinMicroseconds);
    while (!ready()) {
        for (int i = 0; i < 64; ++i) {
            if (ready())
                return;
#if defined(__x86_64__) || defined(__i386__)
            __builtin_ia32_pause(); // a hint to the core, not a system call
#else
            std::this_thread::yield();
#endif
        }
        if (std::chrono::steady_clock::now() > until)
            return;
    }
}

using Work = std::function<void(std::int64_t, std::int64_t, int)>;

// One parallelFor call: its blocks 1 … parts − 1 wait in the pool's queue.
struct Job {
    const Work *work = nullptr;
    std::int64_t units = 0, parts = 1;
    std::atomic<int> pending{0}; // blocks not finished yet, block 0 (the caller's) not counted
    std::exception_ptr error;
    std::condition_variable done;
};

struct Task {
    Job *job;
    int block;
};

// Long-lived workers that take queued blocks. Callers on different threads (a training worker's
// attention while an embedding worker runs word2vec) share the pool without waiting for each
// other: every queued block has an idle worker of its own, started when there is none, so a
// block never waits behind another job's block (the Hogwild workers run for a whole training).
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

    void run(std::int64_t units, std::int64_t parts, const Work &work)
    {
        Job job;
        job.work = &work;
        job.units = units;
        job.parts = parts;
        job.pending = static_cast<int>(parts - 1);
        {
            std::lock_guard lock(m_mutex);
            for (int b = 1; b < parts; ++b)
                m_tasks.push_back({&job, b});
            m_queued.store(static_cast<std::int64_t>(m_tasks.size()), std::memory_order_release);
            // Invariant: m_idle >= m_tasks.size(), so each queued block has a free worker.
            while (m_idle < static_cast<std::int64_t>(m_tasks.size())) {
                m_threads.emplace_back([this] { loop(); });
                ++m_idle;
            }
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
        spinBriefly([&] { return job.pending.load(std::memory_order_acquire) == 0; });
        std::unique_lock lock(m_mutex);
        job.done.wait(lock, [&] { return job.pending.load() == 0; });
        if (mine)
            std::rethrow_exception(mine);
        if (job.error)
            std::rethrow_exception(job.error);
    }

private:
    void loop()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            if (m_tasks.empty() && !m_quit) { // the next block often comes within microseconds
                lock.unlock();
                spinBriefly([this] { return m_queued.load(std::memory_order_acquire) > 0; });
                lock.lock();
            }
            m_wake.wait(lock, [this] { return m_quit || !m_tasks.empty(); });
            if (m_quit)
                return;
            const Task task = m_tasks.front();
            m_tasks.pop_front();
            m_queued.store(static_cast<std::int64_t>(m_tasks.size()), std::memory_order_release);
            --m_idle;
            Job &job = *task.job;
            const std::int64_t first = task.block * job.units / job.parts;
            const std::int64_t last = (task.block + 1) * job.units / job.parts;
            lock.unlock();
            std::exception_ptr error;
            t_inside = true;
            try {
                (*job.work)(first, last, task.block);
            } catch (...) {
                error = std::current_exception();
            }
            t_inside = false;
            lock.lock();
            ++m_idle;
            if (error && !job.error)
                job.error = error;
            if (--job.pending == 0)
                job.done.notify_one();
        }
    }

    std::mutex m_mutex; // guards everything below and every Job's pending and error
    std::condition_variable m_wake;
    std::deque<Task> m_tasks;
    std::atomic<std::int64_t> m_queued{0}; // m_tasks.size(), readable without the lock
    std::vector<std::thread> m_threads;
    std::int64_t m_idle = 0; // workers not running a block (started ones included)
    bool m_quit = false;
};

Pool &pool()
{
    static Pool p;
    return p;
}

// OpenBLAS at one thread for the life of a parallel loop (of any caller), then back to its count.
class SingleThreadedBlas {
public:
    SingleThreadedBlas() { threads_detail::holdBlasToOneThread(); }
    ~SingleThreadedBlas() { threads_detail::releaseBlas(); }
    SingleThreadedBlas(const SingleThreadedBlas &) = delete;
    SingleThreadedBlas &operator=(const SingleThreadedBlas &) = delete;
};

} // namespace

std::int64_t blocksFor(std::int64_t units, std::int64_t operations)
{
    if (operations < (std::int64_t(1) << 16) || units < 2)
        return 1;
    return std::min<std::int64_t>(threadCount(), units);
}

bool insideParallelWork() { return t_inside; }

void parallelFor(std::int64_t units, std::int64_t parts, const Work &work)
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
