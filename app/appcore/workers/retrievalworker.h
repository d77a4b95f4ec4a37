#pragma once
// RetrievalWorker: sentence search on a worker thread (DESIGN.md, "Threads in the app"). It
// gets an encoder (the session's, a file or Hugging Face folder, or one it pre-trains with masked
// LM on the built-in retrieval set's sentences and the document corpus of that language), trains
// skip-gram word vectors on the same sentences, indexes a corpus three ways (encoder sentence
// vectors, averaged word vectors, TF-IDF), scores all three on the built-in query set, and
// answers searches. Requests come as queued calls; results go back as values; cancel() stops
// the running job at its next poll.
#include "base/sessionencoder.h"
#include "core/cancel.h"
#include "text/labelled.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <memory>

struct RetrievalRequest {
    enum class Source {
        Keep,    // the encoder already in use (only the pooling or the corpus changed)
        Session, // `session`, copied
        File,    // `modelPath`: our .safetensors or a Hugging Face BERT/ALBERT folder
        Train,   // pre-trained here with masked LM (the table's first bidirectional family)
    };
    Source source = Source::Train;
    std::shared_ptr<const EncoderSnapshot> session;
    QString modelPath;
    QString language = QStringLiteral("en"); // "en" or "zh_TW": the built-in set, its documents
    QString corpusPath;                      // empty: the built-in set's documents; else one sentence a line
    bool clsPooling = false;                 // false: the mean of the last layer
    // Train: the encoder's size and its masked-LM run.
    int dim = 64, layers = 2, heads = 4;
    int steps = 600, batch = 16, seq = 48;
    quint64 seed = 1;
    // Then (any source but Keep) this many steps of contrastive training on the built-in
    // paraphrase pairs of `language` (train/objectives/contrastive.h); 0: none. The encoder as
    // it was before is kept and scored too ("encoder_mlm").
    int contrastiveSteps = 0;
};

// recall@1, recall@5 and MRR of one method on the query set.
struct RetrievalScoreRow {
    QString method; // "encoder", "word2vec", "tfidf", and "encoder_mlm" (before the pairs) after contrastive training
    double recallAt1 = 0.0, recallAt5 = 0.0, mrr = 0.0;
};

struct RetrievalReady {
    QString encoderOrigin;   // what the encoder is, for the learner
    QString evaluationSpec;  // "builtin:retrieval_en"
    int corpusSentences = 0; // sentences indexed
    int queries = 0;         // queries scored
    int vocabulary = 0;      // word2vec words
    bool clsPooling = false;
    QVector<RetrievalScoreRow> scores; // encoder, word2vec, tfidf[, encoder_mlm]
    bool contrastive = false;          // the encoder was trained on paraphrase pairs
    // The encoder when it was trained or opened by this request (for the session), else null.
    std::shared_ptr<const EncoderSnapshot> newEncoder;
};

struct SearchHit {
    int index = 0;
    float score = 0.0f; // cosine
    QString text;
};

struct SearchResult {
    QString query;
    int generation = 0; // echoed, so the view can drop stale answers
    QVector<SearchHit> encoder, wordVectors, tfidf; // best first, k each
};

Q_DECLARE_METATYPE(RetrievalRequest)
Q_DECLARE_METATYPE(RetrievalReady)
Q_DECLARE_METATYPE(SearchResult)

class RetrievalWorker final : public QObject {
    Q_OBJECT

public:
    explicit RetrievalWorker(QObject *parent = nullptr);
    ~RetrievalWorker() override;
    void cancel() { m_cancel.cancel(); } // thread-safe

public Q_SLOTS:
    // Emits progress() along the way, then ready() or failed() ("Stopped." when cancelled).
    void prepare(const RetrievalRequest &request);
    // The k nearest corpus sentences by each method; failed() before prepare() succeeded.
    void search(const QString &query, int k, int generation);

Q_SIGNALS:
    void progress(const QString &message, double fraction); // fraction in [0, 1], or −1 unknown
    void ready(const RetrievalReady &result);
    void failed(const QString &message);
    void found(const SearchResult &result);

public:
    // What this worker trained or opened (the model, its tokenizer and what it built on them),
    // handed to another worker so that it answers as this one would: a lesson's run goes on in
    // the tab. Take it from an idle worker on that worker's thread; the worker is left empty.
    // Adopt it on the receiving worker's thread (a null state is ignored).
    struct State;
    std::shared_ptr<State> takeState();
    void adoptState(std::shared_ptr<State> state);

private:
    QString obtainEncoder(const RetrievalRequest &r, const std::vector<std::string> &trainingSentences,
                          const std::string &documents, std::shared_ptr<const EncoderSnapshot> *published);
    QString trainOnPairs(const RetrievalRequest &r, const std::vector<lm::SentencePair> &pairs);
    QString trainWordVectors(const std::vector<std::string> &sentences, const std::string &documents);

    lm::CancelToken m_cancel;
    std::shared_ptr<State> m_state;
};
