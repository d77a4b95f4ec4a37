#pragma once
// The model families the engine can build, by architecture name.
#include "core/result.h"
#include "models/languagemodel.h"

#include <memory>
#include <string>
#include <vector>

namespace lm {

// The --arch names that createModel accepts.
std::vector<std::string> availableArchitectures();

// Builds an initialised model from config["arch"] and that family's fields, seeded by `seed`.
// An unknown arch or a bad field gives an Error that names it.
Result<std::unique_ptr<LanguageModel>> createModel(const nlohmann::json &config, std::uint64_t seed);

// A lower bound on the parameter count of the model createModel would build from `config`, from
// its largest matrices, computed without allocating (see TransformerConfig::minimumParameterCount).
// The same Errors as createModel for a config it refuses.
Result<std::int64_t> minimumParameterCount(const nlohmann::json &config);

} // namespace lm
