#pragma once
// TranslationWorker: the Translation tab's encoder–decoder on a worker thread (DESIGN.md, "Threads
// in the app"). It opens a model (our .safetensors or a Hugging Face T5 / BART folder) or trains
// one: span-corruption pre-training (the table's first family with it) on both built-in corpora, then fine-tuning on the built-in
// pairs (English -> Traditional Chinese, or back) with the held-out chrF as it goes. It writes
// translations step by step (the beams, each step's cross-attention, the alignment of the final
// target), and damages text as each family's pre-training does (the corruption view). Requests
// come as queued calls; results go back as values; cancel() stops the running job.
#include "core/cancel.h"
#include "models/seq2seqdecoding.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

struct TranslatorRequest {
    QString modelPath;         // non-empty: open it; else train
    QString task = QStringLiteral("translate-en-zh"); // a builtinSeq2SeqTasks() name (base/corpora.h)
    int dim = 128, layers = 2, heads = 4;
    int vocabSize = 2000;      // the unigram tokenizer learnt on the task's corpus
    int pretrainSteps = 1500;  // span corruption on the task's pretrainCorpus
    int finetuneSteps = 3000;  // on the task's pairs
    int batch = 32, seq = 0;   // seq 0: the task's
    int evalEvery = 250;       // held-out chrF (greedy, 50 pairs) every so many fine-tuning steps
    bool compareScratch = true; // then the same model from random weights, trained on the pairs alike
    quint64 seed = 1;
};

struct TranslatorReady {
    QString origin;           // what the model is, for the learner
    QString arch;             // the family (the architecture table's name)
    double chrF = -1.0;       // held-out chrF (greedy, 100 pairs) when trained here; else −1
    double scratchChrF = -1.0; // the same for the model trained from scratch; −1 when not compared
    QString exampleSource;    // a held-out source to start from (trained here), else empty
};

struct BeamNode {
    QString token;         // the token this node added ("</s>" when the hypothesis ended)
    QString text;          // the whole hypothesis so far
    double score = 0.0;    // its log-probability (length-normalised once ended)
    int parent = -1;       // index among the previous step's live nodes
    bool ended = false;
};

struct TranslationShown {
    int generation = 0;
    QString output;                   // the best target as text
    QStringList sourceTokens;         // as the encoder read them
    QStringList targetTokens;         // the best target
    QVector<QVector<BeamNode>> steps; // per step, best first (live ones, then the ones that ended)
    QVector<QString> chosen;          // per step, the token the best live beam took
    QVector<QVector<float>> crossAtStep;  // per step, (Ts): the best prefix's cross-attention
    QVector<QVector<float>> alignment;    // (target tokens, Ts): the cross-attention that wrote each
    double logProb = 0.0;
};

struct CorruptionShown {
    QString family;                   // the architecture table's name
    bool spanCorruption = false;      // sentinels and spans (else infilling: masks, the whole text)
    QStringList original, input, target;
    // Per token of original, the span it belongs to (−1 none); of input and target likewise
    // (the sentinel or mask that stands for a span, and in T5's target the span's tokens).
    QVector<int> originalSpan, inputSpan, targetSpan;
    QVector<int> sentenceOrder;       // BART with permutation: the input's sentences; else empty
};

struct ChrFPoint {
    int step = 0;
    double chrF = 0.0;
    bool fromScratch = false; // the comparison run (random weights, no pre-training)
};

Q_DECLARE_METATYPE(TranslatorRequest)
Q_DECLARE_METATYPE(TranslatorReady)
Q_DECLARE_METATYPE(TranslationShown)
Q_DECLARE_METATYPE(CorruptionShown)
Q_DECLARE_METATYPE(ChrFPoint)
Q_DECLARE_METATYPE(lm::DecodingOptions)

class TranslationWorker final : public QObject {
    Q_OBJECT

public:
    explicit TranslationWorker(QObject *parent = nullptr);
    ~TranslationWorker() override;
    void cancel() { m_cancel.cancel(); } // thread-safe

public Q_SLOTS:
    // Emits progress() (and chrF() while fine-tuning), then ready() or failed() ("Stopped." when
    // cancelled).
    void prepare(const TranslatorRequest &request);
    // Emits translated() or failed() (no model yet, no tokens).
    void translate(const QString &text, const lm::DecodingOptions &options, int generation);
    // One damaged run of the built-in corpus of `language` ("en", "zh_TW") for `family` (its span
    // corruption, or text infilling with sentence permutation when `permute`), drawn
    // with `seed`. Emits corrupted() or failed().
    void corrupt(const QString &family, bool permute, const QString &language, quint64 seed);

Q_SIGNALS:
    void progress(const QString &message, double fraction); // fraction in [0, 1], or −1 unknown
    void chrF(const ChrFPoint &point);
    void ready(const TranslatorReady &result);
    void failed(const QString &message);
    void translated(const TranslationShown &result);
    void corrupted(const CorruptionShown &result);

public:
    // What this worker trained or opened (the model, its tokenizer and what it built on them),
    // handed to another worker so that it answers as this one would: a lesson's run goes on in
    // the tab. Take it from an idle worker on that worker's thread; the worker is left empty.
    // Adopt it on the receiving worker's thread (a null state is ignored).
    struct State;
    std::shared_ptr<State> takeState();
    void adoptState(std::shared_ptr<State> state);

private:
    lm::CancelToken m_cancel;
    std::shared_ptr<State> m_state;
};
