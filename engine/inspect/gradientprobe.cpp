#include "inspect/gradientprobe.h"

#include "core/ops.h"
#include "core/rng.h"
#include "core/tape.h"

#include <stdexcept>

namespace lm {

std::vector<float> gradientThroughTime(const GradientProbe &p)
{
    if (p.steps < 1 || p.hidden < 1 || p.inputSize < 1 || p.layers < 1)
        throw std::invalid_argument("gradientThroughTime: sizes must be positive");
    Rng rng(p.seed);
    RecurrentStack stack({p.kind, p.inputSize, p.hidden, p.layers, false}, rng);
    if (p.weightScale != 1.0f)
        for (int l = 0; l < p.layers; ++l) {
            const Tensor &w = stack.weights(l, 0).weightHh;
            Tensor handle = w; // a handle: scaling it scales the stack's weight
            handle.vector() *= p.weightScale;
        }
    if (p.kind == CellKind::Lstm && p.forgetBias != 0.0f)
        for (int l = 0; l < p.layers; ++l) {
            Tensor bias = stack.weights(l, 0).biasIh; // rows i, f, g, o: f is [H, 2H)
            for (int k = p.hidden; k < 2 * p.hidden; ++k)
                bias.data()[k] += p.forgetBias;
        }
    Tensor x = Tensor::zeros({1, p.steps, p.inputSize});
    for (std::int64_t i = 0; i < x.numel(); ++i)
        x.data()[i] = rng.normal();
    Tensor probe = Tensor::zeros({1, 1, p.hidden}); // the loss reads the last step through it
    for (std::int64_t i = 0; i < probe.numel(); ++i)
        probe.data()[i] = rng.normal();
    for (auto &param : stack.parameters())
        param.tensor.dropGrad();
    Trace trace;
    {
        Tape tape;
        TapeScope scope(tape);
        const RecurrentOutput out = stack.forward(x, {}, &trace);
        Tensor last = slice(out.output, 1, p.steps - 1, p.steps); // (1, 1, H)
        tape.backward(sum(mul(last, probe)));
    }
    const TraceMatrix *norms = trace.find("layer" + std::to_string(p.layers - 1) + ".forward.grad_norm");
    if (!norms)
        throw std::logic_error("gradientThroughTime: the recurrent layer recorded no gradient norms");
    return norms->values;
}

} // namespace lm
