// One Mamba mixer (models/mamba/mambamixer.h).
#include "models/mamba/mambamixer.h"

#include "core/init.h"
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/rng.h"
#include "models/mamba/mambaops.h"
#include "models/rowops.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lm {

MambaMixer::MambaMixer(const MambaMixerShape &shape, int layers, Rng &rng) : m_shape(shape)
{
    const int H = shape.dim, D = shape.innerDim, N = shape.stateSize, K = shape.convKernel, R = shape.dtRank;
    constexpr float stddev = 0.02f;
    auto normal = [&](Shape s, float sd) {
        Tensor w = Tensor::zeros(s, true);
        initNormal(w, 0.0f, sd, rng);
        return w;
    };
    auto uniform = [&](Shape s, float bound) {
        Tensor w = Tensor::zeros(s, true);
        initUniform(w, bound, rng);
        return w;
    };
    m_inProj = normal({2 * D, H}, stddev);
    if (shape.projBias)
        m_inBias = Tensor::zeros({2 * D}, true);
    m_conv = uniform({D, 1, K}, 1.0f / std::sqrt(float(K)));
    if (shape.convBias)
        m_convBias = uniform({D}, 1.0f / std::sqrt(float(K)));
    m_xProj = normal({R + 2 * N, D}, stddev);
    m_dtProj = uniform({D, R}, 1.0f / std::sqrt(float(R)));
    m_dtBias = Tensor::zeros({D}, true);
    for (int d = 0; d < D; ++d) { // softplus(bias) = a step size log-uniform in [0.001, 0.1]
        const float dt = std::exp(rng.uniform(std::log(0.001f), std::log(0.1f)));
        m_dtBias.data()[d] = dt + std::log(-std::expm1(-dt));
    }
    m_aLog = Tensor::zeros({D, N}, true);
    for (int d = 0; d < D; ++d)
        for (int n = 0; n < N; ++n)
            m_aLog.data()[d * N + n] = std::log(float(n + 1));
    m_skip = Tensor::full({D}, 1.0f, true);
    m_outProj = normal({H, D}, stddev / std::sqrt(float(layers)));
    if (shape.projBias)
        m_outBias = Tensor::zeros({H}, true);
}

void MambaMixer::addParameters(ParameterList &p, const std::string &prefix) const
{
    auto add = [&](const char *name, const Tensor &t) {
        if (t.defined())
            p.push_back({prefix + name, t});
    };
    add("A_log", m_aLog);
    add("D", m_skip);
    add("conv1d.weight", m_conv);
    add("conv1d.bias", m_convBias);
    add("in_proj.weight", m_inProj);
    add("in_proj.bias", m_inBias);
    add("x_proj.weight", m_xProj);
    add("dt_proj.weight", m_dtProj);
    add("dt_proj.bias", m_dtBias);
    add("out_proj.weight", m_outProj);
    add("out_proj.bias", m_outBias);
}

Tensor MambaMixer::forward(const Tensor &h, Trace *trace, const std::string &tracePrefix) const
{
    const std::int64_t T = h.size(1), D = m_shape.innerDim, N = m_shape.stateSize, R = m_shape.dtRank;
    Tensor projected = linear(h, m_inProj, m_inBias);                                          // (B, T, 2D)
    Tensor u = silu(causalDepthwiseConv(slice(projected, 2, 0, D), m_conv, m_convBias));        // (B, T, D)
    Tensor z = slice(projected, 2, D, 2 * D);
    Tensor ssm = linear(u, m_xProj);                                                          // (B, T, R + 2N)
    Tensor deltaRaw = linear(slice(ssm, 2, 0, R), m_dtProj, m_dtBias);                        // (B, T, D)
    Tensor bm = slice(ssm, 2, R, R + N), cm = slice(ssm, 2, R + N, R + 2 * N);               // (B, T, N)
    Tensor y = selectiveScan(u, deltaRaw, m_aLog, bm, cm, m_skip);                           // (B, T, D)
    if (trace) {
        trace->put(tracePrefix + "forward.hidden", static_cast<int>(T), static_cast<int>(D), y.data());
        trace->put(tracePrefix + "ssm.input", static_cast<int>(T), static_cast<int>(D), u.data());
        const std::vector<float> alpha = scanImplicitAttention(deltaRaw, m_aLog, bm, cm, 0, D); // (D, T, T)
        std::vector<float> mean(static_cast<std::size_t>(T * T), 0.0f);
        for (std::int64_t d = 0; d < D; ++d)
            for (std::int64_t i = 0; i < T * T; ++i)
                mean[static_cast<std::size_t>(i)] += std::abs(alpha[static_cast<std::size_t>(d * T * T + i)]) / D;
        trace->put(tracePrefix + "implicit.attention", static_cast<int>(T), static_cast<int>(T), mean.data());
    }
    return linear(mul(y, silu(z)), m_outProj, m_outBias);
}

std::vector<float> MambaMixer::implicitAttention(const Tensor &h) const
{
    const std::int64_t D = m_shape.innerDim, N = m_shape.stateSize, R = m_shape.dtRank;
    const Tensor row = slice(h, 0, 0, 1); // (1, T, H)
    Tensor projected = linear(row, m_inProj, m_inBias);
    Tensor u = silu(causalDepthwiseConv(slice(projected, 2, 0, D), m_conv, m_convBias));
    Tensor ssm = linear(u, m_xProj);
    Tensor deltaRaw = linear(slice(ssm, 2, 0, R), m_dtProj, m_dtBias);
    return scanImplicitAttention(deltaRaw, m_aLog, slice(ssm, 2, R, R + N), slice(ssm, 2, R + N, R + 2 * N), 0, D);
}

MambaMixer::State MambaMixer::startState() const
{
    return {Tensor::zeros({std::max(0, m_shape.convKernel - 1), m_shape.innerDim}),
            Tensor::zeros({m_shape.innerDim, m_shape.stateSize})};
}

void MambaMixer::step(const float *h, State &state, float *out) const
{
    const std::int64_t D = m_shape.innerDim, N = m_shape.stateSize, K = m_shape.convKernel, R = m_shape.dtRank;
    std::vector<float> projected(2 * D), u(D), ssm(R + 2 * N), deltaRaw(D), y(D);
    rowops::matVec(m_inProj, h, projected.data(), m_inBias);
    // The convolution over the window and the new input, then the window slides by one.
    float *window = state.window.data(); // (K − 1, D)
    const float *w = m_conv.data(), *now = projected.data();
    for (std::int64_t d = 0; d < D; ++d) {
        float v = m_convBias.defined() ? m_convBias.data()[d] : 0.0f;
        for (std::int64_t k = 0; k + 1 < K; ++k)
            v += w[d * K + k] * window[k * D + d];
        v += w[d * K + K - 1] * now[d];
        u[d] = rowops::silu(v);
    }
    if (K > 1) {
        std::copy(window + D, window + (K - 1) * D, window);
        std::copy(now, now + D, window + (K - 2) * D);
    }
    rowops::matVec(m_xProj, u.data(), ssm.data());
    rowops::matVec(m_dtProj, ssm.data(), deltaRaw.data(), m_dtBias); // over the first R values
    selectiveScanStep(u.data(), deltaRaw.data(), m_aLog, ssm.data() + R, ssm.data() + R + N, m_skip, state.ssm.data(),
                      y.data());
    for (std::int64_t d = 0; d < D; ++d)
        y[d] *= rowops::silu(projected[D + d]);
    rowops::matVec(m_outProj, y.data(), out, m_outBias);
}

} // namespace lm
