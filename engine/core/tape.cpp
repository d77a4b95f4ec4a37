#include "core/tape.h"

#include <stdexcept>

namespace lm {
namespace {
thread_local Tape *t_active = nullptr;
}

Tape *Tape::active() { return t_active; }

void Tape::backward(Tensor loss)
{
    if (!loss.defined() || loss.numel() != 1)
        throw std::invalid_argument("Tape::backward: the loss must have one element");
    if (!loss.requiresGrad())
        throw std::invalid_argument("Tape::backward: the loss does not depend on any parameter");
    loss.grad()[0] += 1.0f;
    // Each entry is destroyed right after it runs: what it held (its op's output and that output's
    // gradient, the inputs only it still needed) is freed as backward walks down, as in PyTorch,
    // instead of all at the end.
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        (*it)();
        *it = nullptr;
    }
    m_entries.clear();
}

TapeScope::TapeScope(Tape &tape) : m_previous(t_active) { t_active = &tape; }
TapeScope::~TapeScope() { t_active = m_previous; }

NoGradScope::NoGradScope() : m_previous(t_active) { t_active = nullptr; }
NoGradScope::~NoGradScope() { t_active = m_previous; }

bool detail::shouldRecord(std::initializer_list<const Tensor *> inputs)
{
    if (!t_active)
        return false;
    for (const Tensor *t : inputs)
        if (t && t->defined() && t->requiresGrad())
            return true;
    return false;
}

} // namespace lm
