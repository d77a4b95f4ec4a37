// Jamba language model (models/jamba/jamba.h).
// Legend: B = batch, T = time, H = width, F = feed-forward width, E = experts, K = experts per
// token, Hq = query heads, Hkv = key/value heads, Dh = head dim, V = vocab, L = layers, M = B·T.
#include "models/jamba/jamba.h"

#include "core/init.h"
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/rng.h"
#include "core/tape.h"
#include "models/attention.h"
#include "models/jamba/moeops.h"
#include "models/mamba/mambamixer.h"
#include "models/rowops.h"
#include "models/stepwisemodel.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace lm {

namespace {

// The experts a token goes to: the K largest of its E probabilities, largest first.
std::vector<int> topExperts(const float *probs, int E, int K)
{
    std::vector<int> order(static_cast<std::size_t>(E));
    std::iota(order.begin(), order.end(), 0);
    std::partial_sort(order.begin(), order.begin() + K, order.end(),
                      [probs](int a, int b) { return probs[a] > probs[b] || (probs[a] == probs[b] && a < b); });
    order.resize(static_cast<std::size_t>(K));
    return order;
}

} // namespace

class JambaLanguageModel final : public StepwiseLanguageModel {
public:
    JambaLanguageModel(const JambaConfig &config, Rng &rng);

    std::string arch() const override { return JambaConfig::arch(); }
    nlohmann::json config() const override { return m_config.toJson(); }
    int vocabSize() const override { return m_config.vocabSize; }
    ParameterList parameters() const override;

    Tensor loss(const TokenBatch &batch) override;
    Tensor sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace = nullptr) override;

    const RoutingSummary &routing() const { return m_routing; }

private:
    struct Mlp {
        Tensor gate, up, down; // (F, H), (F, H), (H, F)
    };
    struct Block {
        Tensor inputNorm, ffNorm;   // (H)
        bool attends = false, routes = false;
        Tensor q, k, v, o;          // (H, H), (KV, H) ×2, (H, H)
        MambaMixer mamba;
        Mlp mlp;                    // the dense feed-forward
        Tensor router;              // (E, H)
        std::vector<Mlp> experts;
    };
    // What the forward collects for the load-balancing loss.
    struct Routed {
        std::vector<Tensor> meanProbs;   // per routing layer, (E), on the tape
        std::vector<double> choices;     // (E): (token, slot) choices per expert, all layers
        std::vector<std::vector<float>> load;
        std::int64_t tokens = 0;         // tokens routed, all layers
    };
    // Generation state of one layer.
    struct LayerState {
        MambaMixer::State mamba;
        Tensor keys, values;     // (cached, KV), attention layers
        std::int64_t cached = 0; // tokens read
    };

    Tensor mlpForward(const Mlp &m, const Tensor &x) const; // (…, H) -> (…, H)
    Tensor attend(int layer, const Block &b, const Tensor &h, Trace *trace) const;
    Tensor route(int layer, const Block &b, const Tensor &h, Routed &routed, Trace *trace) const;
    Tensor forward(const std::vector<std::int32_t> &ids, std::int64_t B, std::int64_t T, Routed &routed, Trace *trace);
    void startState() override;
    void releaseState() override { m_state.clear(); }
    void step(std::int32_t id, float *logits) override;
    void mlpStep(const Mlp &m, const float *h, float *out) const;
    void attendStep(const Block &b, LayerState &st, const float *h, float *out) const;

    JambaConfig m_config;
    Tensor m_embedding; // (V, H)
    std::vector<Block> m_blocks;
    Tensor m_finalNorm; // (H)
    Tensor m_head;      // (V, H), untied only
    RoutingSummary m_routing;
    std::vector<LayerState> m_state;
};

JambaLanguageModel::JambaLanguageModel(const JambaConfig &config, Rng &rng) : m_config(config)
{
    if (const std::string bad = config.validate(); !bad.empty())
        throw std::invalid_argument("JambaLanguageModel: " + bad);
    const int H = config.dim, V = config.vocabSize, L = config.layers, F = config.resolvedFfnHidden(),
              KV = config.resolvedKvHeads() * config.headDim(), E = config.experts;
    m_config.kvHeads = config.resolvedKvHeads();
    m_config.ffnHidden = F;
    m_config.dtRank = config.resolvedDtRank();
    constexpr float stddev = 0.02f;
    const float residual = stddev / std::sqrt(2.0f * static_cast<float>(L));
    auto normal = [&](int rows, int cols, float sd) {
        Tensor w = Tensor::zeros({rows, cols}, true);
        initNormal(w, 0.0f, sd, rng);
        return w;
    };
    auto mlp = [&] { return Mlp{normal(F, H, stddev), normal(F, H, stddev), normal(H, F, residual)}; };
    const MambaMixerShape shape{H, config.expand * H, config.stateSize, config.convKernel, m_config.dtRank, false, true};
    m_embedding = normal(V, H, stddev);
    for (int l = 0; l < L; ++l) {
        Block b;
        b.inputNorm = Tensor::full({H}, 1.0f, true);
        b.ffNorm = Tensor::full({H}, 1.0f, true);
        b.attends = config.attends(l);
        b.routes = config.routes(l);
        if (b.attends) {
            b.q = normal(H, H, stddev);
            b.k = normal(KV, H, stddev);
            b.v = normal(KV, H, stddev);
            b.o = normal(H, H, residual);
        } else {
            b.mamba = MambaMixer(shape, L, rng);
        }
        if (b.routes) {
            b.router = normal(E, H, stddev);
            for (int e = 0; e < E; ++e)
                b.experts.push_back(mlp());
        } else {
            b.mlp = mlp();
        }
        m_blocks.push_back(std::move(b));
    }
    m_finalNorm = Tensor::full({H}, 1.0f, true);
    if (!config.tiedHead)
        m_head = normal(V, H, stddev);
}

ParameterList JambaLanguageModel::parameters() const
{
    ParameterList p;
    auto addMlp = [&](const std::string &prefix, const Mlp &m) {
        p.push_back({prefix + "gate_proj.weight", m.gate});
        p.push_back({prefix + "up_proj.weight", m.up});
        p.push_back({prefix + "down_proj.weight", m.down});
    };
    p.push_back({"model.embed_tokens.weight", m_embedding});
    for (std::size_t l = 0; l < m_blocks.size(); ++l) {
        const Block &b = m_blocks[l];
        const std::string h = "model.layers." + std::to_string(l) + ".";
        p.push_back({h + "input_layernorm.weight", b.inputNorm});
        if (b.attends) {
            p.push_back({h + "self_attn.q_proj.weight", b.q});
            p.push_back({h + "self_attn.k_proj.weight", b.k});
            p.push_back({h + "self_attn.v_proj.weight", b.v});
            p.push_back({h + "self_attn.o_proj.weight", b.o});
        } else {
            b.mamba.addParameters(p, h + "mamba.");
        }
        p.push_back({h + "pre_ff_layernorm.weight", b.ffNorm});
        if (b.routes) {
            p.push_back({h + "feed_forward.router.weight", b.router});
            for (std::size_t e = 0; e < b.experts.size(); ++e)
                addMlp(h + "feed_forward.experts." + std::to_string(e) + ".", b.experts[e]);
        } else {
            addMlp(h + "feed_forward.", b.mlp);
        }
    }
    p.push_back({"model.final_layernorm.weight", m_finalNorm});
    if (m_head.defined())
        p.push_back({"lm_head.weight", m_head});
    return p;
}

Tensor JambaLanguageModel::mlpForward(const Mlp &m, const Tensor &x) const
{
    return linear(mul(silu(linear(x, m.gate)), linear(x, m.up)), m.down);
}

Tensor JambaLanguageModel::attend(int layer, const Block &b, const Tensor &h, Trace *trace) const
{
    const std::int64_t B = h.size(0), T = h.size(1), H = m_config.dim, Hq = m_config.heads, Hkv = m_config.kvHeads,
                       Dh = m_config.headDim();
    Tensor q = transpose(reshape(linear(h, b.q), {B, T, Hq, Dh}), 1, 2); // (B, Hq, T, Dh)
    Tensor k = transpose(reshape(linear(h, b.k), {B, T, Hkv, Dh}), 1, 2);
    Tensor v = transpose(reshape(linear(h, b.v), {B, T, Hkv, Dh}), 1, 2);
    AttentionOptions options;
    options.causal = true;
    options.trace = trace;
    options.tracePrefix = "layer" + std::to_string(layer) + ".";
    Tensor y = reshape(transpose(attention(q, k, v, options), 1, 2), {B, T, H});
    return linear(y, b.o);
}

Tensor JambaLanguageModel::route(int layer, const Block &b, const Tensor &h, Routed &routed, Trace *trace) const
{
    const std::int64_t B = h.size(0), T = h.size(1), H = m_config.dim, M = B * T;
    const int E = m_config.experts, K = m_config.expertsPerToken;
    Tensor flat = reshape(h, {M, H});
    Tensor probs = softmax(linear(flat, b.router)); // (M, E)
    std::vector<std::vector<std::int32_t>> rowsOf(static_cast<std::size_t>(E));
    std::vector<float> chosen(static_cast<std::size_t>(M * K));
    for (std::int64_t m = 0; m < M; ++m) {
        const std::vector<int> top = topExperts(probs.data() + m * E, E, K);
        for (int k = 0; k < K; ++k) {
            rowsOf[static_cast<std::size_t>(top[k])].push_back(static_cast<std::int32_t>(m));
            chosen[static_cast<std::size_t>(m * K + k)] = static_cast<float>(top[k]);
        }
    }
    Tensor out;
    std::vector<float> load(static_cast<std::size_t>(E));
    for (int e = 0; e < E; ++e) {
        const std::vector<std::int32_t> &rows = rowsOf[static_cast<std::size_t>(e)];
        routed.choices[static_cast<std::size_t>(e)] += static_cast<double>(rows.size());
        load[static_cast<std::size_t>(e)] = static_cast<float>(rows.size()) / static_cast<float>(M * K);
        if (rows.empty())
            continue;
        const auto n = static_cast<std::int64_t>(rows.size());
        Tensor y = mlpForward(b.experts[static_cast<std::size_t>(e)], embedding(flat, rows, {n})); // (n, H)
        Tensor weight = pickEntries(probs, rows, std::vector<std::int32_t>(rows.size(), e));      // (n, 1)
        Tensor placed = scatterAddRows(mul(y, weight), rows, M);                                   // (M, H)
        out = out.defined() ? add(out, placed) : placed;
    }
    routed.meanProbs.push_back(mean(probs, 0));
    routed.load.push_back(std::move(load));
    routed.tokens += M;
    if (trace) {
        const std::string name = "layer" + std::to_string(layer) + ".moe.";
        trace->put(name + "experts", static_cast<int>(T), K, chosen.data());
        trace->put(name + "probs", static_cast<int>(T), E, probs.data());
    }
    return reshape(out, {B, T, H});
}

Tensor JambaLanguageModel::forward(const std::vector<std::int32_t> &ids, std::int64_t B, std::int64_t T, Routed &routed,
                                   Trace *trace)
{
    routed.choices.assign(static_cast<std::size_t>(m_config.experts), 0.0);
    Tensor x = embedding(m_embedding, ids, {B, T}); // (B, T, H)
    for (std::size_t l = 0; l < m_blocks.size(); ++l) {
        const Block &b = m_blocks[l];
        const int layer = static_cast<int>(l);
        Tensor h = rmsNorm(x, b.inputNorm, m_config.normEps);
        x = add(x, b.attends ? attend(layer, b, h, trace) : b.mamba.forward(h, trace, "layer" + std::to_string(l) + "."));
        h = rmsNorm(x, b.ffNorm, m_config.normEps);
        x = add(x, b.routes ? route(layer, b, h, routed, trace) : mlpForward(b.mlp, h));
    }
    x = rmsNorm(x, m_finalNorm, m_config.normEps);
    return m_head.defined() ? linear(x, m_head) : matmul(x, m_embedding, true); // (B, T, V)
}

Tensor JambaLanguageModel::loss(const TokenBatch &batch)
{
    checkBatch(batch, "JambaLanguageModel::loss");
    dropState(); // the weights are about to change
    const int B = batch.batch, T = batch.time;
    Routed routed;
    Tensor logits = forward(batch.inputs, B, T, routed, nullptr);
    Tensor loss = crossEntropy(reshape(logits, {static_cast<std::int64_t>(B) * T, m_config.vocabSize}), batch.targets);
    m_routing = RoutingSummary{};
    if (routed.meanProbs.empty())
        return loss;
    // E · Σ_e f_e P_e over every routing layer's tokens together.
    const int E = m_config.experts;
    Tensor meanProbs = routed.meanProbs.front();
    for (std::size_t i = 1; i < routed.meanProbs.size(); ++i)
        meanProbs = add(meanProbs, routed.meanProbs[i]);
    meanProbs = scale(meanProbs, 1.0f / static_cast<float>(routed.meanProbs.size()));
    std::vector<float> shares(static_cast<std::size_t>(E));
    for (int e = 0; e < E; ++e)
        shares[static_cast<std::size_t>(e)] = static_cast<float>(routed.choices[static_cast<std::size_t>(e)] /
                                                                 static_cast<double>(routed.tokens));
    Tensor balance = scale(sum(mul(meanProbs, Tensor::fromVector({E}, shares))), static_cast<float>(E));
    for (std::size_t l = 0; l < m_blocks.size(); ++l)
        if (m_blocks[l].routes)
            m_routing.layers.push_back(static_cast<int>(l));
    m_routing.load = std::move(routed.load);
    m_routing.balanceLoss = balance.item();
    m_routing.balanceWeight = m_config.auxLossCoef;
    return add(loss, scale(balance, m_config.auxLossCoef));
}

Tensor JambaLanguageModel::sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace)
{
    if (ids.empty())
        throw std::invalid_argument("JambaLanguageModel::sequenceLogits: no tokens");
    checkIds(ids, "JambaLanguageModel::sequenceLogits");
    const auto T = static_cast<std::int64_t>(ids.size());
    Routed routed;
    return reshape(forward(ids, 1, T, routed, trace), {T, m_config.vocabSize}); // (T, V)
}

void JambaLanguageModel::startState()
{
    m_state.assign(m_blocks.size(), LayerState{});
    for (std::size_t l = 0; l < m_blocks.size(); ++l)
        if (!m_blocks[l].attends)
            m_state[l].mamba = m_blocks[l].mamba.startState();
}

void JambaLanguageModel::mlpStep(const Mlp &m, const float *h, float *out) const
{
    const std::int64_t F = m_config.ffnHidden;
    std::vector<float> gate(F), up(F);
    rowops::matVec(m.gate, h, gate.data());
    rowops::matVec(m.up, h, up.data());
    for (std::int64_t f = 0; f < F; ++f)
        gate[f] = rowops::silu(gate[f]) * up[f];
    rowops::matVec(m.down, gate.data(), out);
}

void JambaLanguageModel::attendStep(const Block &b, LayerState &st, const float *h, float *out) const
{
    const std::int64_t H = m_config.dim, Hq = m_config.heads, Hkv = m_config.kvHeads, Dh = m_config.headDim(),
                       KV = Hkv * Dh;
    // Append this token's key and value: the cache is (cached + 1, KV), the old rows copied over
    // (as the Transformer's KV cache grows by concatenation).
    Tensor keys = Tensor::zeros({st.cached + 1, KV}), values = Tensor::zeros({st.cached + 1, KV});
    if (st.cached > 0) {
        std::copy_n(st.keys.data(), st.cached * KV, keys.data());
        std::copy_n(st.values.data(), st.cached * KV, values.data());
    }
    st.keys = keys;
    st.values = values;
    std::vector<float> q(H), y(H, 0.0f), scores(static_cast<std::size_t>(st.cached + 1));
    rowops::matVec(b.q, h, q.data());
    rowops::matVec(b.k, h, st.keys.data() + st.cached * KV);
    rowops::matVec(b.v, h, st.values.data() + st.cached * KV);
    ++st.cached;
    const float scale = 1.0f / std::sqrt(static_cast<float>(Dh));
    for (std::int64_t head = 0; head < Hq; ++head) {
        const std::int64_t kvHead = head / (Hq / Hkv);
        const float *qh = q.data() + head * Dh;
        float top = -INFINITY;
        for (std::int64_t j = 0; j < st.cached; ++j) {
            const float *kj = st.keys.data() + j * KV + kvHead * Dh;
            float s = 0.0f;
            for (std::int64_t d = 0; d < Dh; ++d)
                s += qh[d] * kj[d];
            scores[static_cast<std::size_t>(j)] = s * scale;
            top = std::max(top, s * scale);
        }
        double total = 0.0;
        for (std::int64_t j = 0; j < st.cached; ++j) {
            scores[static_cast<std::size_t>(j)] = std::exp(scores[static_cast<std::size_t>(j)] - top);
            total += scores[static_cast<std::size_t>(j)];
        }
        float *yh = y.data() + head * Dh;
        for (std::int64_t j = 0; j < st.cached; ++j) {
            const float p = static_cast<float>(scores[static_cast<std::size_t>(j)] / total);
            const float *vj = st.values.data() + j * KV + kvHead * Dh;
            for (std::int64_t d = 0; d < Dh; ++d)
                yh[d] += p * vj[d];
        }
    }
    rowops::matVec(b.o, y.data(), out);
}

void JambaLanguageModel::step(std::int32_t id, float *logits)
{
    const std::int64_t H = m_config.dim;
    const int E = m_config.experts, K = m_config.expertsPerToken;
    std::vector<float> x(m_embedding.data() + id * H, m_embedding.data() + (id + 1) * H), h(H), out(H), part(H), probs(E);
    for (std::size_t l = 0; l < m_blocks.size(); ++l) {
        const Block &b = m_blocks[l];
        rowops::rmsNorm(x.data(), b.inputNorm, m_config.normEps, h.data(), H);
        if (b.attends)
            attendStep(b, m_state[l], h.data(), out.data());
        else
            b.mamba.step(h.data(), m_state[l].mamba, out.data());
        for (std::int64_t c = 0; c < H; ++c)
            x[c] += out[c];
        rowops::rmsNorm(x.data(), b.ffNorm, m_config.normEps, h.data(), H);
        if (b.routes) {
            rowops::matVec(b.router, h.data(), probs.data());
            const float top = *std::max_element(probs.begin(), probs.end());
            double total = 0.0;
            for (float &p : probs) {
                p = std::exp(p - top);
                total += p;
            }
            for (float &p : probs)
                p = static_cast<float>(p / total);
            std::fill(out.begin(), out.end(), 0.0f);
            for (int e : topExperts(probs.data(), E, K)) {
                mlpStep(b.experts[static_cast<std::size_t>(e)], h.data(), part.data());
                for (std::int64_t c = 0; c < H; ++c)
                    out[c] += probs[static_cast<std::size_t>(e)] * part[c];
            }
        } else {
            mlpStep(b.mlp, h.data(), out.data());
        }
        for (std::int64_t c = 0; c < H; ++c)
            x[c] += out[c];
    }
    rowops::rmsNorm(x.data(), m_finalNorm, m_config.normEps, x.data(), H);
    rowops::matVec(m_head.defined() ? m_head : m_embedding, x.data(), logits);
}

std::unique_ptr<LanguageModel> makeJamba(const JambaConfig &config, Rng &rng)
{
    return std::make_unique<JambaLanguageModel>(config, rng);
}

Result<RoutingSummary> lastRouting(const LanguageModel &model)
{
    const auto *jamba = dynamic_cast<const JambaLanguageModel *>(&model);
    if (!jamba)
        return makeError("a " + model.arch() + " model routes no tokens");
    return jamba->routing();
}

} // namespace lm
