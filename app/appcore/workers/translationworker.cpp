#include "workers/translationworker.h"

#include "base/corpora.h"
#include "core/tape.h"
#include "core/trace.h"
#include "io/hfimport.h"
#include "models/architecture.h"
#include "text/unigram.h"
#include "train/objectives/denoising.h"
#include "train/objectives/pretraining.h"
#include "train/seq2seqtask.h"
#include "train/setup.h"

#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>

struct TranslationWorker::State {
    std::unique_ptr<lm::LanguageModel> model;
    std::unique_ptr<lm::Tokenizer> tokenizer;
    lm::Seq2SeqIds ids;
    // The corruption view's tokenizer and objective per family, language and permutation.
    struct Corruption {
        std::unique_ptr<lm::Tokenizer> tokenizer;
        std::unique_ptr<lm::Objective> objective;
    };
    std::map<std::string, Corruption> corruptions;
};

namespace {

// Progress of a training run, at most five times a second; `evaluate` (if set) every `every` steps.
class StepObserver final : public lm::TrainingObserver {
public:
    std::function<void(const lm::StepReport &)> report, evaluate;
    int every = 0;
    void onStep(const lm::StepReport &r) override
    {
        if (evaluate && every > 0 && (r.step % every == 0 || r.step == r.totalSteps))
            evaluate(r);
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last < std::chrono::milliseconds(200) && r.step != r.totalSteps)
            return;
        m_last = now;
        report(r);
    }

private:
    std::chrono::steady_clock::time_point m_last;
};

QStringList tokenTexts(const lm::Tokenizer &tokenizer, const std::vector<std::int32_t> &ids)
{
    QStringList out;
    for (std::int32_t id : ids)
        out << QString::fromStdString(tokenizer.tokenText(id));
    return out;
}

// The last decoder layer's cross-attention rows of batch row 0, averaged over heads: (Td, Ts).
QVector<QVector<float>> crossRows(const lm::Trace &trace)
{
    int layer = -1;
    while (trace.has("cross.layer" + std::to_string(layer + 1) + ".head0.attention"))
        ++layer;
    QVector<QVector<float>> rows;
    if (layer < 0)
        return rows;
    int heads = 0;
    for (;; ++heads) {
        const lm::TraceMatrix *m =
            trace.find("cross.layer" + std::to_string(layer) + ".head" + std::to_string(heads) + ".attention");
        if (!m)
            break;
        rows.resize(m->rows, QVector<float>(m->cols, 0.0f));
        for (int r = 0; r < m->rows; ++r)
            for (int c = 0; c < m->cols; ++c)
                rows[r][c] += m->at(r, c);
    }
    for (auto &row : rows)
        for (float &v : row)
            v /= static_cast<float>(heads);
    return rows;
}

} // namespace

TranslationWorker::TranslationWorker(QObject *parent) : QObject(parent), m_state(std::make_shared<State>())
{
    qRegisterMetaType<TranslatorRequest>();
    qRegisterMetaType<TranslatorReady>();
    qRegisterMetaType<TranslationShown>();
    qRegisterMetaType<CorruptionShown>();
    qRegisterMetaType<ChrFPoint>();
    qRegisterMetaType<lm::DecodingOptions>();
}

TranslationWorker::~TranslationWorker() = default;

std::shared_ptr<TranslationWorker::State> TranslationWorker::takeState()
{
    std::shared_ptr<State> taken = std::move(m_state);
    m_state = std::make_shared<State>();
    return taken;
}

void TranslationWorker::adoptState(std::shared_ptr<State> state)
{
    if (state)
        m_state = std::move(state);
}

void TranslationWorker::prepare(const TranslatorRequest &r)
{
    m_cancel.reset();
    const auto fail = [this](const QString &message) {
        Q_EMIT failed(m_cancel.isCancelled() ? tr("Stopped.") : message);
    };
    if (!r.modelPath.isEmpty()) {
        Q_EMIT progress(tr("Opening %1…").arg(QFileInfo(r.modelPath).fileName()), -1.0);
        auto c = lm::loadModelPath(r.modelPath.toStdString());
        if (!c)
            return fail(QString::fromStdString(c.error()));
        if (!dynamic_cast<lm::Seq2SeqModel *>(c.value().model.get()))
            return fail(tr("%1 holds a %2 model, not an encoder–decoder (T5 or BART).")
                            .arg(QFileInfo(r.modelPath).fileName(), QString::fromStdString(c.value().model->arch())));
        auto ids = lm::seq2seqIdsOf(*c.value().model, *c.value().tokenizer);
        if (!ids)
            return fail(QString::fromStdString(ids.error()));
        m_state->model = std::move(c.value().model);
        m_state->tokenizer = std::move(c.value().tokenizer);
        m_state->ids = ids.value();
        TranslatorReady done;
        done.arch = QString::fromStdString(m_state->model->arch());
        done.origin = tr("Opened %1: %2, %3 parameters.")
                           .arg(QFileInfo(r.modelPath).fileName(), done.arch)
                           .arg(m_state->model->parameterCount());
        Q_EMIT ready(done);
        return;
    }

    // 1. Span corruption on the task's corpus (both languages for translation, the training
    // passages for summaries): the tokenizer and the model learn its words.
    const QList<BuiltinSeq2SeqTask> tasks = builtinSeq2SeqTasks();
    const auto named = std::find_if(tasks.begin(), tasks.end(), [&](const BuiltinSeq2SeqTask &t) { return t.name == r.task; });
    if (named == tasks.end())
        return fail(tr("Unknown task %1.").arg(r.task));
    const int seq = r.seq > 0 ? r.seq : named->seq;
    auto corpus = loadCorpusSpec(named->pretrainCorpus);
    if (!corpus)
        return fail(QString::fromStdString(corpus.error()));
    lm::ModelChoice choice;
    const lm::Architecture *family = nullptr; // the table's first family that pre-trains by span corruption
    for (const lm::Architecture *a : lm::architectures())
        if (!family && a->supports(lm::ObjectiveKind::SpanCorruption))
            family = a;
    if (!family)
        return fail(tr("No family of the architecture table pre-trains by span corruption."));
    choice.arch = family->name;
    choice.tokenizer = "unigram";
    choice.vocabSize = r.vocabSize;
    choice.objectives = {"span"};
    choice.options = {{"dim", r.dim}, {"layers", r.layers}, {"heads", r.heads}};
    lm::TrainConfig pre;
    pre.steps = r.pretrainSteps;
    pre.batch = r.batch;
    pre.seq = seq;
    // T5 has no 1/sqrt(d) in its attention: at lr 3e-3 span corruption drives the logits up until
    // most rows put 90 % on one key, and that model then fine-tunes worse than a fresh one
    // (summaries: chrF 81 against 89; at 1e-3 87 against 88; README, "Encoder-decoders, measured").
    pre.lr = 1e-3f;
    pre.seed = r.seed;
    Q_EMIT progress(tr("Building the tokenizer…"), 0.0);
    auto setup = lm::prepareTraining(corpus.value().text, choice, pre);
    if (!setup)
        return fail(QString::fromStdString(setup.error()));
    const double preShare = 0.3;
    StepObserver observer;
    observer.report = [&](const lm::StepReport &s) {
        Q_EMIT progress(tr("Pre-training (span corruption): step %1 of %2, loss %3")
                            .arg(s.step)
                            .arg(s.totalSteps)
                            .arg(s.loss, 0, 'f', 3),
                        preShare * s.step / std::max(1, s.totalSteps));
    };
    if (setup.value().trainer->run(m_cancel, &observer) != lm::Trainer::Outcome::Finished)
        return fail(tr("Pre-training stopped: %1").arg(QString::fromStdString(setup.value().trainer->divergence())));

    // 2. Fine-tuning on the pairs, the held-out chrF as it goes.
    auto task = builtinSeq2SeqTask(r.task);
    if (!task)
        return fail(QString::fromStdString(task.error()));
    lm::TrainConfig fine = pre;
    fine.steps = r.finetuneSteps;
    fine.lr = 2e-3f;
    auto tuning = lm::prepareSeq2SeqFinetuning(*setup.value().model, *setup.value().tokenizer, task.value(), fine, false);
    if (!tuning)
        return fail(QString::fromStdString(tuning.error()));
    lm::Seq2SeqFinetuneSetup &t = tuning.value();
    lm::DecodingOptions greedy;
    greedy.maxTokens = seq;
    // The share of the progress bar each fine-tuning run takes (two when compared with scratch).
    const double tuneShare = (1.0 - preShare) / (r.compareScratch ? 2.0 : 1.0);
    const auto tune = [&](lm::Seq2SeqFinetuneSetup &run, bool fromScratch, double start) -> bool {
        StepObserver observer;
        observer.every = r.evalEvery;
        observer.report = [&](const lm::StepReport &s) {
            const QString what = fromScratch ? tr("From scratch, for comparison: step %1 of %2, loss %3")
                                             : tr("Learning the task: step %1 of %2, loss %3");
            Q_EMIT progress(what.arg(s.step).arg(s.totalSteps).arg(s.loss, 0, 'f', 3),
                            start + tuneShare * s.step / std::max(1, s.totalSteps));
        };
        observer.evaluate = [&](const lm::StepReport &s) {
            const lm::Seq2SeqScores scores = lm::scoreSeq2Seq(*run.model, *setup.value().tokenizer, run.ids,
                                                              task.value().test, greedy, seq - 2, 50, &m_cancel);
            Q_EMIT chrF(ChrFPoint{s.step, scores.chrF, fromScratch});
        };
        return run.trainer->run(m_cancel, &observer) == lm::Trainer::Outcome::Finished;
    };
    if (!tune(t, false, preShare))
        return fail(tr("Fine-tuning stopped: %1").arg(QString::fromStdString(t.trainer->divergence())));
    Q_EMIT progress(tr("Scoring 100 held-out pairs…"), preShare + tuneShare);
    const lm::Seq2SeqScores scores =
        lm::scoreSeq2Seq(*t.model, *setup.value().tokenizer, t.ids, task.value().test, greedy, seq - 2, 100, &m_cancel);
    if (m_cancel.isCancelled())
        return fail(tr("Stopped."));
    // 3. The same model from random weights on the same pairs and steps: what pre-training gave.
    double scratchChrF = -1.0;
    if (r.compareScratch) {
        // fine.seed is the pre-training's: the fresh model starts from the very weights the
        // pre-training started from, so the two runs differ by the pre-training alone.
        auto scratch = lm::prepareSeq2SeqFinetuning(*setup.value().model, *setup.value().tokenizer, task.value(), fine, true);
        if (!scratch)
            return fail(QString::fromStdString(scratch.error()));
        if (!tune(scratch.value(), true, preShare + tuneShare))
            return fail(tr("Training from scratch stopped: %1")
                            .arg(QString::fromStdString(scratch.value().trainer->divergence())));
        Q_EMIT progress(tr("Scoring 100 held-out pairs…"), 1.0);
        scratchChrF = lm::scoreSeq2Seq(*scratch.value().model, *setup.value().tokenizer, scratch.value().ids,
                                       task.value().test, greedy, seq - 2, 100, &m_cancel)
                          .chrF;
        if (m_cancel.isCancelled())
            return fail(tr("Stopped."));
    }
    m_state->model = std::move(setup.value().model);
    m_state->tokenizer = std::move(setup.value().tokenizer);
    m_state->ids = t.ids;
    TranslatorReady done;
    done.arch = QString::fromStdString(family->name);
    done.chrF = scores.chrF;
    done.scratchChrF = scratchChrF;
    done.exampleSource = QString::fromStdString(task.value().test.front().source);
    done.origin = tr("A small %1 (%2 parameters) trained here: span corruption on its corpus, then the task: %3.")
                       .arg(QString::fromStdString(family->name).toUpper())
                       .arg(m_state->model->parameterCount())
                       .arg(named->title);
    Q_EMIT ready(done);
}

void TranslationWorker::translate(const QString &text, const lm::DecodingOptions &options, int generation)
{
    auto *model = dynamic_cast<lm::Seq2SeqModel *>(m_state->model.get());
    if (!model)
        return Q_EMIT failed(tr("Train or open a model first."));
    const lm::Tokenizer &tok = *m_state->tokenizer;
    std::vector<std::int32_t> source;
    try {
        source = tok.encode(text.toStdString());
    } catch (const std::exception &e) {
        return Q_EMIT failed(QString::fromStdString(e.what()));
    }
    if (source.empty())
        return Q_EMIT failed(tr("Type a sentence to translate."));
    m_cancel.reset();
    lm::DecodingOptions o = options;
    o.recordSteps = true;
    o.vocabLimit = tok.vocabSize(); // a padded Hugging Face vocabulary: only ids with text
    lm::DecodingResult r;
    try {
        r = lm::decodeSequence(*model, source, m_state->ids, o, &m_cancel);
    } catch (const std::exception &e) {
        return Q_EMIT failed(QString::fromStdString(e.what()));
    }
    TranslationShown shown;
    shown.generation = generation;
    shown.output = QString::fromStdString(tok.decode(r.tokens));
    shown.sourceTokens = tokenTexts(tok, r.source);
    shown.targetTokens = tokenTexts(tok, r.tokens);
    shown.logProb = r.logProb;
    for (const lm::DecodingStep &s : r.steps) {
        QVector<BeamNode> nodes;
        for (const lm::Hypothesis &h : s.beams) {
            BeamNode n;
            n.ended = h.ended;
            n.token = h.ended || h.tokens.empty() ? QStringLiteral("</s>") : QString::fromStdString(tok.tokenText(h.tokens.back()));
            n.text = QString::fromStdString(tok.decode(h.tokens));
            n.score = h.score;
            n.parent = h.parent;
            nodes.push_back(n);
        }
        shown.steps.push_back(nodes);
        shown.chosen.push_back(QString::fromStdString(tok.tokenText(s.chosen)));
        shown.crossAtStep.push_back(QVector<float>(s.cross.begin(), s.cross.end()));
    }
    // The alignment: the final target read by the decoder once more; target token k was chosen at
    // the position before it (the start token, and BART's <s>, come first).
    if (!r.tokens.empty()) {
        lm::Seq2SeqInput in;
        in.sourceTime = static_cast<int>(r.source.size());
        in.source = r.source;
        in.decoder = {m_state->ids.start};
        if (m_state->ids.begin)
            in.decoder.push_back(*m_state->ids.begin);
        const int offset = static_cast<int>(in.decoder.size()) - 1;
        in.decoder.insert(in.decoder.end(), r.tokens.begin(), r.tokens.end() - 1);
        in.decoderTime = static_cast<int>(in.decoder.size());
        lm::Trace trace;
        model->forward(in, &trace);
        const QVector<QVector<float>> rows = crossRows(trace);
        for (int k = 0; k < static_cast<int>(r.tokens.size()) && offset + k < rows.size(); ++k)
            shown.alignment.push_back(rows[offset + k]);
    }
    Q_EMIT translated(shown);
}

void TranslationWorker::corrupt(const QString &family, bool permute, const QString &language, quint64 seed)
{
    const lm::Architecture *arch = lm::findArchitecture(family.toStdString());
    if (!arch || !arch->seq2seqTokens)
        return Q_EMIT failed(tr("%1 is not an encoder–decoder.").arg(family));
    const std::string key = family.toStdString() + "/" + language.toStdString() + (permute ? "/permute" : "");
    State::Corruption &c = m_state->corruptions[key];
    if (!c.objective) {
        auto corpus = loadCorpusSpec(QStringLiteral("builtin:") + language);
        if (!corpus)
            return Q_EMIT failed(QString::fromStdString(corpus.error()));
        lm::TokenizerOptions opts;
        opts.maxVocab = 1000;
        opts.leadingSpecials = arch->seq2seqTokens->leading;
        opts.trailingSpecials = arch->seq2seqTokens->trailing();
        auto tokenizer = lm::buildTokenizer("unigram", corpus.value().text, opts);
        if (!tokenizer)
            return Q_EMIT failed(QString::fromStdString(tokenizer.error()));
        auto ids = lm::findSeq2SeqIds(*arch->seq2seqTokens, *tokenizer.value());
        if (!ids)
            return Q_EMIT failed(QString::fromStdString(ids.error()));
        std::vector<std::vector<lm::TokenSequence>> documents;
        for (const auto &d : lm::splitDocuments(corpus.value().text)) {
            documents.emplace_back();
            for (const auto &sentence : d)
                if (auto t = tokenizer.value()->encode(sentence); !t.empty())
                    documents.back().push_back(std::move(t));
        }
        constexpr int kWindow = 40;
        if (arch->supports(lm::ObjectiveKind::SpanCorruption)) {
            auto o = lm::SpanCorruptionObjective::create(std::move(documents), kWindow, ids.value());
            if (!o)
                return Q_EMIT failed(QString::fromStdString(o.error()));
            c.objective = std::make_unique<lm::SpanCorruptionObjective>(std::move(o).value());
        } else {
            auto o = lm::TextInfillingObjective::create(std::move(documents), kWindow, ids.value(), permute);
            if (!o)
                return Q_EMIT failed(QString::fromStdString(o.error()));
            c.objective = std::make_unique<lm::TextInfillingObjective>(std::move(o).value());
        }
        c.tokenizer = std::move(tokenizer).value();
    }
    lm::Rng rng(seed);
    lm::CorruptedText text;
    if (const auto *span = dynamic_cast<const lm::SpanCorruptionObjective *>(c.objective.get()))
        text = span->draw(rng);
    else
        text = dynamic_cast<const lm::TextInfillingObjective &>(*c.objective).draw(rng);
    CorruptionShown shown;
    shown.family = family;
    shown.spanCorruption = arch->supports(lm::ObjectiveKind::SpanCorruption);
    shown.original = tokenTexts(*c.tokenizer, text.original);
    shown.input = tokenTexts(*c.tokenizer, text.input);
    shown.target = tokenTexts(*c.tokenizer, text.target);
    shown.originalSpan = QVector<int>(shown.original.size(), -1);
    shown.inputSpan = QVector<int>(shown.input.size(), -1);
    shown.targetSpan = QVector<int>(shown.target.size(), -1);
    shown.sentenceOrder = QVector<int>(text.sentenceOrder.begin(), text.sentenceOrder.end());
    for (int i = 0; i < static_cast<int>(text.spans.size()); ++i) {
        const lm::CorruptedText::Span &s = text.spans[static_cast<std::size_t>(i)];
        shown.inputSpan[s.inputAt] = i;
        if (text.sentenceOrder.empty()) // with permutation the spans are in the shuffled text's places
            for (int k = s.start; k < s.start + s.length; ++k)
                shown.originalSpan[k] = i;
        if (s.targetAt >= 0)
            for (int k = s.targetAt; k <= s.targetAt + s.length; ++k)
                shown.targetSpan[k] = i;
    }
    Q_EMIT corrupted(shown);
}
