#include "workers/trainingworker.h"

#include "base/application.h"
#include "base/corpora.h"
#include "base/sessionencoder.h"
#include "core/threads.h"
#include "core/tape.h"
#include "io/checkpoint.h"
#include "io/hfexport.h"
#include "models/architecture.h"
#include "models/sampling.h"
#include "workers/encoderreading.h"

#include <QElapsedTimer>
#include <QLocale>

#include <algorithm>
#include <cmath>

TrainingWorker::TrainingWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<TrainingRequest>();
    qRegisterMetaType<lm::StepReport>();
    qRegisterMetaType<QVector<lm::StepReport>>();
    qRegisterMetaType<TrainingWorker::Stop>();
    qRegisterMetaType<std::shared_ptr<const lm::Trace>>();
}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::prepare(const TrainingRequest &request)
{
    m_setup.reset();
    m_request = request;
    m_pause.store(false);
    m_cancel.store(false);
    auto corpus = loadCorpusSpec(request.corpusSpec);
    if (!corpus) {
        Q_EMIT failed(QString::fromStdString(corpus.error()));
        return;
    }
    try {
        lm::setThreadCount(request.threads);
        auto setup = lm::prepareTraining(corpus.value().text, request.model, request.train);
        if (!setup) {
            Q_EMIT failed(QString::fromStdString(setup.error()));
            return;
        }
        m_setup = std::make_unique<lm::TrainingSetup>(std::move(setup).value());
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
        return;
    }
    if (!request.resumeFrom.isEmpty()) {
        const QString problem = resumeFromCheckpoint(request.resumeFrom);
        if (!problem.isEmpty()) {
            m_setup.reset();
            Q_EMIT failed(tr("Cannot resume from %1: %2").arg(request.resumeFrom, problem));
            return;
        }
    }
    const QLocale loc;
    Q_EMIT prepared(tr("%1: %2 tokens, vocabulary %3 (%4 tokenizer), %5 parameters")
                        .arg(QString::fromStdString(corpus.value().name), loc.toString(m_setup->corpusTokens),
                             loc.toString(m_setup->tokenizer->vocabSize()),
                             QString::fromStdString(m_setup->tokenizer->kind()),
                             loc.toString(m_setup->model->parameterCount())),
                    m_setup->tokenizer->vocabSize());
}

lm::StepReport TrainingWorker::stepAndRecord(QVector<lm::StepReport> &pending)
{
    const lm::StepReport r = m_setup->trainer->step();
    pending.push_back(r);
    return r;
}

void TrainingWorker::run()
{
    if (!m_setup) {
        Q_EMIT failed(tr("Nothing to train: prepare a model first."));
        return;
    }
    m_pause.store(false);
    QVector<lm::StepReport> pending;
    QElapsedTimer sinceEmit, sinceAutosave;
    sinceEmit.start();
    sinceAutosave.start();
    const bool autosave = !m_request.autosavePath.isEmpty();
    Stop why = Stop::Finished;
    QString message;
    while (!m_setup->trainer->finished()) {
        if (m_cancel.load()) {
            why = Stop::Cancelled;
            break;
        }
        if (m_pause.load()) {
            why = Stop::Paused;
            break;
        }
        const lm::StepReport r = stepAndRecord(pending);
        if (sinceEmit.elapsed() >= 40) {
            Q_EMIT progress(pending);
            pending.clear();
            sinceEmit.restart();
        }
        if (autosave && sinceAutosave.elapsed() >= 1000LL * m_request.autosaveSeconds && std::isfinite(r.loss) &&
            std::isfinite(r.gradNorm)) {
            (void)writeCheckpoint(m_request.autosavePath); // best effort: a failed autosave must not stop training
            sinceAutosave.restart();
        }
        if (!std::isfinite(r.loss) || !std::isfinite(r.gradNorm)) {
            why = Stop::Diverged;
            const std::string &bad = m_setup->trainer->divergedTensor();
            message = (bad.empty() ? tr("Training stopped: the loss is no longer a finite number at step %1.").arg(r.step)
                                   : tr("Training stopped: the gradient of %1 is no longer a finite number at step %2.")
                                         .arg(QString::fromStdString(bad))
                                         .arg(r.step)) +
                      QLatin1Char(' ') + tr("The weights keep their last finite values; try a smaller learning rate.");
            break;
        }
    }
    if (!pending.isEmpty())
        Q_EMIT progress(pending);
    if (autosave && why == Stop::Paused)
        (void)writeCheckpoint(m_request.autosavePath);
    if (why == Stop::Finished || why == Stop::Paused)
        publishIfEncoder();
    Q_EMIT stopped(why, message);
}

void TrainingWorker::publishIfEncoder()
{
    const lm::Architecture *family = lm::findArchitecture(m_setup->model->arch());
    if (!family || family->traits.direction != lm::Direction::Bidirectional)
        return;
    const QString origin = tr("%1 trained on the language-model tab (step %2)")
                               .arg(QString::fromStdString(family->displayName.in(currentLanguage().toStdString())))
                               .arg(m_setup->trainer->stepsDone());
    SessionEncoder::instance().publish(snapshotIfEncoder(*m_setup->model, *m_setup->tokenizer, origin));
}

void TrainingWorker::stepOnce()
{
    if (!m_setup) {
        Q_EMIT failed(tr("Nothing to train: prepare a model first."));
        return;
    }
    if (m_setup->trainer->finished()) {
        Q_EMIT stopped(Stop::Finished, QString());
        return;
    }
    QVector<lm::StepReport> pending;
    stepAndRecord(pending);
    Q_EMIT progress(pending);
    Q_EMIT stopped(m_setup->trainer->finished() ? Stop::Finished : Stop::Paused, QString());
}

void TrainingWorker::reset()
{
    m_setup.reset();
    m_cancel.store(false);
    m_pause.store(false);
}

void TrainingWorker::sample(const QString &prompt, int tokens, double temperature, bool traceEachToken)
{
    if (!m_setup)
        return;
    try {
        lm::SamplingOptions o;
        o.temperature = static_cast<float>(temperature);
        o.seed = m_request.train.seed;
        const std::vector<std::int32_t> promptIds = m_setup->tokenizer->encode(prompt.toStdString());
        std::vector<std::int32_t> all = promptIds, generated;
        lm::generateTokens(*m_setup->model, promptIds, tokens, o, [&](std::int32_t id) {
            generated.push_back(id);
            all.push_back(id);
            Q_EMIT generating(prompt + QString::fromStdString(m_setup->tokenizer->decode(generated)));
            if (traceEachToken) {
                auto trace = std::make_shared<lm::Trace>();
                for (std::int32_t t : all)
                    trace->tokens.push_back(m_setup->tokenizer->tokenText(t));
                m_setup->model->sequenceLogits(all, trace.get());
                Q_EMIT inspected(std::move(trace));
            }
            return !m_cancel.load();
        });
        Q_EMIT sampled(prompt + QString::fromStdString(m_setup->tokenizer->decode(generated)));
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
}

lm::Status TrainingWorker::writeCheckpoint(const QString &path) const
{
    const nlohmann::json training = {{"steps", m_setup->trainer->stepsDone()},
                                     {"corpus", m_request.corpusSpec.toStdString()},
                                     {"seed", m_request.train.seed}};
    return lm::saveCheckpoint(path.toStdString(), *m_setup->model, *m_setup->tokenizer, training);
}

QString TrainingWorker::resumeFromCheckpoint(const QString &path)
{
    auto loaded = lm::loadCheckpoint(path.toStdString());
    if (!loaded)
        return QString::fromStdString(loaded.error());
    const lm::Checkpoint &c = loaded.value();
    if (c.model->config() != m_setup->model->config() || c.tokenizer->vocabSize() != m_setup->tokenizer->vocabSize())
        return tr("it was saved for another model or text");
    const lm::ParameterList from = c.model->parameters();
    lm::ParameterList to = m_setup->model->parameters();
    for (std::size_t i = 0; i < to.size(); ++i) // same config, so the same names, shapes and order
        std::copy_n(from[i].tensor.data(), from[i].tensor.numel(), to[i].tensor.data());
    const int steps = c.training.value("steps", 0);
    if (steps < 0 || steps > m_request.train.steps)
        return tr("it is at step %1, beyond the %2 steps chosen").arg(steps).arg(m_request.train.steps);
    m_setup->trainer->resumeAt(steps);
    return {};
}

void TrainingWorker::save(const QString &path)
{
    if (!m_setup) {
        Q_EMIT saved(path, tr("There is no model to save yet."));
        return;
    }
    const auto status = writeCheckpoint(path);
    Q_EMIT saved(path, status.ok() ? QString() : QString::fromStdString(status.error()));
}

void TrainingWorker::exportHuggingFace(const QString &dir)
{
    if (!m_setup) {
        Q_EMIT exported(dir, tr("There is no model to export yet."));
        return;
    }
    const auto status = lm::saveHuggingFaceFolder(dir.toStdString(), *m_setup->model, *m_setup->tokenizer);
    Q_EMIT exported(dir, status.ok() ? QString() : QString::fromStdString(status.error()));
}

void TrainingWorker::inspect(const QString &text, const QString &second)
{
    if (!m_setup) {
        Q_EMIT failed(tr("Train a model first, then trace a text through it."));
        return;
    }
    if (auto *encoder = dynamic_cast<lm::EncoderModel *>(m_setup->model.get())) {
        // An encoder reads "[CLS] text [SEP]" (and "second [SEP]" with token types 1), as it trained.
        auto trace = traceEncoder(*encoder, *m_setup->tokenizer, text.toStdString(),
                                  second.trimmed().isEmpty() ? std::nullopt : std::optional(second.toStdString()));
        if (trace)
            Q_EMIT inspected(std::move(trace).value());
        else
            Q_EMIT failed(QString::fromStdString(trace.error()));
        return;
    }
    try {
        auto trace = std::make_shared<lm::Trace>();
        const std::vector<std::int32_t> ids = m_setup->tokenizer->encode(text.toStdString());
        if (ids.empty()) {
            Q_EMIT failed(tr("The text gives no tokens."));
            return;
        }
        for (std::int32_t id : ids)
            trace->tokens.push_back(m_setup->tokenizer->tokenText(id));
        lm::NoGradScope noGrad;
        m_setup->model->sequenceLogits(ids, trace.get());
        Q_EMIT inspected(std::move(trace));
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
}
