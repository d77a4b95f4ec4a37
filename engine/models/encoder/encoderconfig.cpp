#include "models/encoder/encoderconfig.h"

#include <algorithm>
#include <optional>
#include <type_traits>

namespace lm {

const std::vector<std::string> &encoderLayoutNames()
{
    static const std::vector<std::string> names{"bert", "albert"};
    return names;
}
const std::vector<std::string> &encoderActivationNames()
{
    static const std::vector<std::string> names{"gelu", "gelu_new"};
    return names;
}
const std::vector<std::string> &encoderHeadNames()
{
    static const std::vector<std::string> names{"pretrain", "classify", "tag"};
    return names;
}

namespace {

template <class E>
std::optional<E> parseName(const std::vector<std::string> &names, const std::string &text)
{
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == text)
            return static_cast<E>(i);
    return std::nullopt;
}

template <class E>
const std::string &nameOf(const std::vector<std::string> &names, E value)
{
    return names[static_cast<std::size_t>(value)];
}

std::string listOf(const std::vector<std::string> &names)
{
    std::string list;
    for (const auto &n : names)
        list += (list.empty() ? "" : ", ") + n;
    return list;
}

} // namespace

const std::string &EncoderConfig::arch() const { return nameOf(encoderLayoutNames(), layout); }

EncoderConfig EncoderConfig::forLayout(EncoderLayout layout)
{
    EncoderConfig c;
    c.layout = layout;
    if (layout == EncoderLayout::Albert)
        c.activation = EncoderActivation::GeluNew;
    return c;
}

std::string EncoderConfig::validate() const
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
          range("heads", heads, 1, 256), range("embedding_dim", embeddingDim, 0, 8192),
          range("ffn_hidden", ffnHidden, 0, 65536), range("max_seq", maxSeq, 1, 1 << 16),
          range("type_vocab", typeVocab, 1, 16), range("norm_eps", normEps, 1e-30, 1.0),
          range("dropout", dropout, 0.0, 0.99), range("attention_chunk", attentionChunk, 1, 1 << 16),
          range("num_labels", numLabels, 1, 4096)})
        if (!m.empty())
            return m;
    if (dim % heads != 0)
        return who + "dim' = " + std::to_string(dim) + " is not a multiple of heads = " + std::to_string(heads);
    if (layout == EncoderLayout::Bert && embeddingDim != 0 && embeddingDim != dim)
        return who + "embedding_dim' = " + std::to_string(embeddingDim) + " must equal dim = " + std::to_string(dim) +
               " (only ALBERT factorises the embeddings)";
    if (head == EncoderHead::Classify && !pooler)
        return who + "pooler' is false but the classify head reads the pooled [CLS] vector";
    if (!labels.empty() && static_cast<int>(labels.size()) != numLabels)
        return who + "labels' has " + std::to_string(labels.size()) + " names but num_labels = " +
               std::to_string(numLabels);
    return {};
}

std::int64_t EncoderConfig::parameterCount() const
{
    const std::int64_t V = vocabSize, H = dim, E = resolvedEmbeddingDim(), F = resolvedFfnHidden(), P = maxSeq,
                       K = numLabels;
    const bool albert = layout == EncoderLayout::Albert;
    std::int64_t total = V * E + P * E + std::int64_t(typeVocab) * E + 2 * E; // embeddings and their LayerNorm
    if (albert)
        total += E * H + H; // embedding_hidden_mapping_in
    const std::int64_t layer = 4 * (H * H + H) + 2 * H + (H * F + F) + (F * H + H) + 2 * H;
    total += (albert ? 1 : layers) * layer;
    if (pooler)
        total += H * H + H;
    switch (head) {
    case EncoderHead::Pretrain:
        total += (H * E + E) + 2 * E + V; // transform dense H -> E, its LayerNorm, the output bias
        if (pooler && pairHead)
            total += 2 * H + 2;
        break;
    case EncoderHead::Classify:
    case EncoderHead::Tag:
        total += K * H + K;
        break;
    }
    return total;
}

nlohmann::json EncoderConfig::toJson() const
{
    return {{"arch", arch()},
            {"vocab_size", vocabSize},
            {"dim", dim},
            {"embedding_dim", resolvedEmbeddingDim()},
            {"layers", layers},
            {"heads", heads},
            {"ffn_hidden", resolvedFfnHidden()},
            {"max_seq", maxSeq},
            {"type_vocab", typeVocab},
            {"norm_eps", normEps},
            {"activation", nameOf(encoderActivationNames(), activation)},
            {"dropout", dropout},
            {"attention", nameOf(attentionNames(), attention)},
            {"attention_chunk", attentionChunk},
            {"head", nameOf(encoderHeadNames(), head)},
            {"pooler", pooler},
            {"pair_head", pairHead},
            {"num_labels", numLabels},
            {"labels", labels}};
}

Result<EncoderConfig> EncoderConfig::fromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return makeError("encoder config is not a JSON object");
    const auto archIt = j.find("arch");
    if (archIt == j.end() || !archIt->is_string())
        return makeError("encoder config: 'arch' is missing");
    const auto layout = parseName<EncoderLayout>(encoderLayoutNames(), archIt->get<std::string>());
    if (!layout)
        return makeError("encoder config: arch '" + archIt->get<std::string>() + "' is not one of " +
                         listOf(encoderLayoutNames()));
    EncoderConfig c = forLayout(*layout);
    const std::string who = c.arch() + " config: '";
    auto integer = [&](const char *name, int &out) -> std::string {
        const auto it = j.find(name);
        if (it == j.end())
            return {};
        if (!it->is_number_integer() || it->get<std::int64_t>() < -(1LL << 30) || it->get<std::int64_t>() > (1LL << 30))
            return who + name + "' is not an integer";
        out = it->get<int>();
        return {};
    };
    auto real = [&](const char *name, float &out) -> std::string {
        const auto it = j.find(name);
        if (it == j.end())
            return {};
        if (!it->is_number())
            return who + name + "' is not a number";
        out = it->get<float>();
        return {};
    };
    auto flag = [&](const char *name, bool &out) -> std::string {
        const auto it = j.find(name);
        if (it == j.end())
            return {};
        if (!it->is_boolean())
            return who + name + "' is not true or false";
        out = it->get<bool>();
        return {};
    };
    auto choice = [&](const char *name, const std::vector<std::string> &names, auto &out) -> std::string {
        const auto it = j.find(name);
        if (it == j.end())
            return {};
        using E = std::decay_t<decltype(out)>;
        std::optional<E> v;
        if (it->is_string())
            v = parseName<E>(names, it->get<std::string>());
        if (!v)
            return who + name + "' must be one of " + listOf(names);
        out = *v;
        return {};
    };
    for (const std::string &m :
         {integer("vocab_size", c.vocabSize), integer("dim", c.dim), integer("embedding_dim", c.embeddingDim),
          integer("layers", c.layers), integer("heads", c.heads), integer("ffn_hidden", c.ffnHidden),
          integer("max_seq", c.maxSeq), integer("type_vocab", c.typeVocab), real("norm_eps", c.normEps),
          choice("activation", encoderActivationNames(), c.activation), real("dropout", c.dropout),
          choice("attention", attentionNames(), c.attention), integer("attention_chunk", c.attentionChunk),
          choice("head", encoderHeadNames(), c.head), flag("pooler", c.pooler), flag("pair_head", c.pairHead),
          integer("num_labels", c.numLabels)})
        if (!m.empty())
            return makeError(m);
    if (const auto it = j.find("labels"); it != j.end()) {
        if (!it->is_array())
            return makeError(who + "labels' is not a list of names");
        for (const auto &l : *it) {
            if (!l.is_string())
                return makeError(who + "labels' is not a list of names");
            c.labels.push_back(l.get<std::string>());
        }
    }
    if (c.layout == EncoderLayout::Albert && j.find("embedding_dim") == j.end())
        c.embeddingDim = std::min(128, c.dim);
    if (const std::string bad = c.validate(); !bad.empty())
        return makeError(bad);
    return c;
}

} // namespace lm
