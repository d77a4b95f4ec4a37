#include "inspect/zoo.h"

#include "core/tape.h"
#include "inspect/memoryprofile.h"
#include "models/architecture.h"
#include "models/encoder/encoder.h"
#include "text/specialtokens.h"
#include "text/tokenizer.h"
#include "train/objectives/pretraining.h"
#include "train/seq2seqtask.h"
#include "train/setup.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace lm {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kEvalBatches = 8;        // held-out batches per family
constexpr int kTranslationTests = 40;  // held-out pairs translated for chrF
constexpr int kMaskedVocabulary = 600; // WordPiece size for the encoders
constexpr int kUnigramVocabulary = 800;

enum class Kind { Causal, Masked, Translation };

struct Plan {
    const Architecture *arch = nullptr;
    Kind kind = Kind::Causal;
    std::string tokenizer;
    int vocabCap = 0;
    std::vector<std::string> objectives;
};

// What the zoo trains `a` on, from the table: next token, masked tokens, or translation.
std::optional<Plan> planFor(const Architecture &a, bool havePairs)
{
    if (a.supports(ObjectiveKind::CausalLm) && a.traits.direction == Direction::Causal)
        return Plan{&a, Kind::Causal, "char", 0, {"causal"}};
    if (a.supports(ObjectiveKind::MaskedLm))
        return Plan{&a, Kind::Masked, "wordpiece", kMaskedVocabulary, {"mlm"}};
    if (a.seq2seqTokens && a.supports(ObjectiveKind::SequenceToSequence) && havePairs && !a.objectives.empty())
        return Plan{&a, Kind::Translation, "unigram", kUnigramVocabulary, {objectiveName(a.objectives.front())}};
    return std::nullopt;
}

// The options at width w: the model width, and a recurrent or MLP hidden layer (whose default is
// a fixed size rather than a multiple of the width) at w too; `layers` where the family has it.
nlohmann::json optionsAt(const Architecture &a, int w, int layers)
{
    nlohmann::json given = nlohmann::json::object();
    given["dim"] = w;
    if (const ArchOption *hidden = a.option("hidden"); hidden && hidden->defaultValue.is_number() &&
                                                         hidden->defaultValue.get<double>() > 0)
        given["hidden"] = w;
    if (const ArchOption *l = a.option("layers"); l && layers >= l->min && layers <= l->max)
        given["layers"] = layers;
    return given;
}

// The width (a multiple of 8) whose parameter count is closest to the budget.
Result<std::pair<int, std::int64_t>> widthFor(const Architecture &a, int vocab, const ZooRequest &r)
{
    if (!a.option("dim"))
        return makeError(a.name + " has no width option");
    int best = 0;
    std::int64_t bestCount = 0;
    for (int w = 8; w <= 1024; w += 8) {
        auto config = a.configFor(optionsAt(a, w, r.layers), vocab, r.seq);
        if (!config)
            continue;
        auto count = a.parameterCount(config.value());
        if (!count)
            continue;
        if (best == 0 || std::llabs(count.value() - r.budgetParams) < std::llabs(bestCount - r.budgetParams)) {
            best = w;
            bestCount = count.value();
        }
        if (count.value() > 2 * r.budgetParams)
            break;
    }
    if (best == 0 || bestCount > 4 * r.budgetParams || 4 * bestCount < r.budgetParams)
        return makeError(a.name + ": no width comes within 4x of a budget of " + std::to_string(r.budgetParams) +
                         " parameters");
    return std::pair{best, bestCount};
}

std::string joinLines(const std::vector<std::string> &lines, std::size_t from, std::size_t to)
{
    std::string out;
    for (std::size_t i = from; i < to; ++i)
        out += lines[i] + "\n";
    return out;
}

double lastLosses(const Trainer &trainer)
{
    const auto &h = trainer.history();
    const std::size_t n = std::min<std::size_t>(10, h.size());
    double sum = 0.0;
    for (std::size_t i = h.size() - n; i < h.size(); ++i)
        sum += h[i].loss;
    return n ? sum / static_cast<double>(n) : kNaN;
}

} // namespace

Result<std::vector<ZooRow>> runZoo(const ZooRequest &r, const std::function<void(const std::string &)> &progress,
                                   const CancelToken *cancel)
{
    const auto say = [&](const std::string &line) {
        if (progress)
            progress(line);
    };
    const auto cancelled = [&] { return cancel && cancel->isCancelled(); };
    const bool havePairs = !r.translationTrain.empty() && !r.translationTest.empty();

    std::vector<Plan> plans;
    if (r.families.empty()) {
        for (const Architecture *a : architectures())
            if (auto p = planFor(*a, havePairs))
                plans.push_back(*p);
    } else {
        for (const std::string &name : r.families) {
            const Architecture *a = findArchitecture(name);
            if (!a)
                return makeError("unknown family '" + name + "'");
            auto p = planFor(*a, havePairs);
            if (!p)
                return makeError(name + " cannot join the zoo: it trains neither on text nor, without translation "
                                        "pairs, on pairs");
            plans.push_back(*p);
        }
    }

    // The text's lines: the tail is held out.
    std::vector<std::string> lines;
    {
        std::istringstream in(r.text);
        for (std::string line; std::getline(in, line);)
            if (!line.empty() && line != "\r")
                lines.push_back(line);
    }
    const std::size_t held = std::max<std::size_t>(1, static_cast<std::size_t>(r.heldOutFraction * lines.size()));
    if (lines.size() < 2 * held + 1)
        return makeError("the text has too few lines to hold out a tail (" + std::to_string(lines.size()) + " lines)");
    const std::string trainText = joinLines(lines, 0, lines.size() - held);
    const std::string heldText = joinLines(lines, lines.size() - held, lines.size());
    std::string pairText;
    for (const TextPair &p : r.translationTrain)
        pairText += p.source + "\n" + p.target + "\n";

    TrainConfig train;
    train.steps = r.steps;
    train.batch = r.batch;
    train.seq = r.seq;
    train.lr = r.lr;
    train.seed = r.seed;

    const CancelToken never;
    const CancelToken &token = cancel ? *cancel : never;
    std::vector<ZooRow> rows;
    for (const Plan &plan : plans) {
        const Architecture &a = *plan.arch;
        if (cancelled())
            return makeError("cancelled");
        ZooRow row;
        row.family = a.name;
        row.perplexity = row.mlmAccuracy = row.chrF = kNaN;
        const std::string &corpus = plan.kind == Kind::Translation ? pairText : trainText;
        TokenizerOptions topts;
        topts.maxVocab = plan.vocabCap;
        if (plan.kind == Kind::Translation) {
            topts.leadingSpecials = a.seq2seqTokens->leading;
            topts.trailingSpecials = a.seq2seqTokens->trailing();
        }
        auto tokenizer = buildTokenizer(plan.tokenizer, corpus, topts);
        if (!tokenizer)
            return makeError(a.name + ": " + tokenizer.error());
        const int vocab = tokenizer.value()->vocabSize();
        auto width = widthFor(a, vocab, r);
        if (!width)
            return makeError(width.error());
        row.dim = width.value().first;
        row.params = width.value().second;
        const nlohmann::json options = optionsAt(a, row.dim, r.layers);

        ModelChoice choice;
        choice.arch = a.name;
        choice.tokenizer = plan.tokenizer;
        choice.vocabSize = plan.vocabCap;
        choice.options = options;
        choice.objectives = plan.objectives;
        say(a.name + ": width " + std::to_string(row.dim) + ", " + std::to_string(row.params) + " parameters, training " +
            std::to_string(r.steps) + " steps");
        auto setup = prepareTraining(corpus, choice, train);
        if (!setup)
            return makeError(a.name + ": " + setup.error());
        TrainingSetup &s = setup.value();
        row.params = s.model->parameterCount();

        if (plan.kind == Kind::Translation) {
            row.objective = "translation";
            row.quality = "training loss";
            Seq2SeqTask task{r.translationTrain, r.translationTest};
            auto fine = prepareSeq2SeqFinetuning(*s.model, *s.tokenizer, task, train, false);
            if (!fine)
                return makeError(a.name + ": " + fine.error());
            if (fine.value().trainer->run(token, nullptr) == Trainer::Outcome::Cancelled)
                return makeError("cancelled");
            row.heldOutLoss = lastLosses(*fine.value().trainer);
            row.tokensPerSecond = fine.value().trainer->history().back().tokensPerSecond;
            say(a.name + ": translating " + std::to_string(kTranslationTests) + " held-out sentences");
            DecodingOptions decoding;
            decoding.maxTokens = 48;
            row.chrF = scoreSeq2Seq(*fine.value().model, *s.tokenizer, fine.value().ids, r.translationTest, decoding, 64,
                                    kTranslationTests, cancel)
                           .chrF;
            if (r.trained)
                r.trained(row, *fine.value().model, *s.tokenizer);
        } else {
            if (s.trainer->run(token, nullptr) == Trainer::Outcome::Cancelled)
                return makeError("cancelled");
            row.tokensPerSecond = s.trainer->history().back().tokensPerSecond;
            NoGradScope noGrad;
            Rng rng(r.seed + 7);
            if (plan.kind == Kind::Causal) {
                row.objective = "causal";
                row.quality = "next-token loss";
                auto data = TokenDataset::create(s.tokenizer->encode(heldText), r.seq);
                if (!data)
                    return makeError(a.name + ": the held-out tail is shorter than one window of " + std::to_string(r.seq) +
                                     " tokens");
                double sum = 0.0;
                for (int b = 0; b < kEvalBatches; ++b) {
                    s.model->resetState();
                    sum += s.model->loss(data.value().sample(rng, r.batch)).item();
                    if (a.routing) // a mixture of experts adds its balancing term to the loss: not a prediction
                        if (auto routed = a.routing(*s.model))
                            sum -= routed.value().balanceWeight * routed.value().balanceLoss;
                }
                row.heldOutLoss = sum / kEvalBatches;
                row.perplexity = std::exp(row.heldOutLoss);
            } else {
                row.objective = "mlm";
                row.quality = "masked-LM loss";
                auto *encoder = dynamic_cast<EncoderModel *>(s.model.get());
                auto specials = findEncoderSpecials(*s.tokenizer);
                if (!encoder || !specials)
                    return makeError(a.name + ": not an encoder with the five special tokens");
                const EncoderSpecials &sp = specials.value();
                const PretrainingTokens pt{sp.pad, sp.cls, sp.sep, sp.mask, {sp.pad, sp.unk, sp.cls, sp.sep, sp.mask}};
                std::vector<std::vector<TokenSequence>> documents(1);
                for (std::size_t i = lines.size() - held; i < lines.size(); ++i)
                    if (TokenSequence ids = s.tokenizer->encode(lines[i]); !ids.empty())
                        documents.front().push_back(std::move(ids));
                auto masked = EncoderPretraining::create(documents, PairTask::None, r.seq, vocab, pt);
                if (!masked)
                    return makeError(a.name + ": held-out tail: " + masked.error());
                double loss = 0.0, accuracy = 0.0;
                for (int b = 0; b < kEvalBatches; ++b) {
                    const PretrainingScores scores = scorePretraining(*encoder, masked.value().next(rng, r.batch));
                    loss += scores.maskedLoss;
                    accuracy += scores.maskedAccuracy;
                }
                row.heldOutLoss = loss / kEvalBatches;
                row.mlmAccuracy = accuracy / kEvalBatches;
            }
            if (r.trained)
                r.trained(row, *s.model, *s.tokenizer);
        }

        // Memory, measured on the same family and width with a window of each length.
        for (int T : r.trainLengths) {
            if (cancelled())
                return makeError("cancelled");
            say(a.name + ": training memory at T = " + std::to_string(T));
            auto config = a.configFor(options, vocab, T);
            auto m = config ? measureMemory(config.value(), MemoryMode::Train, 2, T, cancel) : Result<MemoryMeasurement>(Error{config.error()});
            row.trainBytes.push_back(m ? m.value().runBytes : -1);
        }
        const bool generates = a.traits.direction == Direction::Causal && a.traits.generation != GenerationState::None;
        for (int T : r.generationLengths) {
            if (cancelled())
                return makeError("cancelled");
            if (!generates) {
                row.generationBytes.push_back(-1);
                row.generationMsPerToken.push_back(kNaN);
                continue;
            }
            say(a.name + ": generating " + std::to_string(T) + " tokens");
            auto config = a.configFor(options, vocab, T);
            auto m = config ? measureMemory(config.value(), MemoryMode::Infer, 1, T, cancel) : Result<MemoryMeasurement>(Error{config.error()});
            row.generationBytes.push_back(m ? m.value().runBytes : -1);
            row.generationMsPerToken.push_back(m ? 1000.0 * m.value().seconds / T : kNaN);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string zooCsv(const ZooRequest &r, const std::vector<ZooRow> &rows)
{
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out << "family,objective,quality,dim,params,held_out_loss,perplexity,mlm_accuracy,chrf,tokens_per_s";
    for (int T : r.trainLengths)
        out << ",train_bytes_" << T;
    for (int T : r.generationLengths)
        out << ",gen_bytes_" << T;
    for (int T : r.generationLengths)
        out << ",gen_ms_per_token_" << T;
    out << '\n';
    const auto number = [&](double v) {
        if (std::isfinite(v))
            out << v;
    };
    for (const ZooRow &row : rows) {
        out << row.family << ',' << row.objective << ',' << row.quality << ',' << row.dim << ',' << row.params << ',';
        number(row.heldOutLoss);
        out << ',';
        number(row.perplexity);
        out << ',';
        number(row.mlmAccuracy);
        out << ',';
        number(row.chrF);
        out << ',';
        number(row.tokensPerSecond);
        for (std::int64_t b : row.trainBytes) {
            out << ',';
            if (b >= 0)
                out << b;
        }
        for (std::int64_t b : row.generationBytes) {
            out << ',';
            if (b >= 0)
                out << b;
        }
        for (double ms : row.generationMsPerToken) {
            out << ',';
            number(ms);
        }
        out << '\n';
    }
    return out.str();
}

namespace {

constexpr int kZooJsonVersion = 1;

nlohmann::json numberOrNull(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

double numberFrom(const nlohmann::json &v) { return v.is_null() ? kNaN : v.get<double>(); }

// An integer field: a JSON integer within [lo, hi] (a float is refused before any conversion).
std::int64_t integerFrom(const nlohmann::json &v, const char *name, std::int64_t lo, std::int64_t hi)
{
    if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<std::uint64_t>() > std::uint64_t(hi)) ||
        v.get<std::int64_t>() < lo || v.get<std::int64_t>() > hi)
        throw std::invalid_argument(std::string(name) + " must be an integer from " + std::to_string(lo) + " to " +
                                    std::to_string(hi));
    return v.get<std::int64_t>();
}

template <class T>
std::vector<T> integersFrom(const nlohmann::json &v, const char *name, std::int64_t lo, std::int64_t hi)
{
    if (!v.is_array())
        throw std::invalid_argument(std::string(name) + " must be a list");
    std::vector<T> out;
    for (const nlohmann::json &x : v)
        out.push_back(static_cast<T>(integerFrom(x, name, lo, hi)));
    return out;
}

constexpr std::int64_t kMaxBytes = std::int64_t(1) << 50;

} // namespace

std::string zooJson(const ZooTable &table)
{
    nlohmann::json rows = nlohmann::json::array();
    for (const ZooRow &r : table.rows) {
        nlohmann::json ms = nlohmann::json::array();
        for (double v : r.generationMsPerToken)
            ms.push_back(numberOrNull(v));
        rows.push_back({{"family", r.family},
                        {"objective", r.objective},
                        {"quality", r.quality},
                        {"dim", r.dim},
                        {"params", r.params},
                        {"held_out_loss", numberOrNull(r.heldOutLoss)},
                        {"perplexity", numberOrNull(r.perplexity)},
                        {"mlm_accuracy", numberOrNull(r.mlmAccuracy)},
                        {"chrf", numberOrNull(r.chrF)},
                        {"tokens_per_s", numberOrNull(r.tokensPerSecond)},
                        {"train_bytes", r.trainBytes},
                        {"gen_bytes", r.generationBytes},
                        {"gen_ms_per_token", ms}});
    }
    return nlohmann::json{{"version", kZooJsonVersion},
                          {"train_lengths", table.trainLengths},
                          {"generation_lengths", table.generationLengths},
                          {"rows", rows}}
        .dump(1);
}

Result<ZooTable> parseZooJson(const std::string &text)
{
    try {
        const nlohmann::json in = nlohmann::json::parse(text);
        if (!in.is_object() || !in.contains("version") || in["version"] != kZooJsonVersion)
            return makeError("zoo.json: not a comparison of version " + std::to_string(kZooJsonVersion));
        ZooTable out;
        out.trainLengths = integersFrom<int>(in.at("train_lengths"), "train_lengths", 1, 1 << 20);
        out.generationLengths = integersFrom<int>(in.at("generation_lengths"), "generation_lengths", 1, 1 << 20);
        for (const nlohmann::json &j : in.at("rows")) {
            ZooRow r;
            r.family = j.at("family").get<std::string>();
            if (!findArchitecture(r.family))
                return makeError("zoo.json: unknown family '" + r.family + "'");
            r.objective = j.at("objective").get<std::string>();
            r.quality = j.at("quality").get<std::string>();
            r.dim = static_cast<int>(integerFrom(j.at("dim"), "dim", 0, 1 << 20));
            r.params = integerFrom(j.at("params"), "params", 0, kMaxBytes);
            r.heldOutLoss = numberFrom(j.at("held_out_loss"));
            r.perplexity = numberFrom(j.at("perplexity"));
            r.mlmAccuracy = numberFrom(j.at("mlm_accuracy"));
            r.chrF = numberFrom(j.at("chrf"));
            r.tokensPerSecond = numberFrom(j.at("tokens_per_s"));
            r.trainBytes = integersFrom<std::int64_t>(j.at("train_bytes"), "train_bytes", -1, kMaxBytes);
            r.generationBytes = integersFrom<std::int64_t>(j.at("gen_bytes"), "gen_bytes", -1, kMaxBytes);
            const nlohmann::json &ms = j.at("gen_ms_per_token");
            if (!ms.is_array())
                throw std::invalid_argument("gen_ms_per_token must be a list");
            for (const nlohmann::json &v : ms)
                r.generationMsPerToken.push_back(numberFrom(v));
            if (r.trainBytes.size() != out.trainLengths.size() || r.generationBytes.size() != out.generationLengths.size() ||
                r.generationMsPerToken.size() != out.generationLengths.size())
                return makeError("zoo.json: " + r.family + ": a memory column does not match the lengths");
            out.rows.push_back(std::move(r));
        }
        if (out.rows.empty())
            return makeError("zoo.json: no rows");
        return out;
    } catch (const std::exception &e) {
        return makeError(std::string("zoo.json: ") + e.what());
    }
}

} // namespace lm
