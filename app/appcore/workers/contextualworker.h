#pragma once
// ContextualWorker: one word in several sentences, read by an encoder on a worker thread. Each
// sentence gives the word its own vector (the encoder's last layer at the word, its pieces
// averaged: workers/encoderreading.h); the result carries them, their cosine matrix and their
// 2-D PCA, beside the one vector a static embedding (word2vec) gives the word in every
// sentence. Also opens an encoder from a file or folder for the session.
#include "base/sessionencoder.h"

#include <QObject>
#include <QStringList>
#include <QVector>

#include <memory>
#include <vector>

struct ContextualRequest {
    QString word;
    QStringList sentences;     // the learner's; ignored when fromCorpus
    bool fromCorpus = false;   // take sentences holding the word from corpusSpec instead
    QString corpusSpec;        // base/corpora.h
    int maxSentences = 6;      // from the corpus
    std::shared_ptr<const EncoderSnapshot> encoder; // required
    std::vector<float> staticVector; // the word's word2vec vector; empty when there is none
    int generation = 0;        // echoed back
};

struct ContextualResult {
    int generation = 0;
    QString word;
    QString encoderOrigin;
    QStringList sentences;      // N: those that hold the word, in order
    QStringList skipped;        // sentences given that do not hold it (as the tokenizer reads them)
    QVector<QVector<float>> vectors; // (N, H): one contextual vector per sentence
    QVector<float> cosines;     // (N, N) row-major
    QVector<float> points;      // (N, 2): PCA of the contextual vectors
    QVector<float> staticPoint; // (2): where the N copies of the static vector fall in their own PCA (the origin); empty without one
    double explained = 0.0;     // share of the contextual vectors' variance the two components keep
};

Q_DECLARE_METATYPE(ContextualRequest)
Q_DECLARE_METATYPE(ContextualResult)

class ContextualWorker final : public QObject {
    Q_OBJECT

public:
    explicit ContextualWorker(QObject *parent = nullptr);
    ~ContextualWorker() override;

public Q_SLOTS:
    // Emits computed() or failed(generation, message). Fewer than two sentences holding the word
    // is a failure (a comparison needs two).
    void compute(const ContextualRequest &request);
    // Reads our .safetensors or a Hugging Face folder; emits opened() with the encoder (to publish
    // for the session) or failed(-1, message).
    void open(const QString &path);

Q_SIGNALS:
    void computed(const ContextualResult &result);
    void opened(std::shared_ptr<const EncoderSnapshot> encoder);
    void failed(int generation, const QString &message);

private:
    std::shared_ptr<const EncoderSnapshot> m_source; // what m_copy was cloned from
    EncoderCopy m_copy;
};
