// Mamba language model (models/mamba/mamba.h).
// Legend: B = batch, T = time, H = width, D = inner channels, N = state size, K = kernel width,
// R = Δ's rank, V = vocab, L = layers.
#include "models/mamba/mamba.h"

#include "core/init.h"
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/rng.h"
#include "core/tape.h"
#include "models/mamba/mambamixer.h"
#include "models/rowops.h"
#include "models/stepwisemodel.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace lm {

class MambaLanguageModel final : public StepwiseLanguageModel {
public:
    MambaLanguageModel(const MambaConfig &config, Rng &rng);

    std::string arch() const override { return MambaConfig::arch(); }
    nlohmann::json config() const override { return m_config.toJson(); }
    int vocabSize() const override { return m_config.vocabSize; }
    ParameterList parameters() const override;

    Tensor loss(const TokenBatch &batch) override;
    Tensor sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace = nullptr) override;
    // Layer `layer`'s implicit attention for `ids`: (D, T, T).
    Result<std::vector<float>> implicitAttention(const std::vector<std::int32_t> &ids, int layer);

private:
    struct Block {
        Tensor norm; // (H)
        MambaMixer mixer;
    };

    Tensor forward(const std::vector<std::int32_t> &ids, std::int64_t B, std::int64_t T, Trace *trace);
    void startState() override;
    void releaseState() override { m_state.clear(); }
    void step(std::int32_t id, float *logits) override;

    MambaConfig m_config;
    Tensor m_embedding; // (V, H)
    std::vector<Block> m_blocks;
    Tensor m_finalNorm; // (H)
    Tensor m_head;      // (V, H), untied only

    std::vector<MambaMixer::State> m_state; // the recurrent form's, per layer
};

MambaLanguageModel::MambaLanguageModel(const MambaConfig &config, Rng &rng) : m_config(config)
{
    if (const std::string bad = config.validate(); !bad.empty())
        throw std::invalid_argument("MambaLanguageModel: " + bad);
    const int H = config.dim, V = config.vocabSize, L = config.layers;
    m_config.dtRank = config.resolvedDtRank();
    const MambaMixerShape shape{H, config.innerDim(), config.stateSize, config.convKernel, m_config.dtRank,
                                config.projBias, config.convBias};
    constexpr float stddev = 0.02f;
    m_embedding = Tensor::zeros({V, H}, true);
    initNormal(m_embedding, 0.0f, stddev, rng);
    for (int l = 0; l < L; ++l)
        m_blocks.push_back(Block{Tensor::full({H}, 1.0f, true), MambaMixer(shape, L, rng)});
    m_finalNorm = Tensor::full({H}, 1.0f, true);
    if (!config.tiedHead) {
        m_head = Tensor::zeros({V, H}, true);
        initNormal(m_head, 0.0f, stddev, rng);
    }
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
        b.mixer.addParameters(p, h + "mixer.");
    }
    add("backbone.norm_f.weight", m_finalNorm);
    add("lm_head.weight", m_head);
    return p;
}

Tensor MambaLanguageModel::forward(const std::vector<std::int32_t> &ids, std::int64_t B, std::int64_t T, Trace *trace)
{
    Tensor x = embedding(m_embedding, ids, {B, T}); // (B, T, H)
    for (std::size_t l = 0; l < m_blocks.size(); ++l) {
        const Block &b = m_blocks[l];
        x = add(x, b.mixer.forward(rmsNorm(x, b.norm, m_config.normEps), trace, "layer" + std::to_string(l) + "."));
    }
    x = rmsNorm(x, m_finalNorm, m_config.normEps);
    return m_head.defined() ? linear(x, m_head) : matmul(x, m_embedding, true); // (B, T, V)
}

void MambaLanguageModel::step(std::int32_t id, float *logits)
{
    const std::int64_t H = m_config.dim;
    std::vector<float> x(m_embedding.data() + id * H, m_embedding.data() + (id + 1) * H), h(H), out(H);
    for (std::size_t l = 0; l < m_blocks.size(); ++l) {
        rowops::rmsNorm(x.data(), m_blocks[l].norm, m_config.normEps, h.data(), H);
        m_blocks[l].mixer.step(h.data(), m_state[l], out.data());
        for (std::int64_t c = 0; c < H; ++c)
            x[c] += out[c];
    }
    rowops::rmsNorm(x.data(), m_finalNorm, m_config.normEps, x.data(), H);
    rowops::matVec(m_head.defined() ? m_head : m_embedding, x.data(), logits);
}

Tensor MambaLanguageModel::loss(const TokenBatch &batch)
{
    checkBatch(batch, "MambaLanguageModel::loss");
    const int B = batch.batch, T = batch.time;
    dropState(); // the weights are about to change
    Tensor logits = forward(batch.inputs, B, T, nullptr);
    return crossEntropy(reshape(logits, {static_cast<std::int64_t>(B) * T, m_config.vocabSize}), batch.targets);
}

void MambaLanguageModel::startState()
{
    m_state.clear();
    for (const Block &b : m_blocks)
        m_state.push_back(b.mixer.startState());
}

Tensor MambaLanguageModel::sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace)
{
    if (ids.empty())
        throw std::invalid_argument("MambaLanguageModel::sequenceLogits: no tokens");
    checkIds(ids, "MambaLanguageModel::sequenceLogits");
    const auto T = static_cast<std::int64_t>(ids.size());
    return reshape(forward(ids, 1, T, trace), {T, m_config.vocabSize}); // (T, V)
}

Result<std::vector<float>> MambaLanguageModel::implicitAttention(const std::vector<std::int32_t> &ids, int layer)
{
    if (layer < 0 || layer >= static_cast<int>(m_blocks.size()))
        return makeError("layer " + std::to_string(layer) + " is outside the model's 0.." +
                         std::to_string(m_blocks.size() - 1));
    if (ids.empty())
        return makeError("no tokens");
    checkIds(ids, "MambaLanguageModel::implicitAttention");
    NoGradScope noGrad;
    Tensor x = embedding(m_embedding, ids, {1, static_cast<std::int64_t>(ids.size())}); // (1, T, H)
    for (int l = 0; l < layer; ++l)
        x = add(x, m_blocks[static_cast<std::size_t>(l)].mixer.forward(rmsNorm(x, m_blocks[static_cast<std::size_t>(l)].norm,
                                                                              m_config.normEps)));
    const Block &b = m_blocks[static_cast<std::size_t>(layer)];
    return b.mixer.implicitAttention(rmsNorm(x, b.norm, m_config.normEps));
}

Result<std::vector<float>> mambaImplicitAttention(LanguageModel &model, const std::vector<std::int32_t> &ids, int layer)
{
    auto *mamba = dynamic_cast<MambaLanguageModel *>(&model);
    if (!mamba)
        return makeError("a " + model.arch() + " model is not a mamba model");
    return mamba->implicitAttention(ids, layer);
}

std::unique_ptr<LanguageModel> makeMamba(const MambaConfig &config, Rng &rng)
{
    return std::make_unique<MambaLanguageModel>(config, rng);
}

} // namespace lm
