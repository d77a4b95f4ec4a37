// Encoder-only Transformers (models/encoder/encoder.h).
// Legend: B = batch, T = tokens, H = dim, E = embedding dim, V = vocab, F = FFN width, K = labels,
// nh = heads, D = H / nh, N = positions the MLM head reads.
#include "models/encoder/encoder.h"

#include "core/init.h"
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"
#include "models/attention.h"
#include "models/chunkedattention.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace lm {

namespace {

constexpr float kInitStd = 0.02f;

} // namespace

EncoderModel::EncoderModel(const EncoderConfig &config, Rng &rng) : m_config(config), m_dropoutRng(rng.next())
{
    if (const std::string m = config.validate(); !m.empty())
        throw std::invalid_argument("EncoderModel: " + m);
    m_config.embeddingDim = config.resolvedEmbeddingDim();
    m_config.ffnHidden = config.resolvedFfnHidden();
    const int H = config.dim, E = m_config.embeddingDim, F = m_config.ffnHidden, V = config.vocabSize;
    const bool albert = config.layout == EncoderLayout::Albert;
    auto linearOf = [&](int in, int out) {
        Linear l{Tensor::zeros({out, in}, true), Tensor::zeros({out}, true)};
        initNormal(l.weight, 0.0f, kInitStd, rng);
        return l;
    };
    auto norm = [](int n) { return Norm{Tensor::full({n}, 1.0f, true), Tensor::zeros({n}, true)}; };
    auto table = [&](int rows, int cols) {
        Tensor t = Tensor::zeros({rows, cols}, true);
        initNormal(t, 0.0f, kInitStd, rng);
        return t;
    };
    m_wordEmbedding = table(V, E);
    m_positionEmbedding = table(config.maxSeq, E);
    m_typeEmbedding = table(config.typeVocab, E);
    m_embeddingNorm = norm(E);
    if (albert)
        m_mapIn = linearOf(E, H);
    const int stored = albert ? 1 : config.layers;
    for (int l = 0; l < stored; ++l) {
        Layer w;
        w.query = linearOf(H, H);
        w.key = linearOf(H, H);
        w.value = linearOf(H, H);
        w.attentionOut = linearOf(H, H);
        w.attentionNorm = norm(H);
        w.intermediate = linearOf(H, F);
        w.output = linearOf(F, H);
        w.outputNorm = norm(H);
        m_layers.push_back(std::move(w));
    }
    if (config.pooler)
        m_pooler = linearOf(H, H);
    switch (config.head) {
    case EncoderHead::Pretrain:
        m_transform = linearOf(H, E);
        m_transformNorm = norm(E);
        m_outputBias = Tensor::zeros({V}, true);
        if (config.pooler && config.pairHead)
            m_pairHead = linearOf(H, 2);
        break;
    case EncoderHead::Classify:
    case EncoderHead::Tag:
        m_classifier = linearOf(H, config.numLabels);
        break;
    }
}

std::string EncoderModel::prefix() const { return m_config.arch() + "."; }

ParameterList EncoderModel::parameters() const
{
    ParameterList p;
    const std::string base = prefix();
    auto addLinear = [&](const std::string &name, const Linear &l) {
        p.push_back({name + ".weight", l.weight});
        p.push_back({name + ".bias", l.bias});
    };
    auto addNorm = [&](const std::string &name, const Norm &n) {
        p.push_back({name + ".weight", n.weight});
        p.push_back({name + ".bias", n.bias});
    };
    p.push_back({base + "embeddings.word_embeddings.weight", m_wordEmbedding});
    p.push_back({base + "embeddings.position_embeddings.weight", m_positionEmbedding});
    p.push_back({base + "embeddings.token_type_embeddings.weight", m_typeEmbedding});
    addNorm(base + "embeddings.LayerNorm", m_embeddingNorm);
    const bool albert = m_config.layout == EncoderLayout::Albert;
    if (albert) {
        addLinear(base + "encoder.embedding_hidden_mapping_in", m_mapIn);
        const std::string l = base + "encoder.albert_layer_groups.0.albert_layers.0.";
        const Layer &w = m_layers.front();
        addLinear(l + "attention.query", w.query);
        addLinear(l + "attention.key", w.key);
        addLinear(l + "attention.value", w.value);
        addLinear(l + "attention.dense", w.attentionOut);
        addNorm(l + "attention.LayerNorm", w.attentionNorm);
        addLinear(l + "ffn", w.intermediate);
        addLinear(l + "ffn_output", w.output);
        addNorm(l + "full_layer_layer_norm", w.outputNorm);
    } else {
        for (std::size_t i = 0; i < m_layers.size(); ++i) {
            const Layer &w = m_layers[i];
            const std::string l = base + "encoder.layer." + std::to_string(i) + ".";
            addLinear(l + "attention.self.query", w.query);
            addLinear(l + "attention.self.key", w.key);
            addLinear(l + "attention.self.value", w.value);
            addLinear(l + "attention.output.dense", w.attentionOut);
            addNorm(l + "attention.output.LayerNorm", w.attentionNorm);
            addLinear(l + "intermediate.dense", w.intermediate);
            addLinear(l + "output.dense", w.output);
            addNorm(l + "output.LayerNorm", w.outputNorm);
        }
    }
    if (m_pooler.weight.defined())
        addLinear(base + (albert ? "pooler" : "pooler.dense"), m_pooler);
    if (m_transform.weight.defined()) {
        const std::string h = albert ? "predictions." : "cls.predictions.";
        addLinear(h + (albert ? "dense" : "transform.dense"), m_transform);
        addNorm(h + (albert ? "LayerNorm" : "transform.LayerNorm"), m_transformNorm);
        p.push_back({h + "bias", m_outputBias});
    }
    if (m_pairHead.weight.defined())
        addLinear(albert ? "sop_classifier.classifier" : "cls.seq_relationship", m_pairHead);
    if (m_classifier.weight.defined())
        addLinear("classifier", m_classifier);
    return p;
}

Tensor EncoderModel::act(const Tensor &x) const
{
    return m_config.activation == EncoderActivation::Gelu ? gelu(x) : geluTanh(x);
}

Tensor EncoderModel::apply(const Linear &l, const Tensor &x) const { return linear(x, l.weight, l.bias); }

Tensor EncoderModel::normalise(const Norm &n, const Tensor &x) const
{
    return layerNorm(x, n.weight, n.bias, m_config.normEps);
}

Tensor EncoderModel::maybeDropout(const Tensor &x, bool training)
{
    if (!training || m_config.dropout <= 0.0f)
        return x;
    return dropout(x, m_config.dropout, m_dropoutRng, true);
}

Tensor EncoderModel::attend(int layer, const Layer &w, const Tensor &x, const std::vector<std::uint8_t> *keyPadding,
                            Trace *trace) const
{
    const std::int64_t B = x.size(0), T = x.size(1), H = m_config.dim, nh = m_config.heads, D = m_config.headDim();
    auto heads = [&](const Linear &l) { // (B, T, H) -> (B, nh, T, D)
        return transpose(reshape(apply(l, x), {B, T, nh, D}), 1, 2);
    };
    const Tensor q = heads(w.query), k = heads(w.key), v = heads(w.value);
    AttentionOptions options;
    options.causal = false;
    options.keyPadding = keyPadding;
    options.trace = trace;
    options.tracePrefix = "layer" + std::to_string(layer) + ".";
    Tensor y = m_config.attention == AttentionKind::Chunked && !trace
                   ? chunkedAttention(q, k, v, options, m_config.attentionChunk)
                   : attention(q, k, v, options); // (B, nh, T, D)
    return apply(w.attentionOut, reshape(transpose(y, 1, 2), {B, T, H}));
}

void EncoderModel::check(const EncoderInput &in, const char *who) const
{
    const auto n = static_cast<std::size_t>(in.batch) * static_cast<std::size_t>(in.time);
    if (in.batch < 1 || in.time < 1 || in.ids.size() != n || (!in.tokenTypes.empty() && in.tokenTypes.size() != n) ||
        (!in.paddingMask.empty() && in.paddingMask.size() != n))
        throw std::invalid_argument(std::string(who) + ": input sizes do not match (B, T) = (" +
                                    std::to_string(in.batch) + ", " + std::to_string(in.time) + ")");
    if (in.time > m_config.maxSeq)
        throw std::invalid_argument(std::string(who) + ": " + std::to_string(in.time) +
                                    " tokens exceed the position table (max_seq = " + std::to_string(m_config.maxSeq) +
                                    ")");
    for (std::size_t i = 0; i < n; ++i) {
        if (in.ids[i] < 0 || in.ids[i] >= m_config.vocabSize)
            throw std::invalid_argument(std::string(who) + ": token id " + std::to_string(in.ids[i]) + " outside [0, " +
                                        std::to_string(m_config.vocabSize) + ")");
        if (!in.tokenTypes.empty() && (in.tokenTypes[i] < 0 || in.tokenTypes[i] >= m_config.typeVocab))
            throw std::invalid_argument(std::string(who) + ": token type " + std::to_string(in.tokenTypes[i]) +
                                        " outside [0, " + std::to_string(m_config.typeVocab) + ")");
    }
}

Tensor EncoderModel::encode(const EncoderInput &in, Trace *trace, bool training)
{
    check(in, "EncoderModel::encode");
    const std::int64_t B = in.batch, T = in.time;
    std::vector<std::int32_t> positions(static_cast<std::size_t>(T));
    for (std::int64_t t = 0; t < T; ++t)
        positions[static_cast<std::size_t>(t)] = static_cast<std::int32_t>(t);
    const std::vector<std::int32_t> types =
        in.tokenTypes.empty() ? std::vector<std::int32_t>(in.ids.size(), 0) : in.tokenTypes;
    Tensor x = in.wordVectors.defined() ? in.wordVectors : embedding(m_wordEmbedding, in.ids, {B, T}); // (B, T, E)
    if (x.shape() != Shape{B, T, m_config.embeddingDim})
        throw std::invalid_argument("EncoderModel::encode: word vectors " + shapeString(x.shape()) + " do not match (B, T, E)");
    x = add(x, embedding(m_typeEmbedding, types, {B, T}));
    x = add(x, embedding(m_positionEmbedding, positions, {T}));         // (T, E) over B
    x = maybeDropout(normalise(m_embeddingNorm, x), training);
    if (m_config.layout == EncoderLayout::Albert)
        x = apply(m_mapIn, x); // (B, T, E) -> (B, T, H)
    if (trace)
        trace->put("embeddings.hidden", static_cast<int>(x.size(1)), static_cast<int>(x.size(2)), x.data());

    std::vector<std::uint8_t> padding; // attention's convention: 1 = padding
    if (!in.paddingMask.empty()) {
        padding.resize(in.paddingMask.size());
        for (std::size_t i = 0; i < padding.size(); ++i)
            padding[i] = in.paddingMask[i] ? 0 : 1;
    }
    const std::vector<std::uint8_t> *keyPadding = padding.empty() ? nullptr : &padding;
    for (int l = 0; l < m_config.layers; ++l) {
        const Layer &w = m_layers[m_layers.size() == 1 ? 0 : static_cast<std::size_t>(l)];
        x = normalise(w.attentionNorm, add(x, maybeDropout(attend(l, w, x, keyPadding, trace), training)));
        const Tensor f = apply(w.output, act(apply(w.intermediate, x)));
        x = normalise(w.outputNorm, add(x, maybeDropout(f, training)));
        if (trace)
            trace->put("layer" + std::to_string(l) + ".hidden", static_cast<int>(x.size(1)), static_cast<int>(x.size(2)),
                       x.data());
    }
    return x;
}

Tensor EncoderModel::maskedLmLogits(const Tensor &rows) const
{
    if (!m_transform.weight.defined())
        throw std::logic_error("EncoderModel: this encoder has no masked-LM head");
    const Tensor h = normalise(m_transformNorm, act(apply(m_transform, rows))); // (N, E)
    return add(matmul(h, m_wordEmbedding, true), m_outputBias);                // (N, V)
}

Tensor EncoderModel::pooled(const Tensor &hidden) const
{
    if (!m_pooler.weight.defined())
        throw std::logic_error("EncoderModel: this encoder has no pooler");
    const std::int64_t B = hidden.size(0), H = hidden.size(2);
    const Tensor cls = reshape(slice(hidden, 1, 0, 1), {B, H}); // h[:, 0]
    return tanh(apply(m_pooler, cls));
}

Tensor EncoderModel::pairLogits(const Tensor &pooledRows) const
{
    if (!m_pairHead.weight.defined())
        throw std::logic_error("EncoderModel: this encoder has no sentence-pair head");
    return apply(m_pairHead, pooledRows);
}

Tensor EncoderModel::classifierLogits(const Tensor &x) const
{
    if (!m_classifier.weight.defined())
        throw std::logic_error("EncoderModel: this encoder has no classifier");
    return apply(m_classifier, x);
}

Tensor EncoderModel::loss(const TokenBatch &batch)
{
    EncoderInput in{batch.batch, batch.time, batch.inputs, batch.tokenTypes, batch.paddingMask, Tensor()};
    const std::int64_t B = batch.batch, T = batch.time, H = m_config.dim;
    const auto n = static_cast<std::size_t>(B * T);
    const Tensor hidden = encode(in, nullptr, true); // checks the sizes
    switch (m_config.head) {
    case EncoderHead::Pretrain: {
        if (batch.targets.size() != n)
            throw std::invalid_argument("EncoderModel::loss: targets do not match (B, T)");
        // Only the picked positions go through the MLM head (the others are ignored anyway).
        std::vector<std::int32_t> rows, targets;
        for (std::size_t i = 0; i < n; ++i)
            if (batch.targets[i] != TokenBatch::kIgnore) {
                rows.push_back(static_cast<std::int32_t>(i));
                targets.push_back(batch.targets[i]);
            }
        Tensor total;
        if (!rows.empty()) {
            const Tensor picked = embedding(reshape(hidden, {B * T, H}), rows, {static_cast<std::int64_t>(rows.size())});
            total = crossEntropy(maskedLmLogits(picked), targets);
        }
        if (!batch.labels.empty() && hasPairHead()) {
            if (batch.labels.size() != static_cast<std::size_t>(B))
                throw std::invalid_argument("EncoderModel::loss: labels do not match B");
            const Tensor pair = crossEntropy(pairLogits(pooled(hidden)), batch.labels);
            total = total.defined() ? add(total, pair) : pair;
        }
        if (!total.defined())
            throw std::invalid_argument("EncoderModel::loss: the batch has no masked position and no pair label");
        return total;
    }
    case EncoderHead::Classify:
        if (batch.labels.size() != static_cast<std::size_t>(B))
            throw std::invalid_argument("EncoderModel::loss: labels do not match B");
        return crossEntropy(classifierLogits(pooled(hidden)), batch.labels);
    case EncoderHead::Tag:
        if (batch.targets.size() != n)
            throw std::invalid_argument("EncoderModel::loss: targets do not match (B, T)");
        return crossEntropy(reshape(classifierLogits(hidden), {B * T, m_config.numLabels}), batch.targets);
    }
    throw std::logic_error("EncoderModel::loss: unknown head");
}

Tensor EncoderModel::nextTokenLogits(const std::vector<std::int32_t> &)
{
    throw std::logic_error("an encoder reads the whole sentence at once and does not predict the next token");
}

Tensor EncoderModel::sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace)
{
    if (ids.empty())
        throw std::invalid_argument("EncoderModel::sequenceLogits: no tokens");
    NoGradScope noGrad;
    EncoderInput in;
    in.time = static_cast<int>(ids.size());
    in.ids = ids;
    const Tensor hidden = encode(in, trace);
    const std::int64_t T = in.time, H = m_config.dim;
    switch (m_config.head) {
    case EncoderHead::Pretrain:
        return maskedLmLogits(reshape(hidden, {T, H}));
    case EncoderHead::Classify:
        return classifierLogits(pooled(hidden));
    case EncoderHead::Tag:
        return classifierLogits(reshape(hidden, {T, H}));
    }
    throw std::logic_error("EncoderModel::sequenceLogits: unknown head");
}

std::unique_ptr<EncoderModel> EncoderModel::withHead(const EncoderConfig &config, std::uint64_t seed) const
{
    if (config.layout != m_config.layout || config.dim != m_config.dim ||
        config.resolvedEmbeddingDim() != m_config.embeddingDim || config.layers != m_config.layers ||
        config.heads != m_config.heads || config.resolvedFfnHidden() != m_config.ffnHidden ||
        config.vocabSize != m_config.vocabSize || config.maxSeq != m_config.maxSeq ||
        config.typeVocab != m_config.typeVocab)
        throw std::invalid_argument("EncoderModel::withHead: the new head needs the same encoder");
    Rng rng(seed);
    auto model = std::make_unique<EncoderModel>(config, rng);
    const ParameterList mine = parameters();
    for (auto &p : model->parameters())
        for (const auto &q : mine)
            if (q.name == p.name && q.tensor.shape() == p.tensor.shape()) {
                Tensor target = p.tensor;
                std::memcpy(target.data(), q.tensor.data(), static_cast<std::size_t>(q.tensor.numel()) * sizeof(float));
                break;
            }
    return model;
}

std::unique_ptr<EncoderModel> makeEncoder(const EncoderConfig &config, Rng &rng)
{
    return std::make_unique<EncoderModel>(config, rng);
}

} // namespace lm
