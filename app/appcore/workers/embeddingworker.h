#pragma once
// EmbeddingWorker: trains word vectors and computes projections on a worker thread. Live
// snapshots during training carry the most frequent words' vectors and their PCA, so the view
// can show clusters forming; t-SNE runs on request and streams its intermediate layouts.
#include "core/cancel.h"
#include "embed/embedprogress.h"
#include "embed/fasttext.h"
#include "embed/wordvectors.h"

#include <QObject>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <memory>

struct EmbeddingRequest {
    QString corpusSpec = QStringLiteral("builtin:en");
    QString method = QStringLiteral("skipgram"); // skipgram | cbow | glove | fasttext
    bool characters = false; // one token per character (Chinese)
    bool normalize = true;   // lower-case, split punctuation off
    int dim = 50;
    int window = 5;
    int epochs = 5;
    int minCount = 3;
    int threads = 1;
    quint64 seed = 1;
    int snapshotWords = 300;
};

struct EmbeddingSnapshot {
    QStringList words;       // the most frequent words, in vocabulary order
    QVector<float> points;   // their PCA, (words.size(), dims)
    int dims = 2;
    lm::EmbedProgress progress;
};

struct TrainedEmbedding {
    std::shared_ptr<const lm::WordVectors> vectors;
    std::shared_ptr<const lm::FastTextModel> subwords; // fastText only
    QString method;
    double seconds = 0.0;
};

struct ProjectionRequest {
    std::shared_ptr<const lm::WordVectors> vectors;
    int count = 300;          // the first `count` words (most frequent)
    QString method = QStringLiteral("pca"); // pca | tsne
    int dims = 2;
    double perplexity = 30.0;
    int iterations = 1000;
    int threads = 1;
    quint64 seed = 1;
    int generation = 0;       // echoed back, so the view can drop stale results
};

Q_DECLARE_METATYPE(EmbeddingRequest)
Q_DECLARE_METATYPE(EmbeddingSnapshot)
Q_DECLARE_METATYPE(TrainedEmbedding)
Q_DECLARE_METATYPE(ProjectionRequest)
Q_DECLARE_METATYPE(lm::EmbedProgress)

class EmbeddingWorker final : public QObject {
    Q_OBJECT

public:
    explicit EmbeddingWorker(QObject *parent = nullptr);
    // Thread-safe; the running job stops at its next poll.
    void cancelTraining() { m_trainCancel.cancel(); }
    void cancelProjection() { m_projectCancel.cancel(); }
    // Snapshots use PCA in this many dimensions (2 or 3); thread-safe.
    void setSnapshotDims(int dims) { m_snapshotDims.store(dims); }

public Q_SLOTS:
    void train(const EmbeddingRequest &request);
    void project(const ProjectionRequest &request);

Q_SIGNALS:
    void progress(const lm::EmbedProgress &progress);
    void snapshot(const EmbeddingSnapshot &snapshot);
    void trained(const TrainedEmbedding &result);
    void trainingFailed(const QString &message);
    void projectionProgress(int generation, int iteration, const QVector<float> &points, int dims);
    void projected(int generation, const QVector<float> &points, int dims, const QVector<double> &explainedVariance);
    void projectionFailed(int generation, const QString &message);

private:
    lm::CancelToken m_trainCancel;
    lm::CancelToken m_projectCancel;
    std::atomic<int> m_snapshotDims{2};
};
