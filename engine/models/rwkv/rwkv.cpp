// RWKV-4 language model (models/rwkv/rwkv.h).
// Legend: B = batch, T = time, C = width, A = time-mix width, F = channel-mix width, V = vocab,
// L = layers.
#include "models/rwkv/rwkv.h"

#include "core/init.h"
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/rng.h"
#include "core/tape.h"
#include "models/rowops.h"
#include "models/stepwisemodel.h"
#include "models/rwkv/wkv.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace lm {

namespace {

// The token shift: s[b][t] = x[b][t − 1], s[b][0] = 0. (B, T, C) -> (B, T, C).
Tensor shiftOneToken(const Tensor &x)
{
    const std::int64_t B = x.size(0), T = x.size(1), C = x.size(2);
    const bool record = detail::shouldRecord({&x});
    Tensor s = Tensor::zeros(x.shape(), record);
    for (std::int64_t b = 0; b < B; ++b)
        std::copy_n(x.data() + b * T * C, (T - 1) * C, s.data() + (b * T + 1) * C);
    if (record)
        Tape::active()->push([x, s, B, T, C]() {
            if (!s.hasGrad())
                return;
            float *dx = x.grad();
            const float *ds = s.gradOrNull();
            for (std::int64_t b = 0; b < B; ++b)
                for (std::int64_t i = 0; i < (T - 1) * C; ++i)
                    dx[b * T * C + i] += ds[(b * T + 1) * C + i];
        });
    return s;
}

// The learned interpolation between a token and the one before it: h μ + s (1 − μ).
// h, s: (B, T, C); mu: (1, 1, C) -> (B, T, C).
Tensor mixWithPrevious(const Tensor &h, const Tensor &s, const Tensor &mu)
{
    const std::int64_t C = h.size(-1), rows = h.numel() / C;
    const bool record = detail::shouldRecord({&h, &s, &mu});
    Tensor out = Tensor::zeros(h.shape(), record);
    const float *hd = h.data(), *sd = s.data(), *m = mu.data();
    float *o = out.data();
    for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t c = 0; c < C; ++c)
            o[r * C + c] = sd[r * C + c] + (hd[r * C + c] - sd[r * C + c]) * m[c];
    if (record)
        Tape::active()->push([h, s, mu, out, rows, C]() {
            if (!out.hasGrad())
                return;
            const float *g = out.gradOrNull(), *hd = h.data(), *sd = s.data(), *m = mu.data();
            float *dh = h.requiresGrad() ? h.grad() : nullptr, *ds = s.requiresGrad() ? s.grad() : nullptr;
            float *dm = mu.requiresGrad() ? mu.grad() : nullptr;
            for (std::int64_t r = 0; r < rows; ++r)
                for (std::int64_t c = 0; c < C; ++c) {
                    const float gi = g[r * C + c];
                    if (dh)
                        dh[r * C + c] += gi * m[c];
                    if (ds)
                        ds[r * C + c] += gi * (1.0f - m[c]);
                    if (dm)
                        dm[c] += gi * (hd[r * C + c] - sd[r * C + c]);
                }
        });
    return out;
}

} // namespace

class RwkvLanguageModel final : public StepwiseLanguageModel {
public:
    RwkvLanguageModel(const RwkvConfig &config, Rng &rng);

    std::string arch() const override { return RwkvConfig::arch(); }
    nlohmann::json config() const override { return m_config.toJson(); }
    int vocabSize() const override { return m_config.vocabSize; }
    ParameterList parameters() const override;

    Tensor loss(const TokenBatch &batch) override;
    Tensor sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace = nullptr) override;

private:
    struct Norm {
        Tensor weight, bias; // (C)
    };
    struct Block {
        Norm preNorm; // layer 0 only
        Norm norm1, norm2;
        Tensor timeDecay, timeFirst;              // (A)
        Tensor mixKey, mixValue, mixReceptance;   // (1, 1, C)
        Tensor key, value, receptance, output;    // (A, C) ×3, (C, A)
        Tensor ffnMixKey, ffnMixReceptance;       // (1, 1, C)
        Tensor ffnKey, ffnReceptance, ffnValue;   // (F, C), (C, C), (C, F)
    };
    // The recurrent form's state of one layer after the tokens so far (Tensors: the memory
    // meter counts them).
    struct LayerState {
        WkvState wkv;
        Tensor lastMix, lastFfn; // LN1 and LN2 of the last token (C)
    };

    Tensor maybeDropout(const Tensor &x, bool training);
    // ids (B·T) -> logits (B, T, V), the parallel form.
    Tensor forward(const std::vector<std::int32_t> &ids, std::int64_t B, std::int64_t T, bool training, Trace *trace);
    void startState() override;
    void releaseState() override { m_state.clear(); }
    void step(std::int32_t id, float *logits) override;

    RwkvConfig m_config;
    Tensor m_embedding; // (V, C)
    std::vector<Block> m_blocks;
    Norm m_finalNorm;
    Tensor m_head; // (V, C), untied only
    Rng m_dropoutRng;

    std::vector<LayerState> m_state; // the recurrent form's, per layer
};

RwkvLanguageModel::RwkvLanguageModel(const RwkvConfig &config, Rng &rng) : m_config(config), m_dropoutRng(rng.next())
{
    if (const std::string bad = config.validate(); !bad.empty())
        throw std::invalid_argument("RwkvLanguageModel: " + bad);
    const int C = config.dim, A = config.resolvedAttentionDim(), F = config.resolvedFfnHidden(), V = config.vocabSize,
              L = config.layers;
    m_config.attentionDim = A;
    m_config.ffnHidden = F;
    constexpr float stddev = 0.02f;
    const float residual = stddev / std::sqrt(2.0f * static_cast<float>(L));
    auto norm = [C] { return Norm{Tensor::full({C}, 1.0f, true), Tensor::zeros({C}, true)}; };
    auto matrix = [&](int out, int in, float sd) {
        Tensor w = Tensor::zeros({out, in}, true);
        initNormal(w, 0.0f, sd, rng);
        return w;
    };
    m_embedding = matrix(V, C, stddev);
    for (int l = 0; l < L; ++l) {
        Block b;
        if (l == 0)
            b.preNorm = norm();
        b.norm1 = norm();
        b.norm2 = norm();
        // RWKV-4's schedule: ratio01 grows from 0 (first layer) to 1 (last), ratio10 falls from 1.
        const double ratio01 = L > 1 ? double(l) / (L - 1) : 0.0, ratio10 = 1.0 - double(l) / L;
        b.timeDecay = Tensor::zeros({A}, true);
        b.timeFirst = Tensor::zeros({A}, true);
        for (int a = 0; a < A; ++a) {
            const double h = A > 1 ? double(a) / (A - 1) : 0.0;
            b.timeDecay.data()[a] = static_cast<float>(-5.0 + 8.0 * std::pow(h, 0.7 + 1.3 * ratio01));
            b.timeFirst.data()[a] = static_cast<float>(std::log(0.3) + 0.5 * ((a + 1) % 3 - 1));
        }
        auto ratio = [&](double power, double plus) {
            Tensor m = Tensor::zeros({1, 1, C}, true);
            for (int c = 0; c < C; ++c)
                m.data()[c] = static_cast<float>(std::min(1.0, std::pow(double(c) / C, power) + plus));
            return m;
        };
        b.mixKey = ratio(ratio10, 0.0);
        b.mixValue = ratio(ratio10, 0.3 * ratio01);
        b.mixReceptance = ratio(0.5 * ratio10, 0.0);
        b.key = matrix(A, C, stddev);
        b.value = matrix(A, C, stddev);
        b.receptance = matrix(A, C, stddev);
        b.output = matrix(C, A, residual);
        b.ffnMixKey = ratio(ratio10, 0.0);
        b.ffnMixReceptance = ratio(ratio10, 0.0);
        b.ffnKey = matrix(F, C, stddev);
        b.ffnReceptance = matrix(C, C, stddev);
        b.ffnValue = matrix(C, F, residual);
        m_blocks.push_back(std::move(b));
    }
    m_finalNorm = norm();
    if (!config.tiedHead)
        m_head = matrix(V, C, stddev);
}

ParameterList RwkvLanguageModel::parameters() const
{
    ParameterList p;
    auto addNorm = [&](const std::string &name, const Norm &n) {
        p.push_back({name + ".weight", n.weight});
        p.push_back({name + ".bias", n.bias});
    };
    p.push_back({"rwkv.embeddings.weight", m_embedding});
    for (std::size_t l = 0; l < m_blocks.size(); ++l) {
        const Block &b = m_blocks[l];
        const std::string h = "rwkv.blocks." + std::to_string(l) + ".";
        if (l == 0)
            addNorm(h + "pre_ln", b.preNorm);
        addNorm(h + "ln1", b.norm1);
        addNorm(h + "ln2", b.norm2);
        p.push_back({h + "attention.time_decay", b.timeDecay});
        p.push_back({h + "attention.time_first", b.timeFirst});
        p.push_back({h + "attention.time_mix_key", b.mixKey});
        p.push_back({h + "attention.time_mix_value", b.mixValue});
        p.push_back({h + "attention.time_mix_receptance", b.mixReceptance});
        p.push_back({h + "attention.key.weight", b.key});
        p.push_back({h + "attention.value.weight", b.value});
        p.push_back({h + "attention.receptance.weight", b.receptance});
        p.push_back({h + "attention.output.weight", b.output});
        p.push_back({h + "feed_forward.time_mix_key", b.ffnMixKey});
        p.push_back({h + "feed_forward.time_mix_receptance", b.ffnMixReceptance});
        p.push_back({h + "feed_forward.key.weight", b.ffnKey});
        p.push_back({h + "feed_forward.receptance.weight", b.ffnReceptance});
        p.push_back({h + "feed_forward.value.weight", b.ffnValue});
    }
    addNorm("rwkv.ln_out", m_finalNorm);
    if (m_head.defined())
        p.push_back({"head.weight", m_head});
    return p;
}

Tensor RwkvLanguageModel::maybeDropout(const Tensor &x, bool training)
{
    if (!training || m_config.dropout <= 0.0f)
        return x;
    return dropout(x, m_config.dropout, m_dropoutRng, true);
}

Tensor RwkvLanguageModel::forward(const std::vector<std::int32_t> &ids, std::int64_t B, std::int64_t T, bool training,
                                  Trace *trace)
{
    const float eps = m_config.normEps;
    Tensor x = embedding(m_embedding, ids, {B, T}); // (B, T, C)
    for (std::size_t l = 0; l < m_blocks.size(); ++l) {
        const Block &b = m_blocks[l];
        if (l == 0)
            x = layerNorm(x, b.preNorm.weight, b.preNorm.bias, eps);
        // Time-mix.
        Tensor h = layerNorm(x, b.norm1.weight, b.norm1.bias, eps);
        Tensor s = shiftOneToken(h);
        Tensor k = linear(mixWithPrevious(h, s, b.mixKey), b.key);               // (B, T, A)
        Tensor v = linear(mixWithPrevious(h, s, b.mixValue), b.value);           // (B, T, A)
        Tensor r = sigmoid(linear(mixWithPrevious(h, s, b.mixReceptance), b.receptance));
        Tensor y = wkv(k, v, b.timeDecay, b.timeFirst);                          // (B, T, A)
        if (trace) {
            const std::string name = "layer" + std::to_string(l) + ".";
            const int rows = static_cast<int>(T), A = static_cast<int>(k.size(2));
            trace->put(name + "forward.hidden", rows, A, y.data());
            trace->put(name + "wkv.k", rows, A, k.data());
            const Tensor k0 = Tensor::fromVector({T, A}, std::vector<float>(k.data(), k.data() + T * A));
            const std::vector<float> weights = wkvWeights(k0, b.timeDecay, b.timeFirst); // (A, T, T)
            std::vector<float> mean(static_cast<std::size_t>(T * T), 0.0f);
            for (int a = 0; a < A; ++a)
                for (std::int64_t i = 0; i < T * T; ++i)
                    mean[static_cast<std::size_t>(i)] += weights[static_cast<std::size_t>(a * T * T + i)] / A;
            trace->put(name + "implicit.attention", rows, rows, mean.data());
        }
        x = add(x, maybeDropout(linear(mul(r, y), b.output), training));
        // Channel-mix.
        h = layerNorm(x, b.norm2.weight, b.norm2.bias, eps);
        s = shiftOneToken(h);
        Tensor key = relu(linear(mixWithPrevious(h, s, b.ffnMixKey), b.ffnKey)); // (B, T, F)
        Tensor gate = sigmoid(linear(mixWithPrevious(h, s, b.ffnMixReceptance), b.ffnReceptance));
        x = add(x, maybeDropout(mul(gate, linear(mul(key, key), b.ffnValue)), training));
    }
    x = layerNorm(x, m_finalNorm.weight, m_finalNorm.bias, eps);
    return m_head.defined() ? linear(x, m_head) : matmul(x, m_embedding, true); // (B, T, V)
}

void RwkvLanguageModel::step(std::int32_t id, float *logits)
{
    const std::int64_t C = m_config.dim, A = m_config.attentionDim, F = m_config.ffnHidden;
    const float eps = m_config.normEps;
    std::vector<float> x(m_embedding.data() + id * C, m_embedding.data() + (id + 1) * C);
    std::vector<float> h(C), mixed(C), k(A), v(A), r(A), y(A), out(C), key(F), gate(C);
    auto mix = [&](const std::vector<float> &now, const Tensor &before, const Tensor &mu) {
        for (std::int64_t c = 0; c < C; ++c)
            mixed[c] = before.data()[c] + (now[c] - before.data()[c]) * mu.data()[c];
        return mixed.data();
    };
    for (std::size_t l = 0; l < m_blocks.size(); ++l) {
        const Block &b = m_blocks[l];
        LayerState &st = m_state[l];
        if (l == 0)
            rowops::layerNorm(x.data(), b.preNorm.weight, b.preNorm.bias, eps, x.data(), C);
        rowops::layerNorm(x.data(), b.norm1.weight, b.norm1.bias, eps, h.data(), C);
        rowops::matVec(b.key, mix(h, st.lastMix, b.mixKey), k.data());
        rowops::matVec(b.value, mix(h, st.lastMix, b.mixValue), v.data());
        rowops::matVec(b.receptance, mix(h, st.lastMix, b.mixReceptance), r.data());
        std::vector<float> decay(static_cast<std::size_t>(A));
        for (std::int64_t a = 0; a < A; ++a)
            decay[a] = -std::exp(b.timeDecay.data()[a]);
        wkvStep(k.data(), v.data(), decay.data(), b.timeFirst.data(), st.wkv, y.data());
        for (std::int64_t a = 0; a < A; ++a)
            y[a] *= rowops::sigmoid(r[a]);
        rowops::matVec(b.output, y.data(), out.data());
        for (std::int64_t c = 0; c < C; ++c)
            x[c] += out[c];
        std::copy(h.begin(), h.end(), st.lastMix.data());
        rowops::layerNorm(x.data(), b.norm2.weight, b.norm2.bias, eps, h.data(), C);
        rowops::matVec(b.ffnKey, mix(h, st.lastFfn, b.ffnMixKey), key.data());
        for (float &e : key)
            e = e > 0.0f ? e * e : 0.0f;
        rowops::matVec(b.ffnReceptance, mix(h, st.lastFfn, b.ffnMixReceptance), gate.data());
        rowops::matVec(b.ffnValue, key.data(), out.data());
        for (std::int64_t c = 0; c < C; ++c)
            x[c] += rowops::sigmoid(gate[c]) * out[c];
        std::copy(h.begin(), h.end(), st.lastFfn.data());
    }
    rowops::layerNorm(x.data(), m_finalNorm.weight, m_finalNorm.bias, eps, x.data(), C);
    rowops::matVec(m_head.defined() ? m_head : m_embedding, x.data(), logits);
}

Tensor RwkvLanguageModel::loss(const TokenBatch &batch)
{
    checkBatch(batch, "RwkvLanguageModel::loss");
    const int B = batch.batch, T = batch.time;
    dropState(); // the weights are about to change
    Tensor logits = forward(batch.inputs, B, T, true, nullptr);
    return crossEntropy(reshape(logits, {static_cast<std::int64_t>(B) * T, m_config.vocabSize}), batch.targets);
}

void RwkvLanguageModel::startState()
{
    m_state.resize(m_blocks.size());
    for (LayerState &s : m_state) {
        s.wkv = WkvState(m_config.attentionDim);
        s.lastMix = Tensor::zeros({m_config.dim});
        s.lastFfn = Tensor::zeros({m_config.dim});
    }
}

Tensor RwkvLanguageModel::sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace)
{
    if (ids.empty())
        throw std::invalid_argument("RwkvLanguageModel::sequenceLogits: no tokens");
    checkIds(ids, "RwkvLanguageModel::sequenceLogits");
    const auto T = static_cast<std::int64_t>(ids.size());
    return reshape(forward(ids, 1, T, false, trace), {T, m_config.vocabSize}); // (T, V)
}

std::unique_ptr<LanguageModel> makeRwkv(const RwkvConfig &config, Rng &rng)
{
    return std::make_unique<RwkvLanguageModel>(config, rng);
}

} // namespace lm
