// Mamba's configuration (models/mamba/mambaconfig.h).
#include "models/mamba/mambaconfig.h"

#include "models/configfields.h"

namespace lm {

const std::string &MambaConfig::arch()
{
    static const std::string name = "mamba";
    return name;
}

std::string MambaConfig::validate() const
{
    for (const std::string &bad :
         {outsideRange(arch(), "vocab_size", vocabSize, 2, 1 << 20), outsideRange(arch(), "dim", dim, 1, 8192),
          outsideRange(arch(), "layers", layers, 1, 128), outsideRange(arch(), "state_size", stateSize, 1, 256),
          outsideRange(arch(), "expand", expand, 1, 8), outsideRange(arch(), "conv_kernel", convKernel, 1, 64),
          outsideRange(arch(), "dt_rank", dtRank, 0, 8192), outsideRange(arch(), "norm_eps", normEps, 1e-12, 1.0)})
        if (!bad.empty())
            return bad;
    return {};
}

std::int64_t MambaConfig::parameterCount() const
{
    const std::int64_t H = dim, D = innerDim(), N = stateSize, K = convKernel, R = resolvedDtRank(), V = vocabSize;
    // Per block: the norm (H); in_proj (2D, H); conv (D, 1, K) + bias; x_proj (R + 2N, D);
    // dt_proj (D, R) + bias; A_log (D, N); D (D); out_proj (H, D).
    std::int64_t block = H + 2 * D * H + D * K + D * (R + 2 * N) + D * R + D + D * N + D + H * D;
    if (projBias)
        block += 2 * D + H;
    if (convBias)
        block += D;
    return V * H + layers * block + H + (tiedHead ? 0 : V * H);
}

nlohmann::json MambaConfig::toJson() const
{
    return {{"arch", arch()},          {"vocab_size", vocabSize},   {"dim", dim},
            {"layers", layers},        {"state_size", stateSize},   {"expand", expand},
            {"conv_kernel", convKernel}, {"dt_rank", resolvedDtRank()}, {"proj_bias", projBias},
            {"conv_bias", convBias},   {"tied_head", tiedHead},     {"norm_eps", normEps}};
}

Result<MambaConfig> MambaConfig::fromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return makeError(arch() + " config is not a JSON object");
    if (!j.contains("arch") || j["arch"] != arch())
        return makeError(arch() + " config: 'arch' must be \"" + arch() + "\"");
    MambaConfig c;
    ConfigFields f(j, arch());
    f.integer("vocab_size", c.vocabSize)
        .integer("dim", c.dim)
        .integer("layers", c.layers)
        .integer("state_size", c.stateSize)
        .integer("expand", c.expand)
        .integer("conv_kernel", c.convKernel)
        .integer("dt_rank", c.dtRank)
        .flag("proj_bias", c.projBias)
        .flag("conv_bias", c.convBias)
        .flag("tied_head", c.tiedHead)
        .real("norm_eps", c.normEps);
    if (!f.ok())
        return makeError(f.error());
    if (const std::string bad = c.validate(); !bad.empty())
        return makeError(bad);
    return c;
}

} // namespace lm
