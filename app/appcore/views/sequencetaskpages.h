#pragma once
// The sequence-task pages of the "Recurrent networks" tab.
//
// TaggingPage: part-of-speech tagging. Trains a recurrent tagger (RNN, LSTM or GRU, one- or
// two-directional) on the built-in tagged set (:/corpora/tagged_en.tsv), reports its accuracy on
// held-out sentences, and tags a sentence the user types, word by word.
//
// ForecastPage: time-series forecasting. Trains a SeriesForecaster on a generated seasonal
// series or on a column of a CSV file and plots the truth, the one-step-ahead forecast of the
// held-out tail, and a free-running (autoregressive) continuation from where the held-out part
// starts, with the test RMSE beside the naive "next = last value" forecast.
//
// Threads: each page owns a SequenceTaskWorker on its own QThread (see workerthread.h). Work
// starts with QMetaObject::invokeMethod, results come back by value through queued signals, and
// Stop sets the worker's CancelToken. A page's destructor cancels and waits for its thread.
#include "base/metatypes.h"
#include "base/workerthread.h"

#include "core/cancel.h"
#include "io/csv.h"
#include "train/forecasting.h"
#include "models/recurrent/tagger.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <memory>

class LinePlot;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

// ---- requests and results (copied across threads by value) ------------------------------------

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
Q_DECLARE_METATYPE(ForecastRequest)
Q_DECLARE_METATYPE(ForecastResult)

// ---- worker -----------------------------------------------------------------------------------

// Runs the engine work of both pages on the thread it lives on. One job at a time; the caller
// calls resetCancel() before queuing a job and cancel() to stop it (both thread-safe).
class SequenceTaskWorker final : public QObject {
    Q_OBJECT

public:
    explicit SequenceTaskWorker(QObject *parent = nullptr);
    void cancel() { m_cancel.cancel(); }
    void resetCancel() { m_cancel.reset(); }

public Q_SLOTS:
    // Reads :/corpora/tagged_en.tsv, holds out the last request.testSentences sentences, builds
    // the vocabulary from the rest and trains. Emits taggingProgress per step, then
    // taggerTrained, or failed with a message (bad data, bad config, a diverged loss).
    void trainTagger(const TaggingRequest &request);
    // Generates or loads the series, trains, scores and continues it. Emits forecastTrained or
    // failed (an unreadable CSV, a series too short for the window, a bad config).
    void trainForecaster(const ForecastRequest &request);

Q_SIGNALS:
    void taggingProgress(const TaggingProgress &progress);
    void taggerTrained(const TaggingResult &result);
    void forecastTrained(const ForecastResult &result);
    void failed(const QString &message);

private:
    lm::CancelToken m_cancel;
};

// ---- pages ------------------------------------------------------------------------------------

class TaggingPage final : public QWidget {
    Q_OBJECT

public:
    explicit TaggingPage(QWidget *parent = nullptr);
    ~TaggingPage() override; // cancels a running job and waits for the worker thread

    bool isTraining() const { return m_training; }
    bool hasModel() const { return m_tagger != nullptr; }
    // Held-out accuracy of the last trained (or stopped) model in [0, 1]; 0 before any.
    double accuracy() const { return m_accuracy; }
    // One tag per word of tokenize(sentence); empty when no model is trained yet. Runs on the
    // caller's thread (the GUI's), without a tape: cheap for a sentence.
    QStringList tagsFor(const QString &sentence) const;
    // Words split at spaces, with . , ! ? ; : split off as tokens of their own ("I book a room."
    // -> I book a room .), as the training data writes them.
    static QStringList tokenize(const QString &sentence);

    TaggingRequest currentRequest() const;
    void setRequest(const TaggingRequest &request); // fills the controls

public Q_SLOTS:
    void startTraining(); // no-op while training
    void stopTraining();
    void tagSentence(const QString &sentence); // fills the sentence field and the word/tag table

Q_SIGNALS:
    // ok = false when the job failed or was stopped (a stopped model is still kept and usable).
    void trainingFinished(bool ok);
    // The tagger's trace over the last tagged sentence: its bidirectional hidden states, for the
    // hidden-state view (forward and backward halves side by side).
    void traced(std::shared_ptr<const lm::Trace> trace);

private:
    void onProgress(const TaggingProgress &progress);
    void onTrained(const TaggingResult &result);
    void setBusy();

    SequenceTaskWorker *m_worker;
    WorkerThread m_thread;

    QComboBox *m_kind = nullptr;
    QCheckBox *m_bidirectional = nullptr;
    QSpinBox *m_hidden = nullptr, *m_steps = nullptr;
    QPushButton *m_trainButton = nullptr, *m_stopButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLineEdit *m_sentence = nullptr;
    QPushButton *m_tagButton = nullptr;
    QComboBox *m_examples = nullptr;
    QTableWidget *m_table = nullptr;
    QTimer *m_progressTimer = nullptr; // merges bursts of per-step progress into one repaint

    TaggingProgress m_lastProgress;
    std::shared_ptr<const lm::RecurrentTagger> m_tagger;
    std::shared_ptr<const lm::TagVocabulary> m_vocab;
    double m_accuracy = 0.0;
    bool m_training = false;
};

class ForecastPage final : public QWidget {
    Q_OBJECT

public:
    explicit ForecastPage(QWidget *parent = nullptr);
    ~ForecastPage() override; // cancels a running job and waits for the worker thread

    // Series "truth", "one-step forecast" and "continuation" (dashed) after a training, with a
    // marker where the held-out tail starts. The truth starts one tail length before the marker,
    // or at 0 when "Show the whole series" is on (setShowWholeSeries).
    LinePlot *plot() const { return m_plot; }
    bool isTraining() const { return m_training; }
    // Of the last result, in the series' units; 0 before any.
    double testRmse() const { return m_result.testRmse; }
    double naiveRmse() const { return m_result.naiveTestRmse; }
    const ForecastResult &lastResult() const { return m_result; }

    ForecastRequest currentRequest() const;
    // Fills the controls; a non-empty csvPath selects the CSV source.
    void setRequest(const ForecastRequest &request);

public Q_SLOTS:
    void startTraining(); // no-op while training
    void stopTraining();
    void openCsv(); // a file dialog; selects the CSV source
    void setShowWholeSeries(bool on); // replots the last result

Q_SIGNALS:
    // ok = false when the job failed or was stopped (a stopped model is still scored and plotted).
    void trainingFinished(bool ok);

private:
    void onTrained(const ForecastResult &result);
    void showResult();
    void setBusy();

    SequenceTaskWorker *m_worker;
    WorkerThread m_thread;
    LinePlot *m_plot;

    QComboBox *m_source = nullptr; // generated | CSV
    QSpinBox *m_length = nullptr, *m_period = nullptr, *m_seed = nullptr;
    QDoubleSpinBox *m_trend = nullptr, *m_noise = nullptr;
    QLabel *m_csvLabel = nullptr;
    QLineEdit *m_column = nullptr;
    QComboBox *m_kind = nullptr;
    QSpinBox *m_hidden = nullptr, *m_window = nullptr, *m_steps = nullptr, *m_horizon = nullptr;
    QPushButton *m_trainButton = nullptr, *m_stopButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QCheckBox *m_wholeSeries = nullptr;
    QLabel *m_status = nullptr;

    QString m_csvPath;
    ForecastResult m_result;
    bool m_training = false;
};
