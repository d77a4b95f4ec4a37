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
    // sentences), rows of 32 tokens, 64 a batch, `steps` steps: `base` with those settings (its
    // family and options stay). At width 64 this is what lets fine-tuning beat from scratch.
    static PretrainRequest taskPretraining(PretrainRequest base, const QString &language, int steps = 4000);
    // Runs taskPretraining on the pre-training page (unless it is busy) and, when it finishes,
    // makes the result the fine-tuning page's base and brings that page back.
    void pretrainForTask(const QString &language, int steps = 4000);

private:
    void bringForward();

    QTabWidget *m_pages;
    PretrainPage *m_pretrain;
    FinetunePage *m_finetune;
};
