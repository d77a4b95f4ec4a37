// T5 (models/t5/t5.h).
// Legend: B = batch, Ts = source tokens, Td = decoder tokens, Tq/Tk = query/key tokens, d = dim,
// nh = heads, dk = d_kv, I = nh · dk, F = FFN width, V = vocab, nb = buckets.
#include "models/t5/t5.h"

#include "core/init.h"
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lm {

namespace {

// Added to a logit that must get no weight. HF adds finfo.min; any value whose exp underflows to
// 0 gives the same probabilities, and this one leaves room for the bias added to it.
constexpr float kMasked = -1e30f;

// Batch row 0 of x (B, T, C) as a (T, C) trace matrix.
void recordRow0(Trace *trace, const std::string &name, const Tensor &x)
{
    if (!trace)
        return;
    TraceMatrix m;
    m.rows = static_cast<int>(x.size(1));
    m.cols = static_cast<int>(x.size(2));
    m.values.assign(x.data(), x.data() + static_cast<std::ptrdiff_t>(m.rows) * m.cols);
    trace->matrices[name] = std::move(m);
}

} // namespace

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

Tensor T5Model::positionBias(const Tensor &table, int Tq, int Tk, bool bidirectional) const
{
    std::vector<std::int32_t> buckets(static_cast<std::size_t>(Tq) * static_cast<std::size_t>(Tk));
    for (int i = 0; i < Tq; ++i)
        for (int j = 0; j < Tk; ++j)
            buckets[static_cast<std::size_t>(i) * static_cast<std::size_t>(Tk) + static_cast<std::size_t>(j)] =
                t5RelativeBucket(j - i, bidirectional, m_config.buckets, m_config.maxDistance);
    const Tensor rows = embedding(table, buckets, {Tq, Tk});  // (Tq, Tk, nh)
    const Tensor heads = transpose(transpose(rows, 1, 2), 0, 1); // (nh, Tq, Tk)
    return reshape(heads, {1, m_config.heads, Tq, Tk});
}

Tensor T5Model::attend(const Attention &w, const Tensor &x, const Tensor &memory, const Tensor &additive, Trace *trace,
                       const std::string &tracePrefix, bool training)
{
    const std::int64_t B = x.size(0), Tq = x.size(1), Tk = memory.size(1), nh = m_config.heads,
                       dk = m_config.headDim, I = m_config.inner();
    auto split = [&](const Tensor &t, const Tensor &weight, std::int64_t T) { // (B, T, d) -> (B, nh, T, dk)
        return transpose(reshape(linear(t, weight), {B, T, nh, dk}), 1, 2);
    };
    const Tensor q = split(x, w.q, Tq), k = split(memory, w.k, Tk), v = split(memory, w.v, Tk);
    Tensor scores = matmul(q, k, true); // (B, nh, Tq, Tk), no 1/√dk
    if (additive.defined())
        scores = add(scores, additive);
    Tensor p = softmax(scores);
    if (trace)
        for (std::int64_t h = 0; h < nh; ++h) {
            const float *row0 = p.data() + h * Tq * Tk;
            trace->matrices[tracePrefix + "head" + std::to_string(h) + ".attention"] =
                TraceMatrix{static_cast<int>(Tq), static_cast<int>(Tk), std::vector<float>(row0, row0 + Tq * Tk)};
        }
    p = maybeDropout(p, training);
    const Tensor y = matmul(p, v); // (B, nh, Tq, dk)
    return linear(reshape(transpose(y, 1, 2), {B, Tq, I}), w.o);
}

Tensor T5Model::feedForward(const FeedForward &w, const Tensor &x, bool training)
{
    Tensor h = m_config.feedForward == T5FeedForward::GatedGelu ? mul(geluTanh(linear(x, w.wi)), linear(x, w.wi1))
                                                                 : relu(linear(x, w.wi));
    return linear(maybeDropout(h, training), w.wo);
}

void T5Model::check(const Seq2SeqInput &in, const char *who) const
{
    const auto ns = static_cast<std::size_t>(in.batch) * static_cast<std::size_t>(in.sourceTime);
    const auto nd = static_cast<std::size_t>(in.batch) * static_cast<std::size_t>(in.decoderTime);
    if (in.batch < 1 || in.sourceTime < 1 || in.decoderTime < 1 || in.source.size() != ns || in.decoder.size() != nd ||
        (!in.paddingMask.empty() && in.paddingMask.size() != ns))
        throw std::invalid_argument(std::string(who) + ": input sizes do not match (B, Ts, Td) = (" +
                                    std::to_string(in.batch) + ", " + std::to_string(in.sourceTime) + ", " +
                                    std::to_string(in.decoderTime) + ")");
    for (const auto *ids : {&in.source, &in.decoder})
        for (const std::int32_t id : *ids)
            if (id < 0 || id >= m_config.vocabSize)
                throw std::invalid_argument(std::string(who) + ": token id " + std::to_string(id) + " outside [0, " +
                                            std::to_string(m_config.vocabSize) + ")");
}

Tensor T5Model::encode(const Seq2SeqInput &in, Trace *trace, bool training)
{
    check(in, "T5Model::encode");
    const int B = in.batch, Ts = in.sourceTime;
    // Block 0's bucket biases (1, nh, Ts, Ts) plus the padding of the keys (B, 1, 1, Ts): one
    // additive term for every block.
    Tensor additive = positionBias(m_encoderBias, Ts, Ts, true);
    if (!in.paddingMask.empty()) {
        std::vector<float> pad(in.paddingMask.size());
        for (std::size_t i = 0; i < pad.size(); ++i)
            pad[i] = in.paddingMask[i] ? 0.0f : kMasked;
        additive = add(additive, Tensor::fromVector({B, 1, 1, Ts}, pad));
    }
    Tensor x = maybeDropout(embedding(m_shared, in.source, {B, Ts}), training); // (B, Ts, d)
    for (std::size_t l = 0; l < m_encoder.size(); ++l) {
        const Block &b = m_encoder[l];
        const std::string layer = "layer" + std::to_string(l) + ".";
        const Tensor h = norm(b.selfNorm, x);
        x = add(x, maybeDropout(attend(b.self, h, h, additive, trace, layer, training), training));
        x = add(x, maybeDropout(feedForward(b.ffn, norm(b.ffnNorm, x), training), training));
        recordRow0(trace, layer + "hidden", x);
    }
    return maybeDropout(norm(m_encoderNorm, x), training);
}

Tensor T5Model::decode(const Seq2SeqInput &in, const Tensor &encoded, Trace *trace, bool training)
{
    check(in, "T5Model::decode");
    const int B = in.batch, Ts = in.sourceTime, Td = in.decoderTime;
    if (encoded.shape() != Shape{B, Ts, m_config.dim})
        throw std::invalid_argument("T5Model::decode: encoder output " + shapeString(encoded.shape()) +
                                    " does not match (B, Ts, d)");
    std::vector<float> causal(static_cast<std::size_t>(Td) * static_cast<std::size_t>(Td), 0.0f);
    for (int i = 0; i < Td; ++i)
        for (int j = i + 1; j < Td; ++j)
            causal[static_cast<std::size_t>(i) * static_cast<std::size_t>(Td) + static_cast<std::size_t>(j)] = kMasked;
    const Tensor selfAdditive = add(positionBias(m_decoderBias, Td, Td, false), Tensor::fromVector({1, 1, Td, Td}, causal));
    Tensor crossAdditive; // cross-attention: no position bias, only the source's padding
    if (!in.paddingMask.empty()) {
        std::vector<float> pad(in.paddingMask.size());
        for (std::size_t i = 0; i < pad.size(); ++i)
            pad[i] = in.paddingMask[i] ? 0.0f : kMasked;
        crossAdditive = Tensor::fromVector({B, 1, 1, Ts}, pad);
    }
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

Tensor T5Model::logits(const Tensor &hidden) const
{
    if (m_lmHead.defined())
        return matmul(hidden, m_lmHead, true);
    return matmul(scale(hidden, 1.0f / std::sqrt(static_cast<float>(m_config.dim))), m_shared, true);
}

Tensor T5Model::forward(const Seq2SeqInput &input, Trace *trace)
{
    NoGradScope noGrad;
    const Tensor encoded = encode(input, trace);
    return logits(decode(input, encoded, trace));
}

Tensor T5Model::loss(const TokenBatch &batch)
{
    Seq2SeqInput in{batch.batch, batch.time, batch.inputs, batch.paddingMask, batch.decoderTime, batch.decoderInputs};
    if (batch.targets.size() != in.decoder.size())
        throw std::invalid_argument("T5Model::loss: targets do not match (B, T')");
    const Tensor encoded = encode(in, nullptr, true);
    const Tensor out = logits(decode(in, encoded, nullptr, true)); // (B, Td, V)
    return crossEntropy(reshape(out, {static_cast<std::int64_t>(batch.batch) * batch.decoderTime, m_config.vocabSize}),
                        batch.targets);
}

Tensor T5Model::nextTokenLogits(const std::vector<std::int32_t> &)
{
    throw std::logic_error("an encoder-decoder writes a target for a source; it does not continue one text");
}

Tensor T5Model::sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace)
{
    if (ids.empty())
        throw std::invalid_argument("T5Model::sequenceLogits: no tokens");
    Seq2SeqInput in;
    in.sourceTime = in.decoderTime = static_cast<int>(ids.size());
    in.source = ids;
    in.decoder.push_back(m_config.decoderStart);
    in.decoder.insert(in.decoder.end(), ids.begin(), ids.end() - 1);
    const Tensor out = forward(in, trace); // (1, T, V)
    return reshape(out, {in.decoderTime, m_config.vocabSize});
}

} // namespace lm
