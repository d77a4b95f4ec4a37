#pragma once
// Leaving the lab: a model written as the Hugging Face folder of its family's counterpart, for
// PyTorch and the `transformers` library. The family's table entry says how
// (Architecture::huggingFaceWriter; huggingFaceExportFamilies lists them); loadHuggingFaceFolder
// (io/hfimport.h) reads the folder back to the same model.
//
// The folder:
//   config.json        the library's config: "model_type", "architectures" and the sizes
//   model.safetensors  every parameter (float32) under the name the library saves it with; a
//                      head tied to the embeddings is written once, as the library does
//   tokenizer files    by the tokenizer's kind: byte and bpe -> vocab.json + merges.txt (GPT-2's
//                      byte-level BPE; byte is the 256 bytes with no merges), wordpiece ->
//                      vocab.txt + tokenizer_config.json (its casing), unigram -> tokenizer.json.
//                      char and word tokenizers have no Hugging Face form: an error says so.
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace lm {

class LanguageModel;
class Tokenizer;

// Writes the folder `dir`, whole or not at all: the files go to a temporary folder beside it that
// is renamed to `dir` at the end. `dir` must not exist, or be an empty folder. Errors name what is
// wrong: a family without a Hugging Face counterpart, an option the counterpart cannot express
// (the family's writer says which), a tokenizer kind without a Hugging Face form, a folder that
// exists and is not empty, a failed write. Never throws. Returns the config.json it wrote.
Result<nlohmann::json> saveHuggingFaceFolder(const std::string &dir, const LanguageModel &model, const Tokenizer &tokenizer);

// The families that can be written this way, in table order.
std::vector<std::string> huggingFaceExportFamilies();

} // namespace lm
