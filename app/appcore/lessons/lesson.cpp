#include "lessons/lesson.h"
#include "lessons/lessonideas.h"

#include "inspect/memorymodel.h"
#include "lessons/lessonmeasures.h"
#include "models/architecture.h"
#include "text/utf8.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace {

using nlohmann::json;

// Thrown inside the parser with the location-free problem; parseLesson adds where it was.
struct Bad {
    std::string message;
};

const json &field(const json &obj, const char *name)
{
    if (!obj.contains(name))
        throw Bad{"'" + std::string(name) + "' is missing"};
    return obj[name];
}

std::string text(const json &obj, const char *name, bool required = true)
{
    if (!obj.contains(name)) {
        if (required)
            throw Bad{"'" + std::string(name) + "' is missing"};
        return {};
    }
    if (!obj[name].is_string() || obj[name].get<std::string>().empty())
        throw Bad{"'" + std::string(name) + "' must be a non-empty string"};
    return obj[name].get<std::string>();
}

LessonText bilingual(const json &obj, const char *name)
{
    const json &t = field(obj, name);
    if (!t.is_object())
        throw Bad{"'" + std::string(name) + "' must be an object with \"zh-TW\" and \"en\" texts"};
    for (const auto &[key, value] : t.items())
        if (key != "zh-TW" && key != "en")
            throw Bad{"'" + std::string(name) + "' has an unknown language '" + key + "' (use zh-TW and en)"};
    try {
        return {text(t, "zh-TW"), text(t, "en")};
    } catch (const Bad &b) {
        throw Bad{"'" + std::string(name) + "': " + b.message};
    }
}

long long integer(const json &obj, const char *name, long long lo, long long hi, long long fallback, bool required)
{
    if (!obj.contains(name)) {
        if (required)
            throw Bad{"'" + std::string(name) + "' is missing"};
        return fallback;
    }
    const json &v = obj[name];
    if (!v.is_number_integer() || v.get<long long>() < lo || v.get<long long>() > hi)
        throw Bad{"'" + std::string(name) + "' must be an integer from " + std::to_string(lo) + " to " +
                  std::to_string(hi)};
    return v.get<long long>();
}

double real(const json &obj, const char *name, double lo, double hi, bool required)
{
    if (!obj.contains(name)) {
        if (required)
            throw Bad{"'" + std::string(name) + "' is missing"};
        return lo;
    }
    const json &v = obj[name];
    if (!v.is_number() || v.get<double>() < lo || v.get<double>() > hi)
        throw Bad{"'" + std::string(name) + "' must be a number from " + std::to_string(lo) + " to " + std::to_string(hi)};
    return v.get<double>();
}

std::string oneOf(const json &obj, const char *name, const std::vector<std::string> &allowed, bool required = true)
{
    const std::string v = text(obj, name, required);
    if (v.empty() && !required)
        return v;
    if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
        std::string list;
        for (const std::string &a : allowed)
            list += (list.empty() ? "" : ", ") + a;
        throw Bad{"'" + std::string(name) + "' is '" + v + "'; expected one of " + list};
    }
    return v;
}

void boolean(const json &obj, const char *name)
{
    if (obj.contains(name) && !obj[name].is_boolean())
        throw Bad{"'" + std::string(name) + "' must be true or false"};
}

// Every field of an action or check must be one the kind knows: a typo is an error, not a
// silently ignored option.
void onlyFields(const json &obj, const char *kindField, std::initializer_list<const char *> allowed)
{
    // Not a structured binding: Clang before 16 cannot capture one in the lambda below.
    for (const auto &item : obj.items()) {
        const std::string &key = item.key();
        if (key == kindField)
            continue;
        if (std::none_of(allowed.begin(), allowed.end(), [&](const char *a) { return key == a; }))
            throw Bad{"unknown field '" + key + "'"};
    }
}

// The families a lesson may name, from the architecture table.
std::vector<std::string> familiesWhere(const std::function<bool(const lm::Architecture &)> &keep)
{
    std::vector<std::string> names;
    for (const lm::Architecture *a : lm::architectures())
        if (keep(*a))
            names.push_back(a->name);
    return names;
}
const std::vector<std::string> kArchs = familiesWhere([](const lm::Architecture &a) {
    return a.supports(lm::ObjectiveKind::CausalLm);
});
const std::vector<std::string> kLabArchs = lm::memoryLabArchitectures();
// Recurrent cells: the forecaster and the gradient probe run them.
const std::vector<std::string> kCells = familiesWhere([](const lm::Architecture &a) {
    return a.feeds(lm::View::GradientFlow) && a.supports(lm::ObjectiveKind::Forecasting);
});
const std::vector<std::string> kModes{"train", "prefill", "infer"};
// Encoders (masked-word pre-training) and encoder–decoders (a denoising pre-training of their own).
const std::vector<std::string> kEncoders = familiesWhere([](const lm::Architecture &a) {
    return a.supports(lm::ObjectiveKind::MaskedLm);
});
const std::vector<std::string> kDenoisers = familiesWhere([](const lm::Architecture &a) {
    return a.supports(lm::ObjectiveKind::SpanCorruption) || a.supports(lm::ObjectiveKind::TextInfilling);
});
const std::vector<std::string> kEncoderCorpora{"builtin:documents_en", "builtin:documents_zh_TW", "builtin:sentences_en",
                                               "builtin:sentences_zh_TW"};
const std::vector<std::string> kLanguages{"en", "zh_TW"};
const std::vector<std::string> kZooFamilies = familiesWhere([](const lm::Architecture &a) {
    return a.supports(lm::ObjectiveKind::CausalLm) || a.supports(lm::ObjectiveKind::MaskedLm) ||
           a.supports(lm::ObjectiveKind::SequenceToSequence);
});
const std::vector<std::string> kRetrievalMethods{"encoder", "encoder_mlm", "word2vec", "tfidf"};
// Families whose layers the sequential_steps check can measure: recurrent cells and attention.
const std::vector<std::string> kRoundFamilies = roundFamilies();

void validateAction(const json &a, const std::string &kind)
{
    if (kind == "corpus") {
        onlyFields(a, "do", {"spec"});
        oneOf(a, "spec", {"builtin:en", "builtin:zh_TW"});
    } else if (kind == "model") {
        // Every option the family declares in the architecture table, checked there.
        const lm::Architecture *family = lm::findArchitecture(oneOf(a, "arch", kArchs));
        const json options = modelActionOptions(a);
        for (const auto &item : options.items())
            if (!family->option(item.key()))
                throw Bad{"'" + item.key() + "' is not an option of " + family->name + " (lmscope-cli archs lists them)"};
        if (auto resolved = family->resolveOptions(options); !resolved)
            throw Bad{resolved.error()};
        oneOf(a, "tokenizer", {"byte", "char", "word"}, false);
        integer(a, "seq", 2, 512, 0, false);
        integer(a, "batch", 1, 128, 0, false);
        real(a, "lr", 1e-6, 1.0, false);
        integer(a, "seed", 0, 1 << 30, 0, false);
    } else if (kind == "train") {
        onlyFields(a, "do", {"steps"});
        integer(a, "steps", 1, 20000, 0, true);
    } else if (kind == "generate") {
        onlyFields(a, "do", {"prompt", "tokens", "temperature", "top_k", "seed"});
        text(a, "prompt");
        integer(a, "tokens", 1, 500, 0, false);
        real(a, "temperature", 0.0, 5.0, false);
        integer(a, "top_k", 0, 1000, 0, false);
        integer(a, "seed", 0, 1 << 30, 0, false);
    } else if (kind == "trace") {
        onlyFields(a, "do", {"text"});
        text(a, "text");
    } else if (kind == "embed") {
        onlyFields(a, "do", {"method", "dim", "epochs", "window", "min_count", "unit"});
        oneOf(a, "method", {"skipgram", "cbow", "glove", "fasttext"});
        integer(a, "dim", 2, 300, 0, false);
        integer(a, "epochs", 1, 50, 0, false);
        integer(a, "window", 1, 20, 0, false);
        integer(a, "min_count", 1, 1000, 0, false);
        oneOf(a, "unit", {"words", "chars"}, false);
    } else if (kind == "forecast") {
        onlyFields(a, "do", {"arch", "steps", "hidden"});
        oneOf(a, "arch", kCells);
        integer(a, "steps", 1, 5000, 0, false);
        integer(a, "hidden", 1, 256, 0, false);
    } else if (kind == "tag") {
        onlyFields(a, "do", {"bidirectional", "steps"});
        boolean(a, "bidirectional");
        integer(a, "steps", 1, 5000, 0, false);
    } else if (kind == "gradients") {
        onlyFields(a, "do", {"steps", "scale"});
        integer(a, "steps", 2, 500, 0, false);
        real(a, "scale", 0.01, 10.0, false);
    } else if (kind == "memory") {
        onlyFields(a, "do", {"archs", "mode", "seq_lens", "batch", "dim", "layers", "heads", "chunked"});
        const json &archs = field(a, "archs");
        if (!archs.is_array() || archs.empty())
            throw Bad{"'archs' must be a non-empty list"};
        for (const json &x : archs)
            if (!x.is_string() || std::find(kLabArchs.begin(), kLabArchs.end(), x.get<std::string>()) == kLabArchs.end())
                throw Bad{"'archs' may hold only families the memory lab measures (lmscope-cli archs)"};
        oneOf(a, "mode", kModes, false);
        const json &lens = field(a, "seq_lens");
        if (!lens.is_array() || lens.size() < 2 || lens.size() > 8)
            throw Bad{"'seq_lens' must list 2 to 8 lengths"};
        for (const json &x : lens)
            if (!x.is_number_integer() || x.get<long long>() < 1 || x.get<long long>() > 4096)
                throw Bad{"'seq_lens' must hold integers from 1 to 4096"};
        integer(a, "batch", 1, 16, 0, false);
        integer(a, "dim", 4, 256, 0, false);
        integer(a, "layers", 1, 4, 0, false);
        integer(a, "heads", 1, 8, 0, false);
        boolean(a, "chunked");
    } else if (kind == "pretrain") {
        onlyFields(a, "do", {"arch", "objective", "corpus", "steps", "dim", "layers", "heads", "embedding_dim", "dropout",
                             "seq", "batch", "lr", "seed", "vocab_size"});
        oneOf(a, "arch", kEncoders);
        oneOf(a, "objective", {"mlm", "mlm,nsp", "mlm,sop"}, false);
        oneOf(a, "corpus", kEncoderCorpora, false);
        integer(a, "steps", 1, 20000, 0, true);
        integer(a, "dim", 8, 512, 0, false);
        integer(a, "layers", 1, 8, 0, false);
        integer(a, "heads", 1, 16, 0, false);
        integer(a, "embedding_dim", 4, 512, 0, false);
        real(a, "dropout", 0.0, 0.5, false);
        integer(a, "seq", 16, 512, 0, false);
        integer(a, "batch", 1, 128, 0, false);
        real(a, "lr", 1e-6, 1.0, false);
        integer(a, "seed", 0, 1 << 30, 0, false);
        integer(a, "vocab_size", 100, 30000, 0, false);
    } else if (kind == "finetune") {
        onlyFields(a, "do", {"task", "language", "steps", "lr", "seed", "compare", "examples"});
        oneOf(a, "task", {"sentiment", "intent", "ner"});
        oneOf(a, "language", kLanguages, false);
        integer(a, "steps", 1, 20000, 0, false);
        real(a, "lr", 1e-6, 1.0, false);
        integer(a, "seed", 0, 1 << 30, 0, false);
        boolean(a, "compare");
        integer(a, "examples", 0, 100000, 0, false);
    } else if (kind == "contextual") {
        onlyFields(a, "do", {"word", "sentences"});
        text(a, "word");
        const json &sentences = field(a, "sentences");
        if (!sentences.is_array() || sentences.size() < 2 || sentences.size() > 12)
            throw Bad{"'sentences' must list 2 to 12 sentences"};
        for (const json &x : sentences)
            if (!x.is_string() || x.get<std::string>().empty())
                throw Bad{"'sentences' must hold non-empty strings"};
    } else if (kind == "retrieve") {
        onlyFields(a, "do", {"language", "dim", "layers", "steps", "contrastive_steps", "seed"});
        oneOf(a, "language", kLanguages, false);
        integer(a, "dim", 8, 512, 0, false);
        integer(a, "layers", 1, 8, 0, false);
        integer(a, "steps", 1, 20000, 0, false);
        integer(a, "contrastive_steps", 0, 20000, 0, false);
        integer(a, "seed", 0, 1 << 30, 0, false);
    } else if (kind == "translate") {
        onlyFields(a, "do", {"task", "dim", "layers", "heads", "pretrain_steps", "steps", "compare", "seed", "beam", "source"});
        oneOf(a, "task", {"translate-en-zh", "translate-zh-en", "summarize-en", "summarize-zh_TW"}, false);
        integer(a, "dim", 8, 512, 0, false);
        integer(a, "layers", 1, 8, 0, false);
        integer(a, "heads", 1, 16, 0, false);
        integer(a, "pretrain_steps", 1, 20000, 0, false);
        integer(a, "steps", 1, 20000, 0, false);
        boolean(a, "compare");
        integer(a, "seed", 0, 1 << 30, 0, false);
        integer(a, "beam", 2, 16, 0, false);
        text(a, "source", false);
    } else if (kind == "corrupt") {
        onlyFields(a, "do", {"archs", "language", "permute", "seed"});
        const json &archs = field(a, "archs");
        if (!archs.is_array() || archs.empty() || archs.size() > 4)
            throw Bad{"'archs' must list 1 to 4 encoder-decoder families"};
        for (const json &x : archs)
            if (!x.is_string() || std::find(kDenoisers.begin(), kDenoisers.end(), x.get<std::string>()) == kDenoisers.end())
                throw Bad{"'archs' may hold only encoder-decoder families (lmscope-cli archs)"};
        oneOf(a, "language", kLanguages, false);
        boolean(a, "permute");
        integer(a, "seed", 0, 1 << 30, 0, false);
    } else if (kind == "zoo") {
        onlyFields(a, "do", {"families", "corpus", "steps", "budget"});
        const json &families = field(a, "families");
        if (!families.is_array() || families.empty())
            throw Bad{"'families' must be a non-empty list"};
        for (const json &x : families)
            if (!x.is_string() || std::find(kZooFamilies.begin(), kZooFamilies.end(), x.get<std::string>()) == kZooFamilies.end())
                throw Bad{"'families' may hold only families the zoo trains (lmscope-cli archs)"};
        oneOf(a, "corpus", {"builtin:en", "builtin:zh_TW"}, false);
        integer(a, "steps", 1, 20000, 0, false);
        integer(a, "budget", 1000, 10'000'000, 0, false);
    } else if (kind == "open") {
        onlyFields(a, "do", {"view"});
        oneOf(a, "view", lessonViews());
    } else if (kind == "select") {
        onlyFields(a, "do", {"layer", "head", "token", "unit"});
        if (!a.contains("layer") && !a.contains("head") && !a.contains("token") && !a.contains("unit"))
            throw Bad{"select needs at least one of 'layer', 'head', 'token', 'unit'"};
        integer(a, "layer", 0, 63, 0, false);
        integer(a, "head", 0, 63, 0, false);
        integer(a, "token", 0, 4095, 0, false);
        integer(a, "unit", 0, 4095, 0, false);
    } else if (kind == "highlight") {
        onlyFields(a, "do", {"region"});
        oneOf(a, "region", lessonRegions());
    } else {
        throw Bad{"unknown action '" + kind +
                  "' (corpus, model, train, generate, trace, embed, forecast, tag, gradients, memory, pretrain, finetune, "
                  "contextual, retrieve, translate, corrupt, zoo, open, select, highlight)"};
    }
}

void validateCheck(const json &c, const std::string &kind)
{
    if (kind == "loss_below") {
        onlyFields(c, "expect", {"value"});
        real(c, "value", 0.0, 100.0, true);
    } else if (kind == "loss_fell") {
        onlyFields(c, "expect", {"fraction"});
        real(c, "fraction", 0.0, 1.0, true);
    } else if (kind == "analogy") {
        onlyFields(c, "expect", {"a", "b", "c", "answer", "top_k"});
        for (const char *w : {"a", "b", "c", "answer"})
            text(c, w);
        integer(c, "top_k", 1, 50, 0, false);
    } else if (kind == "neighbor") {
        onlyFields(c, "expect", {"word", "neighbor", "top_k"});
        text(c, "word");
        text(c, "neighbor");
        integer(c, "top_k", 1, 50, 0, false);
    } else if (kind == "previous_token_head") {
        onlyFields(c, "expect", {"min_weight"});
        real(c, "min_weight", 0.0, 1.0, true);
    } else if (kind == "attention_is_causal") {
        onlyFields(c, "expect", {});
    } else if (kind == "memory_slope") {
        onlyFields(c, "expect", {"arch", "mode", "min", "max"});
        oneOf(c, "arch", kLabArchs);
        oneOf(c, "mode", kModes, false);
        const double lo = real(c, "min", -1.0, 4.0, true), hi = real(c, "max", -1.0, 4.0, true);
        if (lo > hi)
            throw Bad{"'min' must not exceed 'max'"};
    } else if (kind == "memory_prediction") {
        onlyFields(c, "expect", {"percent"});
        real(c, "percent", 0.0, 100.0, true);
    } else if (kind == "forecast_beats_baseline" || kind == "same_seed_same_text" || kind == "greedy_is_argmax") {
        onlyFields(c, "expect", {});
    } else if (kind == "greedy_repeats") {
        onlyFields(c, "expect", {"n", "min_share"});
        integer(c, "n", 1, 20, 0, false);
        real(c, "min_share", 0.0, 1.0, false);
    } else if (kind == "temperature_raises_entropy") {
        onlyFields(c, "expect", {"low", "high", "draws"});
        const double lo = c.contains("low") ? real(c, "low", 0.05, 5.0, false) : 0.5;
        const double hi = c.contains("high") ? real(c, "high", 0.05, 5.0, false) : 1.5;
        if (lo >= hi)
            throw Bad{"'low' must be below 'high'"};
        integer(c, "draws", 10, 10000, 0, false);
    } else if (kind == "top_k_respected") {
        onlyFields(c, "expect", {"draws"});
        integer(c, "draws", 10, 10000, 0, false);
    } else if (kind == "gates_vary") {
        onlyFields(c, "expect", {"min_spread"});
        real(c, "min_spread", 0.0, 1.0, false);
    } else if (kind == "sequential_steps") {
        onlyFields(c, "expect", {"sequential", "parallel", "seq_len"});
        const std::string a = oneOf(c, "sequential", kRoundFamilies), b = oneOf(c, "parallel", kRoundFamilies);
        if (a == b)
            throw Bad{"'sequential' and 'parallel' must name different families"};
        integer(c, "seq_len", 2, 512, 0, false);
    } else if (kind == "tagger_accuracy") {
        onlyFields(c, "expect", {"min"});
        real(c, "min", 0.0, 1.0, true);
    } else if (kind == "gradient_reach") {
        onlyFields(c, "expect", {"longer", "shorter"});
        const std::string a = oneOf(c, "longer", kCells), b = oneOf(c, "shorter", kCells);
        if (a == b)
            throw Bad{"'longer' and 'shorter' must name different cells"};
    } else if (kind == "masked_words_learnt") {
        onlyFields(c, "expect", {"min_gain"});
        real(c, "min_gain", 0.0, 1.0, false);
    } else if (kind == "topic_solves_nsp" || kind == "sop_head_reads_order") {
        onlyFields(c, "expect", {"margin"});
        real(c, "margin", 0.0, 1.0, false);
    } else if (kind == "fewer_parameters") {
        onlyFields(c, "expect", {"arch", "than", "max_share"});
        if (oneOf(c, "arch", kEncoders) == oneOf(c, "than", kEncoders))
            throw Bad{"'arch' and 'than' must name different families"};
        real(c, "max_share", 0.0, 1.0, false);
    } else if (kind == "pretrained_beats_scratch") {
        onlyFields(c, "expect", {"margin", "min"});
        real(c, "margin", 0.0, 1.0, false);
        real(c, "min", 0.0, 1.0, false);
    } else if (kind == "contextual_differs") {
        onlyFields(c, "expect", {"max_cosine"});
        real(c, "max_cosine", -1.0, 1.0, false);
    } else if (kind == "retrieval_beats") {
        onlyFields(c, "expect", {"better", "worse", "k"});
        if (oneOf(c, "better", kRetrievalMethods) == oneOf(c, "worse", kRetrievalMethods))
            throw Bad{"'better' and 'worse' must name different methods"};
        if (c.contains("k") && c["k"] != 1 && c["k"] != 5)
            throw Bad{"'k' must be 1 or 5"};
    } else if (kind == "translation_pretraining_helps") {
        onlyFields(c, "expect", {"margin"});
        real(c, "margin", 0.0, 100.0, false);
    } else if (kind == "beam_at_least_greedy" || kind == "corruption_kinds") {
        onlyFields(c, "expect", {});
    } else if (kind == "zoo_generation_memory") {
        onlyFields(c, "expect", {"flat", "growing"});
        const json &flat = field(c, "flat");
        if (!flat.is_array() || flat.empty())
            throw Bad{"'flat' must be a non-empty list of families"};
        for (const json &x : flat)
            if (!x.is_string() || std::find(kZooFamilies.begin(), kZooFamilies.end(), x.get<std::string>()) == kZooFamilies.end())
                throw Bad{"'flat' may hold only families the zoo trains"};
        oneOf(c, "growing", kZooFamilies);
    } else if (kind == "cross_attention_aligns") {
        onlyFields(c, "expect", {"factor"});
        real(c, "factor", 1.0, 100.0, false);
    } else {
        throw Bad{"unknown check '" + kind +
                  "' (loss_below, loss_fell, analogy, neighbor, previous_token_head, attention_is_causal, "
                  "memory_slope, memory_prediction, forecast_beats_baseline, tagger_accuracy, gradient_reach, "
                  "same_seed_same_text, greedy_is_argmax, greedy_repeats, temperature_raises_entropy, top_k_respected, "
                  "gates_vary, sequential_steps, masked_words_learnt, topic_solves_nsp, sop_head_reads_order, "
                  "fewer_parameters, pretrained_beats_scratch, contextual_differs, retrieval_beats, "
                  "translation_pretraining_helps, beam_at_least_greedy, cross_attention_aligns, corruption_kinds, "
                  "zoo_generation_memory)"};
    }
}

// Runs `parse`, prefixing a Bad's message with `where`.
template <class F>
auto located(const std::string &where, F &&parse)
{
    try {
        return parse();
    } catch (const Bad &b) {
        throw Bad{where + ": " + b.message};
    }
}

LessonStep parseStep(const json &s)
{
    if (!s.is_object())
        throw Bad{"must be an object"};
    onlyFields(s, "", {"title", "text", "actions", "checks", "question", "teaches"});
    LessonStep step;
    step.title = bilingual(s, "title");
    step.text = bilingual(s, "text");
    if (s.contains("actions")) {
        if (!s["actions"].is_array())
            throw Bad{"'actions' must be a list"};
        int i = 0;
        for (const json &a : s["actions"]) {
            ++i;
            const std::string where = "action " + std::to_string(i);
            if (!a.is_object())
                throw Bad{where + ": must be an object with a \"do\" field"};
            const std::string kind = located(where, [&] { return text(a, "do"); });
            located(where + " (" + kind + ")", [&] {
                validateAction(a, kind);
                return 0;
            });
            step.actions.push_back(LessonAction{kind, a});
        }
    }
    if (s.contains("checks")) {
        if (!s["checks"].is_array())
            throw Bad{"'checks' must be a list"};
        int i = 0;
        for (const json &c : s["checks"]) {
            ++i;
            const std::string where = "check " + std::to_string(i);
            if (!c.is_object())
                throw Bad{where + ": must be an object with an \"expect\" field"};
            const std::string kind = located(where, [&] { return text(c, "expect"); });
            located(where + " (" + kind + ")", [&] {
                validateCheck(c, kind);
                return 0;
            });
            step.checks.push_back(LessonCheck{kind, c});
        }
    }
    if (s.contains("question")) {
        step.hasQuestion = true;
        step.question = located("question", [&] {
            const json &q = s["question"];
            if (!q.is_object())
                throw Bad{"must be an object"};
            onlyFields(q, "", {"prompt", "choices", "answer", "explanation"});
            LessonQuestion question;
            question.prompt = bilingual(q, "prompt");
            const json &choices = field(q, "choices");
            if (!choices.is_array() || choices.size() < 2 || choices.size() > 6)
                throw Bad{"'choices' must list 2 to 6 answers"};
            for (std::size_t i = 0; i < choices.size(); ++i)
                question.choices.push_back(located("choice " + std::to_string(i + 1), [&] {
                    json holder = json::object();
                    holder["choice"] = choices[i];
                    return bilingual(holder, "choice");
                }));
            question.answer = static_cast<int>(integer(q, "answer", 0, static_cast<long long>(choices.size()) - 1, 0, true));
            question.explanation = bilingual(q, "explanation");
            return question;
        });
    }
    if (s.contains("teaches")) {
        // A step that teaches an idea shows it live: it does something the window shows and
        // checks what came out.
        const json &t = s["teaches"];
        if (!t.is_array() || t.empty())
            throw Bad{"'teaches' must be a non-empty list of idea ids (lessons/README.md)"};
        for (const json &id : t) {
            if (!id.is_string() || !findLessonIdea(id.get<std::string>())) {
                std::string known;
                for (const LessonIdea &idea : lessonIdeas())
                    known += (known.empty() ? "" : ", ") + idea.id;
                throw Bad{"'teaches': " + id.dump() + " is not an idea (" + known + ")"};
            }
            if (std::find(step.teaches.begin(), step.teaches.end(), id.get<std::string>()) != step.teaches.end())
                throw Bad{"'teaches' names " + id.dump() + " twice"};
            step.teaches.push_back(id.get<std::string>());
        }
        static const std::set<std::string> showing{"open",     "highlight",  "train",    "embed",     "forecast",
                                                   "tag",      "gradients",  "memory",   "generate",  "pretrain",
                                                   "finetune", "contextual", "retrieve", "translate", "corrupt",
                                                   "zoo"};
        const bool shows = std::any_of(step.actions.begin(), step.actions.end(),
                                       [](const LessonAction &a) { return showing.count(a.kind) != 0; });
        if (!shows || step.checks.empty())
            throw Bad{"a step that 'teaches' must run and show something (an open, highlight, train, embed, "
                      "forecast, tag, gradients, memory, generate, pretrain, finetune, contextual, retrieve, translate, "
                      "corrupt or zoo action) and have a check"};
    }
    return step;
}

// 1-based line of byte offset `at` in `text`.
std::size_t lineOf(const std::string &text, std::size_t at)
{
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(std::min(at, text.size())), '\n'));
}

} // namespace

lm::Result<Lesson> parseLesson(const std::string &source, const std::string &name)
{
    if (const auto bad = lm::firstInvalidUtf8(source))
        return lm::makeError(name + ": not valid UTF-8 at byte " + std::to_string(*bad));
    json root;
    try {
        root = json::parse(source);
    } catch (const json::parse_error &e) {
        return lm::makeError(name + ": broken JSON at line " + std::to_string(lineOf(source, e.byte > 0 ? e.byte - 1 : 0)));
    } catch (const json::exception &e) { // out_of_range: a number literal beyond double ("1e999999")
        return lm::makeError(name + ": broken JSON: " + e.what());
    }
    try {
        if (!root.is_object())
            throw Bad{"the top level must be an object"};
        onlyFields(root, "", {"schema", "id", "title", "summary", "steps"});
        if (integer(root, "schema", 1, 1, 0, true) != 1)
            throw Bad{"'schema' must be 1"};
        Lesson lesson;
        lesson.id = text(root, "id");
        if (!std::all_of(lesson.id.begin(), lesson.id.end(),
                         [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }))
            throw Bad{"'id' may use only a-z, 0-9 and '-'"};
        lesson.title = bilingual(root, "title");
        lesson.summary = bilingual(root, "summary");
        const json &steps = field(root, "steps");
        if (!steps.is_array() || steps.empty() || steps.size() > 50)
            throw Bad{"'steps' must list 1 to 50 steps"};
        for (std::size_t i = 0; i < steps.size(); ++i)
            lesson.steps.push_back(located("step " + std::to_string(i + 1), [&] { return parseStep(steps[i]); }));
        return lesson;
    } catch (const Bad &b) {
        return lm::makeError(name + ": " + b.message);
    }
}

lm::Result<Lesson> loadLesson(const std::string &path)
{
    constexpr std::streamoff kMaxBytes = 1 << 20;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return lm::makeError(path + ": cannot open the file");
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0 || size > kMaxBytes)
        return lm::makeError(path + ": larger than the 1 MB a lesson may have");
    in.seekg(0);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in.read(bytes.data(), size))
        return lm::makeError(path + ": could not read the file");
    return parseLesson(bytes, path);
}

const std::vector<std::string> &lessonRegions()
{
    static const std::vector<std::string> regions{"loss_plot",  "setup",        "generated_text", "heatmap", "overview",
                                                  "entropy",    "step_through", "projection",     "neighbors", "analogy",
                                                  "hidden_states", "gates",     "gradients",      "tagging", "forecast",
                                                  "memory_bytes", "memory_time", "calculator", "masked_batch",
                                                  "pair_plot", "finetune_curves", "alignment", "beams"};
    return regions;
}

json modelActionOptions(const json &action)
{
    json options = json::object();
    for (const auto &item : action.items()) {
        const std::string &key = item.key();
        if (key != "do" && key != "arch" && key != "tokenizer" && key != "seq" && key != "batch" && key != "lr" &&
            key != "seed")
            options[key] = item.value();
    }
    return options;
}

const std::vector<std::string> &lessonViews()
{
    static const std::vector<std::string> views{"lm",       "vectors",   "recurrent",   "attention", "memory",
                                                "encoders", "retrieval", "translation", "compare"};
    return views;
}
