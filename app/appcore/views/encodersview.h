#pragma once
// EncodersView: the Encoders tab. Two pages: pre-training an encoder (views/pretrainpage.h) and
// fine-tuning one on a task (views/finetunepage.h). "Use this encoder for fine-tuning" on the
// first hands its encoder to the second and brings it forward; the first encoder pre-trained
// (or opened) also becomes the fine-tuning page's base while that page has none. "Pre-train on
// the task sentences" on the second runs masked-word pre-training on the first over the built-in
// task sentences (base/corpora.h) and hands the result back.
#include "workers/encoderjobs.h"

#include <QWidget>

class FinetunePage;
class PretrainPage;
class QTabWidget;

class EncodersView final : public QWidget {
    Q_OBJECT

public:
    explicit EncodersView(QWidget *parent = nullptr);

    PretrainPage *pretraining() const { return m_pretrain; }
    FinetunePage *finetuning() const { return m_finetune; }
    // Brings the page forward, and this tab in the window's tab bar.
    void showPretraining();
    void showFinetuning();
    // Masked words only on "builtin:sentences_LANGUAGE" (the sentiment and intent training
    // sentences), rows of 32 tokens, 64 a batch, `steps` steps, at the size where pre-training
    // shows its gain on these sentences: width 128, 4 layers, 4 heads, dropout 0.1, lr 1e-3 (its
    // family stays). Fine-tuned for 600 steps at lr 5e-4 (taskFinetuning) it reached sentiment
    // accuracy 0.90 against 0.74 from scratch; at width 64 with 2 layers it showed no gain.
    static PretrainRequest taskPretraining(PretrainRequest base, const QString &language, int steps = 1500);
    // `base` with the fine-tuning settings that go with taskPretraining: 600 steps at lr 5e-4.
    static FinetuneRequest taskFinetuning(FinetuneRequest base);
    // Runs taskPretraining on the pre-training page (unless it is busy) and, when it finishes,
    // makes the result the fine-tuning page's base, sets that page to taskFinetuning and brings
    // it back.
    void pretrainForTask(const QString &language, int steps = 1500);

private:
    void bringForward();

    QTabWidget *m_pages;
    PretrainPage *m_pretrain;
    FinetunePage *m_finetune;
};
