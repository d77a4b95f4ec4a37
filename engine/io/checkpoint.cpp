#include "io/checkpoint.h"

#include "io/safetensors.h"
#include "models/architecture.h"

#include <cstring>

namespace lm {

namespace {
constexpr std::int64_t kParameterSlack = 1 << 20; // values (4 MB of float32)
} // namespace

Status saveCheckpoint(const std::string &path, const LanguageModel &model, const Tokenizer &tokenizer,
                      const nlohmann::json &training)
{
    std::map<std::string, std::string> metadata;
    metadata["format"] = "lmscope-checkpoint/1";
    metadata["config"] = model.config().dump();
    metadata["tokenizer"] = tokenizer.toJson().dump();
    metadata["training"] = training.dump();
    return saveSafetensors(path, model.parameters(), metadata);
}

Result<Checkpoint> loadCheckpoint(const std::string &path)
{
    auto fail = [&](const std::string &what) { return Result<Checkpoint>(makeError(path + ": " + what)); };
    auto file = loadSafetensors(path);
    if (!file)
        return Result<Checkpoint>(makeError(file.error()));
    const auto &meta = file.value().metadata;
    auto parse = [&](const char *key, nlohmann::json &out) {
        const auto it = meta.find(key);
        if (it == meta.end())
            return false;
        out = nlohmann::json::parse(it->second, nullptr, false);
        return !out.is_discarded();
    };
    nlohmann::json config, tokenizerJson, training = nlohmann::json::object();
    if (!parse("config", config))
        return fail("no model config in __metadata__[\"config\"] (is it an LMScope checkpoint?)");
    if (!parse("tokenizer", tokenizerJson))
        return fail("no tokenizer in __metadata__[\"tokenizer\"]");
    if (meta.count("training") && !parse("training", training))
        return fail("__metadata__[\"training\"] is not JSON");

    // Before building the model: a config that asks for more parameters than the file holds
    // values would otherwise allocate them first (gigabytes from a file of a few hundred bytes).
    // The slack leaves ordinary mistakes (one tensor of the wrong shape) to the precise messages
    // below; what matters is that the model stays within a small factor of the file.
    auto needed = parameterCount(config);
    if (!needed)
        return fail(needed.error());
    std::int64_t held = 0;
    for (const auto &t : file.value().tensors)
        held += t.tensor.numel();
    if (needed.value() > 2 * held + kParameterSlack)
        return fail("the " + config["arch"].get<std::string>() + " config needs " + std::to_string(needed.value()) +
                    " parameters; the file holds " + std::to_string(held) + " values");
    auto model = createModel(config, 0);
    if (!model)
        return fail(model.error());
    auto tokenizer = tokenizerFromJson(tokenizerJson);
    if (!tokenizer)
        return fail("tokenizer: " + tokenizer.error());
    if (tokenizer.value()->vocabSize() != model.value()->vocabSize())
        return fail("the tokenizer has " + std::to_string(tokenizer.value()->vocabSize()) + " tokens but the model " +
                    std::to_string(model.value()->vocabSize()));

    ParameterList params = model.value()->parameters();
    if (params.size() != file.value().tensors.size())
        return fail("holds " + std::to_string(file.value().tensors.size()) + " tensors; the " + model.value()->arch() +
                    " config needs " + std::to_string(params.size()));
    for (auto &p : params) {
        const Tensor *t = file.value().find(p.name);
        if (!t)
            return fail("tensor '" + p.name + "' is missing");
        if (t->shape() != p.tensor.shape())
            return fail("tensor '" + p.name + "' has shape " + shapeString(t->shape()) + "; the config needs " +
                        shapeString(p.tensor.shape()));
        std::memcpy(p.tensor.data(), t->data(), static_cast<std::size_t>(t->numel()) * sizeof(float));
    }
    Checkpoint c;
    c.model = std::move(model).value();
    c.tokenizer = std::move(tokenizer).value();
    c.training = std::move(training);
    return c;
}

} // namespace lm
