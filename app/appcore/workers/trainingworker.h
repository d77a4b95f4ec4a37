#pragma once
// TrainingWorker: runs the engine's trainer on a worker thread (see DESIGN.md, "Threads in the
// app"). Work starts through queued calls to its slots; results come back as values through
// queued signals; pause and cancel are atomics polled between steps.
#include "base/metatypes.h"
#include "train/setup.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <atomic>
#include <memory>

struct TrainingRequest {
    QString corpusSpec = QStringLiteral("builtin:en"); // see loadCorpusSpec
    lm::ModelChoice model;
    lm::TrainConfig train;
    int threads = 1;
    // Where run() keeps a checkpoint of the training, rewritten atomically every
    // autosaveSeconds and when paused, so a crash loses little; empty = no autosave.
    QString autosavePath;
    int autosaveSeconds = 20;
    // A checkpoint (an autosave) whose weights and step count prepare() continues from, when it
    // matches the chosen model; empty = start fresh.
    QString resumeFrom;
};

Q_DECLARE_METATYPE(TrainingRequest)

class TrainingWorker final : public QObject {
    Q_OBJECT

public:
    enum class Stop { Finished, Paused, Cancelled, Diverged };
    Q_ENUM(Stop)

    explicit TrainingWorker(QObject *parent = nullptr);
    ~TrainingWorker() override;

    // Thread-safe: the running loop stops after the current step.
    void requestPause() { m_pause.store(true); }
    void requestCancel() { m_cancel.store(true); }

public Q_SLOTS:
    // Loads the corpus, builds tokenizer, model and trainer. Emits prepared() or failed().
    void prepare(const TrainingRequest &request);
    // Steps until the configured steps are done, or pause/cancel is requested. Emits progress()
    // in bursts (at most every ~40 ms) and then stopped().
    void run();
    // Exactly one step (prepared first if needed by the caller), then stopped(Paused).
    void stepOnce();
    // Drops the model and trainer.
    void reset();
    // Writes a continuation of `prompt` by the current model, token by token: emits generating()
    // with the text so far after every token and sampled() at the end. With traceEachToken, each
    // step also traces the whole text through the model (inspected()), so a view can show the new
    // token attending back to the prompt while the text grows.
    void sample(const QString &prompt, int tokens, double temperature, bool traceEachToken = false);
    // Writes a checkpoint; emits saved() with an empty error on success.
    void save(const QString &path);
    // Writes the current model as the Hugging Face folder of its family's counterpart
    // (io/hfexport.h); emits exported() with an empty error on success.
    void exportHuggingFace(const QString &dir);
    // Runs the current model over `text` and records what it computed; emits inspected(). An
    // encoder reads "[CLS] text [SEP]", or with a non-empty `second` the pair "[CLS] text [SEP]
    // second [SEP]" with token types (workers/encoderreading.h traceEncoder); other models
    // ignore `second`.
    void inspect(const QString &text, const QString &second = QString());

Q_SIGNALS:
    void prepared(const QString &summary, int vocabularySize);
    void failed(const QString &message);
    void progress(const QVector<lm::StepReport> &reports);
    void stopped(TrainingWorker::Stop why, const QString &message);
    void sampled(const QString &text);
    void generating(const QString &textSoFar);
    void saved(const QString &path, const QString &error);
    void exported(const QString &dir, const QString &error);
    void inspected(std::shared_ptr<const lm::Trace> trace);

private:
    lm::StepReport stepAndRecord(QVector<lm::StepReport> &pending);
    lm::Status writeCheckpoint(const QString &path) const;
    QString resumeFromCheckpoint(const QString &path); // empty on success, else the reason
    // An encoder (a bidirectional family) is copied to SessionEncoder for the views that read
    // sentences with one; other models are not.
    void publishIfEncoder();

    std::unique_ptr<lm::TrainingSetup> m_setup;
    TrainingRequest m_request;
    std::atomic<bool> m_pause{false};
    std::atomic<bool> m_cancel{false};
};
