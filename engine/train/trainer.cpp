#include "train/trainer.h"

#include <algorithm>

#include "core/memorymeter.h"
#include "core/tape.h"
#include "models/architecture.h"

#include <cmath>
#include <stdexcept>

namespace lm {

Result<TokenDataset> TokenDataset::create(std::vector<std::int32_t> ids, int seq)
{
    if (seq < 1)
        return makeError("sequence length must be at least 1, got " + std::to_string(seq));
    if (ids.size() < static_cast<std::size_t>(seq) + 1)
        return makeError("the text has " + std::to_string(ids.size()) + " tokens; a window of " + std::to_string(seq) +
                         " needs at least " + std::to_string(seq + 1));
    TokenDataset d;
    d.m_ids = std::move(ids);
    d.m_seq = seq;
    return d;
}

TokenBatch TokenDataset::sample(Rng &rng, int batch) const
{
    TokenBatch b;
    b.batch = batch;
    b.time = m_seq;
    b.inputs.resize(static_cast<std::size_t>(batch) * m_seq);
    b.targets.resize(b.inputs.size());
    const std::uint64_t starts = m_ids.size() - static_cast<std::size_t>(m_seq); // >= 1
    for (int i = 0; i < batch; ++i) {
        const auto s = static_cast<std::size_t>(rng.below(starts));
        std::copy_n(m_ids.begin() + static_cast<std::ptrdiff_t>(s), m_seq, b.inputs.begin() + i * m_seq);
        std::copy_n(m_ids.begin() + static_cast<std::ptrdiff_t>(s + 1), m_seq, b.targets.begin() + i * m_seq);
    }
    return b;
}

void TokenDataset::setSequential(bool on)
{
    m_sequential = on;
    m_streamBatch = 0;
    m_streamCall = 0;
}

TokenBatch TokenDataset::sequentialBatch(int batch)
{
    if (batch != m_streamBatch) {
        m_streamBatch = batch;
        m_streamCall = 0;
    }
    TokenBatch b;
    b.batch = batch;
    b.time = m_seq;
    b.inputs.resize(static_cast<std::size_t>(batch) * m_seq);
    b.targets.resize(b.inputs.size());
    const std::uint64_t n = m_ids.size(), stride = n / static_cast<std::uint64_t>(batch);
    for (int k = 0; k < batch; ++k) {
        const std::uint64_t s = (k * stride + (m_streamCall % n) * static_cast<std::uint64_t>(m_seq)) % n;
        for (int t = 0; t < m_seq; ++t) {
            b.inputs[static_cast<std::size_t>(k * m_seq + t)] = m_ids[(s + t) % n];
            b.targets[static_cast<std::size_t>(k * m_seq + t)] = m_ids[(s + t + 1) % n];
        }
    }
    ++m_streamCall;
    return b;
}

TokenBatch TokenDataset::next(Rng &rng, int batch) { return m_sequential ? sequentialBatch(batch) : sample(rng, batch); }

Trainer::Trainer(TrainableModel &model, TokenDataset data, const TrainConfig &config)
    : Trainer(model, std::make_unique<TokenDataset>(std::move(data)), config)
{
    auto &dataset = static_cast<TokenDataset &>(*m_source);
    if (config.seq != dataset.seq())
        throw std::invalid_argument("Trainer: config seq " + std::to_string(config.seq) + " differs from the dataset's " +
                                    std::to_string(dataset.seq()));
    dataset.setSequential(config.sequential);
    m_model.resetState();
    m_model.setCarryState(config.sequential);
}

Trainer::Trainer(TrainableModel &model, std::unique_ptr<Objective> source, const TrainConfig &config)
    : m_model(model), m_source(std::move(source)), m_config(config), m_params(model.parameters()), m_rng(config.seed)
{
    if (!m_source)
        throw std::invalid_argument("Trainer: no batch source");
    if (config.steps < 1 || config.batch < 1 || !(config.lr > 0.0f) || !std::isfinite(config.lr))
        throw std::invalid_argument("Trainer: steps, batch and lr must be positive");
    m_optimizer = makeOptimizer(config.optimizer, m_params, config.lr, config.weightDecay);
    m_schedule.peak = config.lr;
    m_schedule.warmup = config.warmup >= 0 ? config.warmup : config.steps / 20;
    m_schedule.total = config.steps;
    m_schedule.minRatio = config.minLrRatio;
    if (const auto *language = dynamic_cast<const LanguageModel *>(&model))
        if (const Architecture *family = findArchitecture(language->arch()); family && family->routing) {
            m_family = family;
            m_routed = language;
        }
}

void Trainer::resumeAt(int stepsDone)
{
    if (stepsDone < 0 || stepsDone > m_config.steps)
        throw std::invalid_argument("Trainer::resumeAt: step " + std::to_string(stepsDone) + " is outside 0.." +
                                    std::to_string(m_config.steps));
    m_step = stepsDone;
}

StepReport Trainer::step()
{
    const auto start = std::chrono::steady_clock::now();
    MemoryMeter::resetPeak();
    const TokenBatch batch = m_source->next(m_rng, m_config.batch);
    m_optimizer->zeroGrad();
    Tape tape;
    float lossValue;
    {
        TapeScope scope(tape);
        Tensor loss = m_source->loss(m_model, batch);
        lossValue = loss.item();
        tape.backward(loss);
    }
    StepReport r;
    r.gradNorm = clipGradNorm(m_params, m_config.clipNorm);
    r.learningRate = m_schedule.at(m_step);
    m_optimizer->setLearningRate(static_cast<float>(r.learningRate));
    if (std::isfinite(lossValue) && std::isfinite(r.gradNorm)) {
        m_optimizer->step();
    } else { // never let a non-finite gradient into the weights; say where it appeared
        m_divergedTensor.clear();
        if (std::isfinite(lossValue))
            for (const NamedParameter &p : m_params) {
                const float *g = p.tensor.gradOrNull();
                if (g && !std::all_of(g, g + p.tensor.numel(), [](float v) { return std::isfinite(v); })) {
                    m_divergedTensor = p.name;
                    break;
                }
            }
        m_divergence = (m_divergedTensor.empty() ? std::string("the loss") : "the gradient of " + m_divergedTensor) +
                       " is not finite at step " + std::to_string(m_step + 1) +
                       "; the weights keep their last finite values";
    }
    ++m_step;
    m_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.step = m_step;
    r.totalSteps = m_config.steps;
    r.loss = lossValue;
    r.tokensPerSecond = m_seconds > 0 ? static_cast<double>(m_step) * batch.batch * batch.time / m_seconds : 0.0;
    r.liveBytes = MemoryMeter::liveBytes();
    r.peakBytes = MemoryMeter::peakBytes();
    if (m_family)
        if (auto routed = m_family->routing(*m_routed); routed && !routed.value().layers.empty())
            r.routing = std::move(routed).value();
    m_history.push_back(r);
    return r;
}

Trainer::Outcome Trainer::run(const CancelToken &cancel, TrainingObserver *observer)
{
    while (!finished()) {
        if (cancel.isCancelled())
            return Outcome::Cancelled;
        const StepReport r = step();
        if (observer)
            observer->onStep(r);
        if (!std::isfinite(r.loss) || !std::isfinite(r.gradNorm))
            return Outcome::Diverged; // step() said why in m_divergence
    }
    return Outcome::Finished;
}

} // namespace lm
