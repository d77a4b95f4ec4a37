#pragma once
// CancelToken: cancellation shared between the thread that asks and the thread that works.
// Long engine work (training, embeddings, t-SNE) polls it between units of work.
#include <atomic>

namespace lm {

class CancelToken {
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    void reset() { m_cancelled.store(false, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
};

} // namespace lm
