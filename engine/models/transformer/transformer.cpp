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
#include <optional>
#include <stdexcept>
#include <type_traits>

namespace lm {

const std::vector<std::string> &layoutNames()
{
    static const std::vector<std::string> names{"gpt", "llama"};
    return names;
}
const std::vector<std::string> &normNames()
{
    static const std::vector<std::string> names{"layernorm", "rmsnorm"};
    return names;
}
const std::vector<std::string> &ffnNames()
{
    static const std::vector<std::string> names{"gelu", "swiglu"};
    return names;
}
const std::vector<std::string> &positionNames()
{
    static const std::vector<std::string> names{"learned", "sinusoidal", "rope", "alibi", "none"};
    return names;
}
const std::vector<std::string> &attentionNames()
{
    static const std::vector<std::string> names{"standard", "chunked"};
    return names;
}

namespace {

template <class E>
const std::string &nameOf(const std::vector<std::string> &names, E value)
{
    return names[static_cast<std::size_t>(value)];
}

// The enum whose name is `text`; nullopt for another string.
template <class E>
std::optional<E> parseName(const std::vector<std::string> &names, const std::string &text)
{
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == text)
            return static_cast<E>(i);
    return std::nullopt;
}

std::string listOf(const std::vector<std::string> &names)
{
    std::string list;
    for (const auto &n : names)
        list += (list.empty() ? "" : ", ") + n;
    return list;
}

} // namespace

const std::string &TransformerConfig::arch() const { return nameOf(layoutNames(), layout); }

TransformerConfig TransformerConfig::forLayout(TransformerLayout layout)
{
    TransformerConfig c;
    c.layout = layout;
    if (layout == TransformerLayout::Llama) {
        c.norm = NormKind::RmsNorm;
        c.ffn = FfnKind::SwiGlu;
        c.positions = PositionKind::Rope;
        c.tiedHead = false;
        c.normEps = 1e-6f;
    }
    return c;
}

int TransformerConfig::resolvedFfnHidden() const
{
    if (ffnHidden > 0)
        return ffnHidden;
    if (ffn != FfnKind::SwiGlu)
        return 4 * dim;
    constexpr int multiple = 32;
    const int h = 2 * (4 * dim) / 3;
    return multiple * ((h + multiple - 1) / multiple);
}

std::int64_t TransformerConfig::parameterCount() const
{
    const std::int64_t C = dim, L = layers, V = vocabSize, F = resolvedFfnHidden(),
                       KV = static_cast<std::int64_t>(kvHeads > 0 ? kvHeads : heads) * headDim();
    const std::int64_t normSize = norm == NormKind::RmsNorm ? C : 2 * C;
    const std::int64_t bias = layout == TransformerLayout::Gpt2 ? 1 : 0; // GPT-2: a bias on every projection
    std::int64_t perLayer = 2 * normSize;
    perLayer += C * (C + 2 * KV) + bias * (C + 2 * KV); // q, k, v (fused c_attn under gpt)
    perLayer += C * C + bias * C;                       // attention output
    if (ffn == FfnKind::SwiGlu)
        perLayer += 2 * (C * F + bias * F) + F * C + bias * C;
    else
        perLayer += C * F + bias * F + F * C + bias * C;
    std::int64_t total = V * C + L * perLayer + normSize;
    if (positions == PositionKind::Learned)
        total += static_cast<std::int64_t>(maxSeq) * C;
    if (!tiedHead)
        total += V * C;
    return total;
}

std::string TransformerConfig::validate() const
{
    const std::string who = arch() + " config: '";
    auto range = [&](const char *name, double v, double lo, double hi) -> std::string {
        if (!(v >= lo && v <= hi))
            return who + name + "' = " + std::to_string(v) + " is outside " + std::to_string(lo) + ".." +
                   std::to_string(hi);
        return {};
    };
    for (const std::string &m :
         {range("vocab_size", vocabSize, 2, 1 << 20), range("dim", dim, 1, 8192), range("layers", layers, 1, 64),
          range("heads", heads, 1, 256), range("kv_heads", kvHeads, 0, 256), range("ffn_hidden", ffnHidden, 0, 65536),
          range("max_seq", maxSeq, 1, 1 << 16), range("dropout", dropout, 0.0, 0.99),
          range("norm_eps", normEps, 1e-12, 1.0), range("rope_theta", ropeTheta, 1.0, 1e9),
          range("attention_chunk", attentionChunk, 1, 1 << 16)})
        if (!m.empty())
            return m;
    if (dim % heads != 0)
        return who + "dim' = " + std::to_string(dim) + " is not a multiple of 'heads' = " + std::to_string(heads);
    const int kv = kvHeads == 0 ? heads : kvHeads;
    if (heads % kv != 0)
        return who + "kv_heads' = " + std::to_string(kv) + " does not divide 'heads' = " + std::to_string(heads);
    if (positions == PositionKind::Rope && headDim() % 2 != 0)
        return who + "positions' = rope needs an even head dim, got dim / heads = " + std::to_string(headDim());
    return {};
}

nlohmann::json TransformerConfig::toJson() const
{
    return {{"arch", arch()},
            {"vocab_size", vocabSize},
            {"dim", dim},
            {"layers", layers},
            {"heads", heads},
            {"kv_heads", kvHeads == 0 ? heads : kvHeads},
            {"ffn_hidden", resolvedFfnHidden()},
            {"max_seq", maxSeq},
            {"norm", nameOf(normNames(), norm)},
            {"ffn", nameOf(ffnNames(), ffn)},
            {"positions", nameOf(positionNames(), positions)},
            {"pre_norm", preNorm},
            {"tied_head", tiedHead},
            {"dropout", dropout},
            {"norm_eps", normEps},
            {"rope_theta", ropeTheta},
            {"attention", nameOf(attentionNames(), attention)},
            {"attention_chunk", attentionChunk}};
}

Result<TransformerConfig> TransformerConfig::fromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return makeError("transformer config is not a JSON object");
    const auto layout = j.contains("arch") && j["arch"].is_string()
                            ? parseName<TransformerLayout>(layoutNames(), j["arch"].get<std::string>())
                            : std::nullopt;
    if (!layout)
        return makeError("transformer config: 'arch' must be one of " + listOf(layoutNames()));
    TransformerConfig c = forLayout(*layout);
    const std::string who = c.arch() + " config: '";
    struct IntField {
        const char *name;
        int *slot;
        bool required;
    };
    for (const IntField &f : {IntField{"vocab_size", &c.vocabSize, true}, IntField{"dim", &c.dim, false},
                              IntField{"layers", &c.layers, false}, IntField{"heads", &c.heads, false},
                              IntField{"kv_heads", &c.kvHeads, false}, IntField{"ffn_hidden", &c.ffnHidden, false},
                              IntField{"max_seq", &c.maxSeq, false},
                              IntField{"attention_chunk", &c.attentionChunk, false}}) {
        if (!j.contains(f.name)) {
            if (f.required)
                return makeError(who + f.name + "' is missing");
            continue;
        }
        if (!j[f.name].is_number_integer())
            return makeError(who + f.name + "' must be an integer");
        const auto v = j[f.name].get<std::int64_t>();
        if (v < -1 || v > (1 << 24))
            return makeError(who + f.name + "' = " + std::to_string(v) + " is out of range");
        *f.slot = static_cast<int>(v);
    }
    // The string enums, each parsed here once.
    const auto parseField = [&](const char *name, const std::vector<std::string> &names, auto &slot) -> std::string {
        if (!j.contains(name))
            return {};
        using E = std::remove_reference_t<decltype(slot)>;
        const auto value = j[name].is_string() ? parseName<E>(names, j[name].get<std::string>()) : std::nullopt;
        if (!value)
            return who + name + "' must be one of " + listOf(names);
        slot = *value;
        return {};
    };
    for (const std::string &m : {parseField("norm", normNames(), c.norm), parseField("ffn", ffnNames(), c.ffn),
                                 parseField("positions", positionNames(), c.positions),
                                 parseField("attention", attentionNames(), c.attention)})
        if (!m.empty())
            return makeError(m);
    for (auto [name, slot] : {std::pair{"pre_norm", &c.preNorm}, std::pair{"tied_head", &c.tiedHead}}) {
        if (!j.contains(name))
            continue;
        if (!j[name].is_boolean())
            return makeError(who + name + "' must be true or false");
        *slot = j[name].get<bool>();
    }
    for (auto [name, slot] : {std::pair{"dropout", &c.dropout}, std::pair{"norm_eps", &c.normEps},
                              std::pair{"rope_theta", &c.ropeTheta}}) {
        if (!j.contains(name))
            continue;
        if (!j[name].is_number())
            return makeError(who + name + "' must be a number");
        *slot = j[name].get<float>();
    }
    if (const std::string m = c.validate(); !m.empty())
        return makeError(m);
    if (c.kvHeads == 0)
        c.kvHeads = c.heads;
    c.ffnHidden = c.resolvedFfnHidden();
    return c;
}

// ---------------------------------------------------------------------------------------------

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
    const bool windowed = m_config.positions == PositionKind::Learned && full.size() > static_cast<std::size_t>(m_config.maxSeq);
    if (windowed) // learned positions end at maxSeq: slide a window (no cache across shifts)
        context.assign(full.end() - m_config.maxSeq, full.end());
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
