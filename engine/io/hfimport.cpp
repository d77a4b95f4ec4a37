#include "io/hfimport.h"

#include "io/safetensors.h"
#include "models/architecture.h"
#include "text/bpe.h"
#include "text/specialtokens.h"
#include "text/spiecemodel.h"
#include "text/unigram.h"
#include "text/wordpiece.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lm {

namespace {

constexpr std::int64_t kMaxConfigBytes = 1 << 20;
constexpr std::int64_t kParameterSlack = 1 << 20; // values (4 MB of float32)

Result<nlohmann::json> readConfig(const std::string &path)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        return Error{path + ": missing or unreadable"};
    const std::streamoff size = in.tellg();
    if (size < 0 || size > kMaxConfigBytes)
        return Error{path + ": not a config file (" + std::to_string(size) + " bytes)"};
    std::string text(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    in.read(text.data(), size);
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return Error{path + ": not a JSON object"};
    return j;
}

struct FolderTokenizer {
    std::unique_ptr<Tokenizer> tokenizer;
    std::string file; // the file it came from, for errors
};

// The sentinels a SentencePiece model file is extended by: tokenizer_config.json's "extra_ids"
// when it says, else as many as the family's sequence-to-sequence tokens name (none for others).
Result<int> spieceExtraIds(const std::string &configPath, const Architecture &arch)
{
    int extraIds = arch.seq2seqTokens ? arch.seq2seqTokens->sentinels : 0;
    std::error_code ec;
    if (!std::filesystem::exists(configPath, ec))
        return extraIds;
    auto config = readConfig(configPath);
    if (!config)
        return makeError(config.error());
    if (const auto it = config.value().find("extra_ids"); it != config.value().end()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > 1000)
            return makeError(configPath + ": \"extra_ids\" is not an integer in 0..1000");
        extraIds = static_cast<int>(it->get<std::int64_t>());
    }
    return extraIds;
}

// The tokenizer a folder carries, by its files: tokenizer.json with a Unigram model
// (SentencePiece: ALBERT, T5), else vocab.txt (WordPiece: BERT, with tokenizer_config.json's
// casing), else spiece.model (SentencePiece's own file, text/spiecemodel.h), else vocab.json +
// merges.txt (byte-level BPE: GPT-2).
Result<FolderTokenizer> loadFolderTokenizer(const std::string &dir, const Architecture &arch)
{
    namespace fs = std::filesystem;
    const auto file = [&](const char *name) { return (fs::path(dir) / name).string(); };
    std::error_code ec;
    if (fs::exists(file("tokenizer.json"), ec)) {
        std::ifstream in(file("tokenizer.json"), std::ios::binary);
        std::string head(4096, '\0');
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(in.gcount()));
        // A unigram model, or a file too large to tell from its start: the unigram reader says.
        const bool vocabTxt = fs::exists(file("vocab.txt"), ec);
        if (!vocabTxt || head.find("\"Unigram\"") != std::string::npos) {
            auto u = UnigramTokenizer::loadTokenizerJson(file("tokenizer.json"));
            if (!u)
                return makeError(u.error());
            return FolderTokenizer{std::make_unique<UnigramTokenizer>(std::move(u).value()), file("tokenizer.json")};
        }
    }
    if (fs::exists(file("vocab.txt"), ec)) {
        auto w = WordPieceTokenizer::loadVocabTxt(file("vocab.txt"), file("tokenizer_config.json"));
        if (!w)
            return makeError(w.error());
        return FolderTokenizer{std::make_unique<WordPieceTokenizer>(std::move(w).value()), file("vocab.txt")};
    }
    if (fs::exists(file("spiece.model"), ec)) {
        auto extraIds = spieceExtraIds(file("tokenizer_config.json"), arch);
        if (!extraIds)
            return makeError(extraIds.error());
        const std::string prefix = arch.seq2seqTokens && !arch.seq2seqTokens->sentinelPrefix.empty()
                                       ? arch.seq2seqTokens->sentinelPrefix
                                       : std::string("<extra_id_");
        auto u = loadSpieceModel(file("spiece.model"), extraIds.value(), prefix);
        if (!u)
            return makeError(u.error());
        return FolderTokenizer{std::make_unique<UnigramTokenizer>(std::move(u).value()), file("spiece.model")};
    }
    auto bpe = BpeTokenizer::loadGpt2(file("vocab.json"), file("merges.txt"));
    if (!bpe)
        return makeError(bpe.error());
    return FolderTokenizer{std::make_unique<BpeTokenizer>(std::move(bpe).value()), file("vocab.json")};
}

} // namespace

Result<Checkpoint> loadHuggingFaceFolder(const std::string &dir)
{
    namespace fs = std::filesystem;
    const std::string configPath = (fs::path(dir) / "config.json").string();
    const std::string weightsPath = (fs::path(dir) / "model.safetensors").string();

    auto configFile = readConfig(configPath);
    if (!configFile)
        return Error{configFile.error()};
    const nlohmann::json &hf = configFile.value();
    const auto fail = [&](const std::string &what) { return Result<Checkpoint>(Error{configPath + ": " + what}); };

    std::string modelType;
    if (const auto it = hf.find("model_type"); it != hf.end()) {
        if (!it->is_string())
            return fail("\"model_type\" is not a string");
        modelType = it->get<std::string>();
    }
    // A folder without model_type is taken for the first family that reads Hugging Face folders.
    const Architecture *arch = nullptr;
    std::string supported;
    for (const Architecture *a : architectures())
        if (a->huggingFace) {
            if (!arch && modelType.empty())
                arch = a;
            for (const std::string &t : a->huggingFace->modelTypes)
                supported += (supported.empty() ? "\"" : ", \"") + t + "\"";
        }
    if (!modelType.empty())
        arch = architectureForHuggingFace(modelType);
    if (!arch)
        return fail("model_type \"" + modelType + "\" is not supported (supported: " + supported + ")");
    const HuggingFaceReader &reader = *arch->huggingFace;

    SafetensorsLimits limits;
    limits.skipOtherDtypes = true; // integer/boolean buffers (e.g. attn.bias masks) are not weights
    auto file = loadSafetensors(weightsPath, limits);
    if (!file)
        return Error{file.error()};
    const SafetensorsFile &st = file.value();
    // Our name, or the same behind one of the family's prefixes ("transformer.h.0…").
    const auto findTensor = [&](const std::string &name) -> const Tensor * {
        if (const Tensor *t = st.find(name))
            return t;
        for (const std::string &prefix : reader.tensorPrefixes)
            if (const Tensor *t = st.find(prefix + name))
                return t;
        if (reader.alternativeNames)
            for (const std::string &other : reader.alternativeNames(name))
                if (const Tensor *t = st.find(other))
                    return t;
        return nullptr;
    };
    auto converted = reader.toConfig(hf, findTensor);
    if (!converted)
        return fail(converted.error());
    const nlohmann::json &config = converted.value();

    // Before building the model: config.json may ask for far more than model.safetensors holds
    // (n_embd and vocab_size go up to 2^24), and the model would allocate it all first. The
    // slack leaves a tensor of the wrong shape to the precise message below.
    std::int64_t held = 0;
    for (const auto &t : st.tensors)
        held += t.tensor.numel();
    auto needed = arch->parameterCount(config);
    if (!needed)
        return fail(needed.error());
    if (needed.value() > 2 * held + kParameterSlack)
        return Error{weightsPath + ": holds " + std::to_string(held) + " values; config.json needs " +
                     std::to_string(needed.value()) + " parameters"};

    std::unique_ptr<LanguageModel> model;
    try {
        auto built = arch->create(config, 0);
        if (!built)
            return fail(built.error());
        model = std::move(built).value();
    } catch (const std::exception &e) {
        return fail(e.what());
    }
    for (auto &p : model->parameters()) {
        const Tensor *t = findTensor(p.name);
        if (!t)
            return Error{weightsPath + ": tensor '" + p.name + "' is missing" +
                         (reader.tensorPrefixes.empty() ? "" : " (also as '" + reader.tensorPrefixes.front() + p.name + "')")};
        if (t->shape() != p.tensor.shape())
            return Error{weightsPath + ": tensor '" + p.name + "' has shape " + shapeString(t->shape()) + "; config.json needs "
                         + shapeString(p.tensor.shape())};
        Tensor target = p.tensor; // shares the model's storage
        std::memcpy(target.data(), t->data(), static_cast<std::size_t>(t->numel()) * sizeof(float));
    }
    model->resetState();

    auto tokenizer = loadFolderTokenizer(dir, *arch);
    if (!tokenizer)
        return Error{tokenizer.error()};
    // An encoder-decoder may pad its embedding past its tokenizer (T5: 32128 rows, 32100 tokens);
    // its decoding writes only ids with a token (DecodingOptions::vocabLimit).
    const int tokens = tokenizer.value().tokenizer->vocabSize();
    if (tokens > model->vocabSize() || (tokens < model->vocabSize() && !arch->seq2seqTokens))
        return Error{tokenizer.value().file + ": " + std::to_string(tokens) +
                     " tokens but vocab_size in config.json is " + std::to_string(model->vocabSize())};
    if (arch->traits.direction == Direction::Bidirectional) // fill-mask, pairs: the encoder's specials
        if (auto specials = findEncoderSpecials(*tokenizer.value().tokenizer); !specials)
            return Error{tokenizer.value().file + ": " + specials.error()};
    if (arch->seq2seqTokens) // an encoder-decoder's start, end and padding, its sentinels or mask
        if (auto ids = findSeq2SeqIds(*arch->seq2seqTokens, *tokenizer.value().tokenizer); !ids)
            return Error{tokenizer.value().file + ": " + ids.error() + " (a " + arch->name + " tokenizer needs it)"};

    Checkpoint c;
    c.model = std::move(model);
    c.tokenizer = std::move(tokenizer.value().tokenizer);
    c.training = {{"source", "huggingface"}, {"path", dir}};
    return c;
}

Result<Checkpoint> loadModelPath(const std::string &path)
{
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        return Error{path + ": no such file or folder"};
    if (std::filesystem::is_directory(status))
        return loadHuggingFaceFolder(path);
    return loadCheckpoint(path);
}

} // namespace lm
