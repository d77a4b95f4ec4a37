#include "window/lessonpresenter.h"

#include "plots/implicitattention.h"

#include "base/application.h"
#include "plots/embeddingplot.h"
#include "plots/heatmapplot.h"
#include "plots/lineplot.h"
#include "plots/lossplot.h"
#include "plots/memoryplots.h"
#include "views/attentionview.h"
#include "views/embeddingview.h"
#include "views/headstepview.h"
#include "views/memorycalculator.h"
#include "views/memoryview.h"
#include "views/recurrentview.h"
#include "views/forecastpage.h"
#include "views/taggingpage.h"
#include "views/contextualpanel.h"
#include "views/encodersview.h"
#include "views/finetunepage.h"
#include "views/pretrainpage.h"
#include "views/maskedbatchview.h"
#include "plots/metricplot.h"
#include "views/retrievalview.h"
#include "views/compareview.h"
#include "views/translationview.h"
#include "base/sessionencoder.h"
#include "lessons/lessontasks.h"
#include "window/languagemodelpage.h"

#include "models/architecture.h"

#include <QStackedWidget>
#include <QTabWidget>

#include <algorithm>
#include <map>

namespace {

QVector<double> toQVector(const std::vector<double> &v) { return QVector<double>(v.begin(), v.end()); }

QVector<double> stepsFor(qsizetype count)
{
    QVector<double> steps(count);
    for (qsizetype i = 0; i < count; ++i)
        steps[i] = double(i + 1);
    return steps;
}

} // namespace

LessonPresenter::LessonPresenter(const Views &views, QObject *parent) : QObject(parent), m_views(views)
{
    // The analogy and the neighbours of a lesson's vectors, once the projection has placed them
    // (a new projection clears the plot's arrows and highlights).
    connect(m_views.vectors, &EmbeddingView::projectionFinished, this, [this](bool ok) {
        if (!ok || !m_vectors || m_vectors != m_pendingVectors)
            return;
        m_pendingVectors.reset();
        if (m_vectors->analogy.size() == 3)
            m_views.vectors->solveAnalogy(QString::fromStdString(m_vectors->analogy[0]), QString::fromStdString(m_vectors->analogy[1]),
                                          QString::fromStdString(m_vectors->analogy[2]));
        if (!m_vectors->word.empty())
            m_views.vectors->selectWord(QString::fromStdString(m_vectors->word));
    });
}

bool LessonPresenter::lossPlotFree() const { return m_views.controller->state() != TrainingController::State::Running; }

QString LessonPresenter::runLabel(const std::vector<LessonRun> &runs, std::size_t index) const
{
    // "GPT", and "GPT (2)" for the second GPT of the lesson.
    int same = 0, before = 0;
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (runs[i].arch == runs[index].arch && !runs[i].losses.empty()) {
            ++same;
            before += i < index ? 1 : 0;
        }
    const QString name = familyDisplayName(runs[index].arch);
    return same > 1 ? tr("%1 (%2)").arg(name).arg(before + 1) : name;
}

void LessonPresenter::showRuns(const std::vector<LessonRun> &runs)
{
    LossPlot *plot = m_views.lm->lossPlot();
    std::size_t last = runs.size();
    while (last > 0 && runs[last - 1].losses.empty())
        --last;
    if (last == 0)
        return; // nothing trained yet: the plot keeps what it shows
    plot->clearRuns();
    plot->clear();
    for (std::size_t i = 0; i + 1 < last; ++i)
        if (!runs[i].losses.empty())
            plot->keepRun(runLabel(runs, i), stepsFor(qsizetype(runs[i].losses.size())), toQVector(runs[i].losses),
                          familyColour(runs[i].arch));
    const LessonRun &live = runs[last - 1];
    plot->setRunName(runLabel(runs, last - 1), familyColour(live.arch));
    plot->addPoints(stepsFor(qsizetype(live.losses.size())), toQVector(live.losses));
    m_liveRun = int(last - 1);
    m_liveArch = QString::fromStdString(live.arch);
}

void LessonPresenter::addLosses(int run, const QString &arch, const QVector<double> &losses)
{
    if (!lossPlotFree())
        return; // the learner's own training owns the plot
    LossPlot *plot = m_views.lm->lossPlot();
    if (run != m_liveRun) {
        // A new model: the curve so far stays, as a line of its own, for comparison; in a fresh
        // session the curves on the plot belong to something else.
        if (m_liveRun < 0)
            plot->clearRuns();
        else if (plot->pointCount() > 0)
            plot->keepRun(plot->runName(), plot->steps(), plot->losses(), familyColour(m_liveArch.toStdString()));
        plot->clear();
        plot->setRunName(familyDisplayName(arch.toStdString()), familyColour(arch.toStdString()));
        m_liveRun = run;
        m_liveArch = arch;
    }
    m_views.tabs->setCurrentWidget(plot);
    for (double loss : losses)
        plot->addPoint(double(plot->pointCount() + 1), loss);
}

QWidget *LessonPresenter::region(const QString &name) const
{
    const std::map<QString, QWidget *> regions{
        {QStringLiteral("loss_plot"), m_views.lm->lossPlot()},
        {QStringLiteral("setup"), m_views.lm->setupDock()},
        {QStringLiteral("generated_text"), m_views.lm->generatedLabel()},
        {QStringLiteral("heatmap"), m_views.attention->headPlot()},
        {QStringLiteral("overview"), m_views.attention->overview()},
        {QStringLiteral("entropy"), m_views.attention->entropyTable()},
        {QStringLiteral("step_through"), m_views.attention->stepView()},
        {QStringLiteral("projection"), m_views.vectors->plot()},
        {QStringLiteral("neighbors"), m_views.vectors->neighborPanel()},
        {QStringLiteral("analogy"), m_views.vectors->analogyPanel()},
        {QStringLiteral("hidden_states"), m_views.recurrent->hiddenPlot()},
        {QStringLiteral("gates"), m_views.recurrent->gatePlot()},
        {QStringLiteral("gradients"), m_views.recurrent->gradientPlot()},
        {QStringLiteral("tagging"), m_views.tagging},
        {QStringLiteral("forecast"), m_views.forecast->plot()},
        {QStringLiteral("memory_bytes"), m_views.memory->bytesPlot()},
        {QStringLiteral("memory_time"), m_views.memory->timePlot()},
        {QStringLiteral("calculator"), m_views.memory->calculator()},
        {QStringLiteral("masked_batch"), m_views.encoders->pretraining()->batchView()},
        {QStringLiteral("pair_plot"), m_views.encoders->pretraining()->pairPlot()},
        {QStringLiteral("finetune_curves"), m_views.encoders->finetuning()->curves()},
        {QStringLiteral("alignment"), m_views.translation->alignmentView()},
        {QStringLiteral("beams"), m_views.translation->beamTree()},
    };
    const auto it = regions.find(name);
    return it == regions.end() ? nullptr : it->second;
}

void LessonPresenter::reveal(QWidget *widget)
{
    // A tab page sits in the QStackedWidget inside its QTabWidget.
    for (QWidget *w = widget; w; w = w->parentWidget()) {
        auto *stack = qobject_cast<QStackedWidget *>(w->parentWidget());
        if (auto *tabs = stack ? qobject_cast<QTabWidget *>(stack->parentWidget()) : nullptr; tabs && tabs->indexOf(w) >= 0)
            tabs->setCurrentWidget(w);
    }
}

QWidget *LessonPresenter::apply(const LessonSnapshot &snapshot)
{
    const LessonSelection &sel = snapshot.selection;
    const LessonResults &r = snapshot.results;
    // By page, not by index: the window may hold more tabs than the lessons name.
    const std::map<std::string, QWidget *> pages{{"lm", m_views.lm->lossPlot()}, {"vectors", m_views.vectors},
                                                 {"recurrent", m_views.recurrent}, {"attention", m_views.attention},
                                                 {"memory", m_views.memory}, {"encoders", m_views.encoders},
                                                 {"retrieval", m_views.retrieval}, {"translation", m_views.translation},
                                                 {"compare", m_views.compare}};
    if (const auto page = pages.find(sel.view); page != pages.end())
        m_views.tabs->setCurrentWidget(page->second);
    if (lossPlotFree()) {
        m_views.lm->setCorpusSpec(snapshot.corpusSpec);
        m_views.lm->setArchitecture(snapshot.arch);
        showRuns(r.runs);
    }
    if (!r.generated.empty())
        m_views.lm->setGeneratedText(QString::fromStdString(r.generated));

    // New results go to their views; the page each one fills comes to the front.
    QWidget *shown = nullptr;
    if (r.trace && r.trace != m_trace) {
        m_trace = r.trace;
        // Attention, or the attention a state-space layer computes implicitly, goes to the Attention
        // tab; a recurrent network's states to its own tab.
        if (attentionMapLayers(*r.trace) > 0) {
            m_views.attention->showTrace(r.trace);
        } else {
            m_views.recurrent->showTrace(r.trace);
            shown = m_views.recurrent->hiddenPlot();
        }
    }
    if (r.vectors && r.vectors != m_vectors) {
        m_vectors = r.vectors;
        m_pendingVectors = r.vectors;
        m_views.vectors->showVectors(std::shared_ptr<const lm::WordVectors>(r.vectors, &r.vectors->vectors),
                                     QString::fromStdString(r.vectors->method));
    }
    if (r.gradients && r.gradients != m_gradients) {
        m_gradients = r.gradients;
        QList<GradientCurve> curves;
        for (const auto &[cell, norms] : r.gradients->norms)
            curves.append(GradientCurve{familyDisplayName(cell), QVector<double>(norms.begin(), norms.end())});
        m_views.recurrent->showGradientProbe(curves, r.gradients->scale);
        shown = m_views.recurrent->gradientPlot();
    }
    if (r.forecast && r.forecast != m_forecast) {
        m_forecast = r.forecast;
        ForecastResult f;
        f.series = toQVector(r.forecast->series);
        f.trainSize = int(r.forecast->trainSize);
        f.testPredictions = toQVector(r.forecast->testPredictions);
        f.continuation = toQVector(r.forecast->continuation);
        f.continuationRmse = r.forecast->continuationRmse;
        f.flatRmse = r.forecast->flatRmse;
        f.trainRmse = r.forecast->trainRmse;
        f.naiveTrainRmse = r.forecast->naiveTrainRmse;
        f.testRmse = r.forecast->testRmse;
        f.naiveTestRmse = r.forecast->naiveTestRmse;
        f.stepsDone = int(r.forecast->losses.size());
        if (!r.forecast->losses.empty()) {
            f.firstLoss = r.forecast->losses.front();
            f.lastLoss = r.forecast->losses.back();
        }
        f.seconds = r.forecast->seconds;
        ForecastRequest request; // the page's controls show how the lesson's forecaster was made
        request.length = int(r.forecast->series.size());
        request.trend = 0.0;
        request.seed = r.forecast->seriesSeed;
        request.model = r.forecast->model;
        request.steps = r.forecast->steps;
        request.horizon = int(r.forecast->continuation.size());
        m_views.forecast->setRequest(request);
        m_views.forecast->showResult(f);
        shown = m_views.forecast;
    }
    if (r.tagging && r.tagging != m_tagging) {
        m_tagging = r.tagging;
        QList<QStringList> words, tags;
        for (const LessonTagging::Sentence &s : r.tagging->examples) {
            QStringList w, t;
            for (const std::string &x : s.words)
                w << QString::fromStdString(x);
            for (const std::string &x : s.tags)
                t << QString::fromStdString(x);
            words << w;
            tags << t;
        }
        TaggingRequest request; // the page's controls show how the lesson's tagger was made
        request.kind = r.tagging->config.kind;
        request.bidirectional = r.tagging->config.bidirectional;
        request.dim = r.tagging->config.dim;
        request.hidden = r.tagging->config.hidden;
        request.steps = r.tagging->steps;
        m_views.tagging->setRequest(request);
        m_views.tagging->showResult(r.tagging->accuracy, r.tagging->testSentences, r.tagging->testWords, words, tags);
        if (r.tagging->trace)
            m_views.recurrent->showTrace(r.tagging->trace);
        shown = m_views.tagging;
    }
    if (QWidget *task = showTaskResults(r))
        shown = task;
    if (shown)
        reveal(shown);

    if (sel.layer >= 0 || sel.head >= 0)
        m_views.attention->selectHead(std::max(0, sel.layer), std::max(0, sel.head));
    if (sel.token >= 0)
        m_views.attention->selectToken(sel.token);
    if (sel.unit >= 0)
        m_views.recurrent->showUnit(sel.unit);
    if (!r.memoryRows.empty())
        m_views.memory->showRows(r.memoryRows);
    QWidget *target = sel.highlight.empty() ? nullptr : region(QString::fromStdString(sel.highlight));
    if (target)
        reveal(target);
    return target;
}

QWidget *LessonPresenter::showTaskResults(const LessonResults &r)
{
    QWidget *shown = nullptr;
    // Every pre-training since the last one shown, in order: an NSP run and the SOP run after it
    // end up side by side on the pair plot.
    auto from = std::find(r.pretrainings.begin(), r.pretrainings.end(), m_pretraining);
    from = from == r.pretrainings.end() ? r.pretrainings.begin() : from + 1;
    for (auto it = from; it != r.pretrainings.end(); ++it) {
        const LessonPretraining &p = **it;
        m_pretraining = *it;
        m_views.encoders->pretraining()->replayRun(p.request, p.summary, p.scores, p.batch, p.result);
        // The session's encoder: the Word vectors tab's contextual page and sentence search read it.
        auto snapshot = std::make_shared<EncoderSnapshot>();
        snapshot->model = p.result.encoder.model;
        snapshot->tokenizer = p.result.encoder.tokenizer;
        snapshot->origin = tr("pre-trained in a lesson (%1)").arg(p.request.arch.toUpper());
        SessionEncoder::instance().publish(std::move(snapshot));
        shown = m_views.encoders->pretraining();
    }
    if (r.finetuning && r.finetuning != m_finetuning) {
        m_finetuning = r.finetuning;
        const LessonFinetuning &f = *r.finetuning;
        m_views.encoders->finetuning()->replayRun(f.request, f.summary, f.progress, f.evals, f.runs);
        shown = m_views.encoders->finetuning();
    }
    if (r.contextual && r.contextual != m_contextual) {
        m_contextual = r.contextual;
        // The panel reads the session's encoder (the lesson's, published above) and the word
        // vectors the lesson trained, so its own comparison is the lesson's.
        ContextualPanel *panel = m_views.vectors->contextualPanel();
        panel->setWord(r.contextual->request.word);
        panel->setSentences(r.contextual->request.sentences);
        m_views.vectors->showContextualPage(true);
        panel->compare(false);
        shown = panel;
    }
    if (r.retrieval && r.retrieval != m_retrieval) {
        m_retrieval = r.retrieval;
        m_views.retrieval->replayRun(r.retrieval->request, r.retrieval->ready, r.retrieval->state);
        shown = m_views.retrieval;
    }
    if (r.corruption && r.corruption != m_corruption) {
        m_corruption = r.corruption;
        m_views.translation->replayCorruption(r.corruption->shown);
        shown = m_views.translation;
    }
    if (r.translation && r.translation != m_translation) {
        m_translation = r.translation;
        const LessonTranslation &t = *r.translation;
        m_views.translation->setBeam(t.beamWidth);
        m_views.translation->replayRun(t.request, t.points, t.ready, t.source, t.beam, t.state);
        shown = m_views.translation;
    }
    if (r.zoo && r.zoo != m_zoo) {
        m_zoo = r.zoo;
        m_views.compare->setJob(r.zoo->job);
        m_views.compare->replayRun(r.zoo->outcome);
        shown = m_views.compare;
    }
    return shown;
}
