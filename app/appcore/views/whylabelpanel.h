#pragma once
// WhyLabelPanel: "Why this label" on the fine-tuning page. The learner types a sentence; a
// classifier answers with its probabilities per label (bars; click one to explain that label
// instead) and a salience map over the tokens it read — red pushed towards the label, blue
// away from it, the stronger the more — by gradient × input or integrated gradients
// (inspect/salience.h). A tagger answers with the sentence's words coloured by their tags.
//
// Threads: the model runs on a FinetuneWorker the panel owns on a thread of its own, so a
// sentence is explained with the last model while the fine-tuning page trains the next. Only the
// answer to the latest request is shown.
#include "base/workerthread.h"
#include "workers/encoderjobs.h"

#include <QGroupBox>

class BarList;
class FinetuneWorker;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class TokenChips;

class WhyLabelPanel final : public QGroupBox {
    Q_OBJECT

public:
    explicit WhyLabelPanel(QWidget *parent = nullptr);
    ~WhyLabelPanel() override; // waits for the explaining thread

    // The fine-tuned model to ask (invalid: none); explains the sentence in the field again.
    void setModel(const EncoderHandle &model);
    bool hasModel() const { return m_model.valid(); }
    QString text() const; // the sentence in the field
    void setIntegratedGradients(bool on);
    // The last answer shown.
    const Explanation &explanation() const { return m_shown; }
    TokenChips *tokens() const { return m_tokens; }
    BarList *probabilities() const { return m_bars; }

public Q_SLOTS:
    // Puts `text` in the field and asks the model about it (label -1: the predicted one); returns
    // at once, explained follows.
    void explain(const QString &text, int label = -1);

Q_SIGNALS:
    void explained(const Explanation &explanation);

private:
    void show(const Explanation &e);

    FinetuneWorker *m_worker;
    WorkerThread m_thread;
    EncoderHandle m_model;
    QLineEdit *m_text = nullptr;
    QPushButton *m_go = nullptr;
    QComboBox *m_method = nullptr;
    QLabel *m_answer = nullptr;
    BarList *m_bars = nullptr;
    TokenChips *m_tokens = nullptr;
    Explanation m_shown;
    int m_generation = 0;
};
