// RWKV-4's configuration (models/rwkv/rwkvconfig.h).
#include "models/rwkv/rwkvconfig.h"

#include "models/configfields.h"

namespace lm {

const std::string &RwkvConfig::arch()
{
    static const std::string name = "rwkv";
    return name;
}

std::string RwkvConfig::validate() const
{
    for (const std::string &bad :
         {outsideRange(arch(), "vocab_size", vocabSize, 2, 1 << 20), outsideRange(arch(), "dim", dim, 1, 8192),
          outsideRange(arch(), "layers", layers, 1, 64), outsideRange(arch(), "attention_dim", attentionDim, 0, 16384),
          outsideRange(arch(), "ffn_hidden", ffnHidden, 0, 65536), outsideRange(arch(), "dropout", dropout, 0.0, 0.99),
          outsideRange(arch(), "norm_eps", normEps, 1e-12, 1.0)})
        if (!bad.empty())
            return bad;
    return {};
}

std::int64_t RwkvConfig::parameterCount() const
{
    const std::int64_t C = dim, A = resolvedAttentionDim(), F = resolvedFfnHidden(), V = vocabSize;
    const std::int64_t norm = 2 * C;
    // Time-mix: three mixing ratios (C), decay and bonus (A), k v r (A, C), output (C, A).
    // Channel-mix: two ratios (C), key (F, C), receptance (C, C), value (C, F).
    const std::int64_t block = 2 * norm + 3 * C + 2 * A + 4 * A * C + 2 * C + 2 * F * C + C * C;
    return V * C + norm /* pre_ln */ + layers * block + norm /* ln_out */ + (tiedHead ? 0 : V * C);
}

nlohmann::json RwkvConfig::toJson() const
{
    return {{"arch", arch()},
            {"vocab_size", vocabSize},
            {"dim", dim},
            {"layers", layers},
            {"attention_dim", resolvedAttentionDim()},
            {"ffn_hidden", resolvedFfnHidden()},
            {"tied_head", tiedHead},
            {"dropout", dropout},
            {"norm_eps", normEps}};
}

Result<RwkvConfig> RwkvConfig::fromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return makeError(arch() + " config is not a JSON object");
    if (!j.contains("arch") || j["arch"] != arch())
        return makeError(arch() + " config: 'arch' must be \"" + arch() + "\"");
    RwkvConfig c;
    ConfigFields f(j, arch());
    f.integer("vocab_size", c.vocabSize)
        .integer("dim", c.dim)
        .integer("layers", c.layers)
        .integer("attention_dim", c.attentionDim)
        .integer("ffn_hidden", c.ffnHidden)
        .flag("tied_head", c.tiedHead)
        .real("dropout", c.dropout)
        .real("norm_eps", c.normEps);
    if (!f.ok())
        return makeError(f.error());
    if (const std::string bad = c.validate(); !bad.empty())
        return makeError(bad);
    return c;
}

} // namespace lm
