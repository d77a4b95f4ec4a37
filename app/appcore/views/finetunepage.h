#pragma once
// FinetunePage: the Encoders tab's fine-tuning page. Fine-tunes a base encoder (handed over by
// the pre-training page, or opened from a file) on a task: sentiment, intent or named entities
// (built in, in English or Traditional Chinese, the interface language by default) or the
// learner's TSV. Every start trains twice with one configuration, from the pre-trained encoder
// and from scratch, and draws both on one plot: the loss per step and the test metric (accuracy,
// or entity F1) every few steps; earlier comparisons stay, paler. Then the results of either run
// (views/finetuneresults.h) and "Why this label" (views/whylabelpanel.h) for its model.
//
// Threads: FinetuneWorker (workers/finetuneworker.h) trains on a thread the page owns; it starts
// with QMetaObject::invokeMethod and answers with queued signals; the destructor cancels and
// waits. The explaining panel has a worker of its own.
#include "base/workerthread.h"
#include "workers/encoderjobs.h"

#include <QWidget>

#include <array>
#include <optional>

class FinetuneResults;
class FinetuneWorker;
class MetricPlot;
class QComboBox;
class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class WhyLabelPanel;

class FinetunePage final : public QWidget {
    Q_OBJECT

public:
    explicit FinetunePage(QWidget *parent = nullptr);
    ~FinetunePage() override;

    // The encoder the next start fine-tunes (invalid: none, and Start is disabled).
    void setBaseEncoder(const EncoderHandle &base);
    const EncoderHandle &baseEncoder() const { return m_base; }
    // The controls as a request (base, task, language, training), and back (the base is not set).
    FinetuneRequest request() const;
    void setRequest(const FinetuneRequest &request);
    bool isTraining() const { return m_training; }
    // The finished runs of the last start (either may be missing).
    const std::optional<FinetuneResult> &result(FinetuneRun run) const { return m_results[std::size_t(run)]; }

    MetricPlot *curves() const { return m_curves; }
    FinetuneResults *results() const { return m_resultsView; }
    WhyLabelPanel *whyLabel() const { return m_why; }
    // A sentence of the chosen task and language to explain ("The room was not clean, but …").
    QString sampleSentence() const;
    // Shows a comparison run elsewhere (a lesson step) as if it had run here: the controls show
    // its request, its base becomes this page's, its curves, scores and results fill the page.
    // Returns false, showing nothing, while this page trains or opens a model.
    bool replayRun(const FinetuneRequest &request, const QString &summary, const QVector<FinetuneProgress> &progress,
                   const QVector<FinetuneEval> &evals, const QVector<FinetuneResult> &runs);

public Q_SLOTS:
    void startTraining(); // no-op while training or without a base encoder
    void startWith(const FinetuneRequest &request); // as startTraining, with this request's settings
    void cancel();
    void openModel(const QString &path); // on the worker thread; the base encoder on success

Q_SIGNALS:
    void runFinished(const FinetuneResult &result);
    void trainingFinished(bool ok);
    // "Pre-train on the task's sentences": the learner asks for a base encoder that has read
    // the chosen task's language (EncodersView runs it on the pre-training page and hands it back).
    void taskPretrainingRequested(const QString &language);

private:
    // The curves of a new comparison (`request`), as startWith() and replayRun() begin one.
    void beginRun(const FinetuneRequest &request);
    void onProgress(const FinetuneProgress &progress);
    void onEvaluated(const FinetuneEval &eval);
    void onRunFinished(const FinetuneResult &result);
    void onFinished(bool ok);
    void showRun(FinetuneRun run);
    void chooseTsv();
    void chooseOpenFile();
    void setBusy();
    void updateBaseLabel();

    FinetuneWorker *m_worker;
    WorkerThread m_thread;
    EncoderHandle m_base;
    QLabel *m_baseLabel = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_pretrainOnTask = nullptr;
    QComboBox *m_task = nullptr, *m_language = nullptr, *m_resultsOf = nullptr;
    QCheckBox *m_scratch = nullptr;
    QSpinBox *m_steps = nullptr, *m_batch = nullptr, *m_seq = nullptr;
    QDoubleSpinBox *m_lr = nullptr;
    QPushButton *m_start = nullptr, *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr, *m_metric = nullptr;
    MetricPlot *m_curves = nullptr;
    FinetuneResults *m_resultsView = nullptr;
    WhyLabelPanel *m_why = nullptr;

    QString m_tsvPath;
    FinetuneRequest m_running;
    std::array<std::optional<FinetuneResult>, 2> m_results;
    std::array<int, 2> m_lossSeries{-1, -1}, m_metricSeries{-1, -1};
    std::array<int, 2> m_stepsDone{0, 0};
    int m_comparisons = 0;
    bool m_training = false;
    bool m_opening = false;
    bool m_failed = false; // the running job reported a failure
    QString m_summary;
};
