// Jamba's configuration (models/jamba/jambaconfig.h).
#include "models/jamba/jambaconfig.h"

#include "models/configfields.h"

namespace lm {

const std::string &JambaConfig::arch()
{
    static const std::string name = "jamba";
    return name;
}

std::string JambaConfig::validate() const
{
    for (const std::string &bad :
         {outsideRange(arch(), "vocab_size", vocabSize, 2, 1 << 20), outsideRange(arch(), "dim", dim, 1, 8192),
          outsideRange(arch(), "layers", layers, 1, 128), outsideRange(arch(), "heads", heads, 1, 256),
          outsideRange(arch(), "kv_heads", kvHeads, 0, 256), outsideRange(arch(), "ffn_hidden", ffnHidden, 0, 65536),
          outsideRange(arch(), "attn_period", attnPeriod, 1, 128), outsideRange(arch(), "attn_offset", attnOffset, 0, 127),
          outsideRange(arch(), "expert_period", expertPeriod, 1, 128),
          outsideRange(arch(), "expert_offset", expertOffset, 0, 127), outsideRange(arch(), "experts", experts, 1, 256),
          outsideRange(arch(), "experts_per_token", expertsPerToken, 1, 256),
          outsideRange(arch(), "aux_loss_coef", auxLossCoef, 0.0, 10.0),
          outsideRange(arch(), "state_size", stateSize, 1, 256), outsideRange(arch(), "expand", expand, 1, 8),
          outsideRange(arch(), "conv_kernel", convKernel, 1, 64), outsideRange(arch(), "dt_rank", dtRank, 0, 8192),
          outsideRange(arch(), "norm_eps", normEps, 1e-12, 1.0)})
        if (!bad.empty())
            return bad;
    const auto pair = [](const char *a, int va, const char *b, int vb) {
        return std::string(a) + " (" + std::to_string(va) + ") " + b + " (" + std::to_string(vb) + ")";
    };
    if (experts < expertsPerToken)
        return arch() + " config: " + pair("experts", experts, "must be at least experts_per_token", expertsPerToken);
    if (dim % heads != 0)
        return arch() + " config: " + pair("dim", dim, "must be a multiple of heads", heads);
    if (heads % resolvedKvHeads() != 0)
        return arch() + " config: " + pair("heads", heads, "must be a multiple of kv_heads", resolvedKvHeads());
    if (attnOffset >= attnPeriod)
        return arch() + " config: " + pair("attn_offset", attnOffset, "must be below attn_period", attnPeriod);
    if (expertOffset >= expertPeriod)
        return arch() + " config: " + pair("expert_offset", expertOffset, "must be below expert_period", expertPeriod);
    return {};
}

std::int64_t JambaConfig::parameterCount() const
{
    const std::int64_t H = dim, V = vocabSize, F = resolvedFfnHidden(), KV = std::int64_t(resolvedKvHeads()) * headDim();
    const std::int64_t D = std::int64_t(expand) * H, N = stateSize, K = convKernel, R = resolvedDtRank();
    const std::int64_t attention = H * H + 2 * KV * H + H * H;                    // q, k, v, o
    const std::int64_t mamba = 2 * D * H + D * K + D + D * (R + 2 * N) + D * R + D + D * N + D + H * D; // conv bias on
    const std::int64_t mlp = 3 * H * F;                                          // gate, up, down
    std::int64_t total = V * H + H + (tiedHead ? 0 : V * H);
    for (int l = 0; l < layers; ++l) {
        total += 2 * H; // input_layernorm, pre_ff_layernorm
        total += attends(l) ? attention : mamba;
        total += routes(l) ? std::int64_t(experts) * H + experts * mlp : mlp;
    }
    return total;
}

nlohmann::json JambaConfig::toJson() const
{
    return {{"arch", arch()},
            {"vocab_size", vocabSize},
            {"dim", dim},
            {"layers", layers},
            {"heads", heads},
            {"kv_heads", resolvedKvHeads()},
            {"ffn_hidden", resolvedFfnHidden()},
            {"attn_period", attnPeriod},
            {"attn_offset", attnOffset},
            {"expert_period", expertPeriod},
            {"expert_offset", expertOffset},
            {"experts", experts},
            {"experts_per_token", expertsPerToken},
            {"aux_loss_coef", auxLossCoef},
            {"state_size", stateSize},
            {"expand", expand},
            {"conv_kernel", convKernel},
            {"dt_rank", resolvedDtRank()},
            {"tied_head", tiedHead},
            {"norm_eps", normEps}};
}

Result<JambaConfig> JambaConfig::fromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return makeError(arch() + " config is not a JSON object");
    if (!j.contains("arch") || j["arch"] != arch())
        return makeError(arch() + " config: 'arch' must be \"" + arch() + "\"");
    JambaConfig c;
    ConfigFields f(j, arch());
    f.integer("vocab_size", c.vocabSize)
        .integer("dim", c.dim)
        .integer("layers", c.layers)
        .integer("heads", c.heads)
        .integer("kv_heads", c.kvHeads)
        .integer("ffn_hidden", c.ffnHidden)
        .integer("attn_period", c.attnPeriod)
        .integer("attn_offset", c.attnOffset)
        .integer("expert_period", c.expertPeriod)
        .integer("expert_offset", c.expertOffset)
        .integer("experts", c.experts)
        .integer("experts_per_token", c.expertsPerToken)
        .real("aux_loss_coef", c.auxLossCoef)
        .integer("state_size", c.stateSize)
        .integer("expand", c.expand)
        .integer("conv_kernel", c.convKernel)
        .integer("dt_rank", c.dtRank)
        .flag("tied_head", c.tiedHead)
        .real("norm_eps", c.normEps);
    if (!f.ok())
        return makeError(f.error());
    if (const std::string bad = c.validate(); !bad.empty())
        return makeError(bad);
    return c;
}

} // namespace lm
