#include "models/registry.h"

#include "core/rng.h"
#include "models/mlplm.h"
#include "models/recurrentlm.h"
#include "models/transformer.h"

namespace lm {

std::vector<std::string> availableArchitectures() { return {"mlp", "rnn", "lstm", "gru", "gpt", "llama"}; }

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
    std::string known;
    for (const auto &a : availableArchitectures())
        known += (known.empty() ? "" : ", ") + a;
    return makeError("unknown architecture '" + arch + "' (available: " + known + ")");
}

} // namespace lm
