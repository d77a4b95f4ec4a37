#include "workers/finetuneworker.h"

#include "base/datasets.h"
#include "inspect/salience.h"
#include "text/specialtokens.h"

#include <QElapsedTimer>
#include <QLocale>

#include <algorithm>
#include <exception>
#include <set>

namespace {

template <class T>
void keepFirst(std::vector<T> &v, int n)
{
    if (n > 0 && v.size() > std::size_t(n))
        v.resize(std::size_t(n));
}

// Every seventh example of a user's file is held out (as `lmscope-cli finetune` does).
template <class T>
void holdOut(std::vector<T> &all, std::vector<T> &test)
{
    std::vector<T> keep;
    for (std::size_t i = 0; i < all.size(); ++i)
        (i % 7 == 6 ? test : keep).push_back(all[i]);
    all = std::move(keep);
}

lm::Result<lm::FinetuneTask> loadBuiltin(const QString &name, const QString &language)
{
    const lm::BuiltinDataset *set = lm::findBuiltinDataset(name.toStdString(), language.toStdString());
    if (!set || (set->format != lm::DatasetFormat::Classification && set->format != lm::DatasetFormat::TokenTags))
        return lm::makeError("there is no built-in " + name.toStdString() + " task in " + language.toStdString());
    lm::FinetuneTask task;
    task.labels = set->labels;
    for (const lm::DatasetSplit split : {lm::DatasetSplit::Train, lm::DatasetSplit::Test}) {
        const QString spec = builtinDatasetSpec(*set, split);
        if (set->format == lm::DatasetFormat::TokenTags) {
            task.kind = lm::FinetuneKind::Tag;
            auto t = loadTokenTagSpec(spec);
            if (!t)
                return lm::makeError(t.error());
            (split == lm::DatasetSplit::Train ? task.trainTags : task.testTags) = std::move(t).value();
        } else {
            task.kind = lm::FinetuneKind::Classify;
            auto t = loadLabelledSpec(spec);
            if (!t)
                return lm::makeError(t.error());
            (split == lm::DatasetSplit::Train ? task.trainTexts : task.testTexts) = t.value().examples;
        }
    }
    return task;
}

lm::Result<lm::FinetuneTask> loadUserFile(const QString &path)
{
    lm::FinetuneTask task;
    if (auto tags = loadTokenTagSpec(path); tags) {
        task.kind = lm::FinetuneKind::Tag;
        task.trainTags = std::move(tags).value();
        holdOut(task.trainTags, task.testTags);
        std::set<std::string> types;
        for (const auto *part : {&task.trainTags, &task.testTags})
            for (const auto &s : *part)
                for (const auto &t : s.tags)
                    if (t.size() > 2 && t[1] == '-')
                        types.insert(t.substr(2));
        task.labels = lm::bioTagSet({types.begin(), types.end()});
    } else {
        auto set = loadLabelledSpec(path);
        if (!set)
            return lm::makeError(set.error());
        task.kind = lm::FinetuneKind::Classify;
        task.trainTexts = set.value().examples;
        task.labels = set.value().labels;
        holdOut(task.trainTexts, task.testTexts);
    }
    if (task.trainTexts.empty() && task.trainTags.empty())
        return lm::makeError(path.toStdString() + ": too few examples to hold some out for testing");
    return task;
}

int testSize(const lm::FinetuneTask &task)
{
    return int(task.kind == lm::FinetuneKind::Tag ? task.testTags.size() : task.testTexts.size());
}

} // namespace

FinetuneWorker::FinetuneWorker(QObject *parent) : QObject(parent) { registerEncoderJobTypes(); }

lm::Result<lm::FinetuneTask> FinetuneWorker::loadTask(const FinetuneRequest &request)
{
    auto task = request.task.isEmpty() ? loadUserFile(request.tsvPath) : loadBuiltin(request.task, request.language);
    if (!task)
        return task;
    lm::FinetuneTask &t = task.value();
    keepFirst(t.trainTexts, request.trainExamples);
    keepFirst(t.trainTags, request.trainExamples);
    keepFirst(t.testTexts, request.testExamples);
    keepFirst(t.testTags, request.testExamples);
    return task;
}

void FinetuneWorker::finetune(const FinetuneRequest &request)
{
    if (!request.base.valid()) {
        Q_EMIT failed(tr("No encoder to fine-tune: pre-train one or open a model first."));
        Q_EMIT finished(false);
        return;
    }
    auto loaded = loadTask(request);
    if (!loaded) {
        Q_EMIT failed(QString::fromStdString(loaded.error()));
        Q_EMIT finished(false);
        return;
    }
    const lm::FinetuneTask &task = loaded.value();
    lm::FinetuneTask curveTask = task; // the test curve's subset
    curveTask.trainTexts.clear();
    curveTask.trainTags.clear();
    keepFirst(curveTask.testTexts, request.evalExamples);
    keepFirst(curveTask.testTags, request.evalExamples);
    const bool tag = task.kind == lm::FinetuneKind::Tag;
    const QLocale loc;
    Q_EMIT started(tr("%1 training and %2 test %3, %4 labels")
                       .arg(loc.toString(qlonglong(tag ? task.trainTags.size() : task.trainTexts.size())),
                            loc.toString(testSize(task)), tag ? tr("sentences") : tr("examples"),
                            loc.toString(qlonglong(task.labels.size()))));

    std::vector<FinetuneRun> runs;
    if (request.fromPretrained)
        runs.push_back(FinetuneRun::Pretrained);
    if (request.fromScratch)
        runs.push_back(FinetuneRun::Scratch);
    try {
        for (const FinetuneRun run : runs) {
            if (m_cancel.isCancelled())
                break;
            QElapsedTimer clock;
            clock.start();
            auto prepared = lm::prepareFinetuning(*request.base.model, *request.base.tokenizer, task, request.train,
                                                  run == FinetuneRun::Scratch);
            if (!prepared) {
                Q_EMIT failed(QString::fromStdString(prepared.error()));
                Q_EMIT finished(false);
                return;
            }
            lm::FinetuneSetup setup = std::move(prepared).value();
            lm::EncoderModel &model = *setup.model;
            lm::Trainer &trainer = *setup.trainer;
            const int total = request.train.steps;
            const int every = std::max(1, request.evalEvery);
            auto evaluate = [&](int step) {
                const lm::FinetuneReport r =
                    lm::evaluateFinetuning(model, *request.base.tokenizer, curveTask, request.train.seq, &m_cancel);
                if (!m_cancel.isCancelled())
                    Q_EMIT evaluated(FinetuneEval{run, step, r.metric()});
            };
            evaluate(0);
            QElapsedTimer sinceProgress;
            sinceProgress.start();
            double smoothed = 0.0; // progress is merged: the average also speaks for the steps not sent
            while (!trainer.finished() && !m_cancel.isCancelled()) {
                const lm::StepReport s = trainer.step();
                smoothed = s.step == 1 ? s.loss : 0.9 * smoothed + 0.1 * s.loss;
                if (!trainer.divergence().empty()) {
                    Q_EMIT failed(tr("Training diverged: %1").arg(QString::fromStdString(trainer.divergence())));
                    Q_EMIT finished(false);
                    return;
                }
                if (sinceProgress.elapsed() >= 40 || s.step == total) {
                    Q_EMIT progress(FinetuneProgress{run, s.step, total, s.loss, smoothed});
                    sinceProgress.restart();
                }
                if (s.step % every == 0 || s.step == total)
                    evaluate(s.step);
            }
            const bool cancelled = m_cancel.isCancelled();
            FinetuneResult result;
            result.run = run;
            result.cancelled = cancelled;
            result.stepsDone = trainer.stepsDone();
            // The run in progress is scored even when cancelled, so what it learned can be seen.
            lm::CancelToken never;
            result.report = lm::evaluateFinetuning(model, *request.base.tokenizer, task, request.train.seq, &never);
            result.testSize = testSize(task);
            for (std::size_t i = 0; i < std::min<std::size_t>(8, task.testTags.size()); ++i) {
                const lm::TaggedTokens &s = task.testTags[i];
                QStringList words, gold, predicted;
                for (std::size_t w = 0; w < s.tokens.size(); ++w) {
                    words << QString::fromStdString(s.tokens[w]);
                    gold << QString::fromStdString(s.tags[w]);
                }
                for (const int t : lm::tagWords(model, *request.base.tokenizer, s.tokens, request.train.seq))
                    predicted << (t >= 0 && std::size_t(t) < task.labels.size() ? QString::fromStdString(task.labels[std::size_t(t)])
                                                                                : QStringLiteral("O"));
                result.testWords << words;
                result.testGoldTags << gold;
                result.testPredictedTags << predicted;
            }
            result.model.model = std::shared_ptr<lm::EncoderModel>(std::move(setup.model));
            result.model.tokenizer = request.base.tokenizer;
            result.model.name = request.base.name;
            result.seconds = double(clock.elapsed()) / 1000.0;
            setup.trainer.reset(); // it refers to the model, which the result now owns
            Q_EMIT runFinished(result);
        }
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
        Q_EMIT finished(false);
        return;
    }
    Q_EMIT finished(!m_cancel.isCancelled());
}

void FinetuneWorker::explain(const ExplainRequest &request)
{
    Explanation out;
    out.generation = request.generation;
    out.integratedGradients = request.integratedGradients;
    if (!request.model.valid()) {
        out.error = tr("No fine-tuned model yet.");
        Q_EMIT explained(out);
        return;
    }
    try {
        lm::EncoderModel &model = *request.model.model;
        const lm::Tokenizer &tokenizer = *request.model.tokenizer;
        const lm::EncoderConfig &c = model.encoderConfig();
        for (const std::string &l : c.labels)
            out.labels << QString::fromStdString(l);
        const int maxLength = std::min(c.maxSeq, 128);
        const std::string text = request.text.trimmed().toStdString();
        if (c.head == lm::EncoderHead::Tag) {
            out.words = splitWords(request.text);
            std::vector<std::string> words;
            for (const QString &w : std::as_const(out.words))
                words.push_back(w.toStdString());
            if (!words.empty())
                for (const int t : lm::tagWords(model, tokenizer, words, maxLength))
                    out.tags << (t >= 0 && t < out.labels.size() ? out.labels[t] : QStringLiteral("O"));
        } else if (c.head == lm::EncoderHead::Classify) {
            if (text.empty()) {
                Q_EMIT explained(out);
                return;
            }
            for (const float p : lm::classifyText(model, tokenizer, text, maxLength))
                out.probabilities << double(p);
            out.predicted = int(std::max_element(out.probabilities.begin(), out.probabilities.end()) - out.probabilities.begin());
            out.explained = request.label >= 0 && request.label < out.probabilities.size() ? request.label : out.predicted;
            const std::vector<std::int32_t> ids = lm::encodeForEncoder(tokenizer, text, std::nullopt, maxLength).ids;
            const lm::SalienceMap map = lm::classSalience(model, ids, out.explained,
                                                          request.integratedGradients
                                                              ? lm::SalienceMethod::IntegratedGradients
                                                              : lm::SalienceMethod::GradientTimesInput);
            for (std::size_t t = 0; t < ids.size(); ++t) {
                out.tokens << QString::fromStdString(tokenizer.tokenText(ids[t]));
                out.salience << (t < map.values.size() ? double(map.values[t]) : 0.0);
            }
        } else {
            out.error = tr("This model was not fine-tuned for a task: it has no classifier to explain.");
        }
    } catch (const std::exception &e) {
        out = Explanation{};
        out.generation = request.generation;
        out.error = QString::fromStdString(e.what());
    }
    Q_EMIT explained(out);
}

void FinetuneWorker::openModel(const QString &path)
{
    auto encoder = openEncoder(path);
    if (!encoder) {
        Q_EMIT failed(QString::fromStdString(encoder.error()));
        return;
    }
    Q_EMIT opened(std::move(encoder).value());
}
