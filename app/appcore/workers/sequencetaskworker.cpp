#include "workers/sequencetaskworker.h"

#include "core/tape.h"
#include "io/csv.h"
#include "text/tagged.h"
#include "train/forecasting.h"
#include "train/tagging.h"

#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <exception>

namespace {

QVector<double> toQVector(const std::vector<double> &v) { return QVector<double>(v.begin(), v.end()); }

class ProgressRelay final : public lm::TrainingObserver {
public:
    explicit ProgressRelay(SequenceTaskWorker *worker) : m_worker(worker) {}
    void onStep(const lm::StepReport &r) override
    {
        Q_EMIT m_worker->taggingProgress(TaggingProgress{r.step, r.totalSteps, r.loss});
    }

private:
    SequenceTaskWorker *m_worker;
};

// A word the vocabulary lacks falls back to its lower-case form ("The" -> "the") when that is known.
std::vector<std::string> vocabularyWords(const QStringList &tokens, const lm::TagVocabulary &vocab)
{
    std::vector<std::string> words;
    for (const QString &t : tokens) {
        std::string w = t.toStdString();
        if (vocab.wordId(w) == lm::TagVocabulary::kUnknown) {
            const std::string lower = t.toLower().toStdString();
            if (vocab.wordId(lower) != lm::TagVocabulary::kUnknown)
                w = lower;
        }
        words.push_back(std::move(w));
    }
    return words;
}

} // namespace

SequenceTaskWorker::SequenceTaskWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<TaggingProgress>();
    qRegisterMetaType<TaggingResult>();
    qRegisterMetaType<SentenceTags>();
    qRegisterMetaType<ForecastResult>();
}

void SequenceTaskWorker::trainTagger(const TaggingRequest &request)
{
    QElapsedTimer clock;
    clock.start();
    QFile file(QStringLiteral(":/corpora/tagged_en.tsv"));
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT failed(tr("The built-in tagged sentences are missing from this build."));
        return;
    }
    auto parsed = lm::parseTagged(file.readAll().toStdString(), "builtin:tagged_en");
    if (!parsed.ok()) {
        Q_EMIT failed(QString::fromStdString(parsed.error()));
        return;
    }
    try {
        lm::TaggerConfig config;
        config.kind = request.kind;
        config.dim = request.dim;
        config.hidden = request.hidden;
        config.bidirectional = request.bidirectional;
        lm::TrainConfig train;
        train.steps = request.steps;
        train.batch = request.batch;
        train.lr = request.lr;
        train.seed = request.seed;
        ProgressRelay relay(this);
        auto run = lm::runTagging(std::move(parsed).value(), static_cast<std::size_t>(std::max(1, request.testSentences)),
                                  config, train, m_cancel, &relay);
        if (!run.ok()) {
            Q_EMIT failed(QString::fromStdString(run.error()));
            return;
        }
        lm::TaggingRun &r = run.value();
        if (r.outcome == lm::Trainer::Outcome::Diverged) {
            Q_EMIT failed(tr("Training diverged: %1").arg(QString::fromStdString(r.divergence)));
            return;
        }
        TaggingResult result;
        result.cancelled = r.outcome == lm::Trainer::Outcome::Cancelled;
        result.stepsDone = r.stepsDone;
        result.accuracy = r.accuracy;
        result.untrainedAccuracy = r.untrainedAccuracy;
        result.testSentences = r.testSentences;
        result.testWords = r.testWords;
        result.tagger = std::move(r.tagger);
        result.vocab = std::move(r.vocab);
        result.seconds = double(clock.elapsed()) / 1000.0;
        Q_EMIT taggerTrained(result);
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
}

void SequenceTaskWorker::tagSentence(const SentenceTagRequest &request)
{
    SentenceTags out;
    out.words = request.words;
    out.generation = request.generation;
    if (!request.tagger || !request.vocab || request.words.isEmpty()) {
        Q_EMIT sentenceTagged(out);
        return;
    }
    try {
        const lm::TagVocabulary &vocab = *request.vocab;
        const std::vector<std::string> words = vocabularyWords(request.words, vocab);
        for (const std::string &t : lm::tagSentence(*request.tagger, vocab, words))
            out.tags << QString::fromStdString(t);
        auto trace = std::make_shared<lm::Trace>();
        std::vector<std::int32_t> ids;
        for (const std::string &w : words) {
            ids.push_back(vocab.wordId(w));
            trace->tokens.push_back(w);
            out.unknown << (vocab.wordId(w) == lm::TagVocabulary::kUnknown);
        }
        {
            lm::NoGradScope noGrad;
            request.tagger->logits(ids, 1, int(ids.size()), trace.get());
        }
        out.trace = std::move(trace);
    } catch (const std::exception &e) {
        out.tags.clear();
        out.unknown.clear();
        out.error = QString::fromStdString(e.what());
    }
    Q_EMIT sentenceTagged(out);
}

void SequenceTaskWorker::trainForecaster(const ForecastRequest &request)
{
    QElapsedTimer clock;
    clock.start();
    try {
        std::vector<double> series;
        if (!request.csvPath.isEmpty()) {
            auto loaded = lm::loadSeriesCsv(QFile::encodeName(request.csvPath).toStdString(), request.column.toStdString());
            if (!loaded.ok()) {
                Q_EMIT failed(QString::fromStdString(loaded.error()));
                return;
            }
            series = std::move(loaded).value();
        } else {
            series = lm::generateSeries(request.length, request.seed, request.trend, request.period, request.noise);
        }

        lm::ForecastTrainConfig train;
        train.steps = request.steps;
        train.batch = request.batch;
        train.lr = request.lr;
        train.testFraction = request.testFraction;
        train.seed = request.seed;
        auto run = lm::runForecast(series, request.model, train, std::max(1, request.horizon), &m_cancel);
        if (!run.ok()) {
            Q_EMIT failed(QString::fromStdString(run.error()));
            return;
        }
        const lm::ForecastReport &report = run.value().report;

        ForecastResult result;
        result.trainSize = int(report.trainSize);
        result.testPredictions = toQVector(report.testPredictions);
        result.trainRmse = report.trainRmse;
        result.naiveTrainRmse = report.naiveTrainRmse;
        result.testRmse = report.testRmse;
        result.naiveTestRmse = report.naiveTestRmse;
        result.stepsDone = int(report.losses.size());
        result.cancelled = report.cancelled;
        if (!report.losses.empty()) {
            result.firstLoss = report.losses.front();
            result.lastLoss = report.losses.back();
        }
        // Free-running from where the test tail starts, reading only the training part, so it
        // can be judged against the truth it never saw.
        result.continuation = toQVector(run.value().freeRun);
        result.continuationRmse = run.value().freeRunRmse;
        result.flatRmse = run.value().flatRmse;
        result.series = toQVector(series);
        result.seconds = double(clock.elapsed()) / 1000.0;
        Q_EMIT forecastTrained(result);
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
}
