#include "inspect/memoryprofile.h"

#include "core/memorymeter.h"
#include "core/optim.h"
#include "core/rng.h"
#include "core/tape.h"
#include "models/architecture.h"
#include "models/seq2seqmodel.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

namespace lm {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// (batch, T) random next-token examples over the model's vocabulary.
std::vector<std::int32_t> randomIds(std::size_t n, int vocab, Rng &rng)
{
    std::vector<std::int32_t> ids(n);
    for (std::int32_t &id : ids)
        id = static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(vocab)));
    return ids;
}

// An encoder–decoder reads a source of T tokens and a decoder input of T tokens.
TokenBatch randomBatch(int batch, int T, int vocab, Rng &rng, bool encoderDecoder)
{
    TokenBatch b;
    b.batch = batch;
    b.time = T;
    const auto n = static_cast<std::size_t>(batch) * static_cast<std::size_t>(T);
    b.inputs.resize(n);
    b.targets.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        b.inputs[i] = static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(vocab)));
        b.targets[i] = static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(vocab)));
    }
    if (encoderDecoder) {
        b.decoderTime = T;
        b.decoderInputs = randomIds(n, vocab, rng);
    }
    return b;
}

// Infer for an encoder–decoder: the encoder reads `batch` random sources of T tokens (its peak is
// prefill's, so the measurement starts after it, with its output alive); then the decoder writes T
// tokens greedily for all rows at once with its caches.
Result<MemoryMeasurement> measureGeneration(Seq2SeqModel &model, MemoryMeasurement m, std::int64_t base, int batch,
                                            int seqLen, Rng &rng, const CancelToken *cancel)
{
    NoGradScope noGrad;
    const auto n = static_cast<std::size_t>(batch) * static_cast<std::size_t>(seqLen);
    std::vector<std::int32_t> tokens(static_cast<std::size_t>(batch), model.decoderStart());
    const Seq2SeqInput source{batch, seqLen, randomIds(n, model.vocabSize(), rng), {}, 1, tokens};
    const Tensor encoded = model.encode(source);
    DecoderCache cache;
    const auto start = Clock::now();
    MemoryMeter::resetPeak();
    Tensor logits;
    for (int t = 0; t < seqLen; ++t) {
        if ((t & 63) == 63 && cancel && cancel->isCancelled())
            return makeError("cancelled");
        logits = model.decodeStep(tokens, encoded, {}, cache);
        const std::int64_t V = logits.size(1);
        for (int b = 0; b < batch; ++b) {
            const float *row = logits.data() + static_cast<std::int64_t>(b) * V;
            tokens[static_cast<std::size_t>(b)] = static_cast<std::int32_t>(std::max_element(row, row + V) - row);
        }
    }
    m.seconds = secondsSince(start);
    m.runBytes = MemoryMeter::peakBytes() - base;
    return m;
}

} // namespace

std::string memoryModeName(MemoryMode mode)
{
    switch (mode) {
    case MemoryMode::Train: return "train";
    case MemoryMode::Prefill: return "prefill";
    case MemoryMode::Infer: return "infer";
    }
    return "train";
}

std::optional<MemoryMode> memoryModeFromName(const std::string &name)
{
    if (name == "train")
        return MemoryMode::Train;
    if (name == "prefill")
        return MemoryMode::Prefill;
    if (name == "infer")
        return MemoryMode::Infer;
    return std::nullopt;
}

namespace {

Result<MemoryMeasurement> measure(const nlohmann::json &config, MemoryMode mode, int batch, int seqLen,
                                  const CancelToken *cancel)
{
    constexpr int kMax = 1 << 20;
    if (batch < 1 || batch > kMax || seqLen < 1 || seqLen > kMax)
        return makeError("batch and sequence length must be between 1 and " + std::to_string(kMax) + ", got " +
                         std::to_string(batch) + " and " + std::to_string(seqLen));
    const auto cancelled = [cancel] { return cancel && cancel->isCancelled(); };
    const std::int64_t before = MemoryMeter::liveBytes();
    auto built = createModel(config, 1);
    if (!built)
        return makeError(built.error());
    LanguageModel &model = *built.value();
    MemoryMeasurement m;
    m.weightBytes = MemoryMeter::liveBytes() - before;
    const std::int64_t base = before + m.weightBytes;
    Rng rng(7);
    auto *seq2seq = dynamic_cast<Seq2SeqModel *>(&model);

    if (mode == MemoryMode::Train) {
        const ParameterList params = model.parameters();
        auto optimizer = makeOptimizer("adamw", params, 1e-4f, 0.01f);
        const TokenBatch data = randomBatch(batch, seqLen, model.vocabSize(), rng, seq2seq != nullptr);
        for (int step = 0; step < 2; ++step) { // the first step creates the optimizer state
            if (cancelled())
                return makeError("cancelled");
            const auto start = Clock::now();
            MemoryMeter::resetPeak();
            optimizer->zeroGrad();
            Tape tape;
            {
                TapeScope scope(tape);
                tape.backward(model.loss(data));
            }
            optimizer->step();
            m.seconds = secondsSince(start);
            m.runBytes = MemoryMeter::peakBytes() - base;
        }
        return m;
    }
    if (mode == MemoryMode::Prefill) {
        const TokenBatch data = randomBatch(batch, seqLen, model.vocabSize(), rng, seq2seq != nullptr);
        const auto start = Clock::now();
        MemoryMeter::resetPeak();
        {
            NoGradScope noGrad;
            (void)model.loss(data);
        }
        m.seconds = secondsSince(start);
        m.runBytes = MemoryMeter::peakBytes() - base;
        return m;
    }
    if (seq2seq)
        return measureGeneration(*seq2seq, m, base, batch, seqLen, rng, cancel);
    // Infer: `batch` sequences decoded side by side, greedily, from one random token each. The
    // interface decodes one context per model, so each sequence gets its own copy of the model
    // (same seed, same weights), and the copies' weights are counted out like the first's.
    std::vector<std::unique_ptr<LanguageModel>> copies;
    for (int b = 1; b < batch; ++b) {
        auto copy = createModel(config, 1);
        if (!copy)
            return makeError(copy.error());
        copies.push_back(std::move(copy).value());
    }
    std::vector<LanguageModel *> models{&model};
    for (auto &c : copies)
        models.push_back(c.get());
    const std::int64_t allWeights = before + static_cast<std::int64_t>(models.size()) * m.weightBytes;
    std::vector<std::vector<std::int32_t>> contexts(models.size());
    for (std::size_t b = 0; b < models.size(); ++b) {
        models[b]->resetState();
        contexts[b] = {static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(model.vocabSize())))};
        contexts[b].reserve(static_cast<std::size_t>(seqLen) + 1);
    }
    const auto start = Clock::now();
    MemoryMeter::resetPeak();
    {
        NoGradScope noGrad;
        for (int t = 1; t <= seqLen; ++t) {
            if ((t & 63) == 0 && cancelled())
                return makeError("cancelled");
            for (std::size_t b = 0; b < models.size(); ++b) { // every sequence one token further
                const Tensor logits = models[b]->nextTokenLogits(contexts[b]);
                const float *p = logits.data();
                std::int32_t best = 0;
                for (std::int64_t i = 1; i < logits.numel(); ++i)
                    if (p[i] > p[best])
                        best = static_cast<std::int32_t>(i);
                contexts[b].push_back(best);
            }
        }
    }
    m.seconds = secondsSince(start);
    m.runBytes = MemoryMeter::peakBytes() - allWeights;
    for (LanguageModel *each : models)
        each->resetState();
    return m;
}

} // namespace

Result<MemoryMeasurement> measureMemory(const nlohmann::json &config, MemoryMode mode, int batch, int seqLen,
                                        const CancelToken *cancel)
{
    try {
        return measure(config, mode, batch, seqLen, cancel);
    } catch (const std::bad_alloc &) {
        return makeError("out of memory at length " + std::to_string(seqLen));
    } catch (const std::exception &e) { // a model refusing the shape (e.g. T beyond gpt's max_seq)
        return makeError(e.what());
    }
}

double logLogSlope(double x1, double y1, double x2, double y2)
{
    if (!(x1 > 0 && y1 > 0 && x2 > 0 && y2 > 0) || x1 == x2)
        return std::numeric_limits<double>::quiet_NaN();
    return std::log(y2 / y1) / std::log(x2 / x1);
}

} // namespace lm
