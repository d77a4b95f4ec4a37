#include "models/biasedattention.h"

#include "core/ops.h"
#include "core/ops_nn.h"

#include <stdexcept>

namespace lm {

Tensor biasedAttention(const Tensor &q, const Tensor &k, const Tensor &v, const BiasedAttentionOptions &o)
{
    if (q.dim() != 3 || k.dim() != 3 || v.shape() != k.shape() || q.size(0) != k.size(0) || q.size(2) != k.size(2) ||
        o.heads < 1 || q.size(2) % o.heads != 0)
        throw std::invalid_argument("biasedAttention: q " + shapeString(q.shape()) + ", k " + shapeString(k.shape()) +
                                    ", v " + shapeString(v.shape()) + " with " + std::to_string(o.heads) + " heads");
    const std::int64_t B = q.size(0), Tq = q.size(1), Tk = k.size(1), I = q.size(2), nh = o.heads, dk = I / nh;
    auto split = [&](const Tensor &t, std::int64_t T) { return transpose(reshape(t, {B, T, nh, dk}), 1, 2); };
    Tensor scores = matmul(split(q, Tq), split(k, Tk), true); // (B, nh, Tq, Tk)
    if (o.additive.defined())
        scores = add(scores, o.additive);
    Tensor p = softmax(scores);
    if (o.trace)
        for (std::int64_t h = 0; h < nh; ++h)
            o.trace->put(o.tracePrefix + "head" + std::to_string(h) + ".attention", static_cast<int>(Tq), static_cast<int>(Tk),
                         p.data() + h * Tq * Tk);
    if (o.training && o.dropout > 0.0f && o.rng)
        p = dropout(p, o.dropout, *o.rng, true);
    return reshape(transpose(matmul(p, split(v, Tk)), 1, 2), {B, Tq, I});
}

Tensor causalLogitMask(int T)
{
    std::vector<float> m(static_cast<std::size_t>(T) * static_cast<std::size_t>(T), 0.0f);
    for (int i = 0; i < T; ++i)
        for (int j = i + 1; j < T; ++j)
            m[static_cast<std::size_t>(i) * static_cast<std::size_t>(T) + static_cast<std::size_t>(j)] = kHiddenLogit;
    return Tensor::fromVector({1, 1, T, T}, m);
}

Tensor paddingLogitMask(const std::vector<std::uint8_t> &mask, int batch, int time)
{
    if (mask.size() != static_cast<std::size_t>(batch) * static_cast<std::size_t>(time))
        throw std::invalid_argument("paddingLogitMask: " + std::to_string(mask.size()) + " flags for (" +
                                    std::to_string(batch) + ", " + std::to_string(time) + ")");
    std::vector<float> m(mask.size());
    for (std::size_t i = 0; i < m.size(); ++i)
        m[i] = mask[i] ? 0.0f : kHiddenLogit;
    return Tensor::fromVector({batch, 1, 1, time}, m);
}

} // namespace lm
