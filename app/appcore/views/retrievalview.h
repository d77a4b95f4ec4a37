#pragma once
// RetrievalView ("Sentence search"): find the sentences of a corpus nearest to a query, side by
// side for three ways of turning a sentence into a vector — an encoder (the mean of its last
// layer, or its [CLS] vector), averaged skip-gram word vectors, and TF-IDF — and a table of
// recall@1, recall@5 and MRR of the three on the built-in query set, so the learner sees when
// each wins. The encoder is the session's (SessionEncoder), a file or Hugging Face folder, or one
// pre-trained here in a few seconds. All engine work runs on the view's RetrievalWorker thread.
#include "base/workerthread.h"
#include "workers/retrievalworker.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

class RetrievalView final : public QWidget {
    Q_OBJECT

public:
    explicit RetrievalView(QWidget *parent = nullptr);
    ~RetrievalView() override;

    // The request the controls describe (the encoder source, pooling, language and corpus).
    RetrievalRequest currentRequest() const;
    bool isBusy() const { return m_busy; }
    bool isReady() const { return m_ready; }
    // What the last prepare and search produced, for tests, lessons and screenshots.
    const QVector<RetrievalScoreRow> &scores() const { return m_scores; }
    const SearchResult &lastResult() const { return m_result; }
    QTableWidget *scoreTable() const { return m_scoreTable; }
    // "method,recall_at_1,recall_at_5,mrr" then one line per method ('.' decimals).
    QString scoresCsv() const;
    // Writes scoresCsv() to `path` whole or not at all; false with *error set on failure.
    bool exportScores(const QString &path, QString *error) const;
    // Chooses the encoder source in the picker: "session", "train", or a model path.
    void setEncoderChoice(const QString &choice);
    void setClsPooling(bool cls);
    // Whether the encoder is then trained on the built-in paraphrase pairs (on by default).
    void setContrastive(bool on);
    bool contrastive() const;
    void setQuery(const QString &query);
    // Shows an index built elsewhere (a lesson step, by a RetrievalWorker) as if built here: its
    // scores fill the table and this view's worker takes over `state`, so searches use it.
    // Returns false, showing nothing, while this view is busy.
    bool replayRun(const RetrievalRequest &request, const RetrievalReady &ready,
                   std::shared_ptr<RetrievalWorker::State> state);

public Q_SLOTS:
    void prepare();                                // the controls' request
    void prepareWith(const RetrievalRequest &request);
    void stop();
    void search();                                 // the query box
    void exportScoresWithDialog();

Q_SIGNALS:
    void prepared(bool ok);
    void searched();

private:
    QWidget *buildSetup();
    QWidget *buildResults();
    void updateSessionEntry();
    void onReady(const RetrievalReady &ready);
    void onFound(const SearchResult &result);
    void showScores();
    QString methodTitle(const QString &method) const; // a score row's name for the learner
    void setBusy(bool busy);
    void openModel(bool folder);

    RetrievalWorker *m_worker;
    WorkerThread m_thread;
    QComboBox *m_encoder = nullptr, *m_pooling = nullptr, *m_corpus = nullptr;
    QCheckBox *m_pairs = nullptr;
    QPushButton *m_prepareButton = nullptr, *m_stopButton = nullptr, *m_searchButton = nullptr, *m_exportButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr, *m_verdict = nullptr;
    QLineEdit *m_query = nullptr;
    QSpinBox *m_k = nullptr;
    QTableWidget *m_lists[3] = {};
    QLabel *m_listTitles[3] = {};
    QTableWidget *m_scoreTable = nullptr;
    QVector<RetrievalScoreRow> m_scores;
    SearchResult m_result;
    bool m_busy = false, m_ready = false, m_clsScored = false, m_contrastiveScored = false;
    int m_generation = 0;
};
