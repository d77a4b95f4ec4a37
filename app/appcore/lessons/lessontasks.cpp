#include "lessons/lessontasks.h"

#include "lessons/lessonsession.h"
#include "lessons/lessonverdict.h"
#include "workers/finetuneworker.h"
#include "workers/pretrainworker.h"

#include "base/corpora.h"
#include "models/architecture.h"
#include "core/rng.h"
#include "text/specialtokens.h"

#include <QObject>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>
#include <stdexcept>

namespace {

using namespace lessonverdict;

using nlohmann::json;

// A worker's failure, or the session's cancel, stops the step.
[[noreturn]] void fail(const QString &message) { throw std::runtime_error(message.toStdString()); }

// Polls the session's cancel token whenever the worker reports, and passes it on.
template <class Worker, class Signal>
QMetaObject::Connection forwardCancel(Worker &worker, Signal signal, const lm::CancelToken *cancel)
{
    if (!cancel)
        return {};
    return QObject::connect(&worker, signal, &worker, [&worker, cancel] {
        if (cancel->isCancelled())
            worker.cancel();
    }, Qt::DirectConnection);
}

void throwIfCancelled(const lm::CancelToken *cancel)
{
    if (cancel && cancel->isCancelled())
        throw std::runtime_error("cancelled");
}

// Runs `start` (a call of one of `worker`'s slots, on this thread) and keeps what its `done`
// signal hands over in `result`. Throws the worker's `failed` message, "cancelled", or `missing`
// when `done` never came. `worker` reports progress(QString, double) and failed(QString).
template <class Worker, class Result, class Start>
void collect(Worker &worker, void (Worker::*done)(const Result &), Result &result, const lm::CancelToken *cancel,
             Start &&start, const char *missing)
{
    QString failure;
    bool arrived = false;
    // Connected for this call only: the same worker may be asked again.
    const QMetaObject::Connection connections[] = {
        QObject::connect(&worker, done, &worker, [&](const Result &r) {
            result = r;
            arrived = true;
        }, Qt::DirectConnection),
        QObject::connect(&worker, &Worker::failed, &worker, [&](const QString &m) { failure = m; }, Qt::DirectConnection),
        forwardCancel(worker, &Worker::progress, cancel)};
    start();
    for (const QMetaObject::Connection &c : connections)
        QObject::disconnect(c);
    throwIfCancelled(cancel);
    if (!failure.isEmpty() || !arrived)
        fail(failure.isEmpty() ? QString::fromUtf8(missing) : failure);
}

PairObjective pairFrom(const std::string &objective)
{
    if (objective == "mlm,nsp")
        return PairObjective::NextSentence;
    if (objective == "mlm,sop")
        return PairObjective::SentenceOrder;
    return PairObjective::None;
}

// The topic rule on 512 fresh pairs of `run`'s pair task from its corpus, read by its tokenizer.
double topicRuleOn(const LessonPretraining &run)
{
    auto corpus = loadCorpusSpec(run.request.corpusSpec);
    auto specials = lm::findEncoderSpecials(*run.result.encoder.tokenizer);
    if (!corpus || !specials)
        return std::numeric_limits<double>::quiet_NaN();
    const lm::EncoderSpecials &sp = specials.value();
    const std::vector<std::int32_t> ignored{sp.pad, sp.unk, sp.cls, sp.sep, sp.mask};
    auto rows = PretrainWorker::pretrainingRows(corpus.value().text, *run.result.encoder.tokenizer, sp, run.request.pair,
                                                run.request.train.seq);
    if (!rows)
        return std::numeric_limits<double>::quiet_NaN();
    lm::Rng rng(run.request.train.seed + 11);
    return topicRuleAccuracy(rows.value().next(rng, 512), ignored);
}

} // namespace

// ---- records -----------------------------------------------------------------------------------

double LessonFinetuning::metric(FinetuneRun run) const
{
    for (const FinetuneResult &r : runs)
        if (r.run == run)
            return r.report.metric();
    return std::numeric_limits<double>::quiet_NaN();
}

double LessonRetrieval::recall(const QString &method, int k) const
{
    for (const RetrievalScoreRow &row : ready.scores)
        if (row.method == method)
            return k == 1 ? row.recallAt1 : row.recallAt5;
    return std::numeric_limits<double>::quiet_NaN();
}

// ---- actions -----------------------------------------------------------------------------------

std::shared_ptr<LessonPretraining> runPretrainAction(const json &a, const lm::CancelToken *cancel)
{
    registerEncoderJobTypes();
    auto out = std::make_shared<LessonPretraining>();
    PretrainRequest &r = out->request;
    r.arch = QString::fromStdString(a["arch"].get<std::string>());
    r.corpusSpec = QString::fromStdString(valueOr<std::string>(a, "corpus", "builtin:documents_en"));
    r.pair = pairFrom(valueOr<std::string>(a, "objective", "mlm"));
    r.vocabSize = valueOr(a, "vocab_size", 2000);
    r.train.steps = a["steps"].get<int>();
    r.train.seq = valueOr(a, "seq", 64);
    r.train.batch = valueOr(a, "batch", 32);
    r.train.lr = static_cast<float>(valueOr(a, "lr", 2e-3));
    r.train.seed = valueOr<std::uint64_t>(a, "seed", 1);
    r.scoreEvery = std::max(1, r.train.steps / 40);
    r.batchEvery = std::max(1, r.train.steps / 4);
    for (const char *option : {"dim", "layers", "heads", "embedding_dim", "dropout"})
        if (a.contains(option))
            r.options[option] = a[option];

    PretrainWorker worker;
    QObject::connect(&worker, &PretrainWorker::started, &worker, [&](const QString &s) { out->summary = s; },
                     Qt::DirectConnection);
    QObject::connect(&worker, &PretrainWorker::scored, &worker, [&](const PretrainScore &s) { out->scores.append(s); },
                     Qt::DirectConnection);
    QObject::connect(&worker, &PretrainWorker::batchShown, &worker, [&](const MaskedBatch &b) { out->batch = b; },
                     Qt::DirectConnection);
    collect(worker, &PretrainWorker::finished, out->result, cancel, [&] { worker.pretrain(r); }, "pre-training stopped");
    if (!out->result.encoder.valid() || out->result.cancelled)
        throw std::runtime_error("pre-training stopped");
    out->parameters = static_cast<long long>(out->result.encoder.model->parameterCount());
    if (r.pair != PairObjective::None)
        out->topicRule = topicRuleOn(*out);
    return out;
}

std::shared_ptr<LessonFinetuning> runFinetuneAction(const json &a, const EncoderHandle &pretrained,
                                                    const lm::CancelToken *cancel)
{
    if (!pretrained.valid())
        throw std::runtime_error("no encoder has been pre-trained yet (a pretrain action comes first)");
    registerEncoderJobTypes();
    auto out = std::make_shared<LessonFinetuning>();
    FinetuneRequest &r = out->request;
    r.base = pretrained;
    r.task = QString::fromStdString(a["task"].get<std::string>());
    r.language = QString::fromStdString(valueOr<std::string>(a, "language", "en"));
    r.train.steps = valueOr(a, "steps", 300);
    r.train.lr = static_cast<float>(valueOr(a, "lr", 1e-3));
    r.train.seed = valueOr<std::uint64_t>(a, "seed", 1);
    r.evalEvery = std::max(1, r.train.steps / 6);
    r.fromScratch = valueOr(a, "compare", true);
    r.trainExamples = valueOr(a, "examples", 0);

    FinetuneWorker worker;
    QString failure;
    QObject::connect(&worker, &FinetuneWorker::started, &worker, [&](const QString &s) { out->summary = s; },
                     Qt::DirectConnection);
    QObject::connect(&worker, &FinetuneWorker::progress, &worker,
                     [&](const FinetuneProgress &p) { out->progress.append(p); }, Qt::DirectConnection);
    QObject::connect(&worker, &FinetuneWorker::evaluated, &worker, [&](const FinetuneEval &e) { out->evals.append(e); },
                     Qt::DirectConnection);
    QObject::connect(&worker, &FinetuneWorker::runFinished, &worker, [&](const FinetuneResult &res) { out->runs.append(res); },
                     Qt::DirectConnection);
    QObject::connect(&worker, &FinetuneWorker::failed, &worker, [&](const QString &m) { failure = m; }, Qt::DirectConnection);
    forwardCancel(worker, &FinetuneWorker::progress, cancel);
    worker.finetune(r);
    if (!failure.isEmpty())
        fail(failure);
    throwIfCancelled(cancel);
    for (const FinetuneResult &res : out->runs)
        if (res.cancelled)
            throw std::runtime_error("cancelled");
    return out;
}

std::shared_ptr<LessonContextual> runContextualAction(const json &a, const EncoderHandle &pretrained,
                                                      const std::vector<float> &staticVector)
{
    if (!pretrained.valid())
        throw std::runtime_error("no encoder has been pre-trained yet (a pretrain action comes first)");
    registerEncoderJobTypes();
    auto out = std::make_shared<LessonContextual>();
    ContextualRequest &r = out->request;
    r.word = QString::fromStdString(a["word"].get<std::string>());
    for (const json &s : a["sentences"])
        r.sentences << QString::fromStdString(s.get<std::string>());
    auto snapshot = std::make_shared<EncoderSnapshot>();
    snapshot->model = pretrained.model;
    snapshot->tokenizer = pretrained.tokenizer;
    snapshot->origin = pretrained.name;
    r.encoder = std::move(snapshot);
    r.staticVector = staticVector;
    out->hasStatic = !staticVector.empty();

    ContextualWorker worker;
    QString failure;
    bool computed = false;
    QObject::connect(&worker, &ContextualWorker::computed, &worker,
                     [&](const ContextualResult &res) {
                         out->result = res;
                         computed = true;
                     },
                     Qt::DirectConnection);
    QObject::connect(&worker, &ContextualWorker::failed, &worker, [&](int, const QString &m) { failure = m; },
                     Qt::DirectConnection);
    worker.compute(r);
    if (!failure.isEmpty() || !computed)
        fail(failure.isEmpty() ? QStringLiteral("the contextual vectors were not computed") : failure);
    return out;
}

std::shared_ptr<LessonRetrieval> runRetrieveAction(const json &a, const lm::CancelToken *cancel)
{
    auto out = std::make_shared<LessonRetrieval>();
    RetrievalRequest &r = out->request;
    r.source = RetrievalRequest::Source::Train;
    r.language = QString::fromStdString(valueOr<std::string>(a, "language", "en"));
    r.dim = valueOr(a, "dim", 64);
    r.layers = valueOr(a, "layers", 2);
    r.steps = valueOr(a, "steps", 600);
    r.contrastiveSteps = valueOr(a, "contrastive_steps", 0);
    r.seed = valueOr<quint64>(a, "seed", 1);

    RetrievalWorker worker;
    collect(worker, &RetrievalWorker::ready, out->ready, cancel, [&] { worker.prepare(r); }, "the retrieval index was not built");
    out->state = worker.takeState();
    return out;
}

std::shared_ptr<LessonTranslation> runTranslateAction(const json &a, const lm::CancelToken *cancel)
{
    auto out = std::make_shared<LessonTranslation>();
    TranslatorRequest &r = out->request;
    r.task = QString::fromStdString(valueOr<std::string>(a, "task", "translate-en-zh"));
    r.dim = valueOr(a, "dim", 64);
    r.layers = valueOr(a, "layers", 2);
    r.heads = valueOr(a, "heads", 4);
    r.pretrainSteps = valueOr(a, "pretrain_steps", 600);
    r.finetuneSteps = valueOr(a, "steps", 600);
    r.evalEvery = std::max(1, r.finetuneSteps / 4);
    r.compareScratch = valueOr(a, "compare", true);
    r.seed = valueOr<quint64>(a, "seed", 1);
    out->beamWidth = valueOr(a, "beam", 4);

    TranslationWorker worker;
    QObject::connect(&worker, &TranslationWorker::chrF, &worker, [&](const ChrFPoint &p) { out->points.append(p); },
                     Qt::DirectConnection);
    collect(worker, &TranslationWorker::ready, out->ready, cancel, [&] { worker.prepare(r); }, "the encoder–decoder was not trained");
    out->source = a.contains("source") ? QString::fromStdString(a["source"].get<std::string>()) : out->ready.exampleSource;
    const QString &source = out->source;
    lm::DecodingOptions options;
    options.maxTokens = 48;
    options.recordSteps = true;
    collect(worker, &TranslationWorker::translated, out->greedy, cancel, [&] { worker.translate(source, options, 1); },
            "the example was not translated");
    options.beam = out->beamWidth;
    options.lengthPenalty = 0.0f; // whole sentences compared by log-probability, as greedy's is
    collect(worker, &TranslationWorker::translated, out->beam, cancel, [&] { worker.translate(source, options, 2); },
            "the example was not translated");
    out->state = worker.takeState();
    return out;
}

std::shared_ptr<LessonCorruption> runCorruptAction(const json &a)
{
    auto out = std::make_shared<LessonCorruption>();
    TranslationWorker worker;
    QString failure;
    QObject::connect(&worker, &TranslationWorker::corrupted, &worker,
                     [&](const CorruptionShown &c) { out->shown.append(c); }, Qt::DirectConnection);
    QObject::connect(&worker, &TranslationWorker::failed, &worker, [&](const QString &m) { failure = m; },
                     Qt::DirectConnection);
    const QString language = QString::fromStdString(valueOr<std::string>(a, "language", "en"));
    const quint64 seed = valueOr<quint64>(a, "seed", 1);
    for (const json &family : a["archs"]) {
        worker.corrupt(QString::fromStdString(family.get<std::string>()), valueOr(a, "permute", false), language, seed);
        if (!failure.isEmpty())
            fail(failure);
    }
    return out;
}

double topicRuleAccuracy(const lm::TokenBatch &batch, const std::vector<std::int32_t> &ignored)
{
    if (batch.labels.empty() || batch.tokenTypes.size() != batch.inputs.size())
        return std::numeric_limits<double>::quiet_NaN();
    const std::set<std::int32_t> skip(ignored.begin(), ignored.end());
    std::vector<double> shares;
    for (int b = 0; b < batch.batch; ++b) {
        std::set<std::int32_t> segment[2];
        for (int t = 0; t < batch.time; ++t) {
            const std::size_t i = std::size_t(b) * batch.time + t;
            if (!batch.paddingMask.empty() && !batch.paddingMask[i])
                continue;
            // A masked or replaced position's original token is its target.
            const std::int32_t id =
                i < batch.targets.size() && batch.targets[i] != lm::TokenBatch::kIgnore ? batch.targets[i] : batch.inputs[i];
            if (!skip.count(id))
                segment[batch.tokenTypes[i] != 0].insert(id);
        }
        std::size_t shared = 0;
        for (std::int32_t id : segment[0])
            shared += segment[1].count(id);
        const std::size_t smaller = std::min(segment[0].size(), segment[1].size());
        shares.push_back(smaller ? double(shared) / double(smaller) : 0.0);
    }
    std::vector<double> sorted = shares;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t n = sorted.size();
    const double median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    double right = 0.0;
    for (int b = 0; b < batch.batch; ++b) {
        const double s = shares[std::size_t(b)];
        if (s == median)
            right += 0.5;
        else if ((s > median) == (batch.labels[std::size_t(b)] == 0))
            right += 1.0;
    }
    return right / batch.batch;
}

std::shared_ptr<LessonZoo> runZooAction(const json &a, const lm::CancelToken *cancel)
{
    auto out = std::make_shared<LessonZoo>();
    ZooJob &j = out->job;
    j.corpusSpec = QString::fromStdString(valueOr<std::string>(a, "corpus", "builtin:en"));
    j.steps = valueOr(a, "steps", 300);
    j.budgetParams = valueOr<qint64>(a, "budget", 200'000);
    j.translation = false;
    for (const json &f : a["families"]) {
        j.families << QString::fromStdString(f.get<std::string>());
        const lm::Architecture *family = lm::findArchitecture(f.get<std::string>());
        j.translation = j.translation || (family && family->supports(lm::ObjectiveKind::SequenceToSequence));
    }
    j.useCache = false; // a lesson measures what it claims
    ZooWorker worker;
    collect(worker, &ZooWorker::finished, out->outcome, cancel, [&] { worker.run(j); }, "the comparison did not finish");
    return out;
}

// ---- judges ------------------------------------------------------------------------------------

CheckOutcome judgeMaskedWordsLearnt(const LessonPretraining &run, double minGain)
{
    if (run.scores.size() < 2)
        return outcome(false, "預訓練沒有留下分數", "the pre-training left no scores");
    const double before = run.scores.front().maskedAccuracy, after = run.scores.back().maskedAccuracy;
    const bool ok = std::isfinite(after) && after - before >= minGain;
    return outcome(ok,
                   "遮住的詞猜對 " + fixed(100 * after, 1) + "%，訓練前 " + fixed(100 * before, 1) + "%（至少要多 " +
                       fixed(100 * minGain, 1) + " 個百分點）",
                   "masked words guessed right " + fixed(100 * after, 1) + "%, before training " + fixed(100 * before, 1) +
                       "% (wanted a gain of at least " + fixed(100 * minGain, 1) + " points)");
}

CheckOutcome judgeTopicSolvesNsp(const LessonPretraining &nsp, const LessonPretraining &sop, double margin)
{
    const double n = nsp.topicRule, o = sop.topicRule;
    const bool ok = nsp.request.pair == PairObjective::NextSentence && sop.request.pair == PairObjective::SentenceOrder &&
                    std::isfinite(n) && std::isfinite(o) && n - o >= margin;
    return outcome(ok,
                   "只看主題的規則：NSP 句對答對 " + fixed(n) + "，SOP 句對 " + fixed(o) + "（至少要差 " + fixed(margin) + "）",
                   "a rule that reads only topic gets " + fixed(n) + " of NSP pairs right and " + fixed(o) +
                       " of SOP pairs (wanted a gap of " + fixed(margin) + ")");
}

CheckOutcome judgeSopHeadReadsOrder(const LessonPretraining &sop, const LessonPretraining &nsp, double margin)
{
    if (sop.scores.isEmpty() || nsp.scores.isEmpty())
        return outcome(false, "預訓練沒有留下分數", "the pre-training left no scores");
    const double own = sop.scores.back().pairAccuracy, other = nsp.scores.back().crossPairAccuracy;
    const bool ok = sop.request.pair == PairObjective::SentenceOrder && nsp.request.pair == PairObjective::NextSentence &&
                    std::isfinite(own) && std::isfinite(other) && own - other >= margin;
    return outcome(ok,
                   "SOP 句對：SOP 頭答對 " + fixed(own) + "，NSP 頭 " + fixed(other) + "（至少要高 " + fixed(margin) + "）",
                   "SOP pairs: the SOP head gets " + fixed(own) + " right, the NSP head " + fixed(other) +
                       " (wanted a lead of " + fixed(margin) + ")");
}

CheckOutcome judgeFewerParameters(const LessonPretraining &smaller, const LessonPretraining &larger, double maxShare)
{
    const double s = double(smaller.parameters), l = double(larger.parameters);
    const bool ok = s > 0 && l > 0 && s <= maxShare * l;
    const std::string sn = smaller.request.arch.toUpper().toStdString(), ln = larger.request.arch.toUpper().toStdString();
    return outcome(ok,
                   sn + " " + std::to_string(smaller.parameters) + " 個參數，" + ln + " " + std::to_string(larger.parameters) +
                       " 個（比例 " + fixed(l > 0 ? s / l : 0) + "，最多 " + fixed(maxShare) + "）",
                   sn + " has " + std::to_string(smaller.parameters) + " parameters, " + ln + " " +
                       std::to_string(larger.parameters) + " (share " + fixed(l > 0 ? s / l : 0) + ", at most " +
                       fixed(maxShare) + ")");
}

CheckOutcome judgePretrainedBeatsScratch(const LessonFinetuning &run, double margin, double min)
{
    const double pre = run.metric(FinetuneRun::Pretrained), scratch = run.metric(FinetuneRun::Scratch);
    const std::string name = run.runs.isEmpty() ? "accuracy" : run.runs.front().report.metricName();
    const std::string zhName = name == "f1" ? "實體 F1" : "準確率";
    const bool ok = std::isfinite(pre) && std::isfinite(scratch) && pre - scratch >= margin && pre >= min;
    return outcome(ok,
                   "預訓練後微調的" + zhName + " " + fixed(pre, 3) + "，從零訓練 " + fixed(scratch, 3) + "（至少要高 " +
                       fixed(margin, 3) + "，且至少 " + fixed(min, 3) + "）",
                   "test " + name + " " + fixed(pre, 3) + " fine-tuned against " + fixed(scratch, 3) +
                       " from scratch (wanted a lead of " + fixed(margin, 3) + " and at least " + fixed(min, 3) + ")");
}

CheckOutcome judgeContextualDiffers(const LessonContextual &run, double maxCosine)
{
    const ContextualResult &c = run.result;
    const int n = static_cast<int>(c.vectors.size());
    if (n < 2 || c.cosines.size() != n * n)
        return outcome(false, "少於兩個句子含有這個詞", "fewer than two sentences hold the word");
    double lowest = 1.0;
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j)
            lowest = std::min(lowest, double(c.cosines[i * n + j]));
    const std::string word = c.word.toStdString();
    const bool ok = std::isfinite(lowest) && lowest < maxCosine && run.hasStatic;
    const std::string staticZh = run.hasStatic ? "；word2vec 在每個句子都給同一個向量（餘弦 1）" : "；詞向量裡沒有這個詞";
    const std::string staticEn =
        run.hasStatic ? "; word2vec gives the one same vector in every sentence (cosine 1)" : "; the word vectors lack the word";
    return outcome(ok,
                   "「" + word + "」在 " + std::to_string(n) + " 個句子裡的向量，最小餘弦 " + fixed(lowest, 3) + "（要低於 " +
                       fixed(maxCosine, 3) + "）" + staticZh,
                   "'" + word + "' in " + std::to_string(n) + " sentences: lowest cosine between its vectors " +
                       fixed(lowest, 3) + " (wanted below " + fixed(maxCosine, 3) + ")" + staticEn);
}

CheckOutcome judgeRetrieval(const LessonRetrieval &run, const QString &better, const QString &worse, int k)
{
    const double b = run.recall(better, k), w = run.recall(worse, k);
    const bool ok = std::isfinite(b) && std::isfinite(w) && b > w;
    const std::string at = "recall@" + std::to_string(k);
    return outcome(ok, better.toStdString() + " 的 " + at + " " + fixed(b) + "，" + worse.toStdString() + " " + fixed(w),
                   better.toStdString() + " " + at + " " + fixed(b) + " against " + worse.toStdString() + " " + fixed(w));
}

CheckOutcome judgeTranslationPretraining(const LessonTranslation &run, double margin)
{
    const double pre = run.ready.chrF, scratch = run.ready.scratchChrF;
    const bool ok = pre >= 0 && scratch >= 0 && pre - scratch >= margin;
    return outcome(ok,
                   "保留句對的 chrF：先預訓練 " + fixed(pre, 1) + "，從零訓練 " + fixed(scratch, 1) + "（至少要高 " +
                       fixed(margin, 1) + "）",
                   "held-out chrF " + fixed(pre, 1) + " after pre-training against " + fixed(scratch, 1) +
                       " from scratch (wanted a lead of " + fixed(margin, 1) + ")");
}

CheckOutcome judgeBeamAtLeastGreedy(const LessonTranslation &run)
{
    const double g = run.greedy.logProb, b = run.beam.logProb;
    const bool ok = !run.greedy.targetTokens.isEmpty() && !run.beam.targetTokens.isEmpty() && std::isfinite(b) &&
                    std::isfinite(g) && b >= g - 1e-6;
    return outcome(ok,
                   "束搜尋（寬 " + std::to_string(run.beamWidth) + "）的對數機率 " + fixed(b, 3) + "，貪婪 " + fixed(g, 3),
                   "log-probability of the target: beam search (width " + std::to_string(run.beamWidth) + ") " + fixed(b, 3) +
                       ", greedy " + fixed(g, 3));
}

CheckOutcome judgeCrossAttentionAligns(const LessonTranslation &run, double factor)
{
    const QVector<QVector<float>> &rows = run.greedy.alignment;
    if (rows.isEmpty() || rows.front().isEmpty())
        return outcome(false, "沒有交叉注意力可看", "there is no cross-attention to look at");
    double peak = 0.0;
    bool sumsToOne = true;
    for (const QVector<float> &row : rows) {
        double sum = 0.0, top = 0.0;
        for (float w : row) {
            sum += w;
            top = std::max(top, double(w));
        }
        sumsToOne = sumsToOne && std::abs(sum - 1.0) < 1e-3;
        peak += top;
    }
    peak /= rows.size();
    const double uniform = 1.0 / rows.front().size();
    const bool ok = sumsToOne && peak >= factor * uniform;
    return outcome(ok,
                   "每個目標詞元最看重的來源詞元平均拿到 " + fixed(peak, 3) + "，平均分配是 " + fixed(uniform, 3) +
                       (sumsToOne ? "" : "；有的列加起來不是 1"),
                   "each target token's strongest source token gets " + fixed(peak, 3) + " on average; spread evenly it would be " +
                       fixed(uniform, 3) + (sumsToOne ? "" : "; some rows do not sum to 1"));
}

CheckOutcome judgeCorruptionKinds(const LessonCorruption &run)
{
    const CorruptionShown *span = nullptr, *infill = nullptr;
    for (const CorruptionShown &c : run.shown)
        (c.spanCorruption ? span : infill) = &c;
    if (!span || !infill)
        return outcome(false, "要有一個片段遮蓋（T5）和一個文字填空（BART）的樣本",
                       "needs one span-corruption (T5) and one infilling (BART) sample");
    // T5: the target is the dropped spans, each after its sentinel; every dropped span leaves one
    // sentinel in the input.
    const bool spanTarget = !span->target.isEmpty() && span->target.size() < span->original.size() &&
                            span->targetSpan.value(0, -1) >= 0;
    const bool infillTarget = infill->target == infill->original && infill->input.size() < infill->original.size();
    const bool ok = spanTarget && infillTarget;
    const auto n = [](const QStringList &l) { return std::to_string(l.size()); };
    return outcome(ok,
                   "T5：原文 " + n(span->original) + " 個詞元，目標只有 " + n(span->target) + " 個（被遮的片段）；BART：目標是整段原文 " +
                       n(infill->target) + " 個詞元，輸入 " + n(infill->input) + " 個",
                   "T5: original " + n(span->original) + " tokens, target only " + n(span->target) +
                       " (the dropped spans); BART: the target is the whole original, " + n(infill->target) +
                       " tokens, from an input of " + n(infill->input));
}

CheckOutcome judgeGenerationMemory(const LessonZoo &run, const QStringList &flat, const QString &growing)
{
    const auto bytesAtLongest = [&](const QString &family) -> double {
        for (const lm::ZooRow &r : run.outcome.rows)
            if (QString::fromStdString(r.family) == family && !r.generationBytes.empty() && r.generationBytes.back() >= 0)
                return double(r.generationBytes.back());
        return std::numeric_limits<double>::quiet_NaN();
    };
    const int longest = run.outcome.generationLengths.isEmpty() ? 0 : run.outcome.generationLengths.back();
    const double g = bytesAtLongest(growing);
    bool ok = std::isfinite(g) && !flat.isEmpty();
    std::string zh = growing.toUpper().toStdString() + " " + fixed(g / 1048576.0) + " MB", en = zh;
    for (const QString &f : flat) {
        const double b = bytesAtLongest(f);
        ok = ok && std::isfinite(b) && b < g;
        zh += "，" + f.toUpper().toStdString() + " " + fixed(b / 1048576.0) + " MB";
        en += ", " + f.toUpper().toStdString() + " " + fixed(b / 1048576.0) + " MB";
    }
    return outcome(ok, "生成到第 " + std::to_string(longest) + " 個詞元時權重以外的記憶體：" + zh,
                   "memory beyond the weights while generating at " + std::to_string(longest) + " tokens: " + en);
}
