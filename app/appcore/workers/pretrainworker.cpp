#include "workers/pretrainworker.h"

#include "base/corpora.h"
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"
#include "train/objectives/pretraining.h"
#include "train/setup.h"

#include <QElapsedTimer>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <exception>
#include <numeric>
#include <optional>

namespace {

lm::PairTask engineTask(PairObjective pair)
{
    switch (pair) {
    case PairObjective::NextSentence:
        return lm::PairTask::NextSentence;
    case PairObjective::SentenceOrder:
        return lm::PairTask::SentenceOrder;
    case PairObjective::None:
        break;
    }
    return lm::PairTask::None;
}

std::vector<std::string> objectiveNames(PairObjective pair)
{
    switch (pair) {
    case PairObjective::NextSentence:
        return {"mlm", "nsp"};
    case PairObjective::SentenceOrder:
        return {"mlm", "sop"};
    case PairObjective::None:
        break;
    }
    return {"mlm"};
}

lm::PretrainingTokens pretrainingTokens(const lm::EncoderSpecials &sp)
{
    return lm::PretrainingTokens{sp.pad, sp.cls, sp.sep, sp.mask, {sp.pad, sp.unk, sp.cls, sp.sep, sp.mask}};
}

// The scores on the probe batch, and the pair head's accuracy on the other task's probe batch
// (`cross`, empty without a pair task).
PretrainScore toScore(int step, lm::EncoderModel &model, const lm::TokenBatch &probe, const lm::TokenBatch *cross)
{
    const lm::PretrainingScores s = lm::scorePretraining(model, probe);
    PretrainScore out;
    out.step = step;
    out.maskedLoss = s.maskedLoss;
    out.maskedAccuracy = s.maskedAccuracy;
    out.pairAccuracy = s.pairAccuracy;
    if (cross)
        out.crossPairAccuracy = lm::scorePretraining(model, *cross).pairAccuracy;
    return out;
}

} // namespace

PretrainWorker::PretrainWorker(QObject *parent) : QObject(parent) { registerEncoderJobTypes(); }

PretrainWorker::~PretrainWorker() = default;

MaskedBatch PretrainWorker::describeRow(lm::EncoderModel &model, const lm::Tokenizer &tokenizer, const lm::TokenBatch &row,
                                        PairObjective pair, const lm::EncoderSpecials &sp, int step)
{
    MaskedBatch out;
    out.pair = pair;
    out.step = step;
    out.pairLabel = row.labels.empty() ? -1 : row.labels.front();
    // Padding sits at the right end of a row: the real tokens are the first `T` (mask 1).
    int T = row.time;
    if (!row.paddingMask.empty())
        T = int(std::count(row.paddingMask.begin(), row.paddingMask.begin() + row.time, std::uint8_t(1)));
    const std::set<std::int32_t> special{sp.pad, sp.unk, sp.cls, sp.sep, sp.mask};
    std::vector<std::int32_t> picked, targets;
    for (int t = 0; t < T; ++t) {
        const std::int32_t id = row.inputs[std::size_t(t)];
        const std::int32_t target = row.targets.empty() ? lm::TokenBatch::kIgnore : row.targets[std::size_t(t)];
        BatchToken token;
        token.text = QString::fromStdString(tokenizer.tokenText(id));
        token.segment = row.tokenTypes.empty() ? 0 : row.tokenTypes[std::size_t(t)];
        if (target != lm::TokenBatch::kIgnore) {
            token.original = QString::fromStdString(tokenizer.tokenText(target));
            token.role = id == sp.mask ? TokenRole::Masked : id == target ? TokenRole::Kept : TokenRole::Replaced;
            picked.push_back(t);
            targets.push_back(target);
        } else {
            token.role = special.count(id) ? TokenRole::Special : TokenRole::Ordinary;
        }
        out.tokens << token;
    }
    if (T == 0)
        return out;

    lm::NoGradScope noGrad;
    lm::EncoderInput in;
    in.batch = 1;
    in.time = T;
    in.ids.assign(row.inputs.begin(), row.inputs.begin() + T);
    if (!row.tokenTypes.empty())
        in.tokenTypes.assign(row.tokenTypes.begin(), row.tokenTypes.begin() + T);
    const lm::Tensor hidden = model.encode(in);
    if (model.hasMaskedLmHead() && !picked.empty()) {
        out.guessed = true;
        const std::int64_t H = hidden.size(2);
        const lm::Tensor logits = model.maskedLmLogits(
            lm::embedding(lm::reshape(hidden, {T, H}), picked, {std::int64_t(picked.size())})); // (N, V)
        const std::int64_t V = logits.size(1);
        for (std::size_t i = 0; i < picked.size(); ++i) {
            const float *z = logits.data() + std::int64_t(i) * V;
            const float top = *std::max_element(z, z + V);
            double total = 0.0;
            for (std::int64_t v = 0; v < V; ++v)
                total += std::exp(double(z[v] - top));
            std::vector<std::int32_t> order(static_cast<std::size_t>(V));
            std::iota(order.begin(), order.end(), 0);
            const std::int64_t k = std::min<std::int64_t>(5, V);
            std::partial_sort(order.begin(), order.begin() + k, order.end(),
                              [z](std::int32_t a, std::int32_t b) { return z[a] > z[b]; });
            PredictedPosition p;
            p.position = picked[i];
            for (std::int64_t j = 0; j < k; ++j) {
                const std::int32_t id = order[std::size_t(j)];
                p.guesses << TokenGuess{QString::fromStdString(tokenizer.tokenText(id)), std::exp(double(z[id] - top)) / total};
            }
            out.predictions << p;
        }
    } else {
        for (const std::int32_t t : picked)
            out.predictions << PredictedPosition{t, {}};
    }
    if (pair != PairObjective::None && model.hasPairHead()) {
        const lm::Tensor z = model.pairLogits(model.pooled(hidden)); // (1, 2)
        out.pairFirstProbability = 1.0 / (1.0 + std::exp(double(z.data()[1]) - double(z.data()[0])));
    }
    return out;
}

lm::Result<lm::EncoderPretraining> PretrainWorker::pretrainingRows(const std::string &text, const lm::Tokenizer &tokenizer,
                                                   const lm::EncoderSpecials &sp, PairObjective pair, int seq)
{
    std::vector<std::vector<lm::TokenSequence>> documents;
    for (const auto &d : lm::splitDocuments(text)) {
        documents.emplace_back();
        for (const auto &sentence : d)
            if (lm::TokenSequence ids = tokenizer.encode(sentence); !ids.empty())
                documents.back().push_back(std::move(ids));
        if (documents.back().empty())
            documents.pop_back();
    }
    return lm::EncoderPretraining::create(documents, engineTask(pair), seq, tokenizer.vocabSize(), pretrainingTokens(sp));
}

void PretrainWorker::emitBatch(int step)
{
    if (!m_model || !m_probe)
        return;
    try {
        const lm::TokenBatch row = m_probe->next(m_rng, 1);
        Q_EMIT batchShown(describeRow(*m_model, *m_tokenizer, row, m_pair, m_specials, step));
    } catch (const std::exception &) {
        // A row the model cannot read (longer than its position table) shows nothing; the run
        // itself goes on.
    }
}

void PretrainWorker::pretrain(const PretrainRequest &request)
{
    QElapsedTimer clock;
    clock.start();
    auto corpus = loadCorpusSpec(request.corpusSpec);
    if (!corpus) {
        Q_EMIT failed(QString::fromStdString(corpus.error()));
        return;
    }
    try {
        lm::ModelChoice choice;
        choice.arch = request.arch.toStdString();
        choice.tokenizer = "wordpiece";
        choice.vocabSize = request.vocabSize;
        choice.options = request.options;
        choice.objectives = objectiveNames(request.pair);
        auto prepared = lm::prepareTraining(corpus.value().text, choice, request.train);
        if (!prepared) {
            Q_EMIT failed(QString::fromStdString(prepared.error()));
            return;
        }
        lm::TrainingSetup setup = std::move(prepared).value();
        auto *encoder = dynamic_cast<lm::EncoderModel *>(setup.model.get());
        if (!encoder || !setup.probe) {
            Q_EMIT failed(tr("%1 is not an encoder: it cannot be pre-trained with masked words.").arg(request.arch));
            return;
        }
        auto specials = lm::findEncoderSpecials(*setup.tokenizer);
        if (!specials) {
            Q_EMIT failed(QString::fromStdString(specials.error()));
            return;
        }
        setup.model.release(); // owned by m_model from here; the trainer keeps a reference
        m_model.reset(encoder);
        m_tokenizer = std::shared_ptr<const lm::Tokenizer>(std::move(setup.tokenizer));
        m_probe = std::move(setup.probe);
        m_specials = specials.value();
        m_pair = request.pair;
        m_rng.reseed(request.train.seed + 7);
        m_step = 0;
        m_batchWanted.store(false);
        lm::Rng scoreRng(request.train.seed + 1);
        const lm::TokenBatch scoreBatch = m_probe->next(scoreRng, std::max(1, request.scoreRows));
        // The head trained on one pair task, scored on the other's pairs too (same documents).
        std::optional<lm::TokenBatch> crossBatch;
        if (setup.crossProbe) {
            lm::Rng crossRng(request.train.seed + 2);
            crossBatch = setup.crossProbe->next(crossRng, std::max(1, request.scoreRows));
        }
        const lm::TokenBatch *crossProbe = crossBatch ? &*crossBatch : nullptr;

        const QLocale loc;
        Q_EMIT started(tr("%1: %2 tokens, vocabulary %3, %4 parameters")
                           .arg(QString::fromStdString(corpus.value().name), loc.toString(setup.corpusTokens),
                                loc.toString(m_tokenizer->vocabSize()), loc.toString(m_model->parameterCount())));
        PretrainScore last = toScore(0, *m_model, scoreBatch, crossProbe);
        Q_EMIT scored(last);
        emitBatch(0);

        lm::Trainer &trainer = *setup.trainer;
        const int total = request.train.steps;
        QElapsedTimer sinceProgress;
        sinceProgress.start();
        bool cancelled = false;
        while (!trainer.finished()) {
            if (m_cancel.isCancelled()) {
                cancelled = true;
                break;
            }
            const lm::StepReport r = trainer.step();
            if (!trainer.divergence().empty()) {
                Q_EMIT failed(tr("Training diverged: %1").arg(QString::fromStdString(trainer.divergence())));
                return;
            }
            m_step = r.step;
            if (sinceProgress.elapsed() >= 40 || r.step == total) {
                Q_EMIT progress(PretrainProgress{r.step, total, r.loss});
                sinceProgress.restart();
            }
            if (r.step % std::max(1, request.scoreEvery) == 0 || r.step == total) {
                last = toScore(r.step, *m_model, scoreBatch, crossProbe);
                Q_EMIT scored(last);
            }
            if (m_batchWanted.exchange(false) || r.step % std::max(1, request.batchEvery) == 0 || r.step == total)
                emitBatch(r.step);
        }
        if (cancelled && last.step != m_step && m_step > 0) {
            last = toScore(m_step, *m_model, scoreBatch, crossProbe);
            Q_EMIT scored(last);
            emitBatch(m_step);
        }
        PretrainResult result;
        result.encoder.model = m_model;
        result.encoder.tokenizer = m_tokenizer;
        result.pair = request.pair;
        result.last = last;
        result.stepsDone = m_step;
        result.cancelled = cancelled;
        result.seconds = double(clock.elapsed()) / 1000.0;
        Q_EMIT finished(result);
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
}

void PretrainWorker::showBatch()
{
    if (!m_model || !m_probe) {
        Q_EMIT failed(tr("No encoder yet: pre-train one or open a model first."));
        return;
    }
    emitBatch(m_step);
}

void PretrainWorker::openModel(const QString &path, const QString &corpusSpec, PairObjective pair, int seq)
{
    auto opened = openEncoder(path);
    if (!opened) {
        Q_EMIT failed(QString::fromStdString(opened.error()));
        return;
    }
    if (m_cancel.isCancelled())
        return;
    auto corpus = loadCorpusSpec(corpusSpec);
    if (!corpus) {
        Q_EMIT failed(QString::fromStdString(corpus.error()));
        return;
    }
    try {
        EncoderHandle h = std::move(opened).value();
        const lm::EncoderSpecials sp = lm::findEncoderSpecials(*h.tokenizer).value(); // openEncoder checked
        // The rows come from the corpus through the model's own tokenizer; a model without a
        // pair head shows masked words only.
        if (!h.model->hasPairHead())
            pair = PairObjective::None;
        const int T = std::min(seq, h.model->encoderConfig().maxSeq);
        auto objective = PretrainWorker::pretrainingRows(corpus.value().text, *h.tokenizer, sp, pair, T);
        if (!objective) {
            Q_EMIT failed(QString::fromStdString(objective.error()));
            return;
        }
        m_model = h.model;
        m_tokenizer = h.tokenizer;
        m_probe = std::make_unique<lm::EncoderPretraining>(std::move(objective).value());
        m_specials = sp;
        m_pair = pair;
        m_step = 0;
        const lm::EncoderConfig &c = h.model->encoderConfig();
        const QLocale loc;
        Q_EMIT modelOpened(h, tr("%1: %2, %3 layers, width %4, vocabulary %5, %6 parameters%7")
                                  .arg(h.name, QString::fromStdString(c.arch()), loc.toString(c.layers),
                                       loc.toString(c.dim), loc.toString(c.vocabSize),
                                       loc.toString(h.model->parameterCount()),
                                       h.model->hasMaskedLmHead() ? QString()
                                                                  : tr(" (no masked-word head: no guesses)")));
        emitBatch(0);
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
}
