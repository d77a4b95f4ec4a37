#pragma once
// FinetuneWorker: fine-tuning for the Encoders tab's fine-tuning page (views/finetunepage.h), on
// the thread it lives on. One request trains the task twice with the same configuration: from
// the pre-trained encoder (its weights copied under a new head) and from scratch (every weight
// at random), each with its loss per step and its test metric every few steps, then scores each
// on the test set (lm::evaluateFinetuning). It also explains one sentence through a fine-tuned
// model: class probabilities and a salience map (classify), or a tag per word (tag).
//
// Threads: the page owns two workers on QThreads of their own (base/workerthread.h), one that
// trains and one that explains, so a sentence can be explained with the last model while the
// next trains. Work starts with QMetaObject::invokeMethod, results come back by value through
// queued signals, Cancel sets a CancelToken polled between steps.
#include "workers/encoderjobs.h"

#include "core/cancel.h"

#include <QObject>
#include <QString>

class FinetuneWorker final : public QObject {
    Q_OBJECT

public:
    explicit FinetuneWorker(QObject *parent = nullptr);

    void cancel() { m_cancel.cancel(); } // thread-safe; stops after the current step
    void resetCancel() { m_cancel.reset(); }

    // The task a request names: a built-in set (train and test files) or the user's TSV (token
    // tags when every line parses so, else LABEL<TAB>TEXT; every seventh example held out), cut to
    // trainExamples / testExamples when those are not 0. Errors are one line naming the data.
    static lm::Result<lm::FinetuneTask> loadTask(const FinetuneRequest &request);

public Q_SLOTS:
    // Loads the task, then for each run asked for (pre-trained first): emits progress (merged, at
    // most every ~40 ms), evaluated at step 0 and every evalEvery steps, then runFinished with the
    // run's test report and model. Emits finished(true) after the last run, finished(false) after
    // Cancel (the run in progress is still scored and reported), or failed (bad data, a diverged
    // loss) and then finished(false).
    void finetune(const FinetuneRequest &request);
    // Classify: the probabilities, and the salience of request.label (or of the predicted class)
    // over the tokens by gradient × input or integrated gradients. Tag: the words (splitWords)
    // and their tags. Emits explained, never failed (an error travels in Explanation::error).
    void explain(const ExplainRequest &request);
    // Opens a model as openEncoder does; emits opened or failed.
    void openModel(const QString &path);

Q_SIGNALS:
    void started(const QString &summary);
    void progress(const FinetuneProgress &progress);
    void evaluated(const FinetuneEval &eval);
    void runFinished(const FinetuneResult &result);
    void finished(bool ok);
    void explained(const Explanation &explanation);
    void opened(const EncoderHandle &encoder);
    void failed(const QString &message);

private:
    lm::CancelToken m_cancel;
};
