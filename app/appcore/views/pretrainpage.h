#pragma once
// PretrainPage: the Encoders tab's pre-training page. Pre-trains a small encoder of one of the
// table's bidirectional families on a document corpus with masked words alone, or with next-
// sentence or sentence-order prediction; shows a row of the current batch as the model sees it
// (views/maskedbatchview.h) and the curves (masked-word loss and accuracy; the pair task's
// accuracy), keeping earlier runs beside the new one. "Compare NSP and SOP" pre-trains both one
// after the other on the same corpus. The last encoder (trained or opened from a file) can be
// handed to the fine-tuning page.
//
// Threads: the model never runs on the GUI thread. PretrainWorker (workers/pretrainworker.h)
// lives on a thread the page owns; it starts with QMetaObject::invokeMethod and answers with
// queued signals; the destructor cancels the run and waits for the thread.
#include "base/workerthread.h"
#include "workers/encoderjobs.h"

#include <QList>
#include <QWidget>

class MaskedBatchView;
class MetricPlot;
class ModelOptionsPanel;
class PretrainWorker;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

class PretrainPage final : public QWidget {
    Q_OBJECT

public:
    explicit PretrainPage(QWidget *parent = nullptr);
    ~PretrainPage() override; // cancels a running job and waits for the worker thread

    // The controls as a request (family, corpus, objective, options, training), and back. A family
    // the table does not have as an encoder, or an unknown corpus, leaves that control as it is.
    PretrainRequest request() const;
    void setRequest(const PretrainRequest &request);
    bool isTraining() const { return m_training; }
    // The last encoder pre-trained (even if stopped) or opened; invalid before any.
    const EncoderHandle &encoder() const { return m_encoder; }

    MaskedBatchView *batchView() const { return m_batchView; }
    MetricPlot *maskedPlot() const { return m_maskedPlot; } // MLM loss (left) and accuracy (right)
    MetricPlot *pairPlot() const { return m_pairPlot; }     // NSP / SOP accuracy, one line per run

public Q_SLOTS:
    void startTraining(); // one run with the controls' request; no-op while training
    // Two runs, masked words + NSP then masked words + SOP, with the controls' settings at
    // PretrainRequest::comparison()'s size (put into the controls first).
    void compareNspSop();
    void cancel();
    // A fresh row of the current batch: the next step shows it while training, else at once.
    void requestBatch();
    // Opens our .safetensors or a Hugging Face BERT/ALBERT folder on the worker thread.
    void openModel(const QString &path);
    // Hands the current encoder to the fine-tuning page (encoderChosen); no-op without one.
    void useForFinetuning();
    // Shows a run made elsewhere (a lesson step, with this page's worker type) as if it had run
    // here: the controls show its request, its curves join the plots (beside the other pair
    // task's when it completes an NSP/SOP pair), the batch view shows its last row and its encoder
    // becomes the current one. Returns false, showing nothing, while this page trains or opens.
    bool replayRun(const PretrainRequest &request, const QString &summary, const QVector<PretrainScore> &scores,
                 const MaskedBatch &batch, const PretrainResult &result);

Q_SIGNALS:
    void runFinished(bool ok);        // after each run (ok = false: failed or cancelled)
    void trainingFinished(bool ok);   // after the last run of a start or a comparison
    void batchShown();                // the batch view shows a new row
    void encoderReady(const EncoderHandle &encoder);  // a run finished or a model was opened
    void encoderChosen(const EncoderHandle &encoder); // "Use this encoder for fine-tuning"

private:
    // continuesComparison: the second run of compareNspSop() (the first run's pair curves stay vivid).
    void start(const PretrainRequest &request, bool continuesComparison = false);
    // The curves of a new run (`request`), as start() and showRun() begin one.
    void beginRun(const PretrainRequest &request, bool continuesComparison);
    void onStarted(const QString &summary);
    void onProgress(const PretrainProgress &progress);
    void onScored(const PretrainScore &score);
    void onFinished(const PretrainResult &result);
    void onFailed(const QString &message);
    void setBusy();
    void chooseOpenFile();
    QString familyLabel(const QString &arch) const;
    static QString pairName(PairObjective pair);

    PretrainWorker *m_worker;
    WorkerThread m_thread;

    QComboBox *m_family = nullptr, *m_corpus = nullptr, *m_objective = nullptr;
    ModelOptionsPanel *m_options = nullptr;
    QSpinBox *m_vocab = nullptr, *m_seq = nullptr, *m_batch = nullptr, *m_steps = nullptr;
    QDoubleSpinBox *m_lr = nullptr;
    QPushButton *m_start = nullptr, *m_cancel = nullptr, *m_compare = nullptr, *m_open = nullptr, *m_use = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    MaskedBatchView *m_batchView = nullptr;
    MetricPlot *m_maskedPlot = nullptr, *m_pairPlot = nullptr;

    QList<PretrainRequest> m_queue; // runs still to start (a comparison's second run)
    PretrainRequest m_running;
    EncoderHandle m_encoder;
    bool m_training = false;
    bool m_opening = false;
    bool m_allOk = true;
    int m_runs = 0; // runs started, for their names and colours
    int m_lossSeries = -1, m_accuracySeries = -1, m_pairSeries = -1, m_crossSeries = -1; // the live run's series
    QString m_summary;
};
