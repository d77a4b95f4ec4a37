#include "workers/implicitcompareworker.h"

#include "base/application.h"
#include "base/corpora.h"
#include "core/tape.h"
#include "core/threads.h"
#include "models/architecture.h"
#include "train/setup.h"

#include <QElapsedTimer>

std::vector<const lm::Architecture *> comparisonFamilies()
{
    std::vector<const lm::Architecture *> families;
    for (const lm::Architecture *a : lm::architectures())
        if (a->traits.direction == lm::Direction::Causal && a->feeds(lm::View::Attention) &&
            !a->feeds(lm::View::ImplicitAttention)) {
            families.push_back(a);
            break;
        }
    for (const lm::Architecture *a : lm::architectures())
        if (a->feeds(lm::View::ImplicitAttention) && !a->feeds(lm::View::Attention))
            families.push_back(a);
    return families;
}

ImplicitCompareWorker::ImplicitCompareWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ImplicitCompareRequest>();
    qRegisterMetaType<ImplicitCompareModel>();
    qRegisterMetaType<std::shared_ptr<const lm::Trace>>();
}

ImplicitCompareWorker::~ImplicitCompareWorker() = default;

void ImplicitCompareWorker::run(const ImplicitCompareRequest &request)
{
    m_cancel.store(false);
    auto corpus = loadCorpusSpec(request.corpusSpec);
    if (!corpus) {
        Q_EMIT failed(request.generation, QString::fromStdString(corpus.error()));
        return;
    }
    const std::vector<const lm::Architecture *> families = comparisonFamilies();
    const int models = static_cast<int>(families.size());
    try {
        lm::setThreadCount(request.threads);
        for (int i = 0; i < models; ++i) {
            const lm::Architecture &family = *families[static_cast<std::size_t>(i)];
            lm::ModelChoice choice;
            choice.arch = family.name;
            choice.tokenizer = "char";
            choice.options = {{"dim", 64}, {"layers", 2}};
            lm::TrainConfig train;
            train.steps = request.steps;
            train.batch = 16;
            train.seq = 64;
            train.lr = 3e-3f;
            train.seed = 1;
            auto setup = lm::prepareTraining(corpus.value().text, choice, train);
            if (!setup) {
                Q_EMIT failed(request.generation, QString::fromStdString(setup.error()));
                return;
            }
            lm::TrainingSetup &s = setup.value();
            const std::vector<std::int32_t> ids = s.tokenizer->encode(request.text.toStdString());
            if (ids.size() < 2) {
                Q_EMIT failed(request.generation, tr("The text gives fewer than two tokens."));
                return;
            }
            QElapsedTimer sinceEmit;
            sinceEmit.start();
            double tail = 0.0;
            int tailCount = 0;
            while (!s.trainer->finished()) {
                if (m_cancel.load()) {
                    Q_EMIT finished(request.generation, true);
                    return;
                }
                const lm::StepReport r = s.trainer->step();
                if (r.step > request.steps - std::max(1, request.steps / 10)) {
                    tail += r.loss;
                    ++tailCount;
                }
                if (sinceEmit.elapsed() >= 100 || s.trainer->finished()) {
                    Q_EMIT progress(request.generation, i, models, r.step, request.steps);
                    sinceEmit.restart();
                }
            }
            auto trace = std::make_shared<lm::Trace>();
            for (std::int32_t id : ids)
                trace->tokens.push_back(s.tokenizer->tokenText(id));
            {
                lm::NoGradScope noGrad;
                s.model->sequenceLogits(ids, trace.get());
            }
            ImplicitCompareModel out;
            out.generation = request.generation;
            out.index = i;
            out.arch = QString::fromStdString(family.name);
            out.displayName = QString::fromStdString(family.displayName.in(currentLanguage().toStdString()));
            out.colour = family.colour;
            out.loss = tailCount > 0 ? tail / tailCount : 0.0;
            out.trace = std::move(trace);
            Q_EMIT modelReady(out);
        }
    } catch (const std::exception &e) {
        Q_EMIT failed(request.generation, QString::fromUtf8(e.what()));
        return;
    }
    Q_EMIT finished(request.generation, false);
}
