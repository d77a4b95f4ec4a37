#pragma once
// Checkpoints: a model's parameters as safetensors (PyTorch names), with the model config as JSON
// in __metadata__["config"], the tokenizer in __metadata__["tokenizer"] and what the trainer wants
// to remember in __metadata__["training"]. Written atomically; loads back bit-identically.
#include "core/result.h"
#include "models/languagemodel.h"
#include "text/tokenizer.h"

#include <memory>
#include <string>

namespace lm {

struct Checkpoint {
    std::unique_ptr<LanguageModel> model;
    std::unique_ptr<Tokenizer> tokenizer;
    nlohmann::json training; // {} when the file has none
};

Status saveCheckpoint(const std::string &path, const LanguageModel &model, const Tokenizer &tokenizer,
                      const nlohmann::json &training = nlohmann::json::object());

// Errors name the file and what is wrong: not safetensors, no config, unknown arch, a missing or
// extra tensor, a shape that differs from what the config implies, a vocabulary mismatch, a
// config that needs far more parameters than the file holds values (more than twice as many plus
// 2^20, checked before building the model, so a small file cannot make it allocate gigabytes).
Result<Checkpoint> loadCheckpoint(const std::string &path);

} // namespace lm
