#pragma once
// PretrainWorker: encoder pre-training for the Encoders tab's pre-training page
// (views/pretrainpage.h), on the thread it lives on: masked LM alone or with NSP / SOP on a
// document corpus (lm::prepareTraining), the curves (lm::scorePretraining on one fixed probe
// batch every few steps), and one row of a fresh batch as the model sees it, with the model's
// top-5 guesses at every picked position (MaskedBatch).
//
// Threads: the page owns the worker on a QThread of its own (base/workerthread.h). Work starts
// with QMetaObject::invokeMethod; results come back by value through queued signals; Cancel sets
// a CancelToken polled between steps. The model the worker trains is its own until the run
// ends; then it travels in PretrainResult as an EncoderHandle that nobody trains any more.
#include "workers/encoderjobs.h"

#include "core/cancel.h"
#include "core/rng.h"
#include "text/specialtokens.h"
#include "train/objectives/pretraining.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class PretrainWorker final : public QObject {
    Q_OBJECT

public:
    explicit PretrainWorker(QObject *parent = nullptr);
    ~PretrainWorker() override;

    // Thread-safe. cancel() stops a running pre-training after its current step (the result is
    // emitted with cancelled = true) and an open in progress once it is read.
    void cancel() { m_cancel.cancel(); }
    void resetCancel() { m_cancel.reset(); }
    // Thread-safe: while pre-training runs, the next step emits batchShown with a fresh row.
    void requestBatch() { m_batchWanted.store(true); }

    // The one-row description of a pre-training batch `row` (B = 1) through `model` (no
    // gradients): roles of the tokens, the pair label and, when the model has the heads, its
    // top-5 guesses and its probability for pair label 0. Throws as EncoderModel::encode does.
    static MaskedBatch describeRow(lm::EncoderModel &model, const lm::Tokenizer &tokenizer, const lm::TokenBatch &row,
                                   PairObjective pair, const lm::EncoderSpecials &specials, int step);

    // Pre-training rows of `pair` from the documents of `text` (blank lines between documents, a
    // sentence a line), read by `tokenizer`, in rows of `seq` tokens: what an opened model's
    // batches come from, and the pairs a lesson's topic rule reads.
    static lm::Result<lm::EncoderPretraining> pretrainingRows(const std::string &text, const lm::Tokenizer &tokenizer,
                                                              const lm::EncoderSpecials &specials, PairObjective pair, int seq);

public Q_SLOTS:
    // Loads the corpus, builds tokenizer, model and trainer, emits started, a score at step 0
    // and a batch; then trains, emitting progress (merged, at most every ~40 ms), scored every
    // request.scoreEvery steps, batchShown every request.batchEvery steps (and when asked), and
    // finally finished. Emits failed instead for a bad corpus or config, or a diverged loss.
    void pretrain(const PretrainRequest &request);
    // A fresh row of the current model's objective (the last run's, or the opened model's);
    // emits batchShown, or failed when there is no model yet.
    void showBatch();
    // Opens our .safetensors or a Hugging Face folder (openEncoder) and makes it the current
    // model: its batches come from `corpusSpec` through its own tokenizer, with `pair` and rows of
    // `seq` tokens. Emits modelOpened and batchShown, or failed.
    void openModel(const QString &path, const QString &corpusSpec, PairObjective pair, int seq);

Q_SIGNALS:
    void started(const QString &summary);
    void progress(const PretrainProgress &progress);
    void scored(const PretrainScore &score);
    void batchShown(const MaskedBatch &batch);
    void finished(const PretrainResult &result);
    void modelOpened(const EncoderHandle &encoder, const QString &summary);
    void failed(const QString &message);

private:
    void emitBatch(int step);

    lm::CancelToken m_cancel;
    std::atomic<bool> m_batchWanted{false};
    // The current model and where its batches come from; touched on the worker thread only.
    std::shared_ptr<lm::EncoderModel> m_model;
    std::shared_ptr<const lm::Tokenizer> m_tokenizer;
    std::unique_ptr<lm::Objective> m_probe;
    lm::EncoderSpecials m_specials;
    PairObjective m_pair = PairObjective::None;
    lm::Rng m_rng{12345};
    int m_step = 0;
};
