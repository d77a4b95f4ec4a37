#include "views/translationview.h"

#include "base/application.h"
#include "base/corpora.h"
#include "models/architecture.h"
#include "plots/metricplot.h"
#include "plots/paintedexport.h"
#include "views/alignmentview.h"
#include "views/tokenchips.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QTimer>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>
#include <cstring>

namespace {

// The colour of span n: the same in the text, the input and the target.
QColor spanColour(int n)
{
    static const QColor colours[] = {QColor(255, 214, 153), QColor(174, 214, 241), QColor(200, 230, 180),
                                     QColor(240, 190, 220), QColor(220, 210, 250), QColor(250, 235, 160)};
    return colours[n % 6];
}

QList<TokenChip> chips(const QStringList &tokens, const QVector<int> &spans, bool marksAreSpecial)
{
    QList<TokenChip> out;
    for (int i = 0; i < tokens.size(); ++i) {
        TokenChip c;
        c.text = tokens[i];
        const int span = spans.value(i, -1);
        if (span >= 0) {
            c.background = spanColour(span);
            c.border = spanColour(span).darker(140);
            c.bold = marksAreSpecial && tokens[i].startsWith(QLatin1Char('<'));
        }
        out.push_back(c);
    }
    return out;
}

} // namespace

TranslationView::TranslationView(QWidget *parent)
    : QWidget(parent), m_worker(new TranslationWorker), m_status(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_open(new QPushButton(tr("Open model…"), this)), m_train(new QPushButton(tr("Train a small model"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_curve(new MetricPlot(this)), m_family(new QComboBox(this)),
      m_task(new QComboBox(this)),
      m_another(new QPushButton(tr("Another example"), this)), m_text(new TokenChips(this)), m_input(new TokenChips(this)),
      m_target(new TokenChips(this)), m_corruptionNote(new QLabel(this)), m_source(new QLineEdit(this)),
      m_beam(new QSpinBox(this)), m_noRepeat(new QSpinBox(this)), m_lengthPenalty(new QDoubleSpinBox(this)),
      m_translate(new QPushButton(tr("Translate"), this)), m_output(new QLabel(this)), m_step(new QSlider(Qt::Horizontal, this)),
      m_stepLabel(new QLabel(this)), m_tree(new QTreeWidget(this)), m_cross(new TokenChips(this)),
      m_alignment(new AlignmentView(this))
{
    m_thread = startWorkerThread(m_worker, QStringLiteral("translation"), [w = m_worker] { w->cancel(); });

    // The model row.
    auto *modelRow = new QHBoxLayout;
    for (const BuiltinSeq2SeqTask &t : builtinSeq2SeqTasks())
        m_task->addItem(t.title, t.name);
    m_task->setToolTip(tr("What a model trained here learns: translation on the parallel corpora, or one-line "
                          "summaries of short news passages."));
    modelRow->addWidget(m_open);
    modelRow->addWidget(m_task);
    modelRow->addWidget(m_train);
    modelRow->addWidget(m_cancel);
    modelRow->addWidget(m_progress, 1);
    m_status->setWordWrap(true);
    m_status->setText(tr("Open an encoder–decoder, or train a small one here for the chosen task (a few minutes)."));
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1000);
    m_curve->setAxisLabels(tr("fine-tuning step"), tr("held-out chrF"), QString());
    m_curve->setMinimumHeight(140);
    m_curve->setLegendCorner(Qt::AlignBottom | Qt::AlignRight); // chrF rises
    m_curve->setVisible(false); // until a translator trains here

    // Damaged text.
    // Every encoder-decoder of the architecture table, with the denoising it pre-trains with.
    for (const lm::Architecture *a : lm::architectures()) {
        if (!a->seq2seqTokens)
            continue;
        const QString name = QString::fromStdString(a->name);
        const QString shown = name.toUpper();
        if (a->supports(lm::ObjectiveKind::SpanCorruption))
            m_family->addItem(tr("%1: span corruption").arg(shown), name);
        if (a->supports(lm::ObjectiveKind::TextInfilling)) {
            m_family->addItem(tr("%1: text infilling").arg(shown), name);
            m_family->addItem(tr("%1: text infilling + sentence permutation").arg(shown), name + QStringLiteral("+permute"));
        }
    }
    auto *damage = new QGroupBox(tr("Pre-training: the damaged text"), this);
    auto *damageLayout = new QVBoxLayout(damage);
    auto *familyRow = new QHBoxLayout;
    familyRow->addWidget(m_family, 1);
    familyRow->addWidget(m_another);
    damageLayout->addLayout(familyRow);
    auto *rows = new QFormLayout;
    rows->addRow(tr("Text"), m_text);
    rows->addRow(tr("Encoder reads"), m_input);
    rows->addRow(tr("Decoder writes"), m_target);
    damageLayout->addLayout(rows);
    m_corruptionNote->setWordWrap(true);
    damageLayout->addWidget(m_corruptionNote);
    damageLayout->addWidget(m_curve, 1);
    for (TokenChips *c : {m_text, m_input, m_target, m_cross})
        c->setClickable(false);

    // Step by step.
    m_beam->setRange(1, 16);
    m_beam->setValue(4);
    m_beam->setToolTip(tr("1: greedy (the most likely token each step); more: beam search keeps that many prefixes"));
    m_lengthPenalty->setRange(-2.0, 4.0);
    m_lengthPenalty->setSingleStep(0.1);
    m_lengthPenalty->setValue(1.0);
    m_lengthPenalty->setToolTip(tr("A finished beam's log-probability is divided by its length to this power"));
    m_noRepeat->setRange(0, 8);
    m_noRepeat->setToolTip(tr("Forbid repeating any n-gram of this size (0: off)"));
    m_source->setPlaceholderText(tr("A sentence to translate"));
    auto *steps = new QGroupBox(tr("Decoding, step by step"), this);
    auto *stepsLayout = new QVBoxLayout(steps);
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(m_translate);
    stepsLayout->addLayout(sourceRow);
    auto *options = new QHBoxLayout;
    options->addWidget(new QLabel(tr("Beam width"), this));
    options->addWidget(m_beam);
    options->addWidget(new QLabel(tr("Length penalty"), this));
    options->addWidget(m_lengthPenalty);
    options->addWidget(new QLabel(tr("No repeated n-gram"), this));
    options->addWidget(m_noRepeat);
    options->addStretch(1);
    stepsLayout->addLayout(options);
    QFont big = m_output->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_output->setFont(big);
    m_output->setTextInteractionFlags(Qt::TextSelectableByMouse);
    stepsLayout->addWidget(m_output);
    auto *stepRow = new QHBoxLayout;
    stepRow->addWidget(m_step, 1);
    stepRow->addWidget(m_stepLabel);
    stepsLayout->addLayout(stepRow);
    m_tree->setHeaderLabels({tr("Token"), tr("Hypothesis"), tr("Score")});
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    stepsLayout->addWidget(m_tree, 1);
    stepsLayout->addWidget(new QLabel(tr("What the decoder looked at in the source (cross-attention, last layer):"), this));
    stepsLayout->addWidget(m_cross);
    auto *alignmentBox = new QGroupBox(tr("Alignment"), this);
    auto *alignmentLayout = new QVBoxLayout(alignmentBox);
    alignmentLayout->addWidget(m_alignment);
    m_alignment->setContextMenuPolicy(Qt::CustomContextMenu);
    stepsLayout->addWidget(alignmentBox);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(damage);
    split->addWidget(steps);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(modelRow);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    m_translate->setEnabled(false);
    m_step->setEnabled(false);

    connect(m_open, &QPushButton::clicked, this, &TranslationView::chooseModelFile);
    connect(m_train, &QPushButton::clicked, this, [this] {
        TranslatorRequest r;
        r.task = m_task->currentData().toString();
        trainTranslator(r);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_worker->cancel(); });
    connect(m_translate, &QPushButton::clicked, this, &TranslationView::translate);
    connect(m_source, &QLineEdit::returnPressed, this, &TranslationView::translate);
    connect(m_another, &QPushButton::clicked, this, [this] {
        ++m_exampleSeed;
        drawExample();
    });
    connect(m_family, &QComboBox::currentIndexChanged, this, &TranslationView::drawExample);
    connect(m_task, &QComboBox::currentIndexChanged, this, &TranslationView::updateWording);
    connect(m_step, &QSlider::valueChanged, this, &TranslationView::showStep);
    connect(m_alignment, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu(this);
        menu.addAction(tr("Export (PNG, SVG, PDF, CSV)…"), this, [this] {
            exportPaintedWithDialog(m_alignment, m_alignment->csv(), tr("Export the alignment"), tr("alignment"));
        });
        menu.exec(m_alignment->mapToGlobal(at));
    });

    connect(m_worker, &TranslationWorker::progress, this, [this](const QString &message, double fraction) {
        m_status->setText(message);
        m_progress->setRange(0, fraction < 0.0 ? 0 : 1000);
        if (fraction >= 0.0)
            m_progress->setValue(static_cast<int>(std::lround(1000.0 * fraction)));
    });
    connect(m_worker, &TranslationWorker::chrF, this, [this](const ChrFPoint &p) {
        m_curve->setVisible(true);
        int &series = p.fromScratch ? m_scratchSeries : m_curveSeries;
        if (series < 0)
            series = p.fromScratch ? m_curve->addSeries(tr("from scratch"), QColor(214, 39, 40), MetricPlot::Axis::Loss,
                                                        Qt::DashLine)
                                   : m_curve->addSeries(tr("pre-trained, then fine-tuned"), QColor(31, 119, 180),
                                                        MetricPlot::Axis::Loss);
        m_curve->addPoint(series, p.step, p.chrF);
    });
    connect(m_worker, &TranslationWorker::ready, this, [this](const TranslatorReady &r) {
        m_hasModel = true;
        m_modelTask = m_pendingTask;
        updateWording();
        QString text = r.origin;
        if (r.chrF >= 0.0 && r.scratchChrF >= 0.0)
            text += QLatin1Char(' ') + tr("Held-out chrF (greedy, 100 pairs): %1; the same model from scratch: %2.")
                                           .arg(r.chrF, 0, 'f', 1)
                                           .arg(r.scratchChrF, 0, 'f', 1);
        else if (r.chrF >= 0.0)
            text += QLatin1Char(' ') + tr("Held-out chrF (greedy, 100 pairs): %1.").arg(r.chrF, 0, 'f', 1);
        setBusy(false, text);
        m_progress->setRange(0, 1000);
        m_progress->setValue(1000);
        if (!r.exampleSource.isEmpty() && m_source->text().isEmpty())
            m_source->setText(r.exampleSource);
        Q_EMIT ready(true);
    });
    connect(m_worker, &TranslationWorker::failed, this, [this](const QString &message) {
        const bool wasPreparing = m_busy;
        setBusy(false, message);
        m_progress->setRange(0, 1000);
        if (wasPreparing)
            Q_EMIT ready(false);
        Q_EMIT translated(false);
    });
    connect(m_worker, &TranslationWorker::translated, this, &TranslationView::showTranslation);
    connect(m_worker, &TranslationWorker::corrupted, this, &TranslationView::showCorruption);
    QTimer::singleShot(0, this, &TranslationView::drawExample);
}

TranslationView::~TranslationView() = default;

void TranslationView::setBusy(bool busy, const QString &message)
{
    m_busy = busy;
    m_open->setEnabled(!busy);
    m_train->setEnabled(!busy);
    m_task->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_translate->setEnabled(!busy && m_hasModel);
    if (!message.isEmpty())
        m_status->setText(message);
}

void TranslationView::chooseModelFile()
{
    QMenu menu(this);
    menu.addAction(tr("A .safetensors file…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open an encoder–decoder"), QString(),
                                                          tr("LMScope model (*.safetensors)"));
        if (!path.isEmpty())
            openModel(path);
    });
    menu.addAction(tr("A Hugging Face folder…"), this, [this] {
        const QString path = QFileDialog::getExistingDirectory(this, tr("Open a Hugging Face T5 or BART folder"));
        if (!path.isEmpty())
            openModel(path);
    });
    menu.exec(m_open->mapToGlobal(QPoint(0, m_open->height())));
}

void TranslationView::openModel(const QString &path)
{
    if (m_busy)
        return;
    setBusy(true);
    m_pendingTask.clear();
    TranslatorRequest r;
    r.modelPath = path;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, r] { w->prepare(r); }, Qt::QueuedConnection);
}

void TranslationView::trainTranslator(const TranslatorRequest &request)
{
    if (m_busy)
        return;
    setBusy(true);
    m_curve->fadeSeries();
    m_curveSeries = -1;
    m_scratchSeries = -1;
    TranslatorRequest r = request;
    r.modelPath.clear();
    m_pendingTask = r.task;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, r] { w->prepare(r); }, Qt::QueuedConnection);
}

bool TranslationView::replayRun(const TranslatorRequest &request, const QVector<ChrFPoint> &points,
                                const TranslatorReady &ready, const QString &source, const TranslationShown &written,
                                std::shared_ptr<TranslationWorker::State> state)
{
    if (m_busy)
        return false;
    setTask(request.task);
    m_pendingTask = request.task;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, state = std::move(state)] { w->adoptState(state); },
                              Qt::QueuedConnection);
    // The worker's own signals, replayed on this thread: the view reacts as it does to its runs.
    m_curveSeries = m_scratchSeries = -1;
    m_curve->clear();
    for (const ChrFPoint &p : points)
        Q_EMIT m_worker->chrF(p);
    Q_EMIT m_worker->ready(ready);
    setSource(source);
    TranslationShown current = written;
    current.generation = ++m_generation; // the newest translation this view shows
    showTranslation(current);
    return true;
}

QWidget *TranslationView::alignmentView() const { return m_alignment; }
QWidget *TranslationView::beamTree() const { return m_tree; }

void TranslationView::replayCorruption(const QVector<CorruptionShown> &samples)
{
    for (const CorruptionShown &c : samples)
        showCorruption(c);
}

void TranslationView::updateWording()
{
    // An opened model's task is not known: the chooser's says what the learner means to do.
    const QString task = m_hasModel && m_modelTask.isEmpty() ? m_task->currentData().toString() : m_modelTask;
    const bool summaries = task.startsWith(QStringLiteral("summarize"));
    m_translate->setText(summaries ? tr("Summarise") : tr("Translate"));
    m_source->setPlaceholderText(summaries ? tr("A passage to summarise") : tr("A sentence to translate"));
}

void TranslationView::setSource(const QString &text) { m_source->setText(text); }
void TranslationView::setBeam(int width) { m_beam->setValue(width); }

void TranslationView::setTask(const QString &name)
{
    if (const int i = m_task->findData(name); i >= 0)
        m_task->setCurrentIndex(i);
}

void TranslationView::translate()
{
    if (m_busy || !m_hasModel)
        return;
    lm::DecodingOptions o;
    o.beam = m_beam->value();
    o.lengthPenalty = static_cast<float>(m_lengthPenalty->value());
    o.noRepeatNgram = m_noRepeat->value();
    o.maxTokens = 64;
    const int generation = ++m_generation;
    const QString text = m_source->text();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, text, o, generation] { w->translate(text, o, generation); },
                              Qt::QueuedConnection);
}

void TranslationView::drawExample()
{
    const QString family = m_family->currentData().toString();
    const bool permute = family.endsWith(QStringLiteral("+permute"));
    const QString arch = permute ? family.chopped(int(std::strlen("+permute"))) : family;
    const QString language = currentLanguage() == QStringLiteral("zh_TW") ? QStringLiteral("zh_TW") : QStringLiteral("en");
    const quint64 seed = m_exampleSeed;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, arch, permute, language, seed] { w->corrupt(arch, permute, language, seed); },
                              Qt::QueuedConnection);
}

void TranslationView::showCorruption(const CorruptionShown &shown)
{
    m_corruption = shown;
    // The chooser names what is shown (a lesson's sample may be another family's than the chosen).
    const QString family = shown.family + (shown.sentenceOrder.isEmpty() ? QString() : QStringLiteral("+permute"));
    if (const int i = m_family->findData(family); i >= 0 && i != m_family->currentIndex()) {
        const QSignalBlocker block(m_family);
        m_family->setCurrentIndex(i);
    }
    m_text->setChips(chips(shown.original, shown.originalSpan, false));
    m_input->setChips(chips(shown.input, shown.inputSpan, true));
    m_target->setChips(chips(shown.target, shown.targetSpan, true));
    int spans = 0;
    for (int s : shown.inputSpan)
        spans += s >= 0;
    if (shown.spanCorruption)
        m_corruptionNote->setText(
            tr("%1 spans (about 15 % of the tokens, 3 tokens long on average) were cut out. Each left one sentinel in "
               "the encoder's input; the decoder writes each sentinel followed by the tokens it stands for — only what "
               "was lost.")
                .arg(spans));
    else
        m_corruptionNote->setText(
            (shown.sentenceOrder.isEmpty()
                 ? tr("%1 spans (about 30 % of the tokens, Poisson lengths with mean 3) became one <mask> each; a span of "
                      "length 0 inserts a <mask>, so the model must also learn how many tokens are missing. The decoder "
                      "writes the whole text back.")
                 : tr("The sentences were shuffled, then %1 spans became one <mask> each. The decoder writes the whole text "
                      "back in its original order."))
                .arg(spans));
    Q_EMIT exampleDrawn();
}

void TranslationView::showTranslation(const TranslationShown &shown)
{
    if (shown.generation != m_generation)
        return;
    m_shown = shown;
    m_output->setText(shown.output);
    // The beam tree: each step's node under its prefix's node of the step before.
    m_tree->clear();
    QVector<QTreeWidgetItem *> previous;
    for (int s = 0; s < shown.steps.size(); ++s) {
        QVector<QTreeWidgetItem *> current;
        for (const BeamNode &n : shown.steps[s]) {
            QTreeWidgetItem *parent = n.parent >= 0 && n.parent < previous.size() ? previous[n.parent] : nullptr;
            auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
            item->setText(0, n.token);
            item->setText(1, n.text);
            item->setText(2, QString::number(n.score, 'f', 3));
            item->setData(0, Qt::UserRole, s);
            if (n.ended) {
                QFont f = item->font(0);
                f.setItalic(true);
                for (int c = 0; c < 3; ++c)
                    item->setFont(c, f);
            }
            if (!n.ended)
                current.push_back(item);
        }
        previous = current;
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(0);
    m_alignment->setAlignment(shown.sourceTokens, shown.targetTokens, shown.alignment);
    m_step->setEnabled(!shown.steps.isEmpty());
    m_step->setRange(0, std::max(0, static_cast<int>(shown.steps.size()) - 1));
    m_step->setValue(0);
    showStep(0);
    Q_EMIT translated(true);
}

void TranslationView::showStep(int step)
{
    if (step < 0 || step >= m_shown.steps.size())
        return;
    if (m_step->value() != step) {
        const QSignalBlocker quiet(m_step);
        m_step->setValue(step);
    }
    m_stepLabel->setText(tr("Step %1 of %2: chose “%3”").arg(step + 1).arg(m_shown.steps.size()).arg(m_shown.chosen.value(step)));
    QList<TokenChip> source;
    const QVector<float> &row = m_shown.crossAtStep[step];
    float top = 0.0f;
    for (float w : row)
        top = std::max(top, w);
    for (int i = 0; i < m_shown.sourceTokens.size(); ++i) {
        TokenChip c;
        c.text = m_shown.sourceTokens[i];
        const float w = i < row.size() && top > 0.0f ? row[i] / top : 0.0f;
        c.background = QColor::fromRgbF(1.0f - 0.75f * w, 1.0f - 0.45f * w, 1.0f);
        c.caption = i < row.size() ? QString::number(100.0 * row[i], 'f', 0) + QLatin1Char('%') : QString();
        source.push_back(c);
    }
    m_cross->setChips(source);
    m_alignment->setHighlighted(step);
    // Select the step's nodes in the tree.
    m_tree->clearSelection();
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(0, Qt::UserRole).toInt() == step)
            (*it)->setSelected(true);
}
