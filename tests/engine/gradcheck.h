#pragma once
// Finite-difference gradient check shared by the engine tests.
//
// The op under test is reduced to a scalar with fixed random weights, L = Σ f(inputs) ⊙ R, so
// every output element matters. The tape's gradient of L is compared with central differences
// (L(x + eps) − L(x − eps)) / 2eps, element by element, with |analytic − numeric| <= atol + rtol·|numeric|.
#include "core/ops.h"
#include "core/rng.h"
#include "core/tape.h"

#include <cmath>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace lm::test {

using OpUnderTest = std::function<Tensor(const std::vector<Tensor> &)>;

struct GradCheck {
    bool ok = true;
    double worst = 0.0;  // largest |analytic − numeric| seen
    std::string report;  // the first mismatch, for the failure message
};

inline Tensor randomTensor(const Shape &shape, Rng &rng, float lo = -1.0f, float hi = 1.0f, bool requiresGrad = true)
{
    Tensor t = Tensor::zeros(shape, requiresGrad);
    for (std::int64_t i = 0; i < t.numel(); ++i)
        t.data()[i] = rng.uniform(lo, hi);
    return t;
}

inline double weightedSum(const Tensor &y, const Tensor &r)
{
    double s = 0.0;
    for (std::int64_t i = 0; i < y.numel(); ++i)
        s += static_cast<double>(y.data()[i]) * r.data()[i];
    return s;
}

inline GradCheck gradCheck(const OpUnderTest &f, std::vector<Tensor> inputs, float eps = 1e-2f, double atol = 2e-3,
                           double rtol = 2e-2)
{
    GradCheck result;
    Rng rng(12345);
    Tensor r;
    {
        NoGradScope noGrad;
        r = randomTensor(f(inputs).shape(), rng, -1.0f, 1.0f, false);
    }
    for (auto &in : inputs)
        in.dropGrad();
    {
        Tape tape;
        TapeScope scope(tape);
        Tensor loss = sum(mul(f(inputs), r));
        tape.backward(loss);
    }
    NoGradScope noGrad;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        Tensor &x = inputs[i];
        if (!x.requiresGrad())
            continue;
        const std::vector<float> analytic = x.gradVector();
        for (std::int64_t j = 0; j < x.numel(); ++j) {
            const float saved = x.data()[j];
            x.data()[j] = saved + eps;
            const double plus = weightedSum(f(inputs), r);
            x.data()[j] = saved - eps;
            const double minus = weightedSum(f(inputs), r);
            x.data()[j] = saved;
            const double numeric = (plus - minus) / (2.0 * eps);
            const double err = std::abs(analytic[static_cast<std::size_t>(j)] - numeric);
            result.worst = std::max(result.worst, err);
            if (err > atol + rtol * std::abs(numeric) && result.ok) {
                result.ok = false;
                std::ostringstream s;
                s << "input " << i << " element " << j << ": analytic " << analytic[static_cast<std::size_t>(j)]
                  << " vs numeric " << numeric;
                result.report = s.str();
            }
        }
    }
    return result;
}

} // namespace lm::test
