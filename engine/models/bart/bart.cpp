// BART (models/bart/bart.h).
// Legend: B = batch, Ts = source tokens, Td = decoder tokens, T = either, d = dim, V = vocab.
#include "models/bart/bart.h"

#include "core/init.h"
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"
#include "models/biasedattention.h"

#include <cmath>
#include <stdexcept>

namespace lm {

namespace {

constexpr float kInitStd = 0.02f;
constexpr int kPositionOffset = 2; // BartLearnedPositionalEmbedding: position t reads row t + 2


} // namespace

BartModel::BartModel(const BartConfig &config, Rng &rng) : m_config(config), m_dropoutRng(rng.next())
{
    if (const std::string m = config.validate(); !m.empty())
        throw std::invalid_argument("BartModel: " + m);
    m_config.decoderLayers = config.resolvedDecoderLayers();
    m_config.decoderHeads = config.resolvedDecoderHeads();
    m_config.ffnHidden = config.resolvedFfnHidden();
    m_config.decoderFfnHidden = config.resolvedDecoderFfnHidden();
    const int d = config.dim, V = config.vocabSize;
    auto table = [&](int rows) {
        Tensor t = Tensor::zeros({rows, d}, true);
        initNormal(t, 0.0f, kInitStd, rng);
        return t;
    };
    auto linearOf = [&](int in, int out) {
        Linear l{Tensor::zeros({out, in}, true), Tensor::zeros({out}, true)};
        initNormal(l.weight, 0.0f, kInitStd, rng);
        return l;
    };
    auto norm = [d] { return Norm{Tensor::full({d}, 1.0f, true), Tensor::zeros({d}, true)}; };
    auto attention = [&] { return Attention{linearOf(d, d), linearOf(d, d), linearOf(d, d), linearOf(d, d)}; };
    m_shared = table(V);
    std::fill_n(m_shared.data() + static_cast<std::ptrdiff_t>(config.padToken) * d, d, 0.0f); // padding_idx row
    const auto stack = [&](int layers, int heads, int ffn, bool decoder) {
        Stack s;
        s.positions = table(config.maxSeq + kPositionOffset);
        s.embeddingNorm = norm();
        s.heads = heads;
        for (int l = 0; l < layers; ++l) {
            Layer w;
            w.self = attention();
            w.selfNorm = norm();
            if (decoder) {
                w.cross = attention();
                w.crossNorm = norm();
            }
            w.fc1 = linearOf(d, ffn);
            w.fc2 = linearOf(ffn, d);
            w.finalNorm = norm();
            s.layers.push_back(std::move(w));
        }
        return s;
    };
    m_encoder = stack(config.layers, config.heads, m_config.ffnHidden, false);
    m_decoder = stack(m_config.decoderLayers, m_config.decoderHeads, m_config.decoderFfnHidden, true);
    m_logitsBias = Tensor::zeros({1, V}, true);
}

ParameterList BartModel::parameters() const
{
    ParameterList p;
    p.push_back({"model.shared.weight", m_shared});
    auto addLinear = [&](const std::string &name, const Linear &l) {
        p.push_back({name + ".weight", l.weight});
        p.push_back({name + ".bias", l.bias});
    };
    auto addNorm = [&](const std::string &name, const Norm &n) {
        p.push_back({name + ".weight", n.weight});
        p.push_back({name + ".bias", n.bias});
    };
    auto addAttention = [&](const std::string &name, const Attention &a) {
        addLinear(name + ".q_proj", a.q);
        addLinear(name + ".k_proj", a.k);
        addLinear(name + ".v_proj", a.v);
        addLinear(name + ".out_proj", a.out);
    };
    for (const auto &[name, stack] : {std::pair<const char *, const Stack *>{"encoder", &m_encoder}, {"decoder", &m_decoder}}) {
        const std::string base = std::string("model.") + name + ".";
        p.push_back({base + "embed_positions.weight", stack->positions});
        addNorm(base + "layernorm_embedding", stack->embeddingNorm);
        for (std::size_t i = 0; i < stack->layers.size(); ++i) {
            const Layer &w = stack->layers[i];
            const std::string l = base + "layers." + std::to_string(i) + ".";
            addAttention(l + "self_attn", w.self);
            addNorm(l + "self_attn_layer_norm", w.selfNorm);
            if (w.cross.q.weight.defined()) {
                addAttention(l + "encoder_attn", w.cross);
                addNorm(l + "encoder_attn_layer_norm", w.crossNorm);
            }
            addLinear(l + "fc1", w.fc1);
            addLinear(l + "fc2", w.fc2);
            addNorm(l + "final_layer_norm", w.finalNorm);
        }
    }
    p.push_back({"final_logits_bias", m_logitsBias});
    return p;
}

Tensor BartModel::normalise(const Norm &n, const Tensor &x) const { return layerNorm(x, n.weight, n.bias, m_config.normEps); }

Tensor BartModel::maybeDropout(const Tensor &x, bool training)
{
    if (!training || m_config.dropout <= 0.0f)
        return x;
    return dropout(x, m_config.dropout, m_dropoutRng, true);
}

Tensor BartModel::embed(const Stack &stack, const std::vector<std::int32_t> &ids, int B, int T, bool training, int from)
{
    // Word vectors, the pad token's row without a gradient: pad positions read a detached copy.
    std::vector<float> isPad(ids.size(), 0.0f);
    bool anyPad = false;
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == m_config.padToken) {
            isPad[i] = 1.0f;
            anyPad = true;
        }
    Tensor words = embedding(m_shared, ids, {B, T}); // (B, T, d)
    if (anyPad) {
        const Tensor pad = Tensor::fromVector({B, T, 1}, isPad);
        const Tensor keep = sub(Tensor::full({B, T, 1}, 1.0f), pad);
        words = add(mul(words, keep), mul(embedding(m_shared.detach(), ids, {B, T}), pad));
    }
    if (m_config.scaleEmbedding)
        words = scale(words, std::sqrt(static_cast<float>(m_config.dim)));
    std::vector<std::int32_t> rows(static_cast<std::size_t>(T));
    for (int t = 0; t < T; ++t)
        rows[static_cast<std::size_t>(t)] = from + t + kPositionOffset;
    const Tensor x = add(words, embedding(stack.positions, rows, {T})); // (T, d) over B
    return maybeDropout(normalise(stack.embeddingNorm, x), training);
}

Tensor BartModel::attend(const Attention &w, int heads, const Tensor &x, const Tensor &memory, const Tensor &additive,
                         Trace *trace, const std::string &tracePrefix, bool training, KvSlot *slot, bool fixed)
{
    const float scaling = 1.0f / std::sqrt(static_cast<float>(m_config.dim / heads));
    BiasedAttentionOptions o;
    o.heads = heads;
    o.additive = additive;
    o.trace = trace;
    o.tracePrefix = tracePrefix;
    o.dropout = m_config.dropout;
    o.rng = &m_dropoutRng;
    o.training = training;
    const Tensor q = scale(linear(x, w.q.weight, w.q.bias), scaling);
    const auto [k, v] = cachedKeysValues(slot, fixed, [&] { return linear(memory, w.k.weight, w.k.bias); },
                                         [&] { return linear(memory, w.v.weight, w.v.bias); });
    const Tensor y = biasedAttention(q, k, v, o);
    return linear(y, w.out.weight, w.out.bias);
}

Tensor BartModel::feedForward(const Layer &w, const Tensor &x, bool training)
{
    Tensor h = linear(x, w.fc1.weight, w.fc1.bias);
    switch (m_config.activation) {
    case BartActivation::Gelu: h = gelu(h); break;
    case BartActivation::GeluNew: h = geluTanh(h); break;
    case BartActivation::Relu: h = relu(h); break;
    }
    return linear(maybeDropout(h, training), w.fc2.weight, w.fc2.bias);
}

Tensor BartModel::encode(const Seq2SeqInput &in, Trace *trace, bool training)
{
    checkInput(in, m_config.vocabSize, m_config.maxSeq, "BartModel::encode");
    const Tensor padding = in.paddingMask.empty() ? Tensor() : paddingLogitMask(in.paddingMask, in.batch, in.sourceTime);
    Tensor x = embed(m_encoder, in.source, in.batch, in.sourceTime, training);
    for (std::size_t l = 0; l < m_encoder.layers.size(); ++l) {
        const Layer &w = m_encoder.layers[l];
        const std::string layer = "layer" + std::to_string(l) + ".";
        x = normalise(w.selfNorm, add(x, maybeDropout(attend(w.self, m_encoder.heads, x, x, padding, trace, layer, training),
                                                      training)));
        x = normalise(w.finalNorm, add(x, maybeDropout(feedForward(w, x, training), training)));
        if (trace)
            trace->put(layer + "hidden", static_cast<int>(x.size(1)), static_cast<int>(x.size(2)), x.data());
    }
    return x;
}

Tensor BartModel::decode(const Seq2SeqInput &in, const Tensor &encoded, Trace *trace, bool training)
{
    checkInput(in, m_config.vocabSize, m_config.maxSeq, "BartModel::decode");
    if (encoded.shape() != Shape{in.batch, in.sourceTime, m_config.dim})
        throw std::invalid_argument("BartModel::decode: encoder output " + shapeString(encoded.shape()) +
                                    " does not match (B, Ts, d)");
    const Tensor causal = causalLogitMask(in.decoderTime);
    const Tensor padding = in.paddingMask.empty() ? Tensor() : paddingLogitMask(in.paddingMask, in.batch, in.sourceTime);
    Tensor x = embed(m_decoder, in.decoder, in.batch, in.decoderTime, training);
    const int heads = m_decoder.heads;
    for (std::size_t l = 0; l < m_decoder.layers.size(); ++l) {
        const Layer &w = m_decoder.layers[l];
        const std::string layer = "layer" + std::to_string(l) + ".";
        x = normalise(w.selfNorm,
                      add(x, maybeDropout(attend(w.self, heads, x, x, causal, trace, "decoder." + layer, training), training)));
        x = normalise(w.crossNorm, add(x, maybeDropout(attend(w.cross, heads, x, encoded, padding, trace, "cross." + layer,
                                                              training),
                                                       training)));
        x = normalise(w.finalNorm, add(x, maybeDropout(feedForward(w, x, training), training)));
    }
    return x;
}

Tensor BartModel::decodeStep(const std::vector<std::int32_t> &tokens, const Tensor &encoded,
                             const std::vector<std::uint8_t> &paddingMask, DecoderCache &cache, Trace *trace)
{
    NoGradScope noGrad;
    const int B = static_cast<int>(tokens.size()), t = cache.length;
    if (t + 1 > m_config.maxSeq)
        throw std::invalid_argument("BartModel::decodeStep: " + std::to_string(t + 1) +
                                    " tokens exceed the position table (max_seq = " + std::to_string(m_config.maxSeq) + ")");
    for (std::int32_t id : tokens)
        if (id < 0 || id >= m_config.vocabSize)
            throw std::invalid_argument("BartModel::decodeStep: token id " + std::to_string(id) + " outside [0, " +
                                        std::to_string(m_config.vocabSize) + ")");
    cache.self.resize(m_decoder.layers.size());
    cache.cross.resize(m_decoder.layers.size());
    if (!cache.cross.front().keys.defined() && (encoded.dim() != 3 || encoded.size(0) != B || encoded.size(2) != m_config.dim))
        throw std::invalid_argument("BartModel::decodeStep: encoder output " + shapeString(encoded.shape()) +
                                    " does not match (B, Ts, d)");
    const Tensor padding =
        paddingMask.empty() ? Tensor() : paddingLogitMask(paddingMask, B, static_cast<int>(paddingMask.size()) / B);
    Tensor x = embed(m_decoder, tokens, B, 1, false, t); // (B, 1, d)
    const int heads = m_decoder.heads;
    for (std::size_t l = 0; l < m_decoder.layers.size(); ++l) {
        const Layer &w = m_decoder.layers[l];
        const std::string layer = "layer" + std::to_string(l) + ".";
        x = normalise(w.selfNorm, add(x, attend(w.self, heads, x, x, Tensor(), trace, "decoder." + layer, false,
                                                &cache.self[l], false)));
        x = normalise(w.crossNorm, add(x, attend(w.cross, heads, x, encoded, padding, trace, "cross." + layer, false,
                                                 &cache.cross[l], true)));
        x = normalise(w.finalNorm, add(x, feedForward(w, x, false)));
    }
    ++cache.length;
    return reshape(logits(x), {B, m_config.vocabSize});
}

Tensor BartModel::logits(const Tensor &hidden) const { return add(matmul(hidden, m_shared, true), m_logitsBias); }

} // namespace lm
