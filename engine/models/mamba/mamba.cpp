// Mamba language model (models/mamba/mamba.h).
// Legend: B = batch, T = time, H = width, D = inner channels, N = state size, K = kernel width,
// R = Δ's rank, V = vocab, L = layers.
#include "models/mamba/mamba.h"

#include "core/init.h"
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/rng.h"
#include "core/tape.h"
#include "models/mamba/mambaops.h"
#include "models/rowops.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace lm {

class MambaLanguageModel final : public LanguageModel {
public:
    MambaLanguageModel(const MambaConfig &config, Rng &rng);

    std::string arch() const override { return MambaConfig::arch(); }
    nlohmann::json config() const override { return m_config.toJson(); }
    int vocabSize() const override { return m_config.vocabSize; }
    ParameterList parameters() const override;

    Tensor loss(const TokenBatch &batch) override;
    Tensor nextTokenLogits(const std::vector<std::int32_t> &context) override;
    Tensor sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace = nullptr) override;
    void resetState() override { dropState(); }

private:
    struct Block {
        Tensor norm;                    // (H)
        Tensor inProj, inBias;          // (2D, H), (2D) with use_bias
        Tensor conv, convBias;          // (D, 1, K), (D) with use_conv_bias
        Tensor xProj;                   // (R + 2N, D)
        Tensor dtProj, dtBias;          // (D, R), (D)
        Tensor aLog, skip;              // (D, N), (D)
        Tensor outProj, outBias;        // (H, D), (H) with use_bias
    };
    // The recurrent form's state of one layer (Tensors: the memory meter counts them).
    struct LayerState {
        Tensor window; // (K − 1, D): the last convolution inputs, oldest first
        Tensor ssm;    // (D, N)
    };

    Tensor forward(const std::vector<std::int32_t> &ids, std::int64_t B, std::int64_t T, Trace *trace);
    void step(std::int32_t id, float *logits);
    void checkIds(const std::vector<std::int32_t> &ids, const char *who) const;
    void dropState();

    MambaConfig m_config;
    Tensor m_embedding; // (V, H)
    std::vector<Block> m_blocks;
    Tensor m_finalNorm; // (H)
    Tensor m_head;      // (V, H), untied only

    std::vector<std::int32_t> m_stateContext;
    std::vector<LayerState> m_state;
    Tensor m_stateLogits; // (V)
};

MambaLanguageModel::MambaLanguageModel(const MambaConfig &config, Rng &rng) : m_config(config)
{
    if (const std::string bad = config.validate(); !bad.empty())
        throw std::invalid_argument("MambaLanguageModel: " + bad);
    const int H = config.dim, D = config.innerDim(), N = config.stateSize, K = config.convKernel,
              R = config.resolvedDtRank(), V = config.vocabSize, L = config.layers;
    m_config.dtRank = R;
    constexpr float stddev = 0.02f;
    auto normal = [&](Shape shape, float sd) {
        Tensor w = Tensor::zeros(shape, true);
        initNormal(w, 0.0f, sd, rng);
        return w;
    };
    auto uniform = [&](Shape shape, float bound) {
        Tensor w = Tensor::zeros(shape, true);
        initUniform(w, bound, rng);
        return w;
    };
    m_embedding = normal({V, H}, stddev);
    for (int l = 0; l < L; ++l) {
        Block b;
        b.norm = Tensor::full({H}, 1.0f, true);
        b.inProj = normal({2 * D, H}, stddev);
        if (config.projBias)
            b.inBias = Tensor::zeros({2 * D}, true);
        b.conv = uniform({D, 1, K}, 1.0f / std::sqrt(float(K)));
        if (config.convBias)
            b.convBias = uniform({D}, 1.0f / std::sqrt(float(K)));
        b.xProj = normal({R + 2 * N, D}, stddev);
        b.dtProj = uniform({D, R}, 1.0f / std::sqrt(float(R)));
        b.dtBias = Tensor::zeros({D}, true);
        for (int d = 0; d < D; ++d) { // softplus(bias) = a step size log-uniform in [0.001, 0.1]
            const float dt = std::exp(rng.uniform(std::log(0.001f), std::log(0.1f)));
            b.dtBias.data()[d] = dt + std::log(-std::expm1(-dt));
        }
        b.aLog = Tensor::zeros({D, N}, true);
        for (int d = 0; d < D; ++d)
            for (int n = 0; n < N; ++n)
                b.aLog.data()[d * N + n] = std::log(float(n + 1));
        b.skip = Tensor::full({D}, 1.0f, true);
        b.outProj = normal({H, D}, stddev / std::sqrt(float(L)));
        if (config.projBias)
            b.outBias = Tensor::zeros({H}, true);
        m_blocks.push_back(std::move(b));
    }
    m_finalNorm = Tensor::full({H}, 1.0f, true);
    if (!config.tiedHead)
        m_head = normal({V, H}, stddev);
}

ParameterList MambaLanguageModel::parameters() const
{
    ParameterList p;
    auto add = [&](const std::string &name, const Tensor &t) {
        if (t.defined())
            p.push_back({name, t});
    };
    add("backbone.embeddings.weight", m_embedding);
    for (std::size_t l = 0; l < m_blocks.size(); ++l) {
        const Block &b = m_blocks[l];
        const std::string h = "backbone.layers." + std::to_string(l) + ".";
        add(h + "norm.weight", b.norm);
        add(h + "mixer.A_log", b.aLog);
        add(h + "mixer.D", b.skip);
        add(h + "mixer.conv1d.weight", b.conv);
        add(h + "mixer.conv1d.bias", b.convBias);
        add(h + "mixer.in_proj.weight", b.inProj);
        add(h + "mixer.in_proj.bias", b.inBias);
        add(h + "mixer.x_proj.weight", b.xProj);
        add(h + "mixer.dt_proj.weight", b.dtProj);
        add(h + "mixer.dt_proj.bias", b.dtBias);
        add(h + "mixer.out_proj.weight", b.outProj);
        add(h + "mixer.out_proj.bias", b.outBias);
    }
    add("backbone.norm_f.weight", m_finalNorm);
    add("lm_head.weight", m_head);
    return p;
}

Tensor MambaLanguageModel::forward(const std::vector<std::int32_t> &ids, std::int64_t B, std::int64_t T, Trace *trace)
{
    const std::int64_t D = m_config.innerDim(), N = m_config.stateSize, R = m_config.dtRank;
    Tensor x = embedding(m_embedding, ids, {B, T}); // (B, T, H)
    for (std::size_t l = 0; l < m_blocks.size(); ++l) {
        const Block &b = m_blocks[l];
        Tensor projected = linear(rmsNorm(x, b.norm, m_config.normEps), b.inProj, b.inBias); // (B, T, 2D)
        Tensor u = silu(causalDepthwiseConv(slice(projected, 2, 0, D), b.conv, b.convBias));  // (B, T, D)
        Tensor z = slice(projected, 2, D, 2 * D);
        Tensor ssm = linear(u, b.xProj);                                                     // (B, T, R + 2N)
        Tensor deltaRaw = linear(slice(ssm, 2, 0, R), b.dtProj, b.dtBias);                   // (B, T, D)
        Tensor bm = slice(ssm, 2, R, R + N), cm = slice(ssm, 2, R + N, R + 2 * N);          // (B, T, N)
        Tensor y = selectiveScan(u, deltaRaw, b.aLog, bm, cm, b.skip);                      // (B, T, D)
        if (trace) {
            const std::string name = "layer" + std::to_string(l) + ".";
            trace->put(name + "forward.hidden", static_cast<int>(T), static_cast<int>(D), y.data());
            const std::vector<float> alpha = scanImplicitAttention(deltaRaw, b.aLog, bm, cm, 0, D); // (D, T, T)
            std::vector<float> mean(static_cast<std::size_t>(T * T), 0.0f);
            for (std::int64_t d = 0; d < D; ++d)
                for (std::int64_t i = 0; i < T * T; ++i)
                    mean[static_cast<std::size_t>(i)] += std::abs(alpha[static_cast<std::size_t>(d * T * T + i)]) / D;
            trace->put(name + "ssm.attention", static_cast<int>(T), static_cast<int>(T), mean.data());
        }
        x = add(x, linear(mul(y, silu(z)), b.outProj, b.outBias));
    }
    x = rmsNorm(x, m_finalNorm, m_config.normEps);
    return m_head.defined() ? linear(x, m_head) : matmul(x, m_embedding, true); // (B, T, V)
}

void MambaLanguageModel::step(std::int32_t id, float *logits)
{
    const std::int64_t H = m_config.dim, D = m_config.innerDim(), N = m_config.stateSize, K = m_config.convKernel,
                       R = m_config.dtRank;
    std::vector<float> x(m_embedding.data() + id * H, m_embedding.data() + (id + 1) * H);
    std::vector<float> h(H), projected(2 * D), u(D), ssm(R + 2 * N), deltaRaw(D), y(D), out(H);
    for (std::size_t l = 0; l < m_blocks.size(); ++l) {
        const Block &b = m_blocks[l];
        LayerState &st = m_state[l];
        rowops::rmsNorm(x.data(), b.norm, m_config.normEps, h.data(), H);
        rowops::matVec(b.inProj, h.data(), projected.data(), b.inBias);
        // The convolution over the window and the new input, then the window slides by one.
        float *window = st.window.data(); // (K − 1, D)
        const float *w = b.conv.data(), *now = projected.data();
        for (std::int64_t d = 0; d < D; ++d) {
            float v = b.convBias.defined() ? b.convBias.data()[d] : 0.0f;
            for (std::int64_t k = 0; k + 1 < K; ++k)
                v += w[d * K + k] * window[k * D + d];
            v += w[d * K + K - 1] * now[d];
            u[d] = rowops::silu(v);
        }
        if (K > 1) {
            std::copy(window + D, window + (K - 1) * D, window);
            std::copy(now, now + D, window + (K - 2) * D);
        }
        rowops::matVec(b.xProj, u.data(), ssm.data());
        // dt_proj over the first R values of ssm: a (D, R) matrix times them, plus its bias.
        rowops::matVec(b.dtProj, ssm.data(), deltaRaw.data(), b.dtBias);
        selectiveScanStep(u.data(), deltaRaw.data(), b.aLog, ssm.data() + R, ssm.data() + R + N, b.skip, st.ssm.data(),
                          y.data());
        for (std::int64_t d = 0; d < D; ++d)
            y[d] *= rowops::silu(projected[D + d]);
        rowops::matVec(b.outProj, y.data(), out.data(), b.outBias);
        for (std::int64_t c = 0; c < H; ++c)
            x[c] += out[c];
    }
    rowops::rmsNorm(x.data(), m_finalNorm, m_config.normEps, x.data(), H);
    rowops::matVec(m_head.defined() ? m_head : m_embedding, x.data(), logits);
}

void MambaLanguageModel::checkIds(const std::vector<std::int32_t> &ids, const char *who) const
{
    for (std::int32_t id : ids)
        if (id < 0 || id >= m_config.vocabSize)
            throw std::invalid_argument(std::string(who) + ": token id " + std::to_string(id) + " outside [0, " +
                                        std::to_string(m_config.vocabSize) + ")");
}

void MambaLanguageModel::dropState()
{
    m_stateContext.clear();
    m_state.clear();
    m_stateLogits = Tensor();
}

Tensor MambaLanguageModel::loss(const TokenBatch &batch)
{
    const int B = batch.batch, T = batch.time;
    if (B < 1 || T < 1 || batch.inputs.size() != static_cast<std::size_t>(B) * T ||
        batch.targets.size() != batch.inputs.size())
        throw std::invalid_argument("MambaLanguageModel::loss: batch sizes do not match (B, T) = (" + std::to_string(B) +
                                    ", " + std::to_string(T) + ")");
    checkIds(batch.inputs, "MambaLanguageModel::loss");
    dropState(); // the weights are about to change
    Tensor logits = forward(batch.inputs, B, T, nullptr);
    return crossEntropy(reshape(logits, {static_cast<std::int64_t>(B) * T, m_config.vocabSize}), batch.targets);
}

Tensor MambaLanguageModel::nextTokenLogits(const std::vector<std::int32_t> &context)
{
    NoGradScope noGrad;
    const int V = m_config.vocabSize;
    if (context.empty())
        return Tensor::zeros({V}); // nothing to condition on: a uniform distribution
    checkIds(context, "MambaLanguageModel::nextTokenLogits");
    const bool extends = !m_stateContext.empty() && context.size() >= m_stateContext.size() &&
                         std::equal(m_stateContext.begin(), m_stateContext.end(), context.begin());
    if (!extends) {
        dropState();
        m_state.resize(m_blocks.size());
        for (LayerState &s : m_state) {
            s.window = Tensor::zeros({std::max(0, m_config.convKernel - 1), m_config.innerDim()});
            s.ssm = Tensor::zeros({m_config.innerDim(), m_config.stateSize});
        }
        m_stateLogits = Tensor::zeros({V});
    }
    for (std::size_t i = extends ? m_stateContext.size() : 0; i < context.size(); ++i) {
        step(context[i], m_stateLogits.data());
        m_stateContext.push_back(context[i]);
    }
    return m_stateLogits.clone();
}

Tensor MambaLanguageModel::sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace)
{
    if (ids.empty())
        throw std::invalid_argument("MambaLanguageModel::sequenceLogits: no tokens");
    checkIds(ids, "MambaLanguageModel::sequenceLogits");
    const auto T = static_cast<std::int64_t>(ids.size());
    return reshape(forward(ids, 1, T, trace), {T, m_config.vocabSize}); // (T, V)
}

std::unique_ptr<LanguageModel> makeMamba(const MambaConfig &config, Rng &rng)
{
    return std::make_unique<MambaLanguageModel>(config, rng);
}

} // namespace lm
