// Decoder-only transformer (models/transformer.h).
// Legend: B = batch, T = new tokens, P = positions already cached, C = dim, V = vocab,
// H = query heads, Hkv = key/value heads, D = head dim = C / H, F = FFN hidden, L = layers.
#include "models/transformer/transformer.h"

#include "core/init.h"
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/rng.h"
#include "core/tape.h"
#include "models/attention.h"
#include "models/chunkedattention.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lm {

class TransformerLanguageModel final : public LanguageModel {
public:
    TransformerLanguageModel(const TransformerConfig &config, Rng &rng);

    std::string arch() const override { return m_config.arch(); }
    nlohmann::json config() const override { return m_config.toJson(); }
    int vocabSize() const override { return m_config.vocabSize; }
    ParameterList parameters() const override;

    Tensor loss(const TokenBatch &batch) override;
    Tensor nextTokenLogits(const std::vector<std::int32_t> &context) override;
    Tensor sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace = nullptr) override;
    void resetState() override { dropCache(); }

private:
    struct Norm {
        Tensor weight; // (C)
        Tensor bias;   // (C), layernorm only
    };
    // A projection x (…, in) -> (…, out). gpt: weight (in, out), y = x W + b (HF Conv1D);
    // llama: weight (out, in), y = x Wᵀ (torch Linear, no bias).
    struct Projection {
        Tensor weight;
        Tensor bias;
    };
    struct Block {
        Norm norm1, norm2;
        Projection qkv;         // gpt: c_attn (C, C + 2·Hkv·D)
        Projection q, k, v;     // llama: (H·D, C), (Hkv·D, C), (Hkv·D, C)
        Projection out;         // c_proj / o_proj: C -> C
        Projection fc, gate, up, down; // gelu: fc, down; swiglu: gate, up, down
    };
    // Per layer: keys and values of the cached context after RoPE, (1, Hkv, P, D).
    struct LayerCache {
        Tensor k, v;
    };
    struct Pass {
        bool training = false;
        Trace *trace = nullptr;
        std::vector<LayerCache> *cache = nullptr; // read and extended when given
        int offset = 0;                           // position of the first new token
    };

    bool gptLayout() const { return m_config.layout == TransformerLayout::Gpt2; }
    Projection makeProjection(int in, int out, float stddev, Rng &rng) const;
    Tensor project(const Projection &p, const Tensor &x) const;
    Tensor normalise(const Norm &n, const Tensor &x) const;
    Tensor attend(int layer, const Block &b, const Tensor &x, const Pass &pass) const; // (B, T, C) -> (B, T, C)
    Tensor feedForward(const Block &b, const Tensor &x) const;                          // (B, T, C) -> (B, T, C)
    Tensor maybeDropout(const Tensor &x, const Pass &pass);
    // ids (B·T) -> logits (B, T, V)
    Tensor forward(const std::vector<std::int32_t> &ids, std::int64_t B, std::int64_t T, const Pass &pass);
    void checkIds(const std::vector<std::int32_t> &ids, const char *who) const;
    void dropCache();

    TransformerConfig m_config;
    int m_kvHeads = 0, m_headDim = 0, m_ffnHidden = 0;
    Tensor m_tokenEmbedding;    // (V, C)
    Tensor m_positionEmbedding; // (maxSeq, C), learned positions only
    std::vector<Block> m_blocks;
    Norm m_finalNorm;
    Tensor m_head;              // (V, C), untied only
    Rng m_dropoutRng;

    std::vector<std::int32_t> m_cachedContext; // what m_cache holds
    std::vector<LayerCache> m_cache;
    Tensor m_cachedLogits; // (V) after m_cachedContext
};

TransformerLanguageModel::Projection TransformerLanguageModel::makeProjection(int in, int out, float stddev,
                                                                                Rng &rng) const
{
    Projection p;
    p.weight = gptLayout() ? Tensor::zeros({in, out}, true) : Tensor::zeros({out, in}, true);
    initNormal(p.weight, 0.0f, stddev, rng);
    if (gptLayout())
        p.bias = Tensor::zeros({out}, true);
    return p;
}

TransformerLanguageModel::TransformerLanguageModel(const TransformerConfig &config, Rng &rng)
    : m_config(config), m_dropoutRng(rng.next())
{
    if (const std::string m = config.validate(); !m.empty())
        throw std::invalid_argument("TransformerLanguageModel: " + m);
    const int C = config.dim, V = config.vocabSize, L = config.layers;
    m_kvHeads = config.kvHeads == 0 ? config.heads : config.kvHeads;
    m_headDim = config.headDim();
    m_ffnHidden = config.resolvedFfnHidden();
    m_config.kvHeads = m_kvHeads;
    m_config.ffnHidden = m_ffnHidden;
    const int KV = m_kvHeads * m_headDim, F = m_ffnHidden;
    constexpr float stddev = 0.02f;
    const float residual = stddev / std::sqrt(2.0f * static_cast<float>(L));

    m_tokenEmbedding = Tensor::zeros({V, C}, true);
    initNormal(m_tokenEmbedding, 0.0f, stddev, rng);
    if (config.positions == PositionKind::Learned) {
        m_positionEmbedding = Tensor::zeros({config.maxSeq, C}, true);
        initNormal(m_positionEmbedding, 0.0f, stddev, rng);
    }
    auto makeNorm = [&] {
        Norm n{Tensor::full({C}, 1.0f, true), Tensor()};
        if (config.norm == NormKind::LayerNorm)
            n.bias = Tensor::zeros({C}, true);
        return n;
    };
    for (int l = 0; l < L; ++l) {
        Block b;
        b.norm1 = makeNorm();
        if (gptLayout()) {
            b.qkv = makeProjection(C, C + 2 * KV, stddev, rng);
        } else {
            b.q = makeProjection(C, C, stddev, rng);
            b.k = makeProjection(C, KV, stddev, rng);
            b.v = makeProjection(C, KV, stddev, rng);
        }
        b.out = makeProjection(C, C, residual, rng);
        b.norm2 = makeNorm();
        if (config.ffn == FfnKind::SwiGlu) {
            b.gate = makeProjection(C, F, stddev, rng);
            b.up = makeProjection(C, F, stddev, rng);
        } else {
            b.fc = makeProjection(C, F, stddev, rng);
        }
        b.down = makeProjection(F, C, residual, rng);
        m_blocks.push_back(std::move(b));
    }
    m_finalNorm = makeNorm();
    if (!config.tiedHead) {
        m_head = Tensor::zeros({V, C}, true);
        initNormal(m_head, 0.0f, stddev, rng);
    }
}

ParameterList TransformerLanguageModel::parameters() const
{
    ParameterList p;
    auto addNorm = [&](const std::string &name, const Norm &n) {
        p.push_back({name + ".weight", n.weight});
        if (n.bias.defined())
            p.push_back({name + ".bias", n.bias});
    };
    auto addProjection = [&](const std::string &name, const Projection &pr) {
        p.push_back({name + ".weight", pr.weight});
        if (pr.bias.defined())
            p.push_back({name + ".bias", pr.bias});
    };
    const bool swiglu = m_config.ffn == FfnKind::SwiGlu;
    if (gptLayout()) {
        p.push_back({"wte.weight", m_tokenEmbedding});
        if (m_positionEmbedding.defined())
            p.push_back({"wpe.weight", m_positionEmbedding});
        for (std::size_t l = 0; l < m_blocks.size(); ++l) {
            const Block &b = m_blocks[l];
            const std::string h = "h." + std::to_string(l) + ".";
            addNorm(h + "ln_1", b.norm1);
            addProjection(h + "attn.c_attn", b.qkv);
            addProjection(h + "attn.c_proj", b.out);
            addNorm(h + "ln_2", b.norm2);
            if (swiglu) { // no GPT-2 name for a gate: c_fc is the gate, c_fc2 the up projection
                addProjection(h + "mlp.c_fc", b.gate);
                addProjection(h + "mlp.c_fc2", b.up);
            } else {
                addProjection(h + "mlp.c_fc", b.fc);
            }
            addProjection(h + "mlp.c_proj", b.down);
        }
        addNorm("ln_f", m_finalNorm);
        if (m_head.defined())
            p.push_back({"lm_head.weight", m_head});
        return p;
    }
    p.push_back({"model.embed_tokens.weight", m_tokenEmbedding});
    if (m_positionEmbedding.defined())
        p.push_back({"model.embed_positions.weight", m_positionEmbedding});
    for (std::size_t l = 0; l < m_blocks.size(); ++l) {
        const Block &b = m_blocks[l];
        const std::string h = "model.layers." + std::to_string(l) + ".";
        addNorm(h + "input_layernorm", b.norm1);
        addProjection(h + "self_attn.q_proj", b.q);
        addProjection(h + "self_attn.k_proj", b.k);
        addProjection(h + "self_attn.v_proj", b.v);
        addProjection(h + "self_attn.o_proj", b.out);
        addNorm(h + "post_attention_layernorm", b.norm2);
        if (swiglu) {
            addProjection(h + "mlp.gate_proj", b.gate);
            addProjection(h + "mlp.up_proj", b.up);
        } else {
            addProjection(h + "mlp.up_proj", b.fc);
        }
        addProjection(h + "mlp.down_proj", b.down);
    }
    addNorm("model.norm", m_finalNorm);
    if (m_head.defined())
        p.push_back({"lm_head.weight", m_head});
    return p;
}

Tensor TransformerLanguageModel::project(const Projection &p, const Tensor &x) const
{
    if (!gptLayout())
        return linear(x, p.weight, p.bias); // x: (…, in), W: (out, in) -> (…, out)
    Tensor y = matmul(x, p.weight);         // x: (…, in), W: (in, out) -> (…, out)
    return p.bias.defined() ? add(y, p.bias) : y;
}

Tensor TransformerLanguageModel::normalise(const Norm &n, const Tensor &x) const
{
    if (m_config.norm == NormKind::RmsNorm)
        return rmsNorm(x, n.weight, m_config.normEps);
    return layerNorm(x, n.weight, n.bias, m_config.normEps);
}

Tensor TransformerLanguageModel::maybeDropout(const Tensor &x, const Pass &pass)
{
    if (!pass.training || m_config.dropout <= 0.0f)
        return x;
    return dropout(x, m_config.dropout, m_dropoutRng, true);
}

Tensor TransformerLanguageModel::attend(int layer, const Block &b, const Tensor &x, const Pass &pass) const
{
    const std::int64_t B = x.size(0), T = x.size(1), C = m_config.dim, H = m_config.heads, Hkv = m_kvHeads,
                       D = m_headDim, KV = Hkv * D;
    Tensor q, k, v; // (B, T, ·)
    if (gptLayout()) {
        Tensor qkv = project(b.qkv, x); // (B, T, C + 2·KV)
        q = slice(qkv, 2, 0, C);
        k = slice(qkv, 2, C, C + KV);
        v = slice(qkv, 2, C + KV, C + 2 * KV);
    } else {
        q = project(b.q, x);
        k = project(b.k, x);
        v = project(b.v, x);
    }
    // (B, T, heads·D) -> (B, heads, T, D)
    q = transpose(reshape(q, {B, T, H, D}), 1, 2);
    k = transpose(reshape(k, {B, T, Hkv, D}), 1, 2);
    v = transpose(reshape(v, {B, T, Hkv, D}), 1, 2);
    if (m_config.positions == PositionKind::Rope) {
        q = rope(q, pass.offset, m_config.ropeTheta);
        k = rope(k, pass.offset, m_config.ropeTheta);
    }
    if (pass.cache) {
        LayerCache &c = (*pass.cache)[static_cast<std::size_t>(layer)];
        if (c.k.defined()) {
            k = concat({c.k, k}, 2); // (1, Hkv, P + T, D)
            v = concat({c.v, v}, 2);
        }
        c.k = k;
        c.v = v;
    }
    AttentionOptions options;
    options.causal = true;
    options.alibi = m_config.positions == PositionKind::Alibi;
    options.trace = pass.trace;
    options.tracePrefix = "layer" + std::to_string(layer) + ".";
    // A trace wants the probabilities, which only the standard path has.
    Tensor y = m_config.attention == AttentionKind::Chunked && !pass.trace
                   ? chunkedAttention(q, k, v, options, m_config.attentionChunk)
                   : attention(q, k, v, options); // (B, H, T, D)
    y = reshape(transpose(y, 1, 2), {B, T, C});  // merge heads
    return project(b.out, y);
}

Tensor TransformerLanguageModel::feedForward(const Block &b, const Tensor &x) const
{
    if (m_config.ffn == FfnKind::SwiGlu) // down(silu(gate x) ⊙ up x)
        return project(b.down, mul(silu(project(b.gate, x)), project(b.up, x)));
    return project(b.down, geluTanh(project(b.fc, x)));
}

Tensor TransformerLanguageModel::forward(const std::vector<std::int32_t> &ids, std::int64_t B, std::int64_t T,
                                         const Pass &pass)
{
    const std::int64_t C = m_config.dim;
    Tensor x = embedding(m_tokenEmbedding, ids, {B, T}); // (B, T, C)
    if (m_config.positions == PositionKind::Learned) {
        std::vector<std::int32_t> pos(static_cast<std::size_t>(T));
        for (std::int64_t t = 0; t < T; ++t)
            pos[static_cast<std::size_t>(t)] = static_cast<std::int32_t>(pass.offset + t);
        x = add(x, embedding(m_positionEmbedding, pos, {T})); // (T, C) broadcast over B
    } else if (m_config.positions == PositionKind::Sinusoidal) {
        x = add(x, slice(sinusoidalPositions(static_cast<int>(pass.offset + T), static_cast<int>(C)), 0, pass.offset,
                         pass.offset + T));
    }
    x = maybeDropout(x, pass);
    for (std::size_t l = 0; l < m_blocks.size(); ++l) {
        const Block &b = m_blocks[l];
        const int layer = static_cast<int>(l);
        if (m_config.preNorm) { // x += attn(norm1(x)); x += ffn(norm2(x))
            x = add(x, maybeDropout(attend(layer, b, normalise(b.norm1, x), pass), pass));
            x = add(x, maybeDropout(feedForward(b, normalise(b.norm2, x)), pass));
        } else { // x = norm1(x + attn(x)); x = norm2(x + ffn(x))
            x = normalise(b.norm1, add(x, maybeDropout(attend(layer, b, x, pass), pass)));
            x = normalise(b.norm2, add(x, maybeDropout(feedForward(b, x), pass)));
        }
    }
    x = normalise(m_finalNorm, x); // post-LN keeps the final norm too, so the names do not change
    return m_head.defined() ? linear(x, m_head) : matmul(x, m_tokenEmbedding, true); // (B, T, V)
}

void TransformerLanguageModel::checkIds(const std::vector<std::int32_t> &ids, const char *who) const
{
    for (std::int32_t id : ids)
        if (id < 0 || id >= m_config.vocabSize)
            throw std::invalid_argument(std::string(who) + ": token id " + std::to_string(id) + " outside [0, " +
                                        std::to_string(m_config.vocabSize) + ")");
}

Tensor TransformerLanguageModel::loss(const TokenBatch &batch)
{
    const int B = batch.batch, T = batch.time;
    if (B < 1 || T < 1 || batch.inputs.size() != static_cast<std::size_t>(B) * T ||
        batch.targets.size() != batch.inputs.size())
        throw std::invalid_argument("TransformerLanguageModel::loss: batch sizes do not match (B, T) = (" +
                                    std::to_string(B) + ", " + std::to_string(T) + ")");
    if (m_config.positions == PositionKind::Learned && T > m_config.maxSeq)
        throw std::invalid_argument("TransformerLanguageModel::loss: T = " + std::to_string(T) +
                                    " exceeds max_seq = " + std::to_string(m_config.maxSeq));
    dropCache(); // the weights are about to change
    Pass pass;
    pass.training = true;
    Tensor logits = forward(batch.inputs, B, T, pass);
    return crossEntropy(reshape(logits, {static_cast<std::int64_t>(B) * T, m_config.vocabSize}), batch.targets);
}

void TransformerLanguageModel::dropCache()
{
    m_cachedContext.clear();
    m_cache.clear();
    m_cachedLogits = Tensor();
}

Tensor TransformerLanguageModel::nextTokenLogits(const std::vector<std::int32_t> &full)
{
    NoGradScope noGrad;
    const int V = m_config.vocabSize;
    if (full.empty())
        return Tensor::zeros({V}); // nothing to condition on: a uniform distribution
    checkIds(full, "TransformerLanguageModel::nextTokenLogits");
    std::vector<std::int32_t> context = full;
    // Learned positions were learnt up to the training window (config.window, else max_seq): past
    // it, slide a window of that length (no cache across shifts).
    const std::size_t window = static_cast<std::size_t>(m_config.window > 0 ? m_config.window : m_config.maxSeq);
    const bool windowed = m_config.positions == PositionKind::Learned && full.size() > window;
    if (windowed)
        context.assign(full.end() - static_cast<std::ptrdiff_t>(window), full.end());
    const bool extends = !windowed && !m_cachedContext.empty() && m_cachedLogits.defined() &&
                         context.size() >= m_cachedContext.size() &&
                         std::equal(m_cachedContext.begin(), m_cachedContext.end(), context.begin());
    if (extends && context.size() == m_cachedContext.size())
        return m_cachedLogits.clone();
    if (!extends)
        m_cache.assign(m_blocks.size(), LayerCache{});
    const std::size_t from = extends ? m_cachedContext.size() : 0;
    const std::vector<std::int32_t> fresh(context.begin() + static_cast<std::ptrdiff_t>(from), context.end());
    const auto n = static_cast<std::int64_t>(fresh.size());
    m_cachedContext.clear(); // until the cache is consistent again (forward may throw)
    Pass pass;
    pass.cache = &m_cache;
    pass.offset = static_cast<int>(from);
    Tensor logits = forward(fresh, 1, n, pass); // (1, n, V)
    m_cachedLogits = slice(reshape(logits, {n, V}), 0, n - 1, n).viewAs({V}).clone();
    if (windowed) {
        Tensor out = m_cachedLogits;
        dropCache();
        return out;
    }
    m_cachedContext = context;
    return m_cachedLogits.clone();
}

Tensor TransformerLanguageModel::sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace)
{
    if (ids.empty())
        throw std::invalid_argument("TransformerLanguageModel::sequenceLogits: no tokens");
    checkIds(ids, "TransformerLanguageModel::sequenceLogits");
    const auto T = static_cast<std::int64_t>(ids.size());
    if (m_config.positions == PositionKind::Learned && T > m_config.maxSeq)
        throw std::invalid_argument("TransformerLanguageModel::sequenceLogits: " + std::to_string(T) +
                                    " tokens exceed max_seq = " + std::to_string(m_config.maxSeq));
    Pass pass;
    pass.trace = trace;
    return reshape(forward(ids, 1, T, pass), {T, m_config.vocabSize}); // (T, V)
}

std::unique_ptr<LanguageModel> makeTransformer(const TransformerConfig &config, Rng &rng)
{
    return std::make_unique<TransformerLanguageModel>(config, rng);
}

} // namespace lm
