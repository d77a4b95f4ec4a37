#include "io/hfimport.h"

#include "core/rng.h"
#include "io/safetensors.h"
#include "models/transformer.h"
#include "text/bpe.h"

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

bool sameValues(const Tensor &a, const Tensor &b)
{
    return a.shape() == b.shape()
        && std::memcmp(a.data(), b.data(), static_cast<std::size_t>(a.numel()) * sizeof(float)) == 0;
}

} // namespace

Result<Checkpoint> loadHuggingFaceFolder(const std::string &dir)
{
    namespace fs = std::filesystem;
    const std::string configPath = (fs::path(dir) / "config.json").string();
    const std::string weightsPath = (fs::path(dir) / "model.safetensors").string();
    const std::string vocabPath = (fs::path(dir) / "vocab.json").string();
    const std::string mergesPath = (fs::path(dir) / "merges.txt").string();

    auto configFile = readConfig(configPath);
    if (!configFile)
        return Error{configFile.error()};
    const nlohmann::json &hf = configFile.value();
    const auto fail = [&](const std::string &what) { return Result<Checkpoint>(Error{configPath + ": " + what}); };

    if (const auto it = hf.find("model_type"); it != hf.end() && !(it->is_string() && *it == "gpt2"))
        return fail("model_type " + it->dump() + " is not supported (only \"gpt2\")");
    TransformerConfig config;
    config.arch = "gpt";
    const auto intField = [&](const char *name, int &out) -> bool {
        const auto it = hf.find(name);
        if (it == hf.end() || !it->is_number_integer() || it->get<std::int64_t>() < 1 || it->get<std::int64_t>() > (1 << 24))
            return false;
        out = it->get<int>();
        return true;
    };
    for (const auto &[name, field] : {std::pair<const char *, int *>{"n_embd", &config.dim}, {"n_layer", &config.layers},
                                      {"n_head", &config.heads}, {"n_positions", &config.maxSeq},
                                      {"vocab_size", &config.vocabSize}})
        if (!intField(name, *field))
            return fail(std::string("\"") + name + "\" is missing or not a positive integer");
    if (const auto it = hf.find("activation_function"); it != hf.end() && !(it->is_string() && *it == "gelu_new"))
        return fail("activation_function " + it->dump() + " is not supported (only \"gelu_new\")");
    if (const auto it = hf.find("n_inner"); it != hf.end() && !it->is_null()
        && !(it->is_number_integer() && it->get<std::int64_t>() == 4 * std::int64_t(config.dim)))
        return fail("n_inner " + it->dump() + " is not supported (only 4·n_embd or null)");
    if (const auto it = hf.find("layer_norm_epsilon"); it != hf.end()) {
        if (!it->is_number() || !(it->get<double>() > 0))
            return fail("\"layer_norm_epsilon\" is not a positive number");
        config.normEps = it->get<float>();
    }
    bool tied = true;
    if (const auto it = hf.find("tie_word_embeddings"); it != hf.end()) {
        if (!it->is_boolean())
            return fail("\"tie_word_embeddings\" is not a boolean");
        tied = it->get<bool>();
    }
    config.norm = "layernorm";
    config.ffn = "gelu";
    config.positions = "learned";
    config.preNorm = true;
    config.dropout = 0.0f;

    SafetensorsLimits limits;
    limits.skipOtherDtypes = true; // integer/boolean buffers (e.g. attn.bias masks) are not weights
    auto file = loadSafetensors(weightsPath, limits);
    if (!file)
        return Error{file.error()};
    const SafetensorsFile &st = file.value();
    const auto findTensor = [&](const std::string &name) -> const Tensor * {
        if (const Tensor *t = st.find(name))
            return t;
        return st.find("transformer." + name);
    };
    const Tensor *head = findTensor("lm_head.weight");
    const Tensor *wte = findTensor("wte.weight");
    if (!tied && !head)
        return Error{weightsPath + ": tensor 'lm_head.weight' is missing (tie_word_embeddings is false)"};
    // HF writes lm_head.weight even when tied (a copy of wte); a different one makes the head untied.
    config.tiedHead = tied && (!head || (wte && sameValues(*head, *wte)));
    if (const std::string bad = config.validate(); !bad.empty())
        return fail(bad);

    // Before building the model: config.json may ask for far more than model.safetensors holds
    // (n_embd and vocab_size go up to 2^24), and the model would allocate it all first. The
    // slack leaves a tensor of the wrong shape to the precise message below.
    std::int64_t held = 0;
    for (const auto &t : st.tensors)
        held += t.tensor.numel();
    if (config.minimumParameterCount() > 2 * held + kParameterSlack)
        return Error{weightsPath + ": holds " + std::to_string(held) + " values; config.json needs at least "
                     + std::to_string(config.minimumParameterCount()) + " parameters"};

    std::unique_ptr<LanguageModel> model;
    try {
        Rng rng(0);
        model = makeTransformer(config, rng);
    } catch (const std::exception &e) {
        return fail(e.what());
    }
    for (auto &p : model->parameters()) {
        const Tensor *t = findTensor(p.name);
        if (!t)
            return Error{weightsPath + ": tensor '" + p.name + "' (or 'transformer." + p.name + "') is missing"};
        if (t->shape() != p.tensor.shape())
            return Error{weightsPath + ": tensor '" + p.name + "' has shape " + shapeString(t->shape()) + "; config.json needs "
                         + shapeString(p.tensor.shape())};
        Tensor target = p.tensor; // shares the model's storage
        std::memcpy(target.data(), t->data(), static_cast<std::size_t>(t->numel()) * sizeof(float));
    }
    model->resetState();

    auto bpe = BpeTokenizer::loadGpt2(vocabPath, mergesPath);
    if (!bpe)
        return Error{bpe.error()};
    if (bpe.value().vocabSize() != config.vocabSize)
        return Error{vocabPath + ": " + std::to_string(bpe.value().vocabSize()) + " tokens but vocab_size in config.json is "
                     + std::to_string(config.vocabSize)};

    Checkpoint c;
    c.model = std::move(model);
    c.tokenizer = std::make_unique<BpeTokenizer>(std::move(bpe).value());
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
