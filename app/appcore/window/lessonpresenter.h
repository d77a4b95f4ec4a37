#pragma once
// LessonPresenter: shows what a lesson step produced in the views a learner knows. The tab the
// step names comes to the front; each model the lesson trained keeps its loss curve on the
// language-model tab, labelled with its family, so a later model's curve is drawn beside the
// earlier ones; the traced text goes to the attention or hidden-state view; word vectors to the
// Word vectors tab (projected, with the step's analogy solved); the forecast, the tagger's output
// and the gradient probe to the Recurrent tab's pages, each page brought to the front; memory
// sweeps to the Memory tab; encoder pre-training and fine-tuning to the Encoders tab's pages (the
// pre-trained encoder becomes the session's, which the Word vectors tab's contextual page reads),
// sentence search to its tab, an encoder–decoder and its corruption samples to the Translation
// tab (whose worker takes the lesson's model over), a comparison of families to the Compare tab;
// then the layer, head, token, unit and region
// the step points at. A region inside a page (the gates, the step-through) switches to that page.
//
// A result the views already show is not shown again: the presenter remembers the objects it
// showed (a session replaces a result with a new object when an action produces it again).
#include "lessons/lessonpanel.h"

#include <QObject>

class AttentionView;
class CompareView;
class EmbeddingView;
class EncodersView;
class RetrievalView;
class TranslationView;
class ForecastPage;
class LanguageModelPage;
class MemoryView;
class QTabWidget;
class RecurrentView;
class TaggingPage;
class TrainingController;

class LessonPresenter final : public QObject {
    Q_OBJECT

public:
    // The window's parts the presenter shows results in; none may be null.
    struct Views {
        QTabWidget *tabs;
        LanguageModelPage *lm;
        TrainingController *controller; // the learner's own training: while it runs, the loss plot is its
        EmbeddingView *vectors;
        RecurrentView *recurrent;
        TaggingPage *tagging;
        ForecastPage *forecast;
        AttentionView *attention;
        MemoryView *memory;
        EncodersView *encoders;
        RetrievalView *retrieval;
        TranslationView *translation;
        CompareView *compare;
    };
    LessonPresenter(const Views &views, QObject *parent = nullptr);

    // Losses of run `run` (of family `arch`) while a lesson trains: drawn live; a new run keeps
    // the curve before it as a labelled line.
    void addLosses(int run, const QString &arch, const QVector<double> &losses);
    // A lesson session starts afresh: its first run starts a new live curve.
    void sessionStarted() { m_liveRun = -1; }
    // Shows a finished step's snapshot (see the class comment). Returns the widget its highlight
    // names, already brought to the front, or null.
    QWidget *apply(const LessonSnapshot &snapshot);
    // The widget a `highlight` region names ("loss_plot", "gates", …); null if unknown.
    QWidget *region(const QString &name) const;
    // Brings `widget` to the front: every tab page on the way up from it becomes the current one.
    static void reveal(QWidget *widget);

private:
    void showRuns(const std::vector<LessonRun> &runs);
    // The encoder and encoder–decoder results `r` holds that the views do not show yet; returns
    // the page that now shows the newest of them, or null.
    QWidget *showTaskResults(const LessonResults &r);
    QString runLabel(const std::vector<LessonRun> &runs, std::size_t index) const;
    bool lossPlotFree() const; // the learner's own training does not own the plot

    Views m_views;
    int m_liveRun = -1;  // the lesson run the loss plot's live line shows
    QString m_liveArch;  // its family
    // What the views already show.
    std::shared_ptr<const lm::Trace> m_trace;
    std::shared_ptr<const LessonVectors> m_vectors;
    std::shared_ptr<const LessonVectors> m_pendingVectors; // shown, its analogy waits for the projection
    std::shared_ptr<const LessonForecast> m_forecast;
    std::shared_ptr<const LessonTagging> m_tagging;
    std::shared_ptr<const LessonGradients> m_gradients;
    std::shared_ptr<const LessonPretraining> m_pretraining; // the last one shown
    std::shared_ptr<const LessonFinetuning> m_finetuning;
    std::shared_ptr<const LessonContextual> m_contextual;
    std::shared_ptr<const LessonRetrieval> m_retrieval;
    std::shared_ptr<const LessonTranslation> m_translation;
    std::shared_ptr<const LessonCorruption> m_corruption;
    std::shared_ptr<const LessonZoo> m_zoo;
};
