#include "lessons/lessonsession.h"
#include "lessons/lessonverdict.h"

#include "base/corpora.h"
#include "lessons/lessonmeasures.h"
#include "plots/implicitattention.h"

#include "core/tape.h"
#include "embed/embedmethod.h"
#include "embed/wordcorpus.h"
#include "inspect/gradientprobe.h"
#include "inspect/neighbors.h"
#include "models/architecture.h"
#include "models/recurrent/recurrentlm.h"
#include "models/recurrent/tagger.h"
#include "models/sampling.h"
#include "train/forecasting.h"
#include "train/tagging.h"

#include <QFile>

#include <algorithm>
#include <deque>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string_view>

namespace {

using namespace lessonverdict;

using nlohmann::json;

// Word vectors train on one thread: Hogwild updates from two would make a check's ranks differ
// from run to run.
constexpr int kEmbedThreads = 1;

// An action that cannot run: the step stops there with this message.
struct ActionFailed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::optional<lm::CellKind> cell(const std::string &name) { return lm::cellKindFromName(name); }

// Sentences whose words need their neighbours to be tagged ("book" a verb or a noun, "light" a
// noun or an adjective): what a `tag` action shows the tagger doing.
const char *const kTaggingExamples[] = {"I book a room .", "I read a book .", "the light is bright .", "the light bag is heavy ."};

// The series a `forecast` action trains on, and how far the forecaster continues it.
constexpr int kSeriesLength = 1200;
constexpr int kForecastHorizon = 48;

// Lessons train small models: width 64 and at most two layers unless the step says otherwise;
// every other option keeps the table's default.
lm::ModelChoice lessonModel(const lm::Architecture &arch, const json &given)
{
    lm::ModelChoice c;
    c.arch = arch.name;
    c.tokenizer = "char";
    if (arch.option("dim"))
        c.options["dim"] = 64;
    if (const lm::ArchOption *layers = arch.option("layers"))
        c.options["layers"] = std::min(2, layers->defaultValue.get<int>());
    for (const auto &item : given.items())
        c.options[item.key()] = item.value();
    return c;
}

} // namespace

bool StepOutcome::passed() const
{
    return error.empty() && std::all_of(checks.begin(), checks.end(), [](const CheckOutcome &c) { return c.passed; });
}

LessonSession::LessonSession(const lm::CancelToken *cancel) : m_cancel(cancel)
{
    m_choice = lessonModel(*lm::architectures().front(), json::object());
    m_train.steps = 20000; // lessons train in pieces; the schedule stays near its peak
    m_train.warmup = 20;
    m_train.batch = 16;
    m_train.seq = 64;
    m_train.lr = 3e-3f;
}

LessonSession::~LessonSession() = default;

StepOutcome LessonSession::runStep(const LessonStep &step, const std::function<void(const std::string &)> &progress)
{
    StepOutcome result;
    m_selection.highlight.clear();
    m_freshVectors = false;
    try {
        for (const LessonAction &a : step.actions) {
            if (m_cancel && m_cancel->isCancelled())
                throw ActionFailed("cancelled");
            if (progress)
                progress(a.kind);
            act(a);
        }
    } catch (const std::exception &e) {
        result.error = e.what();
        return result;
    }
    for (const LessonCheck &c : step.checks) {
        try {
            result.checks.push_back(check(c));
        } catch (const std::exception &e) { // a measurement that could not run fails its check
            result.checks.push_back(outcome(false, std::string("無法量測：") + e.what(), std::string("could not measure: ") + e.what()));
        }
    }
    if (m_freshVectors) // published once its checks have named their words: never changed after
        m_results.vectors = m_vectors;
    return result;
}

void LessonSession::ensureSetup()
{
    if (m_setup)
        return;
    auto setup = lm::prepareTraining(corpusText(), m_choice, m_train);
    if (!setup)
        throw ActionFailed(setup.error());
    m_setup = std::move(setup).value();
    m_results.runs.push_back(LessonRun{m_choice.arch, {}});
    m_results.trace.reset();
}

const std::string &LessonSession::corpusText()
{
    if (m_corpusText.empty()) {
        auto corpus = loadCorpusSpec(QString::fromStdString(m_corpusSpec));
        if (!corpus)
            throw ActionFailed(corpus.error());
        m_corpusText = std::move(corpus.value().text);
    }
    return m_corpusText;
}

const std::vector<double> &LessonSession::losses() const
{
    static const std::vector<double> none;
    return m_results.runs.empty() ? none : m_results.runs.back().losses;
}

std::vector<std::vector<float>> LessonSession::generationLogits()
{
    std::vector<std::vector<float>> rows;
    if (!m_generation || !m_setup)
        return rows;
    lm::NoGradScope noGrad;
    std::vector<std::int32_t> context = m_generation->prompt;
    for (std::int32_t next : m_generation->continuation) {
        const lm::Tensor logits = m_setup->model->nextTokenLogits(context);
        rows.emplace_back(logits.data(), logits.data() + logits.numel());
        context.push_back(next);
    }
    return rows;
}

double LessonSession::recentLoss() const
{
    const std::vector<double> &all = losses();
    const std::size_t n = std::min<std::size_t>(10, all.size());
    double total = 0;
    for (std::size_t i = all.size() - n; i < all.size(); ++i)
        total += all[i];
    return n ? total / static_cast<double>(n) : std::nan("");
}

void LessonSession::act(const LessonAction &action)
{
    if (actOnTask(action))
        return;
    const json &a = action.args;
    const std::string &kind = action.kind;
    if (kind == "corpus") {
        m_corpusSpec = a["spec"].get<std::string>();
        m_corpusText.clear();
        m_setup.reset();
    } else if (kind == "model") {
        m_choice = lessonModel(*lm::findArchitecture(a["arch"].get<std::string>()), modelActionOptions(a));
        m_choice.tokenizer = valueOr<std::string>(a, "tokenizer", "char");
        m_train.seq = valueOr(a, "seq", 64);
        m_train.batch = valueOr(a, "batch", 16);
        m_train.lr = static_cast<float>(valueOr(a, "lr", 3e-3));
        m_train.seed = valueOr<std::uint64_t>(a, "seed", 1);
        m_setup.reset(); // the next action that needs the model builds it and starts a run
        m_selection.view = "lm";
    } else if (kind == "train") {
        ensureSetup();
        const int steps = a["steps"].get<int>();
        for (int i = 0; i < steps; ++i) {
            if (m_cancel && m_cancel->isCancelled())
                throw ActionFailed("cancelled");
            const lm::StepReport r = m_setup->trainer->step();
            m_results.runs.back().losses.push_back(r.loss);
            if (m_onLoss)
                m_onLoss(m_results.runs.size() - 1, r.loss);
            if (!std::isfinite(r.loss))
                throw ActionFailed("training diverged at step " + std::to_string(r.step));
        }
        m_selection.view = "lm";
    } else if (kind == "generate") {
        ensureSetup();
        lm::SamplingOptions o;
        o.temperature = static_cast<float>(valueOr(a, "temperature", 0.8));
        o.topK = valueOr(a, "top_k", 0);
        o.seed = valueOr<std::uint64_t>(a, "seed", 1);
        const int tokens = valueOr(a, "tokens", 60);
        const std::string prompt = a["prompt"].get<std::string>();
        LessonGeneration g;
        g.prompt = m_setup->tokenizer->encode(prompt);
        g.options = o;
        g.continuation = lm::generateTokens(*m_setup->model, g.prompt, tokens, o);
        g.again = lm::generateTokens(*m_setup->model, g.prompt, tokens, o); // the same seed again: a check compares
        m_results.generated = prompt + m_setup->tokenizer->decode(g.continuation);
        m_generation = std::move(g);
    } else if (kind == "trace") {
        ensureSetup();
        const std::vector<std::int32_t> ids = m_setup->tokenizer->encode(a["text"].get<std::string>());
        if (ids.empty())
            throw ActionFailed("the text to trace has no tokens");
        auto trace = std::make_shared<lm::Trace>();
        for (std::int32_t id : ids)
            trace->tokens.push_back(m_setup->tokenizer->tokenText(id));
        (void)m_setup->model->sequenceLogits(ids, trace.get());
        m_results.trace = std::move(trace);
    } else if (kind == "embed") {
        (void)corpusText();
        lm::WordCorpusOptions copts;
        copts.minCount = valueOr(a, "min_count", 3);
        copts.unit = valueOr<std::string>(a, "unit", "words") == "chars" ? lm::TokenUnit::Characters : lm::TokenUnit::Words;
        auto wc = lm::buildWordCorpus(lm::normalizeWordText(m_corpusText), copts);
        if (!wc)
            throw ActionFailed(wc.error());
        const auto method = lm::parseEmbedMethod(a["method"].get<std::string>());
        if (!method)
            throw ActionFailed("unknown word-vector method '" + a["method"].get<std::string>() + "'");
        const lm::CancelToken never;
        const lm::CancelToken &cancel = m_cancel ? *m_cancel : never;
        lm::EmbedOptions o = lm::embedDefaults(*method);
        o.dim = valueOr(a, "dim", 50);
        o.epochs = valueOr(a, "epochs", 5);
        o.window = valueOr(a, "window", 5);
        o.sample = 1e-3; // fastText too: the lesson corpora are small
        o.threads = kEmbedThreads;
        auto trained = lm::trainWordVectors(wc.value(), o, cancel);
        if (!trained)
            throw ActionFailed(trained.error());
        m_vectors = std::make_shared<LessonVectors>();
        m_vectors->method = a["method"].get<std::string>();
        m_vectors->vectors = std::move(trained.value().vectors);
        m_freshVectors = true; // this step's checks may still name the words they ask about
        m_selection.view = "vectors";
    } else if (kind == "forecast") {
        lm::ForecasterConfig config;
        config.kind = *cell(a["arch"].get<std::string>());
        config.hidden = valueOr(a, "hidden", 32);
        lm::ForecastTrainConfig tc;
        tc.steps = valueOr(a, "steps", 300);
        const std::vector<double> series = lm::generateSeries(kSeriesLength, 1);
        const auto started = std::chrono::steady_clock::now();
        auto run = lm::runForecast(series, config, tc, kForecastHorizon, m_cancel);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
        if (!run)
            throw ActionFailed(run.error());
        const lm::ForecastReport &report = run.value().report;
        m_forecastRmse = report.testRmse;
        m_naiveRmse = report.naiveTestRmse;
        auto f = std::make_shared<LessonForecast>();
        f->arch = a["arch"].get<std::string>();
        f->model = config;
        f->steps = tc.steps;
        f->seconds = took.count();
        f->series = series;
        f->trainSize = report.trainSize;
        f->testPredictions = report.testPredictions;
        f->continuation = run.value().freeRun;
        f->continuationRmse = run.value().freeRunRmse;
        f->flatRmse = run.value().flatRmse;
        f->trainRmse = report.trainRmse;
        f->naiveTrainRmse = report.naiveTrainRmse;
        f->testRmse = report.testRmse;
        f->naiveTestRmse = report.naiveTestRmse;
        f->losses = report.losses;
        m_results.forecast = std::move(f);
        m_selection.view = "recurrent";
    } else if (kind == "tag") {
        QFile file(QStringLiteral(":/corpora/tagged_en.tsv"));
        if (!file.open(QIODevice::ReadOnly))
            throw ActionFailed("the built-in tagged sentences are missing from this build");
        auto parsed = lm::parseTagged(file.readAll().toStdString(), "builtin:tagged_en");
        if (!parsed)
            throw ActionFailed(parsed.error());
        std::vector<lm::TaggedSentence> all = std::move(parsed).value();
        const std::size_t held = std::max<std::size_t>(1, all.size() / 10);
        lm::TaggerConfig config;
        config.bidirectional = valueOr(a, "bidirectional", true);
        lm::TrainConfig train;
        train.steps = valueOr(a, "steps", 300);
        train.batch = 16;
        train.lr = 1e-2f;
        const lm::CancelToken never;
        auto run = lm::runTagging(std::move(all), held, config, train, m_cancel ? *m_cancel : never);
        if (!run)
            throw ActionFailed(run.error());
        if (run.value().outcome == lm::Trainer::Outcome::Cancelled)
            throw ActionFailed("cancelled");
        if (run.value().outcome == lm::Trainer::Outcome::Diverged)
            throw ActionFailed("the tagger's training diverged: " + run.value().divergence);
        const lm::RecurrentTagger &tagger = *run.value().tagger;
        const lm::TagVocabulary &vocab = *run.value().vocab;
        m_taggerAccuracy = run.value().accuracy;
        auto t = std::make_shared<LessonTagging>();
        t->config = config;
        t->steps = train.steps;
        t->accuracy = m_taggerAccuracy;
        t->testSentences = run.value().testSentences;
        t->testWords = run.value().testWords;
        for (const char *example : kTaggingExamples) {
            LessonTagging::Sentence tagged;
            for (std::size_t from = 0, to; from < std::strlen(example); from = to + 1) {
                to = std::string_view(example).find(' ', from);
                to = to == std::string_view::npos ? std::strlen(example) : to;
                tagged.words.emplace_back(example + from, to - from);
            }
            tagged.tags = lm::tagSentence(tagger, vocab, tagged.words);
            t->examples.push_back(std::move(tagged));
        }
        // The hidden states over the first example, both directions when the tagger reads both ways.
        auto trace = std::make_shared<lm::Trace>();
        std::vector<std::int32_t> ids;
        for (const std::string &w : t->examples.front().words) {
            ids.push_back(vocab.wordId(w));
            trace->tokens.push_back(w);
        }
        {
            lm::NoGradScope noGrad;
            (void)tagger.logits(ids, 1, static_cast<int>(ids.size()), trace.get());
        }
        t->trace = std::move(trace);
        m_results.tagging = std::move(t);
        m_selection.view = "recurrent";
    } else if (kind == "gradients") {
        auto g = std::make_shared<LessonGradients>();
        g->scale = valueOr(a, "scale", 1.0);
        for (const lm::Architecture *family : lm::architectures()) {
            const auto kind = cell(family->name);
            if (!family->feeds(lm::View::GradientFlow) || !kind)
                continue;
            const std::string &name = family->name;
            lm::GradientProbe p;
            p.kind = *kind;
            p.steps = valueOr(a, "steps", 60);
            p.weightScale = static_cast<float>(valueOr(a, "scale", 1.0));
            g->norms.emplace_back(name, lm::gradientThroughTime(p));
        }
        m_results.gradients = std::move(g);
        m_selection.view = "recurrent";
    } else if (kind == "memory") {
        lm::MemoryLabRequest r;
        r.archs = a["archs"].get<std::vector<std::string>>();
        r.modes = {*lm::memoryModeFromName(valueOr<std::string>(a, "mode", "train"))};
        r.seqLens = a["seq_lens"].get<std::vector<int>>();
        r.batch = valueOr(a, "batch", 2);
        r.model.dim = valueOr(a, "dim", 64);
        r.model.layers = valueOr(a, "layers", 2);
        r.model.heads = valueOr(a, "heads", 4);
        r.model.chunkedAttention = valueOr(a, "chunked", false);
        auto rows = lm::runMemoryLab(r, {}, m_cancel);
        if (!rows)
            throw ActionFailed(rows.error());
        // Several sweeps (say, with and without chunked attention) add up; a repeated (arch, mode,
        // length) replaces the older row.
        for (const lm::MemoryLabRow &row : rows.value()) {
            std::erase_if(m_results.memoryRows, [&](const lm::MemoryLabRow &old) {
                return old.arch == row.arch && old.mode == row.mode && old.seqLen == row.seqLen;
            });
            m_results.memoryRows.push_back(row);
        }
        m_selection.view = "memory";
    } else if (kind == "open") {
        m_selection.view = a["view"].get<std::string>();
    } else if (kind == "select") {
        m_selection.layer = valueOr(a, "layer", m_selection.layer);
        m_selection.head = valueOr(a, "head", m_selection.head);
        m_selection.token = valueOr(a, "token", m_selection.token);
        m_selection.unit = valueOr(a, "unit", m_selection.unit);
    } else if (kind == "highlight") {
        m_selection.highlight = a["region"].get<std::string>();
    }
}

CheckOutcome LessonSession::check(const LessonCheck &c)
{
    if (std::optional<CheckOutcome> judged = checkTask(c))
        return *judged;
    const json &a = c.args;
    const std::string &kind = c.kind;
    if (kind == "loss_below" || kind == "loss_fell") {
        const std::vector<double> &all = losses();
        if (all.empty())
            return outcome(false, "還沒有訓練過", "nothing has been trained yet");
        const double loss = recentLoss();
        if (kind == "loss_below") {
            const double bar = a["value"].get<double>();
            const bool ok = loss < bar;
            return outcome(ok, "損失 " + fixed(loss) + (ok ? " < " : " ≥ ") + fixed(bar),
                           "loss " + fixed(loss) + (ok ? " < " : " >= ") + fixed(bar));
        }
        const double first = all.front(), fraction = a["fraction"].get<double>();
        const bool ok = loss <= (1.0 - fraction) * first;
        return outcome(ok, "損失從 " + fixed(first) + " 降到 " + fixed(loss),
                       "loss went from " + fixed(first) + " to " + fixed(loss));
    }
    if (kind == "analogy" || kind == "neighbor") {
        if (!m_vectors)
            return outcome(false, "還沒有訓練詞向量", "no word vectors have been trained yet");
        const lm::WordVectors &vectors = m_vectors->vectors;
        const lm::NormalizedVectors unit(vectors);
        const int k = valueOr(a, "top_k", 5);
        std::vector<lm::Neighbor> found;
        std::string wanted, question;
        if (kind == "analogy") {
            const std::int32_t ia = vectors.find(a["a"].get<std::string>()), ib = vectors.find(a["b"].get<std::string>()),
                               ic = vectors.find(a["c"].get<std::string>());
            if (m_freshVectors && m_vectors->analogy.empty()) // the first analogy is the one the view solves
                m_vectors->analogy = {a["a"].get<std::string>(), a["b"].get<std::string>(), a["c"].get<std::string>()};
            question = a["b"].get<std::string>() + " − " + a["a"].get<std::string>() + " + " + a["c"].get<std::string>();
            if (ia < 0 || ib < 0 || ic < 0)
                return outcome(false, question + "：有詞不在詞彙裡", question + ": a word is not in the vocabulary");
            found = unit.analogy(ia, ib, ic, k);
            wanted = a["answer"].get<std::string>();
        } else {
            const std::int32_t iw = vectors.find(a["word"].get<std::string>());
            if (m_freshVectors && m_vectors->word.empty())
                m_vectors->word = a["word"].get<std::string>();
            question = a["word"].get<std::string>();
            if (iw < 0)
                return outcome(false, question + " 不在詞彙裡", question + " is not in the vocabulary");
            found = unit.nearest(unit.vectors().row(iw), k, {iw});
            wanted = a["neighbor"].get<std::string>();
        }
        int rank = -1;
        for (std::size_t i = 0; i < found.size(); ++i)
            if (vectors.words[static_cast<std::size_t>(found[i].id)] == wanted)
                rank = static_cast<int>(i) + 1;
        const bool ok = rank > 0;
        return outcome(ok,
                       question + " → " + wanted + (ok ? " 排第 " + std::to_string(rank) : " 不在前 " + std::to_string(k) + " 名"),
                       question + " -> " + wanted + (ok ? " at rank " + std::to_string(rank) : " not in the top " + std::to_string(k)));
    }
    if (kind == "previous_token_head" || kind == "attention_is_causal") {
        // Every traced map: a layer's heads, or the one map a state-space layer computes implicitly,
        // layer by layer until a layer has neither. An implicit map holds weights of any size
        // (Mamba's are |α| averaged over channels); its rows are scaled to sum to 1 first, as the
        // Attention tab shows them (plots/implicitattention.h).
        const std::shared_ptr<const lm::Trace> &trace = m_results.trace;
        std::vector<std::pair<std::string, const lm::TraceMatrix *>> maps;
        std::deque<lm::TraceMatrix> scaled; // stable addresses for `maps`
        for (int l = 0; trace; ++l) {
            const std::string layer = "layer" + std::to_string(l);
            if (const lm::TraceMatrix *implicit = trace->find(implicitAttentionKey(l))) {
                maps.emplace_back("layer " + std::to_string(l) + " (implicit)", &scaled.emplace_back(rowsSummingToOne(*implicit)));
                continue;
            }
            if (!trace->find(layer + ".head0.attention"))
                break;
            for (int h = 0;; ++h) {
                const lm::TraceMatrix *m = trace->find(layer + ".head" + std::to_string(h) + ".attention");
                if (!m)
                    break;
                maps.emplace_back("layer " + std::to_string(l) + ", head " + std::to_string(h), m);
            }
        }
        if (maps.empty())
            return outcome(false, "還沒有追蹤注意力", "no attention has been traced yet");
        double best = 0.0, worstRow = 0.0, futureMass = 0.0;
        std::string bestName;
        for (const auto &[name, m] : maps) {
            double previous = 0.0;
            for (int i = 0; i < m->rows; ++i) {
                double sum = 0.0;
                for (int j = 0; j < m->cols; ++j) {
                    sum += m->at(i, j);
                    if (j > i)
                        futureMass += m->at(i, j);
                }
                worstRow = std::max(worstRow, std::abs(sum - 1.0));
                if (i > 0)
                    previous += m->at(i, i - 1);
            }
            previous /= std::max(1, m->rows - 1);
            if (previous > best) {
                best = previous;
                bestName = name;
            }
        }
        if (kind == "attention_is_causal") {
            const bool ok = worstRow < 1e-4 && futureMass == 0.0;
            return outcome(ok, ok ? "每一列加起來是 1，沒有權重落在未來的詞元上" : "有一列的和不是 1，或權重落在未來",
                           ok ? "every row sums to 1 and no weight falls on a future token"
                              : "a row does not sum to 1, or weight falls on the future");
        }
        const double bar = a["min_weight"].get<double>();
        const bool ok = best >= bar;
        return outcome(ok, bestName + " 平均把 " + fixed(100 * best, 0) + "% 的權重放在前一個詞元上",
                       bestName + " puts " + fixed(100 * best, 0) + "% of its weight on the previous token on average");
    }
    if (kind == "memory_slope" || kind == "memory_prediction") {
        if (m_results.memoryRows.empty())
            return outcome(false, "還沒有量過記憶體", "no memory has been measured yet");
        if (kind == "memory_prediction") {
            double worst = 0.0;
            for (const lm::MemoryLabRow &r : m_results.memoryRows)
                worst = std::max(worst, std::abs(static_cast<double>(r.predicted.run()) /
                                                     static_cast<double>(std::max<std::int64_t>(1, r.measured.runBytes)) -
                                                 1.0));
            const bool ok = 100 * worst <= a["percent"].get<double>();
            return outcome(ok, "預測與量測最多相差 " + fixed(100 * worst, 1) + "%",
                           "prediction and measurement differ by at most " + fixed(100 * worst, 1) + "%");
        }
        const std::string arch = a["arch"].get<std::string>();
        const std::string mode = valueOr<std::string>(a, "mode", "train");
        const double slope = lm::memoryLabSlope(m_results.memoryRows, arch, *lm::memoryModeFromName(mode));
        const double lo = a["min"].get<double>(), hi = a["max"].get<double>();
        const bool ok = std::isfinite(slope) && slope >= lo && slope <= hi;
        return outcome(ok, arch + " " + mode + " 的斜率 " + fixed(slope) + "（要在 " + fixed(lo) + "–" + fixed(hi) + "）",
                       arch + " " + mode + " slope " + fixed(slope) + " (wanted " + fixed(lo) + "–" + fixed(hi) + ")");
    }
    if (kind == "forecast_beats_baseline") {
        if (m_forecastRmse < 0)
            return outcome(false, "還沒有訓練預測模型", "no forecaster has been trained yet");
        const bool ok = m_forecastRmse < m_naiveRmse;
        return outcome(ok, "測試 RMSE " + fixed(m_forecastRmse, 3) + "，照抄上一個值是 " + fixed(m_naiveRmse, 3),
                       "test RMSE " + fixed(m_forecastRmse, 3) + " against " + fixed(m_naiveRmse, 3) + " for repeating the last value");
    }
    if (kind == "tagger_accuracy") {
        if (m_taggerAccuracy < 0)
            return outcome(false, "還沒有訓練標註器", "no tagger has been trained yet");
        const double bar = a["min"].get<double>();
        const bool ok = m_taggerAccuracy >= bar;
        return outcome(ok, "保留句子的準確率 " + fixed(100 * m_taggerAccuracy, 1) + "%",
                       "held-out accuracy " + fixed(100 * m_taggerAccuracy, 1) + "%");
    }
    if (kind == "gradient_reach") {
        if (!m_results.gradients)
            return outcome(false, "還沒有量過梯度", "no gradients have been probed yet");
        // The share of the last step's gradient that reaches the first step.
        const auto reach = [this](const std::string &name) {
            for (const auto &[cellName, norms] : m_results.gradients->norms)
                if (cellName == name && !norms.empty() && norms.back() > 0)
                    return static_cast<double>(norms.front()) / static_cast<double>(norms.back());
            return 0.0;
        };
        const std::string longer = a["longer"].get<std::string>(), shorter = a["shorter"].get<std::string>();
        const double l = reach(longer), s = reach(shorter);
        const bool ok = l > s;
        char shares[96];
        std::snprintf(shares, sizeof shares, "%.2g / %.2g", l, s);
        return outcome(ok, longer + " 與 " + shorter + " 傳回第一步的梯度比例：" + shares,
                       "share of the gradient reaching the first step, " + longer + " / " + shorter + ": " + shares);
    }
    if (kind == "same_seed_same_text") {
        if (!m_generation)
            return outcome(false, "還沒有生成文字", "no text has been generated yet");
        const bool ok = m_generation->continuation == m_generation->again;
        return outcome(ok, ok ? "同一個種子寫出一樣的文字" : "同一個種子寫出了不同的文字",
                       ok ? "the same seed wrote the same text" : "the same seed wrote different texts");
    }
    if (kind == "greedy_is_argmax" || kind == "greedy_repeats" || kind == "temperature_raises_entropy" ||
        kind == "top_k_respected") {
        if (!m_generation || !m_setup)
            return outcome(false, "還沒有生成文字", "no text has been generated yet");
        const LessonGeneration &g = *m_generation;
        const bool greedy = g.options.temperature == 0.0f;
        if ((kind == "greedy_is_argmax" || kind == "greedy_repeats") && !greedy)
            return outcome(false, "上一次生成不是貪婪解碼（溫度 0）", "the last generation was not greedy (temperature 0)");
        if (kind == "greedy_is_argmax") {
            lm::SamplingOptions other = g.options; // greedy: the seed must not matter
            other.seed += 1;
            const std::vector<std::int32_t> again =
                lm::generateTokens(*m_setup->model, g.prompt, static_cast<int>(g.continuation.size()), other);
            return judgeGreedy(generationLogits(), g.continuation, again);
        }
        if (kind == "greedy_repeats") {
            lm::SamplingOptions sampling; // the same length drawn at temperature 1, for comparison
            sampling.temperature = 1.0f;
            sampling.seed = g.options.seed;
            const std::vector<std::int32_t> sampled =
                lm::generateTokens(*m_setup->model, g.prompt, static_cast<int>(g.continuation.size()), sampling);
            return judgeRepeats(g.continuation, sampled, valueOr(a, "n", 4), valueOr(a, "min_share", 0.2));
        }
        if (kind == "temperature_raises_entropy")
            return judgeTemperature(generationLogits(), valueOr(a, "low", 0.5), valueOr(a, "high", 1.5), valueOr(a, "draws", 400),
                                    engineSampler(), g.options.seed);
        return judgeTopK(generationLogits(), g.continuation, g.options, valueOr(a, "draws", 200), engineSampler());
    }
    if (kind == "gates_vary") {
        if (!m_results.trace)
            return outcome(false, "還沒有追蹤過文字", "no text has been traced yet");
        return judgeGates(*m_results.trace, valueOr(a, "min_spread", 0.05));
    }
    if (kind == "sequential_steps") {
        const std::string sequential = a["sequential"].get<std::string>(), parallel = a["parallel"].get<std::string>();
        const int length = valueOr(a, "seq_len", 64);
        const std::vector<int> lengths{length, 2 * length};
        std::vector<int> sequentialCounts, parallelCounts;
        for (int n : lengths) {
            sequentialCounts.push_back(layerRounds(*lm::findArchitecture(sequential), n));
            parallelCounts.push_back(layerRounds(*lm::findArchitecture(parallel), n));
        }
        return judgeSequentialSteps(sequential, sequentialCounts, parallel, parallelCounts, lengths);
    }
    return outcome(false, "未知的檢查 " + kind, "unknown check " + kind);
}

bool checkLesson(const Lesson &lesson, const std::function<void(const std::string &)> &report, const lm::CancelToken *cancel,
                 std::vector<bool> *stepsPassed)
{
    LessonSession session(cancel);
    bool all = true;
    if (stepsPassed)
        stepsPassed->assign(lesson.steps.size(), false);
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
        const std::string where = "step " + std::to_string(i + 1);
        const StepOutcome r = session.runStep(lesson.steps[i]);
        if (!r.error.empty()) {
            report(where + ": FAILED: " + r.error);
            all = false;
            continue;
        }
        bool step = true;
        for (const CheckOutcome &c : r.checks) {
            report(where + (c.passed ? ": ok: " : ": FAILED: ") + c.message.en);
            step = step && c.passed;
        }
        if (r.checks.empty())
            report(where + ": ok (no checks)");
        all = all && step;
        if (stepsPassed)
            (*stepsPassed)[i] = step;
    }
    return all;
}
