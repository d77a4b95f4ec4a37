#pragma once
// SequenceTaskWorker: the engine work of the Recurrent tab's sequence-task pages (views/
// taggingpage.h, views/forecastpage.h), run on the thread the worker lives on, with the requests
// and results it takes and gives (copied across threads by value).
//
// Threads: a page owns its workers on QThreads of their own (base/workerthread.h). Work starts
// with QMetaObject::invokeMethod, results come back by value through queued signals, and Stop
// sets the worker's CancelToken. Trained models travel as shared pointers to const: once
// trained, nobody changes them, so a worker may read one while another trains the next.
#include "base/metatypes.h"

#include "core/cancel.h"
#include "models/recurrent/forecaster.h"
#include "models/recurrent/tagger.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

// ---- tagging ------------------------------------------------------------------------------------

struct TaggingRequest {
    lm::CellKind kind = lm::CellKind::Lstm;
    bool bidirectional = true;
    int dim = 24;    // word embedding size
    int hidden = 32; // H per direction
    int steps = 300;
    int batch = 32;
    float lr = 1e-2f;
    quint64 seed = 1;
    int testSentences = 300; // the last sentences of the set are held out, never trained on
};

struct TaggingProgress {
    int step = 0; // 1-based
    int totalSteps = 0;
    double loss = 0.0;
};

struct TaggingResult {
    std::shared_ptr<const lm::RecurrentTagger> tagger; // never null in a result that is emitted
    std::shared_ptr<const lm::TagVocabulary> vocab;    // never null
    double accuracy = 0.0;          // on the held-out sentences, in [0, 1]
    double untrainedAccuracy = 0.0; // the same model before training, for comparison
    int testSentences = 0;
    int testWords = 0;
    int stepsDone = 0;
    bool cancelled = false; // Stop was pressed: the model is the one trained so far
    double seconds = 0.0;
};

// One sentence for a trained tagger.
struct SentenceTagRequest {
    std::shared_ptr<const lm::RecurrentTagger> tagger; // not null
    std::shared_ptr<const lm::TagVocabulary> vocab;    // not null
    QStringList words;  // the sentence's tokens (TaggingPage::tokenize)
    int generation = 0; // echoed back, so the page can drop answers to requests it has replaced
};

struct SentenceTags {
    QStringList words;   // as requested
    QStringList tags;    // one per word; empty when there was no word or no model
    QList<bool> unknown; // per word: not in the training sentences (the tagger reads <unk>)
    std::shared_ptr<const lm::Trace> trace; // the tagger's hidden states over the sentence; may be null
    QString error;       // why tagging failed; empty on success
    int generation = 0;
};

// ---- forecasting --------------------------------------------------------------------------------

struct ForecastRequest {
    // The series: a CSV column when csvPath is not empty, else generateSeries(length, seed,
    // trend, period, noise).
    QString csvPath;
    QString column = QStringLiteral("value"); // a header name, or a 0-based index
    int length = 1200;
    double trend = 0.0005;
    int period = 24;
    double noise = 0.1;
    quint64 seed = 4;
    lm::ForecasterConfig model{lm::CellKind::Lstm, 24, 1, 36};
    int steps = 600;
    int batch = 32;
    float lr = 1e-2f;
    double testFraction = 0.2;
    int horizon = 48; // values of the free-running continuation
};

struct ForecastResult {
    QVector<double> series;
    int trainSize = 0;               // series[0, trainSize) was trained on; the rest is the test tail
    QVector<double> testPredictions; // one-step-ahead predictions of series[trainSize …)
    QVector<double> continuation;    // `horizon` values fed back as input, starting at trainSize
    double trainRmse = 0.0, naiveTrainRmse = 0.0;
    double testRmse = 0.0, naiveTestRmse = 0.0;
    // The continuation and a flat last-training-value line against the truth, over the
    // positions both cover (the first min(horizon, tail) of the test tail).
    double continuationRmse = 0.0, flatRmse = 0.0;
    double firstLoss = 0.0, lastLoss = 0.0; // normalised MSE of the first and last step
    int stepsDone = 0;
    bool cancelled = false; // Stop was pressed: scored with the weights trained so far
    double seconds = 0.0;
};

Q_DECLARE_METATYPE(TaggingRequest)
Q_DECLARE_METATYPE(TaggingProgress)
Q_DECLARE_METATYPE(TaggingResult)
Q_DECLARE_METATYPE(SentenceTagRequest)
Q_DECLARE_METATYPE(SentenceTags)
Q_DECLARE_METATYPE(ForecastRequest)
Q_DECLARE_METATYPE(ForecastResult)

// ---- worker -------------------------------------------------------------------------------------

// Runs one job at a time; the caller calls resetCancel() before queuing a training job and
// cancel() to stop it (both thread-safe).
class SequenceTaskWorker final : public QObject {
    Q_OBJECT

public:
    explicit SequenceTaskWorker(QObject *parent = nullptr);
    void cancel() { m_cancel.cancel(); }
    void resetCancel() { m_cancel.reset(); }

public Q_SLOTS:
    // Reads :/corpora/tagged_en.tsv and trains through lm::runTagging (the last
    // request.testSentences sentences held out). Emits taggingProgress per step, then
    // taggerTrained, or failed with a message (bad data, bad config, a diverged loss).
    void trainTagger(const TaggingRequest &request);
    // Tags request.words (a word the vocabulary lacks falls back to its lower-case form when
    // that is known) and records the tagger's hidden states; emits sentenceTagged, never failed.
    void tagSentence(const SentenceTagRequest &request);
    // Generates or loads the series, trains, scores and continues it. Emits forecastTrained or
    // failed (an unreadable CSV, a series too short for the window, a bad config).
    void trainForecaster(const ForecastRequest &request);

Q_SIGNALS:
    void taggingProgress(const TaggingProgress &progress);
    void taggerTrained(const TaggingResult &result);
    void sentenceTagged(const SentenceTags &tags);
    void forecastTrained(const ForecastResult &result);
    void failed(const QString &message);

private:
    lm::CancelToken m_cancel;
};
