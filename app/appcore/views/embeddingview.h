#pragma once
// EmbeddingView: the word-vector chapter's workspace. Train skip-gram, CBOW, GloVe or fastText
// on a corpus and watch the most frequent words move in a live PCA; then project with PCA or
// t-SNE in 2-D or 3-D, search and colour words, list a clicked word's nearest neighbours, solve
// analogies with their offset arrows drawn, and see that a static embedding gives a word one
// vector whatever sentence it sits in while an encoder gives it one per sentence (the
// ContextualPanel page beside the word map). All engine work runs on the views' worker threads.
#include "workers/embeddingworker.h"
#include "base/workerthread.h"

#include "inspect/neighbors.h"

#include <QHash>
#include <QWidget>

class ContextualPanel;
class EmbeddingPlot;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QDoubleSpinBox;

class EmbeddingView final : public QWidget {
    Q_OBJECT

public:
    explicit EmbeddingView(QWidget *parent = nullptr);
    ~EmbeddingView() override;

    EmbeddingPlot *plot() const { return m_plot; }
    bool isTraining() const { return m_training; }
    bool hasVectors() const { return m_vectors != nullptr; }
    EmbeddingRequest currentRequest() const;
    void setRequest(const EmbeddingRequest &request); // fills the controls
    // What the side panels show, for tests and lessons.
    QStringList neighborList() const;
    QStringList analogyAnswers() const;
    QString contextFreeText() const;
    QWidget *neighborPanel() const; // the nearest-neighbour box
    QWidget *analogyPanel() const;  // the analogy box
    // The "same word, different sentences" page: word2vec's one vector beside an encoder's one per sentence.
    ContextualPanel *contextualPanel() const { return m_contextual; }
    void showContextualPage(bool on); // that page (true) or the word map (false) in the middle
    // Shows vectors trained elsewhere (a lesson) as if trained here: the status names `method`
    // (skipgram, cbow, glove, fasttext), the projection runs, and neighbours and analogies use
    // them. Ignored while this view trains. `vectors` must not be null.
    void showVectors(std::shared_ptr<const lm::WordVectors> vectors, const QString &method);

public Q_SLOTS:
    void startTraining();
    void stopTraining();
    void runProjection();
    void stopProjection();
    void selectWord(const QString &word);
    void solveAnalogy(const QString &a, const QString &b, const QString &c);
    // Shows the contextual page and compares the word in its sentences (see ContextualPanel).
    void compareContexts();

Q_SIGNALS:
    void trainingFinished(bool ok);
    void projectionFinished(bool ok);

private:
    QWidget *buildTrainPanel();
    QWidget *buildSidePanel();
    void onSnapshot(const EmbeddingSnapshot &snapshot);
    void onTrained(const TrainedEmbedding &result);
    void onProjected(int generation, const QVector<float> &points, int dims, const QVector<double> &explained);
    void showPoints(const QVector<float> &points, int dims);
    QStringList groupsFor(const QStringList &words) const;
    void applyColouring();
    void applySearch(const QString &text);
    void showNeighbors(std::int32_t id, const std::vector<float> &query);
    void setBusy();

    EmbeddingWorker *m_worker;
    WorkerThread m_thread;
    EmbeddingPlot *m_plot;

    // Training controls
    QComboBox *m_corpus = nullptr;
    QComboBox *m_method = nullptr;
    QComboBox *m_unit = nullptr;
    QSpinBox *m_dim = nullptr, *m_window = nullptr, *m_epochs = nullptr, *m_minCount = nullptr, *m_threads = nullptr;
    QPushButton *m_trainButton = nullptr, *m_stopButton = nullptr;
    QLabel *m_status = nullptr;
    // Projection controls
    QComboBox *m_projection = nullptr, *m_dims = nullptr, *m_colour = nullptr;
    QSpinBox *m_count = nullptr, *m_iterations = nullptr;
    QDoubleSpinBox *m_perplexity = nullptr;
    QPushButton *m_projectButton = nullptr, *m_stopProjectButton = nullptr;
    QLineEdit *m_search = nullptr;
    // Side panels
    QLabel *m_neighborTitle = nullptr;
    QListWidget *m_neighbors = nullptr;
    QLineEdit *m_a = nullptr, *m_b = nullptr, *m_c = nullptr;
    QListWidget *m_analogy = nullptr;
    QTabWidget *m_pages = nullptr;
    ContextualPanel *m_contextual = nullptr;

    std::shared_ptr<const lm::WordVectors> m_vectors;
    std::shared_ptr<const lm::FastTextModel> m_subwords;
    std::unique_ptr<lm::NormalizedVectors> m_unitVectors;
    QHash<QString, QString> m_groupOf;
    QStringList m_shownWords;
    int m_generation = 0;
    bool m_training = false;
    bool m_projecting = false;
};
