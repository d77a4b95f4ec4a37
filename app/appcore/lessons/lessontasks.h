#pragma once
// The lesson actions that run the Encoders, Word vectors, Sentence search, Translation and Compare
// tabs' own workers: encoder pre-training (masked words, NSP or SOP), fine-tuning against training
// from scratch, one word's contextual vectors, sentence retrieval, an encoder–decoder learning to
// translate, writing greedily and by beam search, and damaging text as its pre-training does, and
// families trained side by side (the zoo).
// A lesson session calls a worker's slot directly on its own thread and records every signal
// the worker emits; the app's lesson presenter replays the record into the tab that owns such a
// worker, so the learner sees the lesson's run exactly as if they had started it there.
//
// The judges compare two measured things (a fine-tuned encoder against one trained from scratch,
// the encoder's recall against averaged word vectors, beam search against greedy search …), so
// a check fails when the model or the pipeline behind it is broken; tst_lessontasks hands them
// broken inputs.
#include "lessons/lesson.h"

#include "core/cancel.h"
#include "workers/contextualworker.h"
#include "workers/encoderjobs.h"
#include "workers/retrievalworker.h"
#include "workers/translationworker.h"
#include "workers/zooworker.h"

#include <nlohmann/json.hpp>

#include <QVector>

#include <limits>
#include <memory>
#include <string>
#include <vector>

struct CheckOutcome;

// A `pretrain` action: what the pre-training page's worker emitted, in order.
struct LessonPretraining {
    PretrainRequest request;
    QString summary;               // started()
    QVector<PretrainScore> scores; // scored(), step 0 first
    MaskedBatch batch;             // the last batchShown()
    PretrainResult result;         // finished()
    long long parameters = 0;      // the encoder's
    // With a pair task: how often a rule that reads only topic gets its pairs right
    // (topicRuleAccuracy on 512 fresh pairs of the same documents); NaN without one.
    double topicRule = std::numeric_limits<double>::quiet_NaN();
};

// A `finetune` action: the fine-tuning page's worker, from the last pre-trained encoder and
// (when compared) from scratch.
struct LessonFinetuning {
    FinetuneRequest request;
    QString summary;
    QVector<FinetuneProgress> progress;
    QVector<FinetuneEval> evals;
    QVector<FinetuneResult> runs; // runFinished(), the pre-trained run first
    double metric(FinetuneRun run) const; // the run's test metric; NaN when it did not run
};

// A `contextual` action: one word in several sentences through the last pre-trained encoder,
// beside its one vector from the last `embed` (when it has the word).
struct LessonContextual {
    ContextualRequest request;
    ContextualResult result;
    bool hasStatic = false; // the word vectors knew the word
};

// A `retrieve` action: the built-in query set scored three ways (the encoder, averaged word2vec,
// TF-IDF), and after contrastive training the encoder before it too.
struct LessonRetrieval {
    RetrievalRequest request;
    RetrievalReady ready;
    double recall(const QString &method, int k) const; // k 1 or 5; NaN for a method not scored
    // The worker's index and encoder, for the Sentence search tab to search with (adopted once).
    std::shared_ptr<RetrievalWorker::State> state;
};

// A `translate` action: a small encoder–decoder pre-trained on the task's corpus, fine-tuned on
// its pairs (and, compared, the same model from random weights), then one held-out source
// written greedily and by beam search (no length adjustment: both by log-probability).
struct LessonTranslation {
    TranslatorRequest request;
    QVector<ChrFPoint> points;
    TranslatorReady ready;
    QString source;                // what both wrote from: the step's, or a held-out source
    TranslationShown greedy, beam; // beam 1 and beam `beamWidth`
    int beamWidth = 4;
    // The worker's trained model, for the Translation tab to go on with (adopted once).
    std::shared_ptr<TranslationWorker::State> state;
};

// A `corrupt` action: one damaged text of the built-in corpus per family named, as each
// family's pre-training damages it.
struct LessonCorruption {
    QVector<CorruptionShown> shown; // in the order asked
};

// A `zoo` action: the families named trained side by side at one budget (the Compare tab's zoo),
// their models saved in outcome.folder.
struct LessonZoo {
    ZooJob job;
    ZooOutcome outcome;
};

// Runs the action `kind` (pretrain, finetune, contextual, retrieve, translate, corrupt, zoo) with its
// validated `args`. Throws std::runtime_error with the worker's message when it fails (or
// "cancelled"). `pretrained` is the encoder a fine-tuning or contextual action reads; `wordVector`
// gives the last embed's vector of a word (empty without one).
std::shared_ptr<LessonPretraining> runPretrainAction(const nlohmann::json &args, const lm::CancelToken *cancel);
std::shared_ptr<LessonFinetuning> runFinetuneAction(const nlohmann::json &args, const EncoderHandle &pretrained,
                                                    const lm::CancelToken *cancel);
std::shared_ptr<LessonContextual> runContextualAction(const nlohmann::json &args, const EncoderHandle &pretrained,
                                                      const std::vector<float> &staticVector);
std::shared_ptr<LessonRetrieval> runRetrieveAction(const nlohmann::json &args, const lm::CancelToken *cancel);
std::shared_ptr<LessonTranslation> runTranslateAction(const nlohmann::json &args, const lm::CancelToken *cancel);
std::shared_ptr<LessonCorruption> runCorruptAction(const nlohmann::json &args);
std::shared_ptr<LessonZoo> runZooAction(const nlohmann::json &args, const lm::CancelToken *cancel);

// A rule that reads only topic: a pair whose two segments share more of their distinct tokens
// (|A ∩ B| / min(|A|, |B|), `ignored` tokens left out) than the batch's median is called a pair
// that belongs together (label 0), one that shares less is not (label 1), a tie counts half.
// Returns its accuracy on the labelled pair rows of `batch` (masked positions read back from the
// targets), NaN without labels. Topic tells an NSP pair from a stranger's; a swapped SOP pair
// keeps every word, so on SOP pairs the rule is at chance.
double topicRuleAccuracy(const lm::TokenBatch &batch, const std::vector<std::int32_t> &ignored);

// ---- judges ------------------------------------------------------------------------------------

// Passes when the masked-word accuracy at the end of `run` beats the untrained encoder's (step 0)
// by at least `minGain`.
CheckOutcome judgeMaskedWordsLearnt(const LessonPretraining &run, double minGain);
// Passes when the topic rule gets the NSP run's pairs right more often than the SOP run's, by at
// least `margin`: topic alone solves NSP, not SOP.
CheckOutcome judgeTopicSolvesNsp(const LessonPretraining &nsp, const LessonPretraining &sop, double margin);
// Passes when the SOP-trained head orders SOP pairs better than the NSP-trained head does (its
// score on the other task's pairs), by at least `margin`: order was learnt, not topic.
CheckOutcome judgeSopHeadReadsOrder(const LessonPretraining &sop, const LessonPretraining &nsp, double margin);
// Passes when `smaller` has fewer parameters than `larger`, at most `maxShare` of them.
CheckOutcome judgeFewerParameters(const LessonPretraining &smaller, const LessonPretraining &larger, double maxShare);
// Passes when the fine-tuned encoder's test metric beats the one trained from scratch by at least
// `margin` and reaches `min`.
CheckOutcome judgePretrainedBeatsScratch(const LessonFinetuning &run, double margin, double min);
// Passes when the contextual vectors of one word differ between sentences (the smallest cosine
// between two of them is below `maxCosine`) while the static vector is one and the same.
CheckOutcome judgeContextualDiffers(const LessonContextual &run, double maxCosine);
// Passes when method `better`'s recall@k beats `worse`'s.
CheckOutcome judgeRetrieval(const LessonRetrieval &run, const QString &better, const QString &worse, int k);
// Passes when the pre-trained model's held-out chrF beats the one trained from scratch by at
// least `margin`.
CheckOutcome judgeTranslationPretraining(const LessonTranslation &run, double margin);
// Passes when beam search found a target at least as likely as greedy search's (log-probability,
// within 1e-6) and both wrote something.
CheckOutcome judgeBeamAtLeastGreedy(const LessonTranslation &run);
// Passes when every row of the cross-attention that wrote the target sums to 1 and the rows put
// on average at least `factor` times the uniform share 1/Ts on their strongest source token.
CheckOutcome judgeCrossAttentionAligns(const LessonTranslation &run, double factor);
// Passes when the span-corruption sample's target holds only the dropped spans (shorter than the
// original, starting with a sentinel), while the infilling sample's target is the whole original
// and its input has no more tokens than the span-corruption input per dropped span.
CheckOutcome judgeCorruptionKinds(const LessonCorruption &run);
// Passes when every family of `flat` needs less generation memory at the longest context measured
// than `growing` does (RWKV and Mamba carry a fixed state; a Transformer's cache grows).
CheckOutcome judgeGenerationMemory(const LessonZoo &run, const QStringList &flat, const QString &growing);
