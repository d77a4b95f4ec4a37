#include "core/optim.h"

#include "core/parallel.h"

#include <cmath>
#include <stdexcept>

namespace lm {

void Optimizer::zeroGrad()
{
    for (auto &p : m_params)
        p.tensor.zeroGrad();
}

Sgd::Sgd(ParameterList params, float lr, float momentum) : Optimizer(std::move(params)), m_momentum(momentum)
{
    m_lr = lr;
    m_buf.resize(m_params.size());
}

void Sgd::step()
{
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        Tensor &p = m_params[i].tensor;
        if (!p.hasGrad())
            continue;
        float *w = p.data();
        const float *g = p.gradOrNull();
        const std::int64_t n = p.numel();
        if (m_momentum == 0.0f) {
            for (std::int64_t j = 0; j < n; ++j)
                w[j] -= m_lr * g[j];
            continue;
        }
        Tensor &state = m_buf[i];
        const bool first = !state.defined();
        if (first)
            state = Tensor::zeros({n});
        float *buf = state.data();
        for (std::int64_t j = 0; j < n; ++j)
            buf[j] = first ? g[j] : m_momentum * buf[j] + g[j];
        for (std::int64_t j = 0; j < n; ++j)
            w[j] -= m_lr * buf[j];
    }
}

Adam::Adam(ParameterList params, const Options &options) : Optimizer(std::move(params)), m_opt(options)
{
    m_lr = options.lr;
    m_m.resize(m_params.size());
    m_v.resize(m_params.size());
}

void Adam::step()
{
    ++m_t;
    const float bc1 = 1.0f - std::pow(m_opt.beta1, static_cast<float>(m_t));
    const float bc2 = 1.0f - std::pow(m_opt.beta2, static_cast<float>(m_t));
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        Tensor &p = m_params[i].tensor;
        if (!p.hasGrad())
            continue;
        const std::int64_t n = p.numel();
        Tensor &m = m_m[i], &v = m_v[i];
        if (!m.defined()) {
            m = Tensor::zeros({n});
            v = Tensor::zeros({n});
        }
        float *w = p.data();
        const float *g = p.gradOrNull();
        const float wd = m_opt.decoupled ? (p.dim() >= 2 ? m_opt.weightDecay : 0.0f) : m_opt.weightDecay;
        if (m_opt.decoupled && wd != 0.0f) // torch AdamW decays before the moment update
            parallelFor(n, blocksFor(n, n), [w, decay = 1.0f - m_lr * wd](std::int64_t first, std::int64_t last, int) {
                for (std::int64_t j = first; j < last; ++j)
                    w[j] *= decay;
            });
        // Options copied to locals: stores through the float pointers could alias the float
        // members, which kept the compiler from vectorising this loop. Same arithmetic.
        const bool decoupled = m_opt.decoupled;
        const float beta1 = m_opt.beta1, beta2 = m_opt.beta2, eps = m_opt.eps, lr = m_lr;
        float *pm = m.data(), *pv = v.data();
        parallelFor(n, blocksFor(n, 8 * n), [=](std::int64_t first, std::int64_t last, int) {
            for (std::int64_t j = first; j < last; ++j) {
                const float gj = decoupled ? g[j] : g[j] + wd * w[j];
                pm[j] = beta1 * pm[j] + (1.0f - beta1) * gj;
                pv[j] = beta2 * pv[j] + (1.0f - beta2) * gj * gj;
                const float mhat = pm[j] / bc1;
                const float vhat = pv[j] / bc2;
                w[j] -= lr * mhat / (std::sqrt(vhat) + eps);
            }
        });
    }
}

float clipGradNorm(const ParameterList &params, float maxNorm)
{
    double sq = 0.0;
    for (const auto &p : params) {
        const float *g = p.tensor.gradOrNull();
        if (!g)
            continue;
        for (std::int64_t j = 0; j < p.tensor.numel(); ++j)
            sq += static_cast<double>(g[j]) * g[j];
    }
    const float norm = static_cast<float>(std::sqrt(sq));
    if (maxNorm > 0.0f && norm > maxNorm) {
        const float factor = maxNorm / (norm + 1e-6f); // torch adds 1e-6 too
        for (const auto &p : params)
            if (p.tensor.hasGrad())
                p.tensor.gradVectorMap() *= factor;
    }
    return norm;
}

std::unique_ptr<Optimizer> makeOptimizer(const std::string &name, ParameterList params, float lr, float weightDecay)
{
    if (name == "sgd")
        return std::make_unique<Sgd>(std::move(params), lr, 0.9f);
    if (name == "adam" || name == "adamw") {
        Adam::Options o;
        o.lr = lr;
        o.weightDecay = weightDecay;
        o.decoupled = name == "adamw";
        return std::make_unique<Adam>(std::move(params), o);
    }
    throw std::invalid_argument("unknown optimizer '" + name + "' (sgd, adam, adamw)");
}

} // namespace lm
