#include "views/pretrainpage.h"

#include "base/application.h"
#include "base/corpora.h"
#include "base/spinbox.h"
#include "models/architecture.h"
#include "plots/metricplot.h"
#include "views/maskedbatchview.h"
#include "views/modeloptionspanel.h"
#include "workers/pretrainworker.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>

namespace {

// One colour per run, so a run's lines match across the two plots.
QColor runColour(int run)
{
    static const QColor colours[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),
                                     QColor(214, 39, 40), QColor(148, 103, 189), QColor(140, 86, 75)};
    return colours[run % int(std::size(colours))];
}

QString fileToOpen(const QString &chosen)
{
    // A Hugging Face folder is opened by choosing its config.json.
    const QFileInfo info(chosen);
    return info.fileName() == QStringLiteral("config.json") ? info.absolutePath() : chosen;
}

} // namespace

PretrainPage::PretrainPage(QWidget *parent) : QWidget(parent), m_worker(new PretrainWorker)
{
    m_thread = startWorkerThread(m_worker, QStringLiteral("encoder pre-training"), [w = m_worker] { w->cancel(); });

    auto *controls = new QWidget(this);
    auto *controlsLayout = new QVBoxLayout(controls);
    controlsLayout->setContentsMargins(0, 0, 0, 0);
    auto *modelBox = new QGroupBox(tr("Encoder"), controls);
    auto *form = new QFormLayout(modelBox);
    m_family = new QComboBox(modelBox);
    m_family->setObjectName(QStringLiteral("family"));
    for (const lm::Architecture *a : lm::architectures())
        if (a->traits.direction == lm::Direction::Bidirectional) {
            m_family->addItem(QString::fromStdString(a->displayName.in(currentLanguage().toStdString())),
                              QString::fromStdString(a->name));
            m_family->setItemData(m_family->count() - 1,
                                  QString::fromStdString(a->summary.in(currentLanguage().toStdString())), Qt::ToolTipRole);
        }
    m_options = new ModelOptionsPanel(modelBox);
    m_options->picker()->hide(); // the family box above offers the encoders only
    m_corpus = new QComboBox(modelBox);
    m_corpus->setObjectName(QStringLiteral("corpus"));
    const QString documents = currentLanguage() == QStringLiteral("zh_TW") ? QStringLiteral("documents_zh_TW")
                                                                           : QStringLiteral("documents_en");
    const QList<BuiltinCorpus> corpora = builtinCorpora();
    for (int pass = 0; pass < 2; ++pass) // the document corpora (what NSP and SOP need) first
        for (const BuiltinCorpus &c : corpora)
            if (c.id.startsWith(QStringLiteral("documents")) == (pass == 0))
                m_corpus->addItem(c.title, QStringLiteral("builtin:") + c.id);
    m_corpus->addItem(tr("Text file…"));
    m_corpus->setCurrentIndex(std::max(0, m_corpus->findData(QStringLiteral("builtin:") + documents)));
    m_corpus->setToolTip(tr("Documents separated by blank lines, one sentence a line: next-sentence and sentence-order "
                            "prediction draw their pairs from them."));
    m_objective = new QComboBox(modelBox);
    m_objective->setObjectName(QStringLiteral("objective"));
    m_objective->addItem(tr("Masked words only (MLM)"), int(PairObjective::None));
    m_objective->addItem(tr("MLM + next sentence (NSP)"), int(PairObjective::NextSentence));
    m_objective->addItem(tr("MLM + sentence order (SOP)"), int(PairObjective::SentenceOrder));
    m_objective->setCurrentIndex(1);
    for (QComboBox *box : {m_family, m_corpus, m_objective}) { // long names must not widen the column
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(14);
    }
    form->addRow(tr("Family"), m_family);
    form->addRow(m_options);
    form->addRow(tr("Corpus"), m_corpus);
    form->addRow(tr("Objective"), m_objective);
    controlsLayout->addWidget(modelBox);

    auto *trainBox = new QGroupBox(tr("Training"), controls);
    auto *trainForm = new QFormLayout(trainBox);
    const PretrainRequest defaults;
    m_vocab = spinBox(100, 100000, defaults.vocabSize, trainBox);
    m_vocab->setToolTip(tr("WordPiece vocabulary learned from the corpus, with [PAD] [UNK] [CLS] [SEP] [MASK]."));
    m_seq = spinBox(8, 512, defaults.train.seq, trainBox);
    m_batch = spinBox(1, 1024, defaults.train.batch, trainBox);
    m_steps = spinBox(1, 1000000, defaults.train.steps, trainBox);
    m_steps->setSingleStep(100);
    m_lr = new QDoubleSpinBox(trainBox);
    m_lr->setDecimals(5);
    m_lr->setRange(1e-5, 1.0);
    m_lr->setSingleStep(0.0005);
    m_lr->setValue(defaults.train.lr);
    trainForm->addRow(tr("Vocabulary"), m_vocab);
    trainForm->addRow(tr("Tokens per row"), m_seq);
    trainForm->addRow(tr("Batch"), m_batch);
    trainForm->addRow(tr("Steps"), m_steps);
    trainForm->addRow(tr("Learning rate"), m_lr);
    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start"), trainBox);
    m_cancel = new QPushButton(tr("Cancel"), trainBox);
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    trainForm->addRow(buttons);
    m_compare = new QPushButton(tr("Compare NSP and SOP"), trainBox);
    m_compare->setToolTip(tr("Pre-train with next-sentence prediction, then with sentence-order prediction, on the same "
                             "corpus, and draw both pair accuracies on one plot. Both runs use width 128, 4 layers and "
                             "learning rate 0.001 (set above when you press it): a smaller encoder learns neither pair "
                             "task well. Each head is also scored on the other task's pairs (dotted). On the built-in "
                             "documents next-sentence prediction is the easy task, because the topic alone gives it "
                             "away, and its head stays near chance on swapped pairs, which keep their topic; "
                             "sentence order needs the links between sentences and stays lower."));
    trainForm->addRow(m_compare);
    m_progress = new QProgressBar(trainBox);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    trainForm->addRow(m_progress);
    m_status = new QLabel(tr("Pre-train a small encoder, or open one."), trainBox);
    m_status->setWordWrap(true);
    trainForm->addRow(m_status);
    controlsLayout->addWidget(trainBox);
    m_open = new QPushButton(tr("Open model…"), controls);
    m_open->setToolTip(tr("Our .safetensors, or a Hugging Face BERT or ALBERT folder (choose its config.json)."));
    m_use = new QPushButton(tr("Use this encoder for fine-tuning"), controls);
    controlsLayout->addWidget(m_open);
    controlsLayout->addWidget(m_use);
    controlsLayout->addStretch();
    auto *controlsScroll = new QScrollArea(this);
    controlsScroll->setWidget(controls);
    controlsScroll->setWidgetResizable(true);
    controlsScroll->setFrameShape(QFrame::NoFrame);
    controlsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    controlsScroll->setMinimumWidth(340);
    controlsScroll->setMaximumWidth(400);

    auto *batchBox = new QGroupBox(tr("A batch as the model sees it"), this);
    auto *batchLayout = new QVBoxLayout(batchBox);
    m_batchView = new MaskedBatchView(batchBox);
    batchLayout->addWidget(m_batchView);

    m_maskedPlot = new MetricPlot(this);
    m_maskedPlot->setObjectName(QStringLiteral("maskedCurves"));
    m_maskedPlot->setAxisLabels(tr("step"), tr("masked-word loss"), tr("masked-word accuracy"));
    m_pairPlot = new MetricPlot(this);
    m_pairPlot->setObjectName(QStringLiteral("pairCurves"));
    m_pairPlot->setShareOnly(true);
    m_pairPlot->setAxisLabels(tr("step"), tr("pair accuracy (NSP / SOP)"), QString());
    m_pairPlot->setLegendCorner(Qt::AlignTop | Qt::AlignLeft); // the curves start at 0.5 and end high on the right
    auto *plots = new QSplitter(Qt::Horizontal, this);
    plots->addWidget(m_maskedPlot);
    plots->addWidget(m_pairPlot);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(batchBox);
    right->addWidget(plots);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 1);
    right->setSizes({370, 430});

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(controlsScroll);
    layout->addWidget(right, 1);

    connect(m_family, &QComboBox::currentIndexChanged, this,
            [this] { m_options->setArchitecture(m_family->currentData().toString()); });
    m_options->setArchitecture(m_family->currentData().toString());
    auto counts = [this] { m_options->setCountAssumptions(m_vocab->value(), m_seq->value()); };
    connect(m_vocab, &QSpinBox::valueChanged, this, counts);
    connect(m_seq, &QSpinBox::valueChanged, this, counts);
    counts();
    connect(m_corpus, &QComboBox::activated, this, [this](int index) {
        if (!m_corpus->itemData(index).isNull())
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a text corpus"), QString(),
                                                          tr("Text files (*.txt *.md);;All files (*)"));
        if (path.isEmpty()) {
            m_corpus->setCurrentIndex(0);
            return;
        }
        m_corpus->insertItem(index, QFileInfo(path).fileName(), path);
        m_corpus->setCurrentIndex(index);
    });
    connect(m_start, &QPushButton::clicked, this, &PretrainPage::startTraining);
    connect(m_cancel, &QPushButton::clicked, this, &PretrainPage::cancel);
    connect(m_compare, &QPushButton::clicked, this, &PretrainPage::compareNspSop);
    connect(m_open, &QPushButton::clicked, this, &PretrainPage::chooseOpenFile);
    connect(m_use, &QPushButton::clicked, this, &PretrainPage::useForFinetuning);
    connect(m_batchView, &MaskedBatchView::newBatchRequested, this, &PretrainPage::requestBatch);

    connect(m_worker, &PretrainWorker::started, this, &PretrainPage::onStarted);
    connect(m_worker, &PretrainWorker::progress, this, &PretrainPage::onProgress);
    connect(m_worker, &PretrainWorker::scored, this, &PretrainPage::onScored);
    connect(m_worker, &PretrainWorker::finished, this, &PretrainPage::onFinished);
    connect(m_worker, &PretrainWorker::failed, this, &PretrainPage::onFailed);
    connect(m_worker, &PretrainWorker::batchShown, this, [this](const MaskedBatch &batch) {
        m_batchView->showBatch(batch);
        Q_EMIT batchShown();
    });
    connect(m_worker, &PretrainWorker::modelOpened, this, [this](const EncoderHandle &encoder, const QString &summary) {
        m_opening = false;
        m_encoder = encoder;
        m_status->setText(tr("Opened %1").arg(summary));
        setBusy();
        Q_EMIT encoderReady(m_encoder);
    });
    setBusy();
}

PretrainPage::~PretrainPage() = default; // the thread's deleter cancels the run and waits

QString PretrainPage::pairName(PairObjective pair)
{
    switch (pair) {
    case PairObjective::NextSentence:
        return tr("MLM + NSP");
    case PairObjective::SentenceOrder:
        return tr("MLM + SOP");
    case PairObjective::None:
        break;
    }
    return tr("MLM");
}

QString PretrainPage::familyLabel(const QString &arch) const
{
    // The short form of the table's display name: "BERT" of "BERT (Transformer encoder)".
    const int i = m_family->findData(arch);
    QString name = i >= 0 ? m_family->itemText(i) : arch;
    for (const QString &open : {QStringLiteral(" ("), QStringLiteral("（")})
        if (const qsizetype cut = name.indexOf(open); cut > 0)
            name.truncate(cut);
    return name.trimmed();
}

PretrainRequest PretrainPage::request() const
{
    PretrainRequest r;
    r.arch = m_family->currentData().toString();
    r.corpusSpec = m_corpus->currentData().toString();
    r.pair = PairObjective(m_objective->currentData().toInt());
    r.options = m_options->values();
    r.vocabSize = m_vocab->value();
    r.train.seq = m_seq->value();
    r.train.batch = m_batch->value();
    r.train.steps = m_steps->value();
    r.train.lr = float(m_lr->value());
    return r;
}

void PretrainPage::setRequest(const PretrainRequest &r)
{
    if (const int i = m_family->findData(r.arch); i >= 0)
        m_family->setCurrentIndex(i);
    if (const int i = m_corpus->findData(r.corpusSpec); i >= 0)
        m_corpus->setCurrentIndex(i);
    else if (!r.corpusSpec.isEmpty() && !r.corpusSpec.startsWith(QStringLiteral("builtin:"))) {
        m_corpus->insertItem(m_corpus->count() - 1, QFileInfo(r.corpusSpec).fileName(), r.corpusSpec);
        m_corpus->setCurrentIndex(m_corpus->count() - 2);
    }
    m_objective->setCurrentIndex(std::max(0, m_objective->findData(int(r.pair))));
    m_options->setValues(r.options);
    m_vocab->setValue(r.vocabSize);
    m_seq->setValue(r.train.seq);
    m_batch->setValue(r.train.batch);
    m_steps->setValue(r.train.steps);
    m_lr->setValue(r.train.lr);
}

void PretrainPage::startTraining()
{
    if (m_training || m_opening)
        return;
    m_queue.clear();
    m_allOk = true;
    start(request());
}

void PretrainPage::compareNspSop()
{
    if (m_training || m_opening)
        return;
    // The size at which the pair tasks are learnt, shown in the controls so the run is what they say.
    setRequest(PretrainRequest::comparison(request()));
    PretrainRequest nsp = request(), sop = request();
    nsp.pair = PairObjective::NextSentence;
    sop.pair = PairObjective::SentenceOrder;
    m_queue = {sop};
    m_allOk = true;
    start(nsp);
}

void PretrainPage::start(const PretrainRequest &r, bool continuesComparison)
{
    beginRun(r, continuesComparison);
    m_status->setText(tr("Reading the corpus and learning a vocabulary…"));
    m_progress->setRange(0, 0);
    setBusy();
    m_worker->resetCancel();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, r] { w->pretrain(r); }, Qt::QueuedConnection);
}

void PretrainPage::beginRun(const PretrainRequest &r, bool continuesComparison)
{
    m_training = true;
    m_running = r;
    ++m_runs;
    const QString run = tr("run %1 · %2 %3").arg(m_runs).arg(familyLabel(r.arch), pairName(r.pair));
    const QColor colour = runColour(m_runs - 1);
    // Earlier runs turn pale, but not the first half of the comparison this run completes: the
    // two pair curves are read against each other.
    m_maskedPlot->fadeSeries();
    if (!continuesComparison)
        m_pairPlot->fadeSeries();
    m_lossSeries = m_maskedPlot->addSeries(tr("%1: loss").arg(run), colour, MetricPlot::Axis::Loss);
    m_accuracySeries = m_maskedPlot->addSeries(tr("%1: accuracy").arg(run), colour, MetricPlot::Axis::Share, Qt::DashLine);
    // Each pair head on its own task's pairs (solid) and on the other task's (dotted): an NSP head
    // that reads topic stays near chance on swapped pairs, which keep their topic.
    m_pairSeries = -1;
    m_crossSeries = -1;
    if (r.pair != PairObjective::None) {
        const bool nsp = r.pair == PairObjective::NextSentence;
        m_pairSeries = m_pairPlot->addSeries(tr("%1: on %2 pairs").arg(run, nsp ? tr("NSP") : tr("SOP")), colour,
                                             MetricPlot::Axis::Share);
        m_crossSeries = m_pairPlot->addSeries(tr("%1: on %2 pairs (not trained on)").arg(run, nsp ? tr("SOP") : tr("NSP")),
                                              colour, MetricPlot::Axis::Share, Qt::DotLine);
    }
}

bool PretrainPage::replayRun(const PretrainRequest &request, const QString &summary, const QVector<PretrainScore> &scores,
                           const MaskedBatch &batch, const PretrainResult &result)
{
    if (m_training || m_opening)
        return false;
    // An NSP run after an SOP run (or the reverse) is read against it: both pair curves stay vivid.
    const bool completesPair = m_runs > 0 && request.pair != PairObjective::None &&
                               m_running.pair != PairObjective::None && m_running.pair != request.pair;
    setRequest(request);
    m_queue.clear();
    m_allOk = true;
    beginRun(request, completesPair);
    onStarted(summary);
    for (const PretrainScore &s : scores)
        onScored(s);
    m_batchView->showBatch(batch);
    Q_EMIT batchShown();
    onFinished(result);
    return true;
}

void PretrainPage::cancel()
{
    m_queue.clear();
    m_worker->cancel();
}

void PretrainPage::requestBatch()
{
    if (m_training)
        m_worker->requestBatch();
    else
        QMetaObject::invokeMethod(m_worker, &PretrainWorker::showBatch, Qt::QueuedConnection);
}

void PretrainPage::chooseOpenFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open an encoder"), QString(),
        tr("Encoders (*.safetensors config.json);;All files (*)"));
    if (!path.isEmpty())
        openModel(fileToOpen(path));
}

void PretrainPage::openModel(const QString &path)
{
    if (m_training || m_opening)
        return;
    m_opening = true;
    m_status->setText(tr("Opening %1…").arg(path));
    setBusy();
    m_worker->resetCancel();
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, path, corpus = m_corpus->currentData().toString(),
         pair = PairObjective(m_objective->currentData().toInt()), seq = m_seq->value()] { w->openModel(path, corpus, pair, seq); },
        Qt::QueuedConnection);
}

void PretrainPage::useForFinetuning()
{
    if (m_encoder.valid())
        Q_EMIT encoderChosen(m_encoder);
}

void PretrainPage::onStarted(const QString &summary)
{
    m_summary = summary;
    m_status->setText(summary);
    m_progress->setRange(0, std::max(1, m_running.train.steps));
    m_progress->setValue(0);
}

void PretrainPage::onProgress(const PretrainProgress &p)
{
    if (!m_training)
        return;
    m_progress->setRange(0, std::max(1, p.totalSteps));
    m_progress->setValue(p.step);
    m_status->setText(tr("%1\nStep %2 of %3 · loss %4")
                          .arg(m_summary)
                          .arg(p.step)
                          .arg(p.totalSteps)
                          .arg(QLocale().toString(p.loss, 'f', 3)));
}

void PretrainPage::onScored(const PretrainScore &s)
{
    m_maskedPlot->addPoint(m_lossSeries, s.step, s.maskedLoss);
    m_maskedPlot->addPoint(m_accuracySeries, s.step, s.maskedAccuracy);
    if (m_pairSeries >= 0)
        m_pairPlot->addPoint(m_pairSeries, s.step, s.pairAccuracy);
    if (m_crossSeries >= 0 && std::isfinite(s.crossPairAccuracy))
        m_pairPlot->addPoint(m_crossSeries, s.step, s.crossPairAccuracy);
}

void PretrainPage::onFinished(const PretrainResult &r)
{
    m_training = false;
    m_encoder = r.encoder;
    m_encoder.name = tr("%1, %2, %3 steps").arg(familyLabel(m_running.arch), pairName(r.pair)).arg(r.stepsDone);
    const QLocale loc;
    QString scores = tr("masked-word accuracy %1 %").arg(loc.toString(100.0 * r.last.maskedAccuracy, 'f', 1));
    if (std::isfinite(r.last.pairAccuracy))
        scores += tr(", %1 accuracy %2 %")
                      .arg(r.pair == PairObjective::NextSentence ? tr("NSP") : tr("SOP"),
                           loc.toString(100.0 * r.last.pairAccuracy, 'f', 1));
    if (std::isfinite(r.last.crossPairAccuracy))
        scores += tr(" (on %1 pairs: %2 %)")
                      .arg(r.pair == PairObjective::NextSentence ? tr("SOP") : tr("NSP"),
                           loc.toString(100.0 * r.last.crossPairAccuracy, 'f', 1));
    m_status->setText(r.cancelled ? tr("Cancelled after %1 steps: %2.").arg(r.stepsDone).arg(scores)
                                  : tr("%1 steps in %2 s: %3.").arg(r.stepsDone).arg(loc.toString(r.seconds, 'f', 1), scores));
    m_progress->setRange(0, std::max(1, m_running.train.steps));
    m_progress->setValue(r.stepsDone);
    m_allOk = m_allOk && !r.cancelled;
    Q_EMIT encoderReady(m_encoder);
    Q_EMIT runFinished(!r.cancelled);
    if (!r.cancelled && !m_queue.isEmpty()) {
        start(m_queue.takeFirst(), /*continuesComparison=*/true);
        return;
    }
    m_queue.clear();
    setBusy();
    Q_EMIT trainingFinished(m_allOk);
}

void PretrainPage::onFailed(const QString &message)
{
    const bool wasTraining = m_training;
    m_training = false;
    m_opening = false;
    m_queue.clear();
    m_status->setText(message);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    setBusy();
    if (wasTraining) {
        Q_EMIT runFinished(false);
        Q_EMIT trainingFinished(false);
    }
}

void PretrainPage::setBusy()
{
    const bool busy = m_training || m_opening;
    m_start->setEnabled(!busy);
    m_compare->setEnabled(!busy);
    m_open->setEnabled(!busy);
    m_cancel->setEnabled(m_training);
    for (QWidget *w : std::initializer_list<QWidget *>{m_family, m_options, m_corpus, m_objective, m_vocab, m_seq, m_batch,
                                                       m_steps, m_lr})
        w->setEnabled(!busy);
    m_use->setEnabled(!busy && m_encoder.valid());
    m_batchView->setNewBatchEnabled(m_training || m_encoder.valid());
}
