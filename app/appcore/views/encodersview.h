#pragma once
// EncodersView: the Encoders tab. Two pages: pre-training an encoder (views/pretrainpage.h) and
// fine-tuning one on a task (views/finetunepage.h). "Use this encoder for fine-tuning" on the
// first hands its encoder to the second and brings it forward; the first encoder pre-trained
// (or opened) also becomes the fine-tuning page's base while that page has none.
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

private:
    void bringForward();

    QTabWidget *m_pages;
    PretrainPage *m_pretrain;
    FinetunePage *m_finetune;
};
