// T5 (models/t5/t5.h).
// Legend: B = batch, Ts = source tokens, Td = decoder tokens, Tq/Tk = query/key tokens, d = dim,
// nh = heads, dk = d_kv, I = nh · dk, F = FFN width, V = vocab, nb = buckets.
#include "models/t5/t5.h"

#include "core/init.h"
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"
#include "models/biasedattention.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lm {

int t5RelativeBucket(int relative, bool bidirectional, int buckets, int maxDistance)
{
    int bucket = 0;
    int n = buckets;
    if (bidirectional) {
        n /= 2;
        if (relative > 0)
            bucket += n;
        relative = std::abs(relative);
    } else {
        relative = -std::min(relative, 0); // keys after the query: 0
    }
    const int maxExact = n / 2;
    if (relative < maxExact)
        return bucket + relative;
    // log(relative / maxExact) / log(maxDistance / maxExact) · (n − maxExact), in float32 and
    // truncated as torch's .to(torch.long) does.
    const float ratio = std::log(static_cast<float>(relative) / static_cast<float>(maxExact)) /
                        std::log(static_cast<float>(maxDistance) / static_cast<float>(maxExact));
    const int large = maxExact + static_cast<int>(ratio * static_cast<float>(n - maxExact));
    return bucket + std::min(large, n - 1);
}

T5Model::T5Model(const T5Config &config, Rng &rng) : m_config(config), m_dropoutRng(rng.next())
{
    if (const std::string m = config.validate(); !m.empty())
        throw std::invalid_argument("T5Model: " + m);
    m_config.headDim = config.resolvedHeadDim();
    m_config.ffnHidden = config.resolvedFfnHidden();
    m_config.decoderLayers = config.resolvedDecoderLayers();
    const int d = config.dim, I = m_config.inner(), F = m_config.ffnHidden, V = config.vocabSize, nh = config.heads;
    const float dk = static_cast<float>(m_config.headDim);
    // HF's _init_weights with factor 1: shared N(0, 1); q N(0, (d·dk)^-½), k and v N(0, d^-½),
    // o N(0, I^-½); wi N(0, d^-½), wo N(0, F^-½); bias tables N(0, d^-½); norms 1.
    auto normal = [&](Shape shape, float std) {
        Tensor t = Tensor::zeros(shape, true);
        initNormal(t, 0.0f, std, rng);
        return t;
    };
    const float sd = 1.0f / std::sqrt(static_cast<float>(d));
    auto attention = [&] {
        return Attention{normal({I, d}, 1.0f / std::sqrt(static_cast<float>(d) * dk)), normal({I, d}, sd),
                         normal({I, d}, sd), normal({d, I}, 1.0f / std::sqrt(static_cast<float>(I)))};
    };
    auto feedForward = [&] {
        FeedForward f;
        f.wi = normal({F, d}, sd);
        if (m_config.feedForward == T5FeedForward::GatedGelu)
            f.wi1 = normal({F, d}, sd);
        f.wo = normal({d, F}, 1.0f / std::sqrt(static_cast<float>(F)));
        return f;
    };
    auto ones = [d] { return Tensor::full({d}, 1.0f, true); };
    m_shared = normal({V, d}, 1.0f);
    for (int l = 0; l < m_config.layers; ++l) {
        Block b;
        b.self = attention();
        b.selfNorm = ones();
        b.ffn = feedForward();
        b.ffnNorm = ones();
        m_encoder.push_back(std::move(b));
    }
    for (int l = 0; l < m_config.decoderLayers; ++l) {
        Block b;
        b.self = attention();
        b.selfNorm = ones();
        b.cross = attention();
        b.crossNorm = ones();
        b.ffn = feedForward();
        b.ffnNorm = ones();
        m_decoder.push_back(std::move(b));
    }
    m_encoderBias = normal({m_config.buckets, nh}, sd);
    m_decoderBias = normal({m_config.buckets, nh}, sd);
    m_encoderNorm = ones();
    m_decoderNorm = ones();
    if (!m_config.tiedHead)
        m_lmHead = normal({V, d}, 1.0f);
}

ParameterList T5Model::parameters() const
{
    ParameterList p;
    p.push_back({"shared.weight", m_shared});
    auto addAttention = [&](const std::string &name, const Attention &a) {
        p.push_back({name + ".q.weight", a.q});
        p.push_back({name + ".k.weight", a.k});
        p.push_back({name + ".v.weight", a.v});
        p.push_back({name + ".o.weight", a.o});
    };
    auto addFeedForward = [&](const std::string &name, const FeedForward &f) {
        if (f.wi1.defined()) {
            p.push_back({name + ".wi_0.weight", f.wi});
            p.push_back({name + ".wi_1.weight", f.wi1});
        } else {
            p.push_back({name + ".wi.weight", f.wi});
        }
        p.push_back({name + ".wo.weight", f.wo});
    };
    for (std::size_t i = 0; i < m_encoder.size(); ++i) {
        const Block &b = m_encoder[i];
        const std::string s = "encoder.block." + std::to_string(i) + ".layer.";
        addAttention(s + "0.SelfAttention", b.self);
        if (i == 0)
            p.push_back({s + "0.SelfAttention.relative_attention_bias.weight", m_encoderBias});
        p.push_back({s + "0.layer_norm.weight", b.selfNorm});
        addFeedForward(s + "1.DenseReluDense", b.ffn);
        p.push_back({s + "1.layer_norm.weight", b.ffnNorm});
    }
    p.push_back({"encoder.final_layer_norm.weight", m_encoderNorm});
    for (std::size_t i = 0; i < m_decoder.size(); ++i) {
        const Block &b = m_decoder[i];
        const std::string s = "decoder.block." + std::to_string(i) + ".layer.";
        addAttention(s + "0.SelfAttention", b.self);
        if (i == 0)
            p.push_back({s + "0.SelfAttention.relative_attention_bias.weight", m_decoderBias});
        p.push_back({s + "0.layer_norm.weight", b.selfNorm});
        addAttention(s + "1.EncDecAttention", b.cross);
        p.push_back({s + "1.layer_norm.weight", b.crossNorm});
        addFeedForward(s + "2.DenseReluDense", b.ffn);
        p.push_back({s + "2.layer_norm.weight", b.ffnNorm});
    }
    p.push_back({"decoder.final_layer_norm.weight", m_decoderNorm});
    if (m_lmHead.defined())
        p.push_back({"lm_head.weight", m_lmHead});
    return p;
}

Tensor T5Model::norm(const Tensor &weight, const Tensor &x) const { return rmsNorm(x, weight, m_config.normEps); }

Tensor T5Model::maybeDropout(const Tensor &x, bool training)
{
    if (!training || m_config.dropout <= 0.0f)
        return x;
    return dropout(x, m_config.dropout, m_dropoutRng, true);
}

Tensor T5Model::positionBias(const Tensor &table, int Tq, int Tk, bool bidirectional, int queryFrom) const
{
    std::vector<std::int32_t> buckets(static_cast<std::size_t>(Tq) * static_cast<std::size_t>(Tk));
    for (int i = 0; i < Tq; ++i)
        for (int j = 0; j < Tk; ++j)
            buckets[static_cast<std::size_t>(i) * static_cast<std::size_t>(Tk) + static_cast<std::size_t>(j)] =
                t5RelativeBucket(j - i - queryFrom, bidirectional, m_config.buckets, m_config.maxDistance);
    const Tensor rows = embedding(table, buckets, {Tq, Tk});  // (Tq, Tk, nh)
    const Tensor heads = transpose(transpose(rows, 1, 2), 0, 1); // (nh, Tq, Tk)
    return reshape(heads, {1, m_config.heads, Tq, Tk});
}

Tensor T5Model::attend(const Attention &w, const Tensor &x, const Tensor &memory, const Tensor &additive, Trace *trace,
                       const std::string &tracePrefix, bool training, KvSlot *slot, bool fixed)
{
    BiasedAttentionOptions o; // no 1/√dk: T5 folds it into the initialisation of q
    o.heads = m_config.heads;
    o.additive = additive;
    o.trace = trace;
    o.tracePrefix = tracePrefix;
    o.dropout = m_config.dropout;
    o.rng = &m_dropoutRng;
    o.training = training;
    const auto [k, v] = cachedKeysValues(slot, fixed, [&] { return linear(memory, w.k); }, [&] { return linear(memory, w.v); });
    return linear(biasedAttention(linear(x, w.q), k, v, o), w.o);
}

Tensor T5Model::feedForward(const FeedForward &w, const Tensor &x, bool training)
{
    Tensor h = m_config.feedForward == T5FeedForward::GatedGelu ? mul(geluTanh(linear(x, w.wi)), linear(x, w.wi1))
                                                                 : relu(linear(x, w.wi));
    return linear(maybeDropout(h, training), w.wo);
}

Tensor T5Model::encode(const Seq2SeqInput &in, Trace *trace, bool training)
{
    checkInput(in, m_config.vocabSize, 0, "T5Model::encode");
    const int B = in.batch, Ts = in.sourceTime;
    // Block 0's bucket biases (1, nh, Ts, Ts) plus the padding of the keys (B, 1, 1, Ts): one
    // additive term for every block.
    Tensor additive = positionBias(m_encoderBias, Ts, Ts, true);
    if (!in.paddingMask.empty())
        additive = add(additive, paddingLogitMask(in.paddingMask, B, Ts));
    Tensor x = maybeDropout(embedding(m_shared, in.source, {B, Ts}), training); // (B, Ts, d)
    for (std::size_t l = 0; l < m_encoder.size(); ++l) {
        const Block &b = m_encoder[l];
        const std::string layer = "layer" + std::to_string(l) + ".";
        const Tensor h = norm(b.selfNorm, x);
        x = add(x, maybeDropout(attend(b.self, h, h, additive, trace, layer, training), training));
        x = add(x, maybeDropout(feedForward(b.ffn, norm(b.ffnNorm, x), training), training));
        if (trace)
            trace->put(layer + "hidden", static_cast<int>(x.size(1)), static_cast<int>(x.size(2)), x.data());
    }
    return maybeDropout(norm(m_encoderNorm, x), training);
}

Tensor T5Model::decode(const Seq2SeqInput &in, const Tensor &encoded, Trace *trace, bool training)
{
    checkInput(in, m_config.vocabSize, 0, "T5Model::decode");
    const int B = in.batch, Ts = in.sourceTime, Td = in.decoderTime;
    if (encoded.shape() != Shape{B, Ts, m_config.dim})
        throw std::invalid_argument("T5Model::decode: encoder output " + shapeString(encoded.shape()) +
                                    " does not match (B, Ts, d)");
    const Tensor selfAdditive = add(positionBias(m_decoderBias, Td, Td, false), causalLogitMask(Td));
    // Cross-attention: no position bias, only the source's padding.
    const Tensor crossAdditive = in.paddingMask.empty() ? Tensor() : paddingLogitMask(in.paddingMask, B, Ts);
    Tensor x = maybeDropout(embedding(m_shared, in.decoder, {B, Td}), training); // (B, Td, d)
    for (std::size_t l = 0; l < m_decoder.size(); ++l) {
        const Block &b = m_decoder[l];
        const std::string layer = "layer" + std::to_string(l) + ".";
        const Tensor h = norm(b.selfNorm, x);
        x = add(x, maybeDropout(attend(b.self, h, h, selfAdditive, trace, "decoder." + layer, training), training));
        x = add(x, maybeDropout(attend(b.cross, norm(b.crossNorm, x), encoded, crossAdditive, trace, "cross." + layer,
                                       training),
                                training));
        x = add(x, maybeDropout(feedForward(b.ffn, norm(b.ffnNorm, x), training), training));
    }
    return maybeDropout(norm(m_decoderNorm, x), training);
}

Tensor T5Model::decodeStep(const std::vector<std::int32_t> &tokens, const Tensor &encoded,
                           const std::vector<std::uint8_t> &paddingMask, DecoderCache &cache, Trace *trace)
{
    NoGradScope noGrad;
    const int B = static_cast<int>(tokens.size()), t = cache.length;
    for (std::int32_t id : tokens)
        if (id < 0 || id >= m_config.vocabSize)
            throw std::invalid_argument("T5Model::decodeStep: token id " + std::to_string(id) + " outside [0, " +
                                        std::to_string(m_config.vocabSize) + ")");
    cache.self.resize(m_decoder.size());
    cache.cross.resize(m_decoder.size());
    if (!cache.cross.front().keys.defined() && (encoded.dim() != 3 || encoded.size(0) != B || encoded.size(2) != m_config.dim))
        throw std::invalid_argument("T5Model::decodeStep: encoder output " + shapeString(encoded.shape()) +
                                    " does not match (B, Ts, d)");
    // Position t's row of the causal bucket biases; every cached key is at or before t.
    const Tensor selfAdditive = positionBias(m_decoderBias, 1, t + 1, false, t);
    const Tensor crossAdditive =
        paddingMask.empty() ? Tensor() : paddingLogitMask(paddingMask, B, static_cast<int>(paddingMask.size()) / B);
    Tensor x = embedding(m_shared, tokens, {B, 1}); // (B, 1, d)
    for (std::size_t l = 0; l < m_decoder.size(); ++l) {
        const Block &b = m_decoder[l];
        const std::string layer = "layer" + std::to_string(l) + ".";
        const Tensor h = norm(b.selfNorm, x);
        x = add(x, attend(b.self, h, h, selfAdditive, trace, "decoder." + layer, false, &cache.self[l], false));
        x = add(x, attend(b.cross, norm(b.crossNorm, x), encoded, crossAdditive, trace, "cross." + layer, false,
                          &cache.cross[l], true));
        x = add(x, feedForward(b.ffn, norm(b.ffnNorm, x), false));
    }
    ++cache.length;
    return reshape(logits(norm(m_decoderNorm, x)), {B, m_config.vocabSize});
}

Tensor T5Model::logits(const Tensor &hidden) const
{
    if (m_lmHead.defined())
        return matmul(hidden, m_lmHead, true);
    return matmul(scale(hidden, 1.0f / std::sqrt(static_cast<float>(m_config.dim))), m_shared, true);
}

} // namespace lm
