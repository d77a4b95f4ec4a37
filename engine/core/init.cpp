#include "core/init.h"

#include <cmath>
#include <stdexcept>

namespace lm {

void initUniform(Tensor &t, float bound, Rng &rng)
{
    for (std::int64_t i = 0; i < t.numel(); ++i)
        t.data()[i] = rng.uniform(-bound, bound);
}

void initNormal(Tensor &t, float mean, float stddev, Rng &rng)
{
    for (std::int64_t i = 0; i < t.numel(); ++i)
        t.data()[i] = rng.normal(mean, stddev);
}

void initLinear(Tensor &weight, Tensor &bias, Rng &rng)
{
    if (weight.dim() != 2)
        throw std::invalid_argument("initLinear: weight " + shapeString(weight.shape()) + " should be (out, in)");
    const float bound = 1.0f / std::sqrt(static_cast<float>(weight.size(1)));
    initUniform(weight, bound, rng);
    if (bias.defined())
        initUniform(bias, bound, rng);
}

} // namespace lm
