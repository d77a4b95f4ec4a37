#include "models/t5/t5config.h"

#include "models/configfields.h"

namespace lm {

const std::vector<std::string> &t5FeedForwardNames()
{
    static const std::vector<std::string> names{"relu", "gated-gelu"};
    return names;
}

const std::string &T5Config::arch()
{
    static const std::string name = "t5";
    return name;
}

std::string T5Config::validate() const
{
    const std::string who = "t5 config: '";
    auto range = [](const char *name, double v, double lo, double hi) { return outsideRange(arch(), name, v, lo, hi); };
    for (const std::string &m :
         {range("vocab_size", vocabSize, 2, 1 << 20), range("dim", dim, 1, 8192), range("heads", heads, 1, 256),
          range("head_dim", headDim, 0, 1024), range("ffn_hidden", ffnHidden, 0, 65536), range("layers", layers, 1, 64),
          range("decoder_layers", decoderLayers, 0, 64), range("buckets", buckets, 2, 1024),
          range("max_distance", maxDistance, 1, 1 << 20), range("norm_eps", normEps, 1e-30, 1.0),
          range("dropout", dropout, 0.0, 0.99), range("decoder_start", decoderStart, 0, vocabSize - 1)})
        if (!m.empty())
            return m;
    if (headDim == 0 && dim % heads != 0)
        return who + "dim' = " + std::to_string(dim) + " is not a multiple of heads = " + std::to_string(heads) +
               " (or give head_dim)";
    return {};
}

std::int64_t T5Config::parameterCount() const
{
    const std::int64_t V = vocabSize, d = dim, I = inner(), F = resolvedFfnHidden(), H = heads;
    const std::int64_t attention = 4 * d * I; // q, k, v (I, d) and o (d, I), no biases
    const std::int64_t ffn = (feedForward == T5FeedForward::GatedGelu ? 3 : 2) * d * F;
    const std::int64_t encoderBlock = attention + ffn + 2 * d;      // two RMS norms
    const std::int64_t decoderBlock = 2 * attention + ffn + 3 * d;  // self, cross, three norms
    std::int64_t total = V * d;                                     // shared embedding
    total += layers * encoderBlock + buckets * H + d;               // + block 0's bias table, final norm
    total += resolvedDecoderLayers() * decoderBlock + buckets * H + d;
    if (!tiedHead)
        total += V * d;
    return total;
}

nlohmann::json T5Config::toJson() const
{
    return {{"arch", arch()},
            {"vocab_size", vocabSize},
            {"dim", dim},
            {"heads", heads},
            {"head_dim", resolvedHeadDim()},
            {"ffn_hidden", resolvedFfnHidden()},
            {"layers", layers},
            {"decoder_layers", resolvedDecoderLayers()},
            {"buckets", buckets},
            {"max_distance", maxDistance},
            {"norm_eps", normEps},
            {"feed_forward", t5FeedForwardNames()[static_cast<std::size_t>(feedForward)]},
            {"tied_head", tiedHead},
            {"dropout", dropout},
            {"decoder_start", decoderStart}};
}

Result<T5Config> T5Config::fromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return makeError("t5 config is not a JSON object");
    if (const auto it = j.find("arch"); it == j.end() || !it->is_string() || *it != arch())
        return makeError("t5 config: 'arch' must be \"t5\"");
    T5Config c;
    ConfigFields f(j, arch());
    f.integer("vocab_size", c.vocabSize).integer("dim", c.dim).integer("heads", c.heads).integer("head_dim", c.headDim);
    f.integer("ffn_hidden", c.ffnHidden).integer("layers", c.layers).integer("decoder_layers", c.decoderLayers);
    f.integer("buckets", c.buckets).integer("max_distance", c.maxDistance).real("norm_eps", c.normEps);
    f.choice("feed_forward", t5FeedForwardNames(), c.feedForward).flag("tied_head", c.tiedHead);
    f.real("dropout", c.dropout).integer("decoder_start", c.decoderStart);
    if (!f.ok())
        return makeError(f.error());
    if (const std::string bad = c.validate(); !bad.empty())
        return makeError(bad);
    return c;
}

} // namespace lm
