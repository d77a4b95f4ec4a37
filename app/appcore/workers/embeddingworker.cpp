#include "workers/embeddingworker.h"

#include "base/corpora.h"
#include "embed/embedmethod.h"
#include "embed/wordcorpus.h"
#include "inspect/projection.h"

#include <QElapsedTimer>

#include <chrono>

namespace {

// Forwards engine progress to the worker's signals; takes a snapshot about twice a second.
class SnapshotObserver final : public lm::EmbedObserver {
public:
    SnapshotObserver(EmbeddingWorker *worker, int words, int dims) : m_worker(worker), m_words(words), m_dims(dims) {}

    void onProgress(const lm::EmbedProgress &p) override
    {
        m_last = p;
        Q_EMIT m_worker->progress(p);
    }
    bool wantsSnapshot() override
    {
        const auto now = std::chrono::steady_clock::now();
        if (now - m_lastSnapshot < std::chrono::milliseconds(400))
            return false;
        m_lastSnapshot = now;
        return true;
    }
    int snapshotWords() const override { return m_words; }
    void onSnapshot(const lm::WordVectors &current) override
    {
        if (current.size() < 2 || current.dim < m_dims)
            return;
        EmbeddingSnapshot s;
        for (const auto &w : current.words)
            s.words << QString::fromStdString(w);
        const lm::Projection p = lm::pca(current.data.data(), current.size(), current.dim, m_dims);
        s.points = QVector<float>(p.points.begin(), p.points.end());
        s.dims = m_dims;
        s.progress = m_last;
        Q_EMIT m_worker->snapshot(s);
    }

private:
    EmbeddingWorker *m_worker;
    int m_words, m_dims;
    lm::EmbedProgress m_last;
    std::chrono::steady_clock::time_point m_lastSnapshot{};
};

} // namespace

EmbeddingWorker::EmbeddingWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<EmbeddingRequest>();
    qRegisterMetaType<EmbeddingSnapshot>();
    qRegisterMetaType<TrainedEmbedding>();
    qRegisterMetaType<ProjectionRequest>();
    qRegisterMetaType<lm::EmbedProgress>();
}

void EmbeddingWorker::train(const EmbeddingRequest &r)
{
    m_trainCancel.reset();
    QElapsedTimer timer;
    timer.start();
    auto corpus = loadCorpusSpec(r.corpusSpec);
    if (!corpus) {
        Q_EMIT trainingFailed(QString::fromStdString(corpus.error()));
        return;
    }
    lm::WordCorpusOptions copts;
    copts.minCount = r.minCount;
    copts.unit = r.characters ? lm::TokenUnit::Characters : lm::TokenUnit::Words;
    auto wc = lm::buildWordCorpus(r.normalize ? lm::normalizeWordText(corpus.value().text) : corpus.value().text, copts);
    if (!wc) {
        Q_EMIT trainingFailed(QString::fromStdString(wc.error()));
        return;
    }
    SnapshotObserver observer(this, r.snapshotWords, m_snapshotDims.load());
    TrainedEmbedding result;
    result.method = r.method;
    std::string error;
    try {
        const auto method = lm::parseEmbedMethod(r.method.toStdString());
        if (!method)
            throw std::invalid_argument("unknown word-vector method '" + r.method.toStdString() + "'");
        lm::EmbedOptions o = lm::embedDefaults(*method);
        o.dim = r.dim;
        o.window = r.window;
        o.epochs = r.epochs;
        o.threads = r.threads;
        o.seed = r.seed;
        o.xMax = 10.0; // GloVe: small corpora
        auto trained = lm::trainWordVectors(wc.value(), o, m_trainCancel, &observer);
        if (trained) {
            result.vectors = std::make_shared<const lm::WordVectors>(std::move(trained.value().vectors));
            if (trained.value().subwords)
                result.subwords = std::make_shared<const lm::FastTextModel>(std::move(*trained.value().subwords));
        } else {
            error = trained.error();
        }
    } catch (const std::exception &e) {
        error = e.what();
    }
    if (!result.vectors) {
        Q_EMIT trainingFailed(m_trainCancel.isCancelled() ? tr("Stopped.") : QString::fromStdString(error));
        return;
    }
    result.seconds = timer.elapsed() / 1000.0;
    Q_EMIT trained(result);
}

void EmbeddingWorker::project(const ProjectionRequest &r)
{
    m_projectCancel.reset();
    if (!r.vectors || r.vectors->size() < 3) {
        Q_EMIT projectionFailed(r.generation, tr("Train some word vectors first."));
        return;
    }
    const int n = std::min(r.count, int(r.vectors->size()));
    const float *data = r.vectors->data.data();
    try {
        if (r.method == QStringLiteral("tsne")) {
            lm::TsneOptions o;
            o.dims = r.dims;
            o.perplexity = std::min(r.perplexity, (n - 1) / 3.0);
            o.iterations = r.iterations;
            o.threads = r.threads;
            o.seed = r.seed;
            auto p = lm::tsne(data, n, r.vectors->dim, o, m_projectCancel, [&](int iteration, const std::vector<float> &y) {
                Q_EMIT projectionProgress(r.generation, iteration, QVector<float>(y.begin(), y.end()), r.dims);
            });
            if (!p) {
                Q_EMIT projectionFailed(r.generation, QString::fromStdString(p.error()));
                return;
            }
            Q_EMIT projected(r.generation, QVector<float>(p.value().points.begin(), p.value().points.end()), r.dims, {});
        } else {
            const lm::Projection p = lm::pca(data, n, r.vectors->dim, r.dims);
            Q_EMIT projected(r.generation, QVector<float>(p.points.begin(), p.points.end()), r.dims,
                             QVector<double>(p.explainedVariance.begin(), p.explainedVariance.end()));
        }
    } catch (const std::exception &e) {
        Q_EMIT projectionFailed(r.generation, QString::fromUtf8(e.what()));
    }
}
