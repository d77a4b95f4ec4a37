#include "io/hfexport.h"

#include "io/atomicfile.h"
#include "io/safetensors.h"
#include "models/architecture.h"
#include "models/languagemodel.h"
#include "text/bpe.h"
#include "text/tokenizer.h"
#include "text/unigram.h"
#include "text/utf8.h"
#include "text/wordpiece.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>

namespace lm {

namespace {

namespace fs = std::filesystem;

// The bytes of a token in GPT-2's vocabulary alphabet (bytes_to_unicode).
std::string vocabSpelling(const std::string &bytes)
{
    std::string out;
    for (char c : bytes)
        appendUtf8(out, BpeTokenizer::byteToUnicode(static_cast<unsigned char>(c)));
    return out;
}

// vocab.json ({"spelling": id}) and merges.txt ("#version: 0.2", then "left right" by rank) of a
// byte-level BPE whose id i is the bytes tokens[i].
Status writeByteLevelBpe(const fs::path &dir, const std::vector<std::string> &tokens,
                         const std::vector<BpeTokenizer::Merge> &merges)
{
    nlohmann::json vocab = nlohmann::json::object();
    for (std::size_t i = 0; i < tokens.size(); ++i)
        vocab[vocabSpelling(tokens[i])] = static_cast<std::int64_t>(i);
    std::string mergesText = "#version: 0.2\n";
    for (const auto &[left, right] : merges)
        mergesText += vocabSpelling(tokens[static_cast<std::size_t>(left)]) + " " +
                      vocabSpelling(tokens[static_cast<std::size_t>(right)]) + "\n";
    if (auto st = writeFileAtomically((dir / "vocab.json").string(), vocab.dump()); !st)
        return st;
    if (auto st = writeFileAtomically((dir / "merges.txt").string(), mergesText); !st)
        return st;
    const nlohmann::json config = {{"tokenizer_class", "GPT2Tokenizer"}, {"add_prefix_space", false},
                                   {"model_max_length", 1000000}};
    return writeFileAtomically((dir / "tokenizer_config.json").string(), config.dump(2));
}

Status writeWordPiece(const fs::path &dir, const WordPieceTokenizer &tokenizer)
{
    std::string lines;
    for (const std::string &token : tokenizer.vocab())
        lines += token + "\n";
    if (auto st = writeFileAtomically((dir / "vocab.txt").string(), lines); !st)
        return st;
    const WordPieceOptions &o = tokenizer.options();
    const nlohmann::json config = {{"tokenizer_class", "BertTokenizer"}, {"do_lower_case", o.lowercase},
                                   {"strip_accents", o.stripAccents},   {"tokenize_chinese_chars", true},
                                   {"unk_token", "[UNK]"},               {"sep_token", "[SEP]"},
                                   {"pad_token", "[PAD]"},               {"cls_token", "[CLS]"},
                                   {"mask_token", "[MASK]"},             {"model_max_length", 1000000}};
    return writeFileAtomically((dir / "tokenizer_config.json").string(), config.dump(2));
}

// tokenizer.json as the `tokenizers` library writes a SentencePiece unigram model.
Status writeUnigram(const fs::path &dir, const UnigramTokenizer &tokenizer)
{
    nlohmann::json j = tokenizer.toJson();
    j.erase("kind");
    nlohmann::json added = nlohmann::json::array();
    for (const auto &a : j["added_tokens"]) {
        nlohmann::json token = a;
        token["single_word"] = false;
        token["normalized"] = false;
        added.push_back(std::move(token));
    }
    j["added_tokens"] = std::move(added);
    j["version"] = "1.0";
    j["truncation"] = nullptr;
    j["padding"] = nullptr;
    j["post_processor"] = nullptr;
    j["decoder"] = {{"type", "Metaspace"}, {"replacement", "\u2581"}, {"prepend_scheme", "always"}, {"split", true}};
    if (auto st = writeFileAtomically((dir / "tokenizer.json").string(), j.dump()); !st)
        return st;
    const nlohmann::json config = {{"tokenizer_class", "PreTrainedTokenizerFast"}, {"model_max_length", 1000000}};
    return writeFileAtomically((dir / "tokenizer_config.json").string(), config.dump(2));
}

Status writeTokenizer(const fs::path &dir, const Tokenizer &tokenizer)
{
    const std::string kind = tokenizer.kind();
    if (kind == "byte") {
        std::vector<std::string> bytes(256);
        for (int b = 0; b < 256; ++b)
            bytes[static_cast<std::size_t>(b)] = std::string(1, static_cast<char>(b));
        return writeByteLevelBpe(dir, bytes, {});
    }
    if (const auto *bpe = dynamic_cast<const BpeTokenizer *>(&tokenizer))
        return writeByteLevelBpe(dir, bpe->tokens(), bpe->merges());
    if (const auto *wordpiece = dynamic_cast<const WordPieceTokenizer *>(&tokenizer))
        return writeWordPiece(dir, *wordpiece);
    if (const auto *unigram = dynamic_cast<const UnigramTokenizer *>(&tokenizer))
        return writeUnigram(dir, *unigram);
    return makeError("a " + kind + " tokenizer has no Hugging Face form; train with --tokenizer byte, bpe, "
                     "wordpiece or unigram");
}

// Our configs hold float32 values (1e-12 is 9.99999996e-13 as a float): each real number of
// config.json becomes the shortest decimal that reads back as the same float.
void shortestFloats(nlohmann::json &j)
{
    if (j.is_number_float()) {
        const float f = j.get<float>();
        for (int digits = 6; digits <= 9; ++digits) {
            char text[32];
            std::snprintf(text, sizeof text, "%.*g", digits, static_cast<double>(f));
            if (std::strtof(text, nullptr) == f) {
                j = std::strtod(text, nullptr);
                return;
            }
        }
    } else if (j.is_structured()) {
        for (auto &child : j)
            shortestFloats(child);
    }
}

// A fresh name beside `dir` for the folder being written.
fs::path temporaryBeside(const fs::path &dir)
{
    std::random_device device;
    const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
    return parent / (".lmscope-export-" + dir.filename().string() + "-" + std::to_string(device()));
}

} // namespace

std::vector<std::string> huggingFaceExportFamilies()
{
    std::vector<std::string> names;
    for (const Architecture *a : architectures())
        if (a->huggingFaceWriter)
            names.push_back(a->name);
    return names;
}

Result<nlohmann::json> saveHuggingFaceFolder(const std::string &dirName, const LanguageModel &model,
                                              const Tokenizer &tokenizer)
{
    const fs::path dir(dirName);
    const Architecture *arch = findArchitecture(model.arch());
    if (!arch || !arch->huggingFaceWriter) {
        std::string families;
        for (const std::string &n : huggingFaceExportFamilies())
            families += (families.empty() ? "" : ", ") + n;
        return makeError("a " + model.arch() + " model has no Hugging Face counterpart (these have: " + families + ")");
    }
    std::error_code ec;
    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec))
            return makeError(dirName + ": exists and is not a folder");
        if (!fs::is_empty(dir, ec))
            return makeError(dirName + ": the folder is not empty");
    } else if (dir.has_parent_path() && !fs::is_directory(dir.parent_path(), ec)) {
        return makeError(dirName + ": the folder " + dir.parent_path().string() + " does not exist");
    }
    const HuggingFaceWriter &writer = *arch->huggingFaceWriter;
    auto config = writer.toConfig(model.config(), tokenizer);
    if (!config)
        return makeError("cannot write this " + arch->name + " model as a Hugging Face folder: " + config.error());
    shortestFloats(config.value());

    // Every parameter under its saved name; a name twice would lose a tensor, so it is an error.
    std::vector<NamedParameter> tensors;
    std::set<std::string> seen;
    for (const NamedParameter &p : model.parameters()) {
        NamedParameter saved = p;
        if (writer.savedName)
            saved.name = writer.savedName(p.name);
        if (!seen.insert(saved.name).second)
            return makeError("two parameters would be saved as '" + saved.name + "'");
        tensors.push_back(std::move(saved));
    }

    const fs::path scratch = temporaryBeside(dir);
    fs::create_directory(scratch, ec);
    if (ec)
        return makeError(scratch.string() + ": cannot create (" + ec.message() + ")");
    const auto abandon = [&](const Error &e) {
        std::error_code ignored;
        fs::remove_all(scratch, ignored);
        return Result<nlohmann::json>(e);
    };
    Status written = writeTokenizer(scratch, tokenizer);
    if (written)
        written = writeFileAtomically((scratch / "config.json").string(), config.value().dump(2) + "\n");
    if (written)
        written = saveSafetensors((scratch / "model.safetensors").string(), tensors, {{"format", "pt"}});
    if (!written)
        return abandon(Error{written.error()});
    if (fs::exists(dir, ec))
        fs::remove(dir, ec); // empty, checked above
    fs::rename(scratch, dir, ec);
    if (ec)
        return abandon(Error{dirName + ": cannot create (" + ec.message() + ")"});
    return config.value();
}

} // namespace lm
