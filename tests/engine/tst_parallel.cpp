// The thread pool (core/parallel.h) and the thread count (core/threads.h).
#include "core/parallel.h"
#include "core/threads.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace lm;

class TestParallel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void blocksCoverTheRange_data()
    {
        QTest::addColumn<qint64>("units");
        QTest::addColumn<qint64>("parts");
        QTest::addColumn<qint64>("blocks");
        QTest::newRow("10 in 3") << qint64(10) << qint64(3) << qint64(3);
        QTest::newRow("more parts than units") << qint64(2) << qint64(5) << qint64(2);
        QTest::newRow("one part") << qint64(7) << qint64(1) << qint64(1);
        QTest::newRow("zero parts is one") << qint64(7) << qint64(0) << qint64(1);
    }
    void blocksCoverTheRange()
    {
        QFETCH(qint64, units);
        QFETCH(qint64, parts);
        QFETCH(qint64, blocks);
        std::vector<std::atomic<int>> hits(static_cast<std::size_t>(units));
        std::mutex m;
        struct Seen {
            std::int64_t first, last;
            int block;
        };
        std::vector<Seen> seen;
        parallelFor(units, parts, [&](std::int64_t first, std::int64_t last, int block) {
            for (std::int64_t i = first; i < last; ++i)
                ++hits[static_cast<std::size_t>(i)];
            std::lock_guard lock(m);
            seen.push_back({first, last, block});
        });
        QCOMPARE(qint64(seen.size()), blocks);
        for (const Seen &s : seen) { // block b covers [b·units/blocks, (b+1)·units/blocks)
            QCOMPARE(s.first, s.block * units / blocks);
            QCOMPARE(s.last, (s.block + 1) * units / blocks);
        }
        for (const auto &h : hits)
            QCOMPARE(h.load(), 1);
    }

    void rethrowsABlocksException()
    {
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, parallelFor(8, 4, [](std::int64_t, std::int64_t, int block) {
                                     if (block == 2)
                                         throw std::runtime_error("block 2");
                                 }));
        int sum = 0; // the pool still works afterwards
        parallelFor(4, 2, [&](std::int64_t first, std::int64_t last, int) {
            static std::mutex m;
            std::lock_guard lock(m);
            sum += int(last - first);
        });
        QCOMPARE(sum, 4);
    }

    void nestedLoopsRunOnTheirBlock()
    {
        std::atomic<int> outerInside{0}, nestedOnSameThread{0};
        parallelFor(2, 2, [&](std::int64_t, std::int64_t, int) {
            if (insideParallelWork())
                ++outerInside;
            const auto me = std::this_thread::get_id();
            parallelFor(4, 4, [&](std::int64_t, std::int64_t, int) {
                if (std::this_thread::get_id() == me)
                    ++nestedOnSameThread;
            });
        });
        QCOMPARE(outerInside.load(), 2);
        QCOMPARE(nestedOnSameThread.load(), 2 * 1); // one serial call per outer block
        QVERIFY(!insideParallelWork());
    }

    void runOnWorkersRunsEachOnce()
    {
        std::vector<std::atomic<int>> ran(5);
        runOnWorkers(5, [&](int i) { ++ran[static_cast<std::size_t>(i)]; });
        for (const auto &r : ran)
            QCOMPARE(r.load(), 1);
    }

    void callersOnTwoThreadsDoNotWaitForEachOther()
    {
        // A long job (Hogwild workers) waits for a second thread's loop to finish: with a pool
        // that served one caller at a time this would never end.
        std::atomic<bool> secondDone{false}, sawIt{false};
        std::thread other;
        runOnWorkers(2, [&](int worker) {
            if (worker == 0) {
                other = std::thread([&] {
                    std::atomic<int> blocks{0};
                    parallelFor(6, 3, [&](std::int64_t, std::int64_t, int) { ++blocks; });
                    secondDone = blocks.load() == 3;
                });
            }
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (!secondDone && std::chrono::steady_clock::now() < deadline)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            if (secondDone)
                sawIt = true;
        });
        other.join();
        QVERIFY(sawIt.load());
    }

    void threadCountIsStableInsideLoops()
    {
        const int before = threadCount();
        setThreadCount(2);
        std::atomic<int> seen{0};
        parallelFor(2, 2, [&](std::int64_t, std::int64_t, int) {
            if (threadCount() == 2)
                ++seen;
        });
        QCOMPARE(seen.load(), 2);
        QCOMPARE(threadCount(), 2);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, setThreadCount(0));
        setThreadCount(before);
    }
};

QTEST_APPLESS_MAIN(TestParallel)
#include "tst_parallel.moc"
