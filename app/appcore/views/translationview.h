#pragma once
// TranslationView (the "Translation" tab): encoder–decoders at work. Three panels:
//   Damaged text   what pre-training shows the model: a run of the built-in corpus, the copy the
//                  encoder reads (T5: spans replaced by sentinels; BART: by <mask>, sentences
//                  shuffled with permutation) and what the decoder must write, span by span in
//                  matching colours.
//   Step by step   a sentence translated by greedy or beam search: the beams as a tree with their
//                  scores, a slider over the steps showing the token chosen and the source tokens
//                  the decoder looked at (its cross-attention) at that step.
//   Alignment      source and target tokens on two lines, linked by the cross-attention that wrote
//                  each target token.
// The model is opened (our .safetensors, a Hugging Face T5 or BART folder) or trained here for the
// chosen built-in task (a small T5: span corruption on the task's corpus, then its pairs), with
// the held-out chrF curve beside that of the same model trained on the pairs from scratch. All
// engine work runs on the view's TranslationWorker thread.
#include "base/workerthread.h"
#include "workers/translationworker.h"

#include <QWidget>

class AlignmentView;
class MetricPlot;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;
class QTreeWidget;
class TokenChips;

class TranslationView final : public QWidget {
    Q_OBJECT

public:
    explicit TranslationView(QWidget *parent = nullptr);
    ~TranslationView() override;

    bool isBusy() const { return m_busy; }
    bool hasModel() const { return m_hasModel; }
    const TranslationShown &lastTranslation() const { return m_shown; }
    const CorruptionShown &lastCorruption() const { return m_corruption; }
    // The parts a lesson points at: the alignment of the last translation, and its beams step by step.
    QWidget *alignmentView() const;
    QWidget *beamTree() const;
    // Opens `path` (our .safetensors or a Hugging Face folder) on the worker; ready() or failed().
    void openModel(const QString &path);
    // Trains the small T5 translator with `request`'s sizes (its modelPath is ignored).
    void trainTranslator(const TranslatorRequest &request);
    void setSource(const QString &text);
    void setBeam(int width);
    void setTask(const QString &name); // the task chooser's built-in task (an unknown name: no change)
    void translate();
    // Draws another damaged example for the chosen family.
    void drawExample();
    // Shows step `step` (0-based) of the last translation.
    void showStep(int step);
    // Shows a model trained elsewhere (a lesson step, by a TranslationWorker) as if trained here:
    // its chrF curves, its summary, and `written` (its translation of `source`, with its steps);
    // this view's worker takes over `state`, so the learner's next translations use that model.
    // Returns false, showing nothing, while this view is busy.
    bool replayRun(const TranslatorRequest &request, const QVector<ChrFPoint> &points, const TranslatorReady &ready,
                   const QString &source, const TranslationShown &written, std::shared_ptr<TranslationWorker::State> state);
    // Shows damaged samples drawn elsewhere (a lesson step), the last one in the corruption view.
    void replayCorruption(const QVector<CorruptionShown> &samples);

Q_SIGNALS:
    void ready(bool ok);
    void translated(bool ok);
    void exampleDrawn();

private:
    void setBusy(bool busy, const QString &message = QString());
    // The source box and its button speak of translating or of summarising, as the model in use
    // was trained here for (an opened model: as the task chooser says).
    void updateWording();
    void showTranslation(const TranslationShown &shown);
    void showCorruption(const CorruptionShown &shown);
    void chooseModelFile();

    TranslationWorker *m_worker = nullptr;
    WorkerThread m_thread;
    bool m_busy = false, m_hasModel = false;
    QString m_modelTask;   // the built-in task of the model trained here; empty for an opened one
    QString m_pendingTask; // the same for the model being prepared
    int m_generation = 0;
    quint64 m_exampleSeed = 1;
    TranslationShown m_shown;
    CorruptionShown m_corruption;

    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_open, *m_train, *m_cancel;
    MetricPlot *m_curve;
    int m_curveSeries = -1, m_scratchSeries = -1; // the chrF curves: pre-trained, from scratch

    QComboBox *m_family;
    QComboBox *m_task; // what "Train" teaches: a builtinSeq2SeqTasks() name per item
    QPushButton *m_another;
    TokenChips *m_text, *m_input, *m_target;
    QLabel *m_corruptionNote;

    QLineEdit *m_source;
    QSpinBox *m_beam, *m_noRepeat;
    QDoubleSpinBox *m_lengthPenalty;
    QPushButton *m_translate;
    QLabel *m_output;
    QSlider *m_step;
    QLabel *m_stepLabel;
    QTreeWidget *m_tree;
    TokenChips *m_cross;
    AlignmentView *m_alignment;
};
