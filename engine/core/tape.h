#pragma once
// Tape: the one reverse-mode autograd record shared by every differentiable model.
//
// While a TapeScope is active on a thread, each op whose inputs require a gradient pushes a
// backward closure onto that thread's tape. Tape::backward(loss) seeds d(loss)/d(loss) = 1 and runs
// the closures in reverse order; each closure adds (+=) into its inputs' gradient buffers. The
// closures hold the tensors they need, so intermediates live until the tape is cleared: that is
// the activation memory the memory lab measures.
//
// Without an active tape (inference, NoGradScope) nothing is recorded and outputs do not require
// gradients.
#include "core/tensor.h"

#include <functional>
#include <vector>

namespace lm {

class Tape {
public:
    // The tape recording on this thread, or nullptr.
    static Tape *active();

    void push(std::function<void()> backward) { m_entries.push_back(std::move(backward)); }
    std::size_t size() const { return m_entries.size(); }

    // loss must be a one-element tensor that requires a gradient. Adds 1 to its gradient and runs
    // every entry in reverse, destroying each after it ran (an intermediate is freed once the
    // last entry that holds it has run), so the tape ends empty.
    void backward(Tensor loss);
    void clear() { m_entries.clear(); }

private:
    std::vector<std::function<void()>> m_entries;
};

// Makes `tape` the active tape of this thread for the scope's lifetime (nests; restores the
// previous one).
class TapeScope {
public:
    explicit TapeScope(Tape &tape);
    ~TapeScope();
    TapeScope(const TapeScope &) = delete;
    TapeScope &operator=(const TapeScope &) = delete;

private:
    Tape *m_previous;
};

// No tape records in this scope.
class NoGradScope {
public:
    NoGradScope();
    ~NoGradScope();
    NoGradScope(const NoGradScope &) = delete;
    NoGradScope &operator=(const NoGradScope &) = delete;

private:
    Tape *m_previous;
};

namespace detail {
// True when an op over these inputs must record: a tape is active and some input requires grad.
bool shouldRecord(std::initializer_list<const Tensor *> inputs);
} // namespace detail

} // namespace lm
