#include "models/registry.h"

#include "core/rng.h"
#include "models/mlplm.h"
#include "models/recurrentlm.h"
#include "models/transformer.h"

namespace lm {

std::vector<std::string> availableArchitectures() { return {"mlp", "rnn", "lstm", "gru", "gpt", "llama"}; }

namespace {

std::string unknownArchitecture(const std::string &arch)
{
    std::string known;
    for (const auto &a : availableArchitectures())
        known += (known.empty() ? "" : ", ") + a;
    return "unknown architecture '" + arch + "' (available: " + known + ")";
}

} // namespace

Result<std::unique_ptr<LanguageModel>> createModel(const nlohmann::json &config, std::uint64_t seed)
{
    if (!config.is_object() || !config.contains("arch") || !config["arch"].is_string())
        return makeError("model config has no \"arch\" string");
    const std::string arch = config["arch"].get<std::string>();
    Rng rng(seed);
    if (arch == "mlp") {
        auto c = MlpConfig::fromJson(config);
        if (!c)
            return makeError(c.error());
        return std::unique_ptr<LanguageModel>(std::make_unique<MlpLanguageModel>(c.value(), rng));
    }
    if (cellKindFromName(arch)) {
        auto c = RecurrentLmConfig::fromJson(config);
        if (!c)
            return makeError(c.error());
        return std::unique_ptr<LanguageModel>(std::make_unique<RecurrentLanguageModel>(c.value(), rng));
    }
    if (arch == "gpt" || arch == "llama") {
        auto c = TransformerConfig::fromJson(config);
        if (!c)
            return makeError(c.error());
        return makeTransformer(c.value(), rng);
    }
    return makeError(unknownArchitecture(arch));
}

Result<std::int64_t> minimumParameterCount(const nlohmann::json &config)
{
    if (!config.is_object() || !config.contains("arch") || !config["arch"].is_string())
        return makeError("model config has no \"arch\" string");
    const std::string arch = config["arch"].get<std::string>();
    if (arch == "mlp") {
        auto c = MlpConfig::fromJson(config);
        if (!c)
            return makeError(c.error());
        // embedding (V, d), hidden (H, n·d), output (V, H)
        const std::int64_t V = c.value().vocabSize, d = c.value().dim, H = c.value().hidden, n = c.value().context;
        return V * d + H * n * d + V * H;
    }
    if (const auto kind = cellKindFromName(arch)) {
        auto c = RecurrentLmConfig::fromJson(config);
        if (!c)
            return makeError(c.error());
        // embedding (V, d), head (V, H), and per layer at least the recurrent weights (G·H, H)
        const std::int64_t V = c.value().vocabSize, d = c.value().dim, H = c.value().hidden;
        return V * d + V * H + std::int64_t(c.value().layers) * gateCount(*kind) * H * H;
    }
    if (arch == "gpt" || arch == "llama") {
        auto c = TransformerConfig::fromJson(config);
        if (!c)
            return makeError(c.error());
        return c.value().minimumParameterCount();
    }
    return makeError(unknownArchitecture(arch));
}

} // namespace lm
