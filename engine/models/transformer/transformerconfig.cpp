#include "models/transformer/transformerconfig.h"

#include <optional>
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
          range("max_seq", maxSeq, 1, 1 << 16), range("window", window, 0, maxSeq), range("dropout", dropout, 0.0, 0.99),
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
            {"window", window},
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
                              IntField{"max_seq", &c.maxSeq, false}, IntField{"window", &c.window, false},
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

} // namespace lm
