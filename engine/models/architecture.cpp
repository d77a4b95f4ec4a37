#include "models/architecture.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace lm {

// Each family folder's entries (models/<family>/*arch.cpp). The table's only list.
std::vector<const Architecture *> mlpArchitectures();
std::vector<const Architecture *> recurrentArchitectures();
std::vector<const Architecture *> transformerArchitectures();
std::vector<const Architecture *> encoderArchitectures();
std::vector<const Architecture *> t5Architectures();
std::vector<const Architecture *> bartArchitectures();
std::vector<const Architecture *> rwkvArchitectures();
std::vector<const Architecture *> mambaArchitectures();
std::vector<const Architecture *> jambaArchitectures();

const std::vector<const Architecture *> &architectures()
{
    static const std::vector<const Architecture *> all = [] {
        std::vector<const Architecture *> list;
        for (const auto &family : {mlpArchitectures(), recurrentArchitectures(), transformerArchitectures(),
                                    encoderArchitectures(), t5Architectures(), bartArchitectures(), rwkvArchitectures(),
                                    mambaArchitectures(), jambaArchitectures()})
            list.insert(list.end(), family.begin(), family.end());
        return list;
    }();
    return all;
}

std::string ArchOption::flag() const
{
    std::string f = name;
    std::replace(f.begin(), f.end(), '_', '-');
    return f;
}

ArchOption integerOption(std::string name, int defaultValue, int min, int max, LocalText label, LocalText help,
                         std::string configKey)
{
    ArchOption o;
    o.name = std::move(name);
    o.configKey = std::move(configKey);
    o.type = OptionType::Integer;
    o.defaultValue = defaultValue;
    o.min = min;
    o.max = max;
    o.label = std::move(label);
    o.help = std::move(help);
    return o;
}

ArchOption realOption(std::string name, double defaultValue, double min, double max, LocalText label, LocalText help)
{
    ArchOption o = integerOption(std::move(name), 0, 0, 0, std::move(label), std::move(help));
    o.type = OptionType::Real;
    o.defaultValue = defaultValue;
    o.min = min;
    o.max = max;
    return o;
}

ArchOption flagOption(std::string name, bool defaultValue, LocalText label, LocalText help)
{
    ArchOption o = integerOption(std::move(name), 0, 0, 1, std::move(label), std::move(help));
    o.type = OptionType::Flag;
    o.defaultValue = defaultValue;
    return o;
}

ArchOption choiceOption(std::string name, std::vector<std::string> choices, std::string defaultValue, LocalText label,
                        LocalText help)
{
    ArchOption o = integerOption(std::move(name), 0, 0, 0, std::move(label), std::move(help));
    o.type = OptionType::Choice;
    o.choices = std::move(choices);
    o.defaultValue = std::move(defaultValue);
    return o;
}

ArchOption widthOption(int defaultValue)
{
    return integerOption("dim", defaultValue, 1, 8192, {"Model width", "模型寬度"},
                         {"Each token is a vector of this many numbers in every layer.", "每個詞元在每一層都是這麼多個數字組成的向量。"});
}

ArchOption feedForwardWidthOption()
{
    return integerOption("hidden", 0, 0, 65536, {"Feed-forward width", "前饋層寬度"},
                         {"Units of each layer's feed-forward part; 0 = 4× the width.", "每層前饋部分的單元數；0 表示寬度的 4 倍。"},
                         "ffn_hidden");
}

ArchOption dropoutOption()
{
    return realOption("dropout", 0.0, 0.0, 0.99, {"Dropout", "Dropout"},
                      {"Fraction of activations zeroed at random while training.", "訓練時隨機歸零的活化值比例。"});
}

namespace {

std::string number(double v)
{
    if (v == std::floor(v) && std::abs(v) < 1e15)
        return std::to_string(static_cast<long long>(v));
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    return s;
}

} // namespace

Status ArchOption::check(const nlohmann::json &value) const
{
    switch (type) {
    case OptionType::Integer:
        if (!value.is_number_integer() || value.get<double>() < min || value.get<double>() > max)
            return makeError(name + " must be an integer between " + number(min) + " and " + number(max) + ", got " +
                             value.dump());
        return Ok{};
    case OptionType::Real:
        if (!value.is_number() || !(value.get<double>() >= min && value.get<double>() <= max))
            return makeError(name + " must be a number between " + number(min) + " and " + number(max) + ", got " +
                             value.dump());
        return Ok{};
    case OptionType::Flag:
        if (!value.is_boolean())
            return makeError(name + " must be true or false, got " + value.dump());
        return Ok{};
    case OptionType::Choice: {
        const bool known = value.is_string() && std::find(choices.begin(), choices.end(), value.get<std::string>()) != choices.end();
        if (!known) {
            std::string list;
            for (const auto &c : choices)
                list += (list.empty() ? "" : ", ") + c;
            return makeError(name + " must be one of " + list + ", got " + value.dump());
        }
        return Ok{};
    }
    }
    return Ok{};
}

std::string objectiveName(ObjectiveKind kind)
{
    switch (kind) {
    case ObjectiveKind::CausalLm: return "causal";
    case ObjectiveKind::MaskedLm: return "mlm";
    case ObjectiveKind::SentencePair: return "pair";
    case ObjectiveKind::SequenceClassification: return "classify";
    case ObjectiveKind::TokenClassification: return "tag";
    case ObjectiveKind::SequenceToSequence: return "seq2seq";
    case ObjectiveKind::Forecasting: return "forecast";
    case ObjectiveKind::Contrastive: return "contrastive";
    case ObjectiveKind::SpanCorruption: return "span";
    case ObjectiveKind::TextInfilling: return "infill";
    }
    return "?";
}

std::optional<ObjectiveKind> objectiveFromName(const std::string &name)
{
    for (ObjectiveKind k : {ObjectiveKind::CausalLm, ObjectiveKind::MaskedLm, ObjectiveKind::SentencePair,
                            ObjectiveKind::SequenceClassification, ObjectiveKind::TokenClassification,
                            ObjectiveKind::SequenceToSequence, ObjectiveKind::Forecasting, ObjectiveKind::Contrastive,
                            ObjectiveKind::SpanCorruption, ObjectiveKind::TextInfilling})
        if (objectiveName(k) == name)
            return k;
    return std::nullopt;
}

std::string viewName(View view)
{
    switch (view) {
    case View::Embedding: return "embedding";
    case View::HiddenStates: return "hidden_states";
    case View::Gates: return "gates";
    case View::GradientFlow: return "gradient_flow";
    case View::Attention: return "attention";
    case View::ImplicitAttention: return "implicit_attention";
    case View::Routing: return "routing";
    }
    return "?";
}

const ArchOption *Architecture::option(const std::string &optionName) const
{
    for (const ArchOption &o : options)
        if (o.name == optionName)
            return &o;
    return nullptr;
}

bool Architecture::supports(ObjectiveKind objective) const
{
    return std::find(objectives.begin(), objectives.end(), objective) != objectives.end();
}

bool Architecture::feeds(View view) const { return std::find(views.begin(), views.end(), view) != views.end(); }

nlohmann::json Architecture::defaults() const
{
    nlohmann::json values = nlohmann::json::object();
    for (const ArchOption &o : options)
        values[o.name] = o.defaultValue;
    return values;
}

Result<nlohmann::json> Architecture::resolveOptions(const nlohmann::json &given) const
{
    nlohmann::json values = defaults();
    if (given.is_null())
        return values;
    if (!given.is_object())
        return makeError("the options of " + name + " must be a JSON object");
    for (const auto &item : given.items()) {
        const ArchOption *o = option(item.key());
        if (!o)
            return makeError(item.key() + " does not apply to " + name);
        nlohmann::json v = item.value();
        if (o->type == OptionType::Real && v.is_number_integer())
            v = v.get<double>();
        if (auto st = o->check(v); !st)
            return makeError(st.error());
        values[o->name] = v;
    }
    return values;
}

nlohmann::json Architecture::plainConfig(const nlohmann::json &values, int vocabSize) const
{
    nlohmann::json config = {{"arch", name}, {"vocab_size", vocabSize}};
    for (const ArchOption &o : options)
        if (values.contains(o.name))
            config[o.key()] = values[o.name];
    return config;
}

Result<nlohmann::json> Architecture::configFor(const nlohmann::json &given, int vocabSize, int seq) const
{
    auto values = resolveOptions(given);
    if (!values)
        return makeError(values.error());
    return makeConfig(values.value(), vocabSize, seq);
}

const Architecture *findArchitecture(const std::string &name)
{
    for (const Architecture *a : architectures())
        if (a->name == name)
            return a;
    return nullptr;
}

Result<const Architecture *> architectureOf(const nlohmann::json &config)
{
    if (!config.is_object() || !config.contains("arch") || !config["arch"].is_string())
        return makeError("model config has no \"arch\" string");
    const std::string arch = config["arch"].get<std::string>();
    if (const Architecture *a = findArchitecture(arch))
        return a;
    std::string known;
    for (const Architecture *a : architectures())
        known += (known.empty() ? "" : ", ") + a->name;
    return makeError("unknown architecture '" + arch + "' (available: " + known + ")");
}

const Architecture *firstFeeding(View view)
{
    for (const Architecture *a : architectures())
        if (a->feeds(view))
            return a;
    return nullptr;
}

const Architecture *architectureForHuggingFace(const std::string &modelType)
{
    for (const Architecture *a : architectures())
        if (a->huggingFace && std::count(a->huggingFace->modelTypes.begin(), a->huggingFace->modelTypes.end(), modelType))
            return a;
    return nullptr;
}

std::vector<const ArchOption *> allOptions()
{
    std::vector<const ArchOption *> list;
    std::set<std::string> seen;
    for (const Architecture *a : architectures())
        for (const ArchOption &o : a->options)
            if (seen.insert(o.name).second)
                list.push_back(&o);
    return list;
}

Result<std::unique_ptr<LanguageModel>> createModel(const nlohmann::json &config, std::uint64_t seed)
{
    auto arch = architectureOf(config);
    if (!arch)
        return makeError(arch.error());
    return arch.value()->create(config, seed);
}

Result<std::int64_t> parameterCount(const nlohmann::json &config)
{
    auto arch = architectureOf(config);
    if (!arch)
        return makeError(arch.error());
    return arch.value()->parameterCount(config);
}

namespace {

std::string directionName(Direction d)
{
    switch (d) {
    case Direction::Causal: return "causal";
    case Direction::Bidirectional: return "bidirectional";
    case Direction::EncoderDecoder: return "encoder-decoder";
    }
    return "?";
}

std::string generationName(GenerationState g)
{
    switch (g) {
    case GenerationState::None: return "none";
    case GenerationState::RecurrentState: return "recurrent_state";
    case GenerationState::KvCache: return "kv_cache";
    }
    return "?";
}

std::string typeName(OptionType t)
{
    switch (t) {
    case OptionType::Integer: return "integer";
    case OptionType::Real: return "real";
    case OptionType::Flag: return "flag";
    case OptionType::Choice: return "choice";
    }
    return "?";
}

nlohmann::json localJson(const LocalText &t) { return {{"en", t.en}, {"zh-TW", t.zhTW}}; }

} // namespace

nlohmann::json architecturesJson()
{
    nlohmann::json list = nlohmann::json::array();
    for (const Architecture *a : architectures()) {
        nlohmann::json options = nlohmann::json::array();
        for (const ArchOption &o : a->options) {
            nlohmann::json j = {{"name", o.name},     {"flag", "--" + o.flag()},   {"config_key", o.key()},
                                {"type", typeName(o.type)}, {"default", o.defaultValue}, {"label", localJson(o.label)},
                                {"help", localJson(o.help)}};
            if (o.type == OptionType::Integer || o.type == OptionType::Real) {
                j["min"] = o.min;
                j["max"] = o.max;
            }
            if (o.type == OptionType::Choice)
                j["choices"] = o.choices;
            options.push_back(j);
        }
        nlohmann::json objectives = nlohmann::json::array(), views = nlohmann::json::array();
        for (ObjectiveKind k : a->objectives)
            objectives.push_back(objectiveName(k));
        for (View v : a->views)
            views.push_back(viewName(v));
        nlohmann::json exports = nlohmann::json::array();
        for (const TraceExport &e : a->traceExports)
            exports.push_back({{"flag", "--" + e.flag}, {"help", localJson(e.help)}});
        list.push_back({{"name", a->name},
                        {"display_name", localJson(a->displayName)},
                        {"summary", localJson(a->summary)},
                        {"direction", directionName(a->traits.direction)},
                        {"generation", generationName(a->traits.generation)},
                        {"carries_state", a->traits.carriesState},
                        {"objectives", objectives},
                        {"views", views},
                        {"memory_formula", static_cast<bool>(a->memory)},
                        {"hugging_face", a->huggingFace ? nlohmann::json(a->huggingFace->modelTypes) : nlohmann::json::array()},
                        {"trace_exports", exports},
                        {"options", options}});
    }
    return list;
}

} // namespace lm
