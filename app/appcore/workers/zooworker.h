#pragma once
// ZooWorker: the Compare tab's zoo on a worker thread (DESIGN.md, "Threads in the app"). It runs
// lm::runZoo (inspect/zoo.h) on a corpus with the tab's options, saves every trained model, and
// reads one sentence through each of them: the attention map of a chosen layer (or the implicit
// attention of a state-space layer, or the cosine similarity of a recurrent layer's hidden states),
// all on one scale from 0 to 1, and what the model predicts from it. Results are cached on disk
// per corpus and options (lm::zooJson's zoo.json beside each family's .safetensors), so reopening the same
// comparison is instant. Requests come as queued calls; results go back as values; cancel() stops
// the running zoo between stages.
#include "core/cancel.h"
#include "inspect/zoo.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <map>
#include <memory>

struct ZooJob {
    QString corpusSpec = QStringLiteral("builtin:en"); // base/corpora.h
    qint64 budgetParams = 200'000;
    int steps = 300;
    int layers = 2;
    bool translation = true; // train the encoder–decoders on the built-in English–Chinese pairs
    QStringList families;    // empty: every family of the table
    QString cacheRoot;       // where comparisons are cached (one folder each); empty: a temporary folder
    bool useCache = true;    // false: train again and replace the cached comparison
};

struct ZooOutcome {
    QVector<lm::ZooRow> rows;
    QVector<int> trainLengths, generationLengths; // what rows' memory columns were measured at
    bool fromCache = false;
    QString folder;          // where its zoo.json and models are
    double seconds = 0.0;    // to train and measure (0 from the cache)
    QString csv;             // lm::zooCsv of the rows
};

// What one family computes over the sentence.
struct SentenceReading {
    QString family;            // the table's name
    QString kind;              // "attention", "implicit", "similarity", or "" (no per-token map)
    QStringList tokens;        // T, as the model read them
    QVector<float> map;        // (T, T) row-major, every value in [0, 1]
    int layer = 0, layers = 0; // the layer shown, of how many
    QString prediction;        // "next: e 41 %, a 12 % …", "[MASK] = … ", "→ 貓在房間裡"
    QString error;             // empty on success
};

struct SentenceReadings {
    int generation = 0;
    QString text;
    QVector<SentenceReading> families; // in the table's order
};

Q_DECLARE_METATYPE(ZooJob)
Q_DECLARE_METATYPE(ZooOutcome)
Q_DECLARE_METATYPE(SentenceReadings)

// The folder a job's comparison is cached in: cacheRoot (or the temporary folder) / a name made
// from the corpus's text and every option, so a changed text or option never reads a stale one.
QString zooCacheFolder(const ZooJob &job, const std::string &corpusText);

// One sentence through `model`: tokens, the map of `layer` (clamped to the model's), the
// prediction. Never throws: a failure is the reading's error.
SentenceReading readSentence(lm::LanguageModel &model, const lm::Tokenizer &tokenizer, const QString &text, int layer);

class ZooWorker final : public QObject {
    Q_OBJECT

public:
    explicit ZooWorker(QObject *parent = nullptr);
    ~ZooWorker() override;
    void cancel() { m_cancel.cancel(); } // thread-safe

public Q_SLOTS:
    // Emits progress() lines, then finished() (from the cache when it holds this job) or failed().
    void run(const ZooJob &job);
    // Emits read() with one reading per family of the last finished() (loading the saved models
    // the first time), or failed() when no comparison is ready.
    void read(const QString &text, int layer, int generation);
    // Takes a comparison made elsewhere (another ZooWorker: its rows, and its models in
    // outcome.folder) as the last one, for read().
    void adopt(const ZooOutcome &outcome);

Q_SIGNALS:
    void progress(const QString &line, double fraction); // fraction in [0, 1]
    void finished(const ZooOutcome &outcome);
    void readingsReady(const SentenceReadings &readings);
    void failed(const QString &message);

private:
    lm::CancelToken m_cancel;
    QString m_folder;                  // of the last comparison
    QVector<lm::ZooRow> m_rows;
    struct Loaded;
    std::map<QString, std::shared_ptr<Loaded>> m_models; // family -> model and tokenizer, once read
};
