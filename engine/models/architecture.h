#pragma once
// The architecture table: every model family described once (DESIGN.md, "The architecture
// table"). The CLI, the GUI's model picker and options panel, the lessons, the memory lab and
// the Hugging Face reader iterate it; nothing outside a family's own folder names a family.
//
// A family's entry holds its name, display names (English and Traditional Chinese), its options
// (type, default, range, help: the one place where --dim, --layers, --norm … are declared and
// validated), what it is (causal, bidirectional or encoder–decoder; how it generates), the
// objectives it trains with, the views it can feed, and its functions: build the model, count
// its parameters exactly, predict its memory, read and write a Hugging Face config.
//
// Adding a family: a folder under engine/models/, an entry (an Architecture returned by a
// function of that folder), and one line in architecture.cpp's list.
#include "core/result.h"
#include "models/languagemodel.h"
#include "models/memoryparts.h"
#include "models/objectivekind.h"
#include "models/routing.h"
#include "models/seq2seqtokens.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lm {

class Tensor;
class Tokenizer;

// User-facing text in both interface languages.
struct LocalText {
    std::string en;
    std::string zhTW;
    const std::string &in(const std::string &language) const { return language.rfind("zh", 0) == 0 ? zhTW : en; }
};

enum class OptionType { Integer, Real, Flag, Choice };

// One option of a family. Its name is the lesson field and, with '_' as '-', the CLI flag
// ("kv_heads" -> --kv-heads); configKey is the model config field it sets ("hidden" sets
// "ffn_hidden" in a Transformer).
struct ArchOption {
    std::string name;
    std::string configKey;            // empty: the same as name
    OptionType type = OptionType::Integer;
    nlohmann::json defaultValue;      // number, bool, or one of `choices`
    double min = 0.0, max = 0.0;      // Integer, Real: the accepted range (inclusive)
    std::vector<std::string> choices; // Choice
    LocalText label;                  // short, for the options panel ("Layers")
    LocalText help;                   // one sentence: what it changes

    const std::string &key() const { return configKey.empty() ? name : configKey; }
    std::string flag() const; // "kv-heads"
    // Checks one value against the type, range and choices; the error names the option
    // ("heads must be an integer between 1 and 256, got 0").
    Status check(const nlohmann::json &value) const;
};

// How a model reads its sequence.
enum class Direction {
    Causal,         // each position sees the ones before it (decoders, RNN language models)
    Bidirectional,  // every position sees the whole sequence (encoders)
    EncoderDecoder, // an encoder reads the source, a causal decoder writes the target
};
// What generation keeps from one token to the next.
enum class GenerationState { None, RecurrentState, KvCache };


// The app's views a family can feed (with what the model records into a Trace).
enum class View {
    Embedding,         // its token embedding table, in the Word vectors tab
    HiddenStates,      // "layer{l}.forward.hidden" over time
    Gates,             // "layer{l}.forward.gate.*"
    GradientFlow,      // |dL/dh_t| through time
    Attention,         // "layer{l}.head{h}.attention"
    ImplicitAttention, // "layer{l}.implicit.attention": attention computed implicitly (a state-space layer)
    Routing,           // "layer{l}.moe.experts", "layer{l}.moe.probs"; the table's `routing` hook
};
std::string viewName(View view);

struct ArchTraits {
    Direction direction = Direction::Causal;
    GenerationState generation = GenerationState::None;
    // Truncated BPTT: the model can carry its state from one batch to the next.
    bool carriesState = false;
    // The model sees a fixed window of `context` tokens (the MLP) rather than the whole sequence.
    bool fixedContext = false;
};

// A named, real configuration (the memory calculator's GPT-2 small, Llama 2 7B …).
struct NamedConfig {
    std::string name;
    nlohmann::json config;
};

// What a Hugging Face folder's config.json and weights say, for a family that reads them.
struct HuggingFaceReader {
    std::vector<std::string> modelTypes; // config.json "model_type" values it reads ("gpt2")
    // config.json -> our model config. `findTensor` looks a tensor up by our name (nullptr when
    // absent) so the reader can tell, e.g., a tied head from an untied one. Errors name the field.
    std::function<Result<nlohmann::json>(const nlohmann::json &hf,
                                         const std::function<const Tensor *(const std::string &)> &findTensor)>
        toConfig;
    // Prefixes the weights may carry before our names ("transformer.").
    std::vector<std::string> tensorPrefixes;
    // Other names a tensor may carry in older or differently saved checkpoints, tried after our
    // name and the prefixed names ("…LayerNorm.gamma" for "…LayerNorm.weight"); may be empty.
    std::function<std::vector<std::string>(const std::string &name)> alternativeNames;
};

// How a family writes itself as a Hugging Face folder (io/hfexport.h): the reader's inverse.
struct HuggingFaceWriter {
    // Our model config (complete, as LanguageModel::config() gives it) -> config.json for the
    // library's class: "model_type", "architectures" and every field the reader reads. `tokenizer`
    // gives the special tokens' ids (pad, start, end). An error names what has no Hugging Face
    // counterpart ("positions rope: GPT-2 has learned positions only").
    std::function<Result<nlohmann::json>(const nlohmann::json &config, const Tokenizer &tokenizer)> toConfig;
    // Our parameter name -> the name the library saves it under ("wte.weight" ->
    // "transformer.wte.weight"); null keeps ours.
    std::function<std::string(const std::string &name)> savedName;
};

// A per-layer matrix of a Trace that `lmscope-cli forward --<flag> FILE` writes for the families
// that record it: "layer{l}.<suffix>" of every layer, as JSON [layer][row][col].
struct TraceExport {
    std::string flag;   // "wkv"
    std::string suffix; // "forward.hidden"
    LocalText help;     // what the rows and columns are
};

struct Architecture {
    std::string name;         // the --arch value and the config's "arch"
    LocalText displayName;    // for the model picker
    LocalText summary;        // one line: what it is
    std::vector<ArchOption> options;
    std::vector<ObjectiveKind> objectives; // the first is the default
    std::vector<View> views;
    ArchTraits traits;
    std::uint32_t colour = 0x808080; // 0xRRGGBB, the family's colour in every plot
    bool memoryLabDefault = false;   // measured by default in the memory lab

    // Option values (complete: every option of the family, checked) -> the model config, given the
    // tokenizer's vocabulary size and the training window. Errors are sentences in terms of the
    // options ("dim (100) must be a multiple of heads (3)").
    std::function<Result<nlohmann::json>(const nlohmann::json &values, int vocabSize, int seq)> makeConfig;
    // A model config (from makeConfig or a checkpoint) -> an initialised model seeded by `seed`.
    std::function<Result<std::unique_ptr<LanguageModel>>(const nlohmann::json &config, std::uint64_t seed)> create;
    // The exact parameter count of the model `create` would build, without allocating.
    std::function<Result<std::int64_t>(const nlohmann::json &config)> parameterCount;
    // Parts (counts of numbers, weights and optimizer excluded) for (batch, T) in `mode`; empty
    // when the family has no memory formula.
    std::function<Result<MemoryParts>(const nlohmann::json &config, MemoryMode mode, std::int64_t batch,
                                      std::int64_t seqLen)>
        memory;
    std::vector<NamedConfig> referenceConfigs;
    std::optional<HuggingFaceReader> huggingFace;
    std::optional<HuggingFaceWriter> huggingFaceWriter; // families with a Hugging Face counterpart
    // Encoder–decoders: the special tokens around their text (models/seq2seqtokens.h). Their
    // config takes the start token's id as "decoder_start" and, where it has the field, the pad
    // token's as "pad_token"; training from scratch sets both from the tokenizer it trains.
    std::optional<Seq2SeqTokens> seq2seqTokens;
    // What `forward` can export from this family's trace beyond logits, hidden states and attention.
    std::vector<TraceExport> traceExports;
    // The attention a state-space layer computes implicitly, for one sequence: `model` (built by
    // this entry) reads `ids`; layer `layer`'s weights of every channel, (channels, T, T) with
    // [c][r][s] how much token s's input counts in output r; empty when the family has none.
    // Errors name the layer when it is out of range or has no such attention.
    std::function<Result<std::vector<float>>(LanguageModel &model, const std::vector<std::int32_t> &ids, int layer)>
        implicitAttention;
    // Mixture-of-experts families: what `model`'s last loss() routed (models/routing.h); null
    // for the rest.
    std::function<Result<RoutingSummary>(const LanguageModel &model)> routing;

    const ArchOption *option(const std::string &name) const;
    bool supports(ObjectiveKind objective) const;
    bool feeds(View view) const;
    // Every option at its default.
    nlohmann::json defaults() const;
    // `given` (option name -> value; unknown names are an error naming the family) over the
    // defaults, each checked. The result holds every option.
    Result<nlohmann::json> resolveOptions(const nlohmann::json &given) const;
    // {"arch": name, "vocab_size": vocabSize} and every option's value under its config key: the
    // usual start of a makeConfig.
    nlohmann::json plainConfig(const nlohmann::json &values, int vocabSize) const;
    // resolveOptions then makeConfig.
    Result<nlohmann::json> configFor(const nlohmann::json &given, int vocabSize, int seq) const;
};

// Option builders for the entries.
ArchOption integerOption(std::string name, int defaultValue, int min, int max, LocalText label, LocalText help,
                         std::string configKey = {});
ArchOption realOption(std::string name, double defaultValue, double min, double max, LocalText label, LocalText help);
ArchOption flagOption(std::string name, bool defaultValue, LocalText label, LocalText help);
ArchOption choiceOption(std::string name, std::vector<std::string> choices, std::string defaultValue, LocalText label,
                        LocalText help);
// Options many families declare the same way: "dim" (the model width), "hidden" (the feed-forward
// width, config key "ffn_hidden", 0 = 4 × dim) and "dropout".
ArchOption widthOption(int defaultValue);
ArchOption feedForwardWidthOption();
ArchOption dropoutOption();

// A family's entry from its config type: create and parameterCount through Config::fromJson,
// Config::parameterCount() and `build` (config, seed) -> model.
template <class Config, class Build>
void setConfigFunctions(Architecture &arch, Build build)
{
    arch.create = [build](const nlohmann::json &json, std::uint64_t seed) -> Result<std::unique_ptr<LanguageModel>> {
        auto c = Config::fromJson(json);
        if (!c)
            return makeError(c.error());
        return build(c.value(), seed);
    };
    arch.parameterCount = [](const nlohmann::json &json) -> Result<std::int64_t> {
        auto c = Config::fromJson(json);
        if (!c)
            return makeError(c.error());
        return c.value().parameterCount();
    };
}

// Sets arch.memory to read Config from the json, then ask `formula(config, mode, batch, seqLen)`
// (its MemoryParts or an Error) for the family's prediction.
template <typename Config, typename Formula>
void setMemoryFunction(Architecture &arch, Formula formula)
{
    arch.memory = [formula](const nlohmann::json &json, MemoryMode mode, std::int64_t batch,
                            std::int64_t seqLen) -> Result<MemoryParts> {
        auto c = Config::fromJson(json);
        if (!c)
            return makeError(c.error());
        return formula(c.value(), mode, batch, seqLen);
    };
}

// Every family, in the order the app lists them.
const std::vector<const Architecture *> &architectures();
// The family named `name`; nullptr when there is none.
const Architecture *findArchitecture(const std::string &name);
// The family of `config["arch"]`; an Error names a missing arch or lists the known ones.
Result<const Architecture *> architectureOf(const nlohmann::json &config);
// The first family (in table order) that feeds `view`; nullptr when none does.
const Architecture *firstFeeding(View view);
// The family that reads a Hugging Face "model_type"; nullptr when none does.
const Architecture *architectureForHuggingFace(const std::string &modelType);
// Every option name any family declares, once each, in table order (the CLI accepts these).
std::vector<const ArchOption *> allOptions();

// Builds an initialised model from config["arch"] and that family's fields, seeded by `seed`.
// An unknown arch or a bad field gives an Error that names it.
Result<std::unique_ptr<LanguageModel>> createModel(const nlohmann::json &config, std::uint64_t seed);
// The exact parameter count of the model createModel would build, without allocating.
Result<std::int64_t> parameterCount(const nlohmann::json &config);

// The table as JSON: [{"name", "display_name": {"en", "zh-TW"}, "summary", "direction",
// "generation", "objectives": [...], "views": [...], "options": [{"name", "flag", "type",
// "default", "min", "max", "choices", "label", "help"}]}].
nlohmann::json architecturesJson();

} // namespace lm
