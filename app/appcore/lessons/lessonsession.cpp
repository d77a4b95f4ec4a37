#include "lessons/lessonsession.h"

#include "base/corpora.h"

#include "embed/embedmethod.h"
#include "embed/wordcorpus.h"
#include "inspect/gradientprobe.h"
#include "inspect/neighbors.h"
#include "models/architecture.h"
#include "io/csv.h"
#include "train/forecasting.h"
#include "models/recurrent/recurrentlm.h"
#include "models/sampling.h"
#include "models/recurrent/tagger.h"
#include "train/taggeddataset.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace {

using nlohmann::json;

// Word vectors train on one thread: Hogwild updates from two would make a check's ranks differ
// from run to run.
constexpr int kEmbedThreads = 1;

// An action that cannot run: the step stops there with this message.
struct ActionFailed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

template <class T>
T valueOr(const json &args, const char *name, T fallback)
{
    return args.contains(name) ? args[name].get<T>() : fallback;
}

std::string fixed(double v, int decimals = 2)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}

CheckOutcome outcome(bool passed, std::string zh, std::string en)
{
    return {passed, {std::move(zh), std::move(en)}};
}

std::optional<lm::CellKind> cell(const std::string &name) { return lm::cellKindFromName(name); }

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
    for (const LessonCheck &c : step.checks)
        result.checks.push_back(check(c));
    return result;
}

void LessonSession::ensureSetup()
{
    if (m_setup)
        return;
    if (m_corpusText.empty()) {
        auto corpus = loadCorpusSpec(QString::fromStdString(m_corpusSpec));
        if (!corpus)
            throw ActionFailed(corpus.error());
        m_corpusText = std::move(corpus.value().text);
    }
    auto setup = lm::prepareTraining(m_corpusText, m_choice, m_train);
    if (!setup)
        throw ActionFailed(setup.error());
    m_setup = std::move(setup).value();
    m_losses.clear();
    m_trace.reset();
}

double LessonSession::recentLoss() const
{
    const std::size_t n = std::min<std::size_t>(10, m_losses.size());
    double total = 0;
    for (std::size_t i = m_losses.size() - n; i < m_losses.size(); ++i)
        total += m_losses[i];
    return n ? total / static_cast<double>(n) : std::nan("");
}

void LessonSession::act(const LessonAction &action)
{
    const json &a = action.args;
    const std::string &kind = action.kind;
    if (kind == "corpus") {
        m_corpusSpec = a["spec"].get<std::string>();
        m_corpusText.clear();
        m_setup.reset();
        m_vectors.reset();
    } else if (kind == "model") {
        json options = json::object();
        for (const auto &item : a.items())
            if (item.key() != "do" && item.key() != "arch" && item.key() != "tokenizer" && item.key() != "seq" &&
                item.key() != "batch" && item.key() != "lr" && item.key() != "seed")
                options[item.key()] = item.value();
        m_choice = lessonModel(*lm::findArchitecture(a["arch"].get<std::string>()), options);
        m_choice.tokenizer = valueOr<std::string>(a, "tokenizer", "char");
        m_train.seq = valueOr(a, "seq", 64);
        m_train.batch = valueOr(a, "batch", 16);
        m_train.lr = static_cast<float>(valueOr(a, "lr", 3e-3));
        m_train.seed = valueOr<std::uint64_t>(a, "seed", 1);
        m_setup.reset();
        m_losses.clear();
        m_trace.reset();
        m_selection.view = "lm";
    } else if (kind == "train") {
        ensureSetup();
        const int steps = a["steps"].get<int>();
        for (int i = 0; i < steps; ++i) {
            if (m_cancel && m_cancel->isCancelled())
                throw ActionFailed("cancelled");
            const lm::StepReport r = m_setup->trainer->step();
            m_losses.push_back(r.loss);
            if (m_onLoss)
                m_onLoss(r.loss);
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
        m_generated = prompt + lm::generateText(*m_setup->model, *m_setup->tokenizer, prompt, tokens, o);
        // The same seed again: a check compares the two.
        m_sameSeedTexts = {m_generated, prompt + lm::generateText(*m_setup->model, *m_setup->tokenizer, prompt, tokens, o)};
    } else if (kind == "trace") {
        ensureSetup();
        const std::vector<std::int32_t> ids = m_setup->tokenizer->encode(a["text"].get<std::string>());
        if (ids.empty())
            throw ActionFailed("the text to trace has no tokens");
        auto trace = std::make_shared<lm::Trace>();
        for (std::int32_t id : ids)
            trace->tokens.push_back(m_setup->tokenizer->tokenText(id));
        (void)m_setup->model->sequenceLogits(ids, trace.get());
        m_trace = std::move(trace);
    } else if (kind == "embed") {
        if (m_corpusText.empty()) {
            auto corpus = loadCorpusSpec(QString::fromStdString(m_corpusSpec));
            if (!corpus)
                throw ActionFailed(corpus.error());
            m_corpusText = std::move(corpus.value().text);
        }
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
        m_vectors = std::move(trained.value().vectors);
        m_selection.view = "vectors";
    } else if (kind == "forecast") {
        lm::ForecasterConfig config;
        config.kind = *cell(a["arch"].get<std::string>());
        config.hidden = valueOr(a, "hidden", 32);
        lm::Rng rng(1);
        lm::SeriesForecaster model(config, rng);
        lm::ForecastTrainConfig tc;
        tc.steps = valueOr(a, "steps", 300);
        auto report = lm::trainForecaster(model, lm::generateSeries(1200, 1), tc, m_cancel);
        if (!report)
            throw ActionFailed(report.error());
        m_forecastRmse = report.value().testRmse;
        m_naiveRmse = report.value().naiveTestRmse;
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
        const std::vector<lm::TaggedSentence> test(all.end() - static_cast<std::ptrdiff_t>(held), all.end());
        all.resize(all.size() - held);
        const lm::TagVocabulary vocab = lm::TagVocabulary::build(all);
        lm::TaggerConfig config;
        config.vocabSize = vocab.wordCount();
        config.tagCount = vocab.tagCount();
        config.bidirectional = valueOr(a, "bidirectional", true);
        lm::Rng rng(1);
        lm::RecurrentTagger tagger(config, rng);
        auto data = lm::TaggedDataset::create(all, vocab);
        if (!data)
            throw ActionFailed(data.error());
        lm::TrainConfig train;
        train.steps = valueOr(a, "steps", 300);
        train.batch = 16;
        train.lr = 1e-2f;
        lm::Trainer trainer(tagger, std::make_unique<lm::TaggedDataset>(std::move(data).value()), train);
        const lm::CancelToken never;
        if (trainer.run(m_cancel ? *m_cancel : never, nullptr) == lm::Trainer::Outcome::Cancelled)
            throw ActionFailed("cancelled");
        m_taggerAccuracy = lm::taggingAccuracy(tagger, vocab, test);
        m_selection.view = "recurrent";
    } else if (kind == "gradients") {
        m_gradients.clear();
        for (const lm::Architecture *family : lm::architectures()) {
            const auto kind = cell(family->name);
            if (!family->feeds(lm::View::GradientFlow) || !kind)
                continue;
            const std::string &name = family->name;
            lm::GradientProbe p;
            p.kind = *kind;
            p.steps = valueOr(a, "steps", 60);
            p.weightScale = static_cast<float>(valueOr(a, "scale", 1.0));
            m_gradients.emplace_back(name, lm::gradientThroughTime(p));
        }
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
            std::erase_if(m_memoryRows, [&](const lm::MemoryLabRow &old) {
                return old.arch == row.arch && old.mode == row.mode && old.seqLen == row.seqLen;
            });
            m_memoryRows.push_back(row);
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
    const json &a = c.args;
    const std::string &kind = c.kind;
    if (kind == "loss_below" || kind == "loss_fell") {
        if (m_losses.empty())
            return outcome(false, "還沒有訓練過", "nothing has been trained yet");
        const double loss = recentLoss();
        if (kind == "loss_below") {
            const double bar = a["value"].get<double>();
            const bool ok = loss < bar;
            return outcome(ok, "損失 " + fixed(loss) + (ok ? " < " : " ≥ ") + fixed(bar),
                           "loss " + fixed(loss) + (ok ? " < " : " >= ") + fixed(bar));
        }
        const double first = m_losses.front(), fraction = a["fraction"].get<double>();
        const bool ok = loss <= (1.0 - fraction) * first;
        return outcome(ok, "損失從 " + fixed(first) + " 降到 " + fixed(loss),
                       "loss went from " + fixed(first) + " to " + fixed(loss));
    }
    if (kind == "analogy" || kind == "neighbor") {
        if (!m_vectors)
            return outcome(false, "還沒有訓練詞向量", "no word vectors have been trained yet");
        const lm::NormalizedVectors unit(*m_vectors);
        const int k = valueOr(a, "top_k", 5);
        std::vector<lm::Neighbor> found;
        std::string wanted, question;
        if (kind == "analogy") {
            const std::int32_t ia = m_vectors->find(a["a"].get<std::string>()), ib = m_vectors->find(a["b"].get<std::string>()),
                               ic = m_vectors->find(a["c"].get<std::string>());
            question = a["b"].get<std::string>() + " − " + a["a"].get<std::string>() + " + " + a["c"].get<std::string>();
            if (ia < 0 || ib < 0 || ic < 0)
                return outcome(false, question + "：有詞不在詞彙裡", question + ": a word is not in the vocabulary");
            found = unit.analogy(ia, ib, ic, k);
            wanted = a["answer"].get<std::string>();
        } else {
            const std::int32_t iw = m_vectors->find(a["word"].get<std::string>());
            question = a["word"].get<std::string>();
            if (iw < 0)
                return outcome(false, question + " 不在詞彙裡", question + " is not in the vocabulary");
            found = unit.nearest(unit.vectors().row(iw), k, {iw});
            wanted = a["neighbor"].get<std::string>();
        }
        int rank = -1;
        for (std::size_t i = 0; i < found.size(); ++i)
            if (m_vectors->words[static_cast<std::size_t>(found[i].id)] == wanted)
                rank = static_cast<int>(i) + 1;
        const bool ok = rank > 0;
        return outcome(ok,
                       question + " → " + wanted + (ok ? " 排第 " + std::to_string(rank) : " 不在前 " + std::to_string(k) + " 名"),
                       question + " -> " + wanted + (ok ? " at rank " + std::to_string(rank) : " not in the top " + std::to_string(k)));
    }
    if (kind == "previous_token_head" || kind == "attention_is_causal") {
        if (!m_trace || !m_trace->find("layer0.head0.attention"))
            return outcome(false, "還沒有追蹤注意力", "no attention has been traced yet");
        double best = 0.0, worstRow = 0.0, futureMass = 0.0;
        std::string bestName;
        for (int l = 0;; ++l) {
            if (!m_trace->find("layer" + std::to_string(l) + ".head0.attention"))
                break;
            for (int h = 0;; ++h) {
                const lm::TraceMatrix *m = m_trace->find("layer" + std::to_string(l) + ".head" + std::to_string(h) + ".attention");
                if (!m)
                    break;
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
                    bestName = "layer " + std::to_string(l) + ", head " + std::to_string(h);
                }
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
        if (m_memoryRows.empty())
            return outcome(false, "還沒有量過記憶體", "no memory has been measured yet");
        if (kind == "memory_prediction") {
            double worst = 0.0;
            for (const lm::MemoryLabRow &r : m_memoryRows)
                worst = std::max(worst, std::abs(static_cast<double>(r.predicted.run()) /
                                                     static_cast<double>(std::max<std::int64_t>(1, r.measured.runBytes)) -
                                                 1.0));
            const bool ok = 100 * worst <= a["percent"].get<double>();
            return outcome(ok, "預測與量測最多相差 " + fixed(100 * worst, 1) + "%",
                           "prediction and measurement differ by at most " + fixed(100 * worst, 1) + "%");
        }
        const std::string arch = a["arch"].get<std::string>();
        const std::string mode = valueOr<std::string>(a, "mode", "train");
        const double slope = lm::memoryLabSlope(m_memoryRows, arch, *lm::memoryModeFromName(mode));
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
        if (m_gradients.empty())
            return outcome(false, "還沒有量過梯度", "no gradients have been probed yet");
        // The share of the last step's gradient that reaches the first step.
        const auto reach = [this](const std::string &name) {
            for (const auto &[cellName, norms] : m_gradients)
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
        if (m_sameSeedTexts.size() != 2)
            return outcome(false, "還沒有生成文字", "no text has been generated yet");
        const bool ok = m_sameSeedTexts[0] == m_sameSeedTexts[1];
        return outcome(ok, ok ? "同一個種子寫出一樣的文字" : "同一個種子寫出了不同的文字",
                       ok ? "the same seed wrote the same text" : "the same seed wrote different texts");
    }
    return outcome(false, "未知的檢查 " + kind, "unknown check " + kind);
}

bool checkLesson(const Lesson &lesson, const std::function<void(const std::string &)> &report, const lm::CancelToken *cancel)
{
    LessonSession session(cancel);
    bool all = true;
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
        const std::string where = "step " + std::to_string(i + 1);
        const StepOutcome r = session.runStep(lesson.steps[i]);
        if (!r.error.empty()) {
            report(where + ": FAILED: " + r.error);
            all = false;
            continue;
        }
        for (const CheckOutcome &c : r.checks) {
            report(where + (c.passed ? ": ok: " : ": FAILED: ") + c.message.en);
            all = all && c.passed;
        }
        if (r.checks.empty())
            report(where + ": ok (no checks)");
    }
    return all;
}
