#include "models/recurrent/forecaster.h"

#include "core/init.h"
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lm {

// ---- the model -----------------------------------------------------------------------------------

SeriesForecaster::SeriesForecaster(const ForecasterConfig &config, Rng &rng) : m_config(config)
{
    if (config.hidden < 1 || config.layers < 1 || config.window < 1)
        throw std::invalid_argument("SeriesForecaster: hidden, layers and window must be >= 1, got " +
                                    std::to_string(config.hidden) + ", " + std::to_string(config.layers) + ", " +
                                    std::to_string(config.window));
    RecurrentConfig rc;
    rc.kind = config.kind;
    rc.inputSize = 1;
    rc.hidden = config.hidden;
    rc.layers = config.layers;
    m_stack = std::make_unique<RecurrentStack>(rc, rng);
    m_headWeight = Tensor::zeros({1, config.hidden}, true);
    m_headBias = Tensor::zeros({1}, true);
    initLinear(m_headWeight, m_headBias, rng);
}

ParameterList SeriesForecaster::parameters() const
{
    ParameterList p = m_stack->parameters("rnn.");
    p.push_back({"head.weight", m_headWeight});
    p.push_back({"head.bias", m_headBias});
    return p;
}

void SeriesForecaster::setScale(double mean, double stddev)
{
    if (!(stddev > 0.0) || !std::isfinite(stddev) || !std::isfinite(mean))
        throw std::invalid_argument("SeriesForecaster::setScale: needs a finite mean and stddev > 0");
    m_mean = mean;
    m_std = stddev;
}

Tensor SeriesForecaster::predict(const Tensor &x) const
{
    if (x.dim() != 3 || x.size(2) != 1)
        throw std::invalid_argument("SeriesForecaster::predict: x must be (B, T, 1), got " + shapeString(x.shape()));
    RecurrentOutput out = m_stack->forward(x);              // (B, T, H)
    return add(x, linear(out.output, m_headWeight, m_headBias)); // ŷ = x + w·h + b: (B, T, 1)
}

Tensor SeriesForecaster::loss(const TokenBatch &batch)
{
    const std::size_t n = static_cast<std::size_t>(batch.batch) * static_cast<std::size_t>(batch.time);
    if (batch.values.size() != n || batch.valueTargets.size() != n || n == 0)
        throw std::invalid_argument("SeriesForecaster::loss: the batch needs (B, T) values and value targets");
    const std::int64_t B = batch.batch, T = batch.time;
    Tensor x = Tensor::zeros({B, T, 1}), y = Tensor::zeros({B, T, 1});
    std::copy(batch.values.begin(), batch.values.end(), x.data());
    std::copy(batch.valueTargets.begin(), batch.valueTargets.end(), y.data());
    return loss(x, y);
}

Tensor SeriesForecaster::loss(const Tensor &x, const Tensor &target) const
{
    if (target.shape() != x.shape())
        throw std::invalid_argument("SeriesForecaster::loss: target " + shapeString(target.shape()) + " differs from x " +
                                    shapeString(x.shape()));
    Tensor d = sub(predict(x), target);
    return lm::mean(mul(d, d));
}

std::vector<double> SeriesForecaster::predictAfter(const std::vector<double> &contexts, std::size_t rows,
                                                   std::size_t time) const
{
    NoGradScope noGrad;
    constexpr std::size_t kChunk = 256;
    const auto T = static_cast<std::int64_t>(time);
    std::vector<double> out;
    out.reserve(rows);
    for (std::size_t r0 = 0; r0 < rows; r0 += kChunk) {
        const auto n = static_cast<std::int64_t>(std::min(kChunk, rows - r0));
        Tensor x = Tensor::zeros({n, T, 1});
        for (std::int64_t i = 0; i < n * T; ++i)
            x.data()[i] = static_cast<float>((contexts[r0 * time + static_cast<std::size_t>(i)] - m_mean) / m_std);
        RecurrentOutput o = m_stack->forward(x);
        Tensor last = slice(o.output, 1, T - 1, T);                              // (n, 1, H)
        Tensor change = linear(last, m_headWeight, m_headBias);                  // (n, 1, 1)
        for (std::int64_t i = 0; i < n; ++i)
            out.push_back((x.data()[i * T + T - 1] + change.data()[i]) * m_std + m_mean);
    }
    return out;
}

std::vector<double> SeriesForecaster::oneStepAhead(const std::vector<double> &history, std::size_t from) const
{
    if (from < 1)
        throw std::invalid_argument("SeriesForecaster::oneStepAhead: from must be >= 1");
    const auto W = static_cast<std::size_t>(m_config.window);
    std::vector<double> out;
    std::size_t t = from;
    for (; t < history.size() && t < W; ++t) // a shorter context at the very start
        out.push_back(predictAfter(std::vector<double>(history.begin(), history.begin() + static_cast<std::ptrdiff_t>(t)),
                                   1, t)[0]);
    if (t < history.size()) {
        const std::size_t rows = history.size() - t;
        std::vector<double> contexts;
        contexts.reserve(rows * W);
        for (std::size_t s = t; s < history.size(); ++s)
            contexts.insert(contexts.end(), history.begin() + static_cast<std::ptrdiff_t>(s - W),
                            history.begin() + static_cast<std::ptrdiff_t>(s));
        const std::vector<double> rest = predictAfter(contexts, rows, W);
        out.insert(out.end(), rest.begin(), rest.end());
    }
    return out;
}

Forecast SeriesForecaster::forecast(const std::vector<double> &history, int horizon, std::size_t heldOut) const
{
    if (history.empty() || heldOut >= history.size())
        throw std::invalid_argument("SeriesForecaster::forecast: " + std::to_string(history.size()) +
                                    " values cannot hold out " + std::to_string(heldOut));
    Forecast f;
    f.first = history.size() - heldOut;
    if (heldOut > 0)
        f.oneStep = oneStepAhead(history, f.first);
    const auto W = static_cast<std::size_t>(m_config.window);
    std::vector<double> context(history.end() - static_cast<std::ptrdiff_t>(std::min(W, history.size())), history.end());
    for (int i = 0; i < horizon; ++i) {
        const double next = predictAfter(context, 1, context.size())[0];
        f.continuation.push_back(next);
        context.push_back(next);
        if (context.size() > W)
            context.erase(context.begin());
    }
    return f;
}

} // namespace lm
