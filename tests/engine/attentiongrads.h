#pragma once
// The output of an attention function and the gradients it sends to q, k and v, for the tests
// that compare two attention paths (standard against chunked, ours against PyTorch's values).
#include "core/ops.h"
#include "core/tape.h"

#include <vector>

namespace lm::test {

struct AttentionGrads {
    std::vector<float> out, q, k, v;
};

// Output and gradients of L = Σ out ⊙ r for f(q, k, v), with fresh gradient buffers.
template <class F>
AttentionGrads attentionGrads(F &&f, Tensor q, Tensor k, Tensor v, const Tensor &r)
{
    q.dropGrad();
    k.dropGrad();
    v.dropGrad();
    Tape tape;
    TapeScope scope(tape);
    Tensor out = f(q, k, v);
    AttentionGrads g{out.toVector(), {}, {}, {}};
    tape.backward(sum(mul(out, r)));
    g.q = q.gradVector();
    g.k = k.gradVector();
    g.v = v.gradVector();
    return g;
}

} // namespace lm::test
