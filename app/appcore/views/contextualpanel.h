#pragma once
// ContextualPanel: the Word vectors tab's "same word, different sentences" page. A static
// embedding (word2vec) gives a word one vector whatever sentence it sits in; an encoder (the
// session's, or one opened here) gives it a vector per sentence, read from the whole sentence.
// For a word in several sentences (the learner's, or sentences of the corpus that hold it) the
// page shows the encoder's vectors' cosine matrix as a heatmap and their 2-D PCA beside
// word2vec's single point, with a summary that says which is which. The encoder runs on the
// panel's ContextualWorker thread.
#include "base/workerthread.h"
#include "workers/contextualworker.h"

#include "embed/fasttextmodel.h"
#include "embed/wordvectors.h"

#include <QWidget>

class EmbeddingPlot;
class HeatmapPlot;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

class ContextualPanel final : public QWidget {
    Q_OBJECT

public:
    explicit ContextualPanel(QWidget *parent = nullptr);
    ~ContextualPanel() override;

    // The static vectors to compare with (null: none trained yet), their method's name for the
    // text ("Skip-gram (word2vec)"), and the corpus "Sentences from the corpus" reads.
    void setStaticVectors(std::shared_ptr<const lm::WordVectors> vectors,
                          std::shared_ptr<const lm::FastTextModel> subwords, const QString &method);
    void setCorpusSpec(const QString &spec) { m_corpusSpec = spec; }
    void setWord(const QString &word);
    void setSentences(const QStringList &sentences);
    QString word() const;
    QStringList sentences() const;

    bool isBusy() const { return m_busy; }
    bool hasEncoder() const;
    // The summary under the inputs: what word2vec gives, and, once computed, what the encoder gives.
    QString summaryText() const;
    const ContextualResult &lastResult() const { return m_result; }
    // The static vector of the last comparison (empty when the word had none).
    const std::vector<float> &staticVector() const { return m_static; }
    HeatmapPlot *cosinePlot() const { return m_cosines; }
    EmbeddingPlot *pointsPlot() const { return m_points; }

public Q_SLOTS:
    // Reads the learner's sentences (fromCorpus: sentences of the corpus that hold the word).
    // The static half of the summary is set at once; the encoder's follows (computed()).
    void compare(bool fromCorpus = false);

Q_SIGNALS:
    void computed(bool ok);

private:
    QString staticSummary();
    void onComputed(const ContextualResult &result);
    void updateEncoderLabel();
    void openEncoder(bool folder);
    void setBusy(bool busy);

    ContextualWorker *m_worker;
    WorkerThread m_thread;
    QLineEdit *m_word;
    QPlainTextEdit *m_sentences;
    QLabel *m_encoder, *m_summary;
    QPushButton *m_compare, *m_fromCorpus, *m_openFile, *m_openFolder;
    HeatmapPlot *m_cosines;
    EmbeddingPlot *m_points;
    std::shared_ptr<const lm::WordVectors> m_vectors;
    std::shared_ptr<const lm::FastTextModel> m_subwords;
    QString m_method, m_corpusSpec = QStringLiteral("builtin:en");
    QString m_staticText;
    std::vector<float> m_static;
    ContextualResult m_result;
    int m_generation = 0;
    bool m_busy = false;
};
