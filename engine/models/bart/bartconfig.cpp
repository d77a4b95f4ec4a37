#include "models/bart/bartconfig.h"

#include "models/configfields.h"

namespace lm {

const std::vector<std::string> &bartActivationNames()
{
    static const std::vector<std::string> names{"gelu", "gelu_new", "relu"};
    return names;
}

const std::string &BartConfig::arch()
{
    static const std::string name = "bart";
    return name;
}

std::string BartConfig::validate() const
{
    const std::string who = "bart config: '";
    auto range = [](const char *name, double v, double lo, double hi) { return outsideRange(arch(), name, v, lo, hi); };
    for (const std::string &m :
         {range("vocab_size", vocabSize, 2, 1 << 20), range("dim", dim, 1, 8192), range("layers", layers, 1, 64),
          range("decoder_layers", decoderLayers, 0, 64), range("heads", heads, 1, 256),
          range("decoder_heads", decoderHeads, 0, 256), range("ffn_hidden", ffnHidden, 0, 65536),
          range("decoder_ffn_hidden", decoderFfnHidden, 0, 65536), range("max_seq", maxSeq, 1, 1 << 16),
          range("norm_eps", normEps, 1e-30, 1.0), range("dropout", dropout, 0.0, 0.99),
          range("pad_token", padToken, 0, vocabSize - 1), range("decoder_start", decoderStart, 0, vocabSize - 1)})
        if (!m.empty())
            return m;
    if (dim % heads != 0)
        return who + "dim' = " + std::to_string(dim) + " is not a multiple of heads = " + std::to_string(heads);
    if (dim % resolvedDecoderHeads() != 0)
        return who + "dim' = " + std::to_string(dim) + " is not a multiple of decoder_heads = " +
               std::to_string(resolvedDecoderHeads());
    return {};
}

std::int64_t BartConfig::parameterCount() const
{
    const std::int64_t V = vocabSize, d = dim, P = maxSeq + 2;
    const std::int64_t attention = 4 * (d * d + d), norm = 2 * d;
    const auto ffn = [d](std::int64_t F) { return d * F + F + F * d + d; };
    const std::int64_t encoderLayer = attention + norm + ffn(resolvedFfnHidden()) + norm;
    const std::int64_t decoderLayer = 2 * (attention + norm) + ffn(resolvedDecoderFfnHidden()) + norm;
    return V * d + 2 * (P * d + norm) + layers * encoderLayer + resolvedDecoderLayers() * decoderLayer + V;
}

nlohmann::json BartConfig::toJson() const
{
    return {{"arch", arch()},
            {"vocab_size", vocabSize},
            {"dim", dim},
            {"layers", layers},
            {"decoder_layers", resolvedDecoderLayers()},
            {"heads", heads},
            {"decoder_heads", resolvedDecoderHeads()},
            {"ffn_hidden", resolvedFfnHidden()},
            {"decoder_ffn_hidden", resolvedDecoderFfnHidden()},
            {"max_seq", maxSeq},
            {"scale_embedding", scaleEmbedding},
            {"activation", bartActivationNames()[static_cast<std::size_t>(activation)]},
            {"norm_eps", normEps},
            {"dropout", dropout},
            {"pad_token", padToken},
            {"decoder_start", decoderStart}};
}

Result<BartConfig> BartConfig::fromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return makeError("bart config is not a JSON object");
    if (const auto it = j.find("arch"); it == j.end() || !it->is_string() || *it != arch())
        return makeError("bart config: 'arch' must be \"bart\"");
    BartConfig c;
    ConfigFields f(j, arch());
    f.integer("vocab_size", c.vocabSize).integer("dim", c.dim).integer("layers", c.layers);
    f.integer("decoder_layers", c.decoderLayers).integer("heads", c.heads).integer("decoder_heads", c.decoderHeads);
    f.integer("ffn_hidden", c.ffnHidden).integer("decoder_ffn_hidden", c.decoderFfnHidden).integer("max_seq", c.maxSeq);
    f.flag("scale_embedding", c.scaleEmbedding).choice("activation", bartActivationNames(), c.activation);
    f.real("norm_eps", c.normEps).real("dropout", c.dropout).integer("pad_token", c.padToken);
    f.integer("decoder_start", c.decoderStart);
    if (!f.ok())
        return makeError(f.error());
    if (const std::string bad = c.validate(); !bad.empty())
        return makeError(bad);
    return c;
}

} // namespace lm
