#pragma once
// Trainer: the step loop shared by every model on the tape.
//
// One step: take a batch from the BatchSource (windows of the token stream for a language
// model), forward on a fresh tape, backward, clip the global gradient norm, set the scheduled
// learning rate, optimizer step. Progress goes
// to a TrainingObserver (no UI types); a CancelToken stops the loop between steps.
// Same seed and thread count give the same losses.
#include "core/cancel.h"
#include "core/optim.h"
#include "core/result.h"
#include "core/rng.h"
#include "models/languagemodel.h"
#include "models/objectivekind.h"
#include "models/routing.h"
#include "train/schedule.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lm {

struct Architecture;

struct TrainConfig {
    int steps = 500;
    int batch = 32;
    int seq = 32;            // T: tokens per training window
    float lr = 3e-3f;        // peak learning rate
    int warmup = -1;         // steps of linear warmup; -1 = 5% of steps
    float minLrRatio = 0.1f; // cosine floor, as a fraction of lr
    std::string optimizer = "adamw";
    float weightDecay = 0.01f;
    float clipNorm = 1.0f;   // 0 = no clipping
    std::uint64_t seed = 1;
    // Truncated BPTT: B parallel streams through the text instead of random windows, and the
    // model carries its recurrent state from one step to the next (TokenDataset::setSequential,
    // TrainableModel::setCarryState).
    bool sequential = false;
};

struct StepReport {
    int step = 0;              // 1-based count of steps done
    int totalSteps = 0;
    double loss = 0.0;
    double gradNorm = 0.0;     // before clipping
    double learningRate = 0.0; // used for this step
    double tokensPerSecond = 0.0; // B·T per step over the time of all steps so far
    std::int64_t liveBytes = 0;   // MemoryMeter after the step
    std::int64_t peakBytes = 0;   // MemoryMeter peak during the step
    // A mixture-of-experts model's routing in this step (each expert's load, the balancing loss),
    // from its table entry's `routing` hook; empty for every other model.
    std::optional<RoutingSummary> routing;
};

class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void onStep(const StepReport &report) = 0;
};

// An objective (DESIGN.md): where the trainer's batches come from and what its loss is. Each
// one builds TokenBatch's fields for its kind (engine/train/objectives/).
class Objective {
public:
    virtual ~Objective() = default;
    virtual ObjectiveKind kind() const = 0;
    // The next batch of `batch` rows; may advance the objective's own position.
    virtual TokenBatch next(Rng &rng, int batch) = 0;
    // The loss of `model` on one of these batches, recorded on the active tape: the model's own
    // loss() (mean cross-entropy over the targets that are not kIgnore; forecasting: mean squared
    // error) unless the objective says otherwise.
    virtual Tensor loss(TrainableModel &model, const TokenBatch &batch) { return model.loss(batch); }
};

// The causal-LM objective: the training text as one stream of token ids, cut into windows of
// seq + 1 tokens.
class TokenDataset final : public Objective {
public:
    // Error when the stream is shorter than seq + 1 tokens or seq < 1.
    static Result<TokenDataset> create(std::vector<std::int32_t> ids, int seq);

    // B random windows: inputs ids[s .. s+T), targets ids[s+1 .. s+T].
    TokenBatch sample(Rng &rng, int batch) const;
    // Sequential mode: row k of call i reads from s = k·(N/B) + i·T (mod N, wrapping to the start
    // of the text), so row k of one batch continues row k of the previous one, as truncated BPTT
    // needs. A different B starts the streams again at call 0.
    TokenBatch sequentialBatch(int batch);
    // sample() or sequentialBatch(), as setSequential chose (random by default).
    TokenBatch next(Rng &rng, int batch) override;
    ObjectiveKind kind() const override { return ObjectiveKind::CausalLm; }

    void setSequential(bool on);
    bool sequential() const { return m_sequential; }
    std::size_t size() const { return m_ids.size(); }
    int seq() const { return m_seq; }

private:
    std::vector<std::int32_t> m_ids;
    int m_seq = 0;
    bool m_sequential = false;
    int m_streamBatch = 0;        // B of the running streams
    std::uint64_t m_streamCall = 0; // i: batches taken since the streams started
};

class Trainer {
public:
    enum class Outcome { Finished, Cancelled, Diverged };

    // The model must outlive the trainer. Throws std::invalid_argument on a bad config
    // (non-positive steps/batch/lr, unknown optimizer, seq differing from the dataset's).
    // Sets the dataset's sequential mode and the model's carried state from config.sequential.
    Trainer(TrainableModel &model, TokenDataset data, const TrainConfig &config);
    // Any other objective (a TaggedDataset, ForecastWindows, MaskedLmObjective …): config.seq and
    // config.sequential are not used (the model's carried state stays off). Throws
    // std::invalid_argument on a null objective.
    Trainer(TrainableModel &model, std::unique_ptr<Objective> objective, const TrainConfig &config);
    const Objective &objective() const { return *m_source; }

    // One optimizer step; returns its report (also appended to history()). A step whose loss or
    // gradient is not finite leaves the weights as they were (no update) and sets divergence().
    StepReport step();
    // Steps until config.steps are done, the token is cancelled, or a step is not finite.
    Outcome run(const CancelToken &cancel, TrainingObserver *observer);

    int stepsDone() const { return m_step; }
    // Continues a run from a saved checkpoint: the next step is number stepsDone + 1, and the
    // learning-rate schedule carries on from there. (The optimizer's moments start afresh.)
    // Throws std::invalid_argument unless 0 <= stepsDone <= config.steps.
    void resumeAt(int stepsDone);
    bool finished() const { return m_step >= m_config.steps; }
    const TrainConfig &config() const { return m_config; }
    const std::vector<StepReport> &history() const { return m_history; }
    // Why the last non-finite step stopped: "the loss is not finite at step 12" or "the gradient of
    // h.0.attn.c_attn.weight is not finite at step 12", then "; the weights keep their last finite
    // values". Empty while every step was finite.
    const std::string &divergence() const { return m_divergence; }
    // The parameter whose gradient was not finite in that step; empty when the loss was.
    const std::string &divergedTensor() const { return m_divergedTensor; }

private:
    TrainableModel &m_model;
    std::unique_ptr<Objective> m_source;
    TrainConfig m_config;
    ParameterList m_params;
    std::unique_ptr<Optimizer> m_optimizer;
    WarmupCosine m_schedule;
    Rng m_rng;
    int m_step = 0;
    double m_seconds = 0.0;
    std::vector<StepReport> m_history;
    std::string m_divergence;
    std::string m_divergedTensor;
    const Architecture *m_family = nullptr;   // the model's table entry, when it reports routing
    const LanguageModel *m_routed = nullptr; // the model, as that entry's routing hook takes it
};

} // namespace lm
