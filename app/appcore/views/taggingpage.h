#pragma once
// TaggingPage: part-of-speech tagging on the Recurrent tab. Trains a recurrent tagger (RNN, LSTM
// or GRU, one- or two-directional) on the built-in tagged set (:/corpora/tagged_en.tsv), reports
// its accuracy on held-out sentences, and tags a sentence the user types, word by word.
//
// Threads: the model never runs on the GUI thread. Training runs on one SequenceTaskWorker
// (workers/sequencetaskworker.h) and tagging a sentence on a second, so a sentence can be
// tagged with the last model while the next trains. Both start with QMetaObject::invokeMethod
// and answer through queued signals; the destructor cancels and waits for both threads.
#include "base/metatypes.h"
#include "base/workerthread.h"
#include "workers/sequencetaskworker.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

class TaggingPage final : public QWidget {
    Q_OBJECT

public:
    explicit TaggingPage(QWidget *parent = nullptr);
    ~TaggingPage() override; // cancels a running job and waits for the worker threads

    bool isTraining() const { return m_training; }
    bool hasModel() const { return m_tagger != nullptr; }
    // Held-out accuracy of the last trained (or stopped) model in [0, 1]; 0 before any.
    double accuracy() const { return m_accuracy; }
    // Words split at spaces, with . , ! ? ; : split off as tokens of their own ("I book a room."
    // -> I book a room .), as the training data writes them.
    static QStringList tokenize(const QString &sentence);

    TaggingRequest currentRequest() const;
    void setRequest(const TaggingRequest &request); // fills the controls
    // Shows a tagger trained elsewhere (a lesson) by its results: its held-out accuracy on
    // testWords words of testSentences sentences, and sentences (words[i]) with the tags it gave
    // them (tags[i]) in the table, two rows per sentence. Keeps this page's own model. Ignored
    // while the page trains.
    void showResult(double accuracy, int testSentences, int testWords, const QList<QStringList> &words,
                    const QList<QStringList> &tags);

public Q_SLOTS:
    void startTraining(); // no-op while training
    void stopTraining();
    // Puts `sentence` in the sentence field and has the worker tag it with the current model;
    // returns at once. The word/tag table fills, and sentenceTagged and traced follow, when the
    // answer comes back (at once, with no tags, when there is no model or no word). Only the
    // answer to the latest call is shown.
    void tagSentence(const QString &sentence);

Q_SIGNALS:
    // ok = false when the job failed or was stopped (a stopped model is still kept and usable).
    void trainingFinished(bool ok);
    // The table now shows `words` over `tags` (one per word; empty without a model).
    void sentenceTagged(const QStringList &words, const QStringList &tags);
    // The tagger's trace over the last tagged sentence: its bidirectional hidden states, for the
    // hidden-state view (forward and backward halves side by side).
    void traced(std::shared_ptr<const lm::Trace> trace);

private:
    void onProgress(const TaggingProgress &progress);
    void onTrained(const TaggingResult &result);
    void onSentenceTagged(const SentenceTags &tags);
    void showTags(const SentenceTags &tags);
    void setBusy();

    SequenceTaskWorker *m_worker;    // trains; lives on m_thread
    WorkerThread m_thread;
    SequenceTaskWorker *m_tagWorker; // tags sentences; lives on m_tagThread
    WorkerThread m_tagThread;

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
    int m_tagGeneration = 0; // of the latest tagSentence(); older answers are dropped
};
