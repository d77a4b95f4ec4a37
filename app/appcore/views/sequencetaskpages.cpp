#include "views/sequencetaskpages.h"

#include "core/tape.h"

#include "plots/lineplot.h"

#include "core/rng.h"
#include "train/taggeddataset.h"
#include "train/trainer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include "base/spinbox.h"

#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

namespace {
QDoubleSpinBox *doubleSpin(double lo, double hi, double value, int decimals, double step, QWidget *parent)
{
    auto *s = new QDoubleSpinBox(parent);
    s->setRange(lo, hi);
    s->setDecimals(decimals);
    s->setSingleStep(step);
    s->setValue(value);
    return s;
}

QComboBox *cellKindBox(QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->addItem(QCoreApplication::translate("SequenceTaskPages", "Simple RNN"), int(lm::CellKind::Rnn));
    box->addItem(QCoreApplication::translate("SequenceTaskPages", "LSTM"), int(lm::CellKind::Lstm));
    box->addItem(QCoreApplication::translate("SequenceTaskPages", "GRU"), int(lm::CellKind::Gru));
    box->setCurrentIndex(1);
    return box;
}

// A colour per universal tag, so the same tag reads the same in every sentence.
QColor tagColour(const QString &tag)
{
    static const QHash<QString, QColor> colours = {
        {QStringLiteral("NOUN"), QColor(198, 219, 239)},  {QStringLiteral("PROPN"), QColor(158, 202, 225)},
        {QStringLiteral("VERB"), QColor(253, 208, 162)},  {QStringLiteral("AUX"), QColor(253, 174, 107)},
        {QStringLiteral("ADJ"), QColor(199, 233, 192)},   {QStringLiteral("ADV"), QColor(161, 217, 155)},
        {QStringLiteral("DET"), QColor(218, 218, 235)},   {QStringLiteral("PRON"), QColor(188, 189, 220)},
        {QStringLiteral("ADP"), QColor(252, 187, 161)},   {QStringLiteral("CCONJ"), QColor(252, 146, 114)},
        {QStringLiteral("NUM"), QColor(254, 230, 206)},   {QStringLiteral("PUNCT"), QColor(240, 240, 240)},
    };
    return colours.value(tag, QColor(255, 255, 255));
}

QVector<double> toQVector(const std::vector<double> &v) { return QVector<double>(v.begin(), v.end()); }

class ProgressRelay final : public lm::TrainingObserver {
public:
    explicit ProgressRelay(SequenceTaskWorker *worker) : m_worker(worker) {}
    void onStep(const lm::StepReport &r) override
    {
        Q_EMIT m_worker->taggingProgress(TaggingProgress{r.step, r.totalSteps, r.loss});
    }

private:
    SequenceTaskWorker *m_worker;
};
} // namespace

// ---- worker -----------------------------------------------------------------------------------

SequenceTaskWorker::SequenceTaskWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<TaggingProgress>();
    qRegisterMetaType<TaggingResult>();
    qRegisterMetaType<ForecastResult>();
}

void SequenceTaskWorker::trainTagger(const TaggingRequest &request)
{
    QElapsedTimer clock;
    clock.start();
    QFile file(QStringLiteral(":/corpora/tagged_en.tsv"));
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT failed(tr("The built-in tagged sentences are missing from this build."));
        return;
    }
    auto parsed = lm::parseTagged(file.readAll().toStdString(), "builtin:tagged_en");
    if (!parsed.ok()) {
        Q_EMIT failed(QString::fromStdString(parsed.error()));
        return;
    }
    std::vector<lm::TaggedSentence> all = std::move(parsed).value();
    const auto held = std::clamp<std::size_t>(static_cast<std::size_t>(std::max(1, request.testSentences)), 1, all.size() / 2);
    const std::vector<lm::TaggedSentence> test(all.end() - static_cast<std::ptrdiff_t>(held), all.end());
    all.resize(all.size() - held);

    try {
        auto vocab = std::make_shared<lm::TagVocabulary>(lm::TagVocabulary::build(all));
        lm::TaggerConfig config;
        config.kind = request.kind;
        config.vocabSize = vocab->wordCount();
        config.tagCount = vocab->tagCount();
        config.dim = request.dim;
        config.hidden = request.hidden;
        config.bidirectional = request.bidirectional;
        lm::Rng rng(request.seed);
        auto tagger = std::make_shared<lm::RecurrentTagger>(config, rng);

        TaggingResult result;
        result.untrainedAccuracy = lm::taggingAccuracy(*tagger, *vocab, test);
        auto dataset = lm::TaggedDataset::create(all, *vocab);
        if (!dataset.ok()) {
            Q_EMIT failed(QString::fromStdString(dataset.error()));
            return;
        }
        lm::TrainConfig train;
        train.steps = request.steps;
        train.batch = request.batch;
        train.lr = request.lr;
        train.seed = request.seed;
        lm::Trainer trainer(*tagger, std::make_unique<lm::TaggedDataset>(std::move(dataset).value()), train);
        ProgressRelay relay(this);
        const lm::Trainer::Outcome outcome = trainer.run(m_cancel, &relay);
        if (outcome == lm::Trainer::Outcome::Diverged) {
            Q_EMIT failed(tr("Training diverged: %1").arg(QString::fromStdString(trainer.divergence())));
            return;
        }
        result.cancelled = outcome == lm::Trainer::Outcome::Cancelled;
        result.stepsDone = trainer.stepsDone();
        result.accuracy = lm::taggingAccuracy(*tagger, *vocab, test);
        result.testSentences = int(test.size());
        for (const auto &s : test)
            result.testWords += int(s.words.size());
        result.tagger = std::move(tagger);
        result.vocab = std::move(vocab);
        result.seconds = double(clock.elapsed()) / 1000.0;
        Q_EMIT taggerTrained(result);
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
}

void SequenceTaskWorker::trainForecaster(const ForecastRequest &request)
{
    QElapsedTimer clock;
    clock.start();
    try {
        std::vector<double> series;
        if (!request.csvPath.isEmpty()) {
            auto loaded = lm::loadSeriesCsv(QFile::encodeName(request.csvPath).toStdString(), request.column.toStdString());
            if (!loaded.ok()) {
                Q_EMIT failed(QString::fromStdString(loaded.error()));
                return;
            }
            series = std::move(loaded).value();
        } else {
            series = lm::generateSeries(request.length, request.seed, request.trend, request.period, request.noise);
        }

        lm::Rng rng(request.seed);
        lm::SeriesForecaster model(request.model, rng);
        lm::ForecastTrainConfig train;
        train.steps = request.steps;
        train.batch = request.batch;
        train.lr = request.lr;
        train.testFraction = request.testFraction;
        train.seed = request.seed;
        auto trained = lm::trainForecaster(model, series, train, &m_cancel);
        if (!trained.ok()) {
            Q_EMIT failed(QString::fromStdString(trained.error()));
            return;
        }
        const lm::ForecastReport &report = trained.value();

        ForecastResult result;
        result.trainSize = int(report.trainSize);
        result.testPredictions = toQVector(report.testPredictions);
        result.trainRmse = report.trainRmse;
        result.naiveTrainRmse = report.naiveTrainRmse;
        result.testRmse = report.testRmse;
        result.naiveTestRmse = report.naiveTestRmse;
        result.stepsDone = int(report.losses.size());
        result.cancelled = report.cancelled;
        if (!report.losses.empty()) {
            result.firstLoss = report.losses.front();
            result.lastLoss = report.losses.back();
        }
        // Free-running from where the test tail starts, reading only the training part, so it
        // can be judged against the truth it never saw.
        const std::vector<double> seen(series.begin(), series.begin() + static_cast<std::ptrdiff_t>(report.trainSize));
        const lm::Forecast forecast = model.forecast(seen, std::max(1, request.horizon));
        result.continuation = toQVector(forecast.continuation);
        const std::size_t overlap = std::min(forecast.continuation.size(), series.size() - report.trainSize);
        const std::vector<double> truth(series.begin() + static_cast<std::ptrdiff_t>(report.trainSize),
                                        series.begin() + static_cast<std::ptrdiff_t>(report.trainSize + overlap));
        result.continuationRmse = lm::rmse(forecast.continuation, truth);
        result.flatRmse = lm::rmse(std::vector<double>(overlap, seen.back()), truth);
        result.series = toQVector(series);
        result.seconds = double(clock.elapsed()) / 1000.0;
        Q_EMIT forecastTrained(result);
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
}

// ---- tagging ----------------------------------------------------------------------------------

TaggingPage::TaggingPage(QWidget *parent) : QWidget(parent), m_worker(new SequenceTaskWorker)
{
    m_thread = startWorkerThread(m_worker, QStringLiteral("tagging"), [w = m_worker] { w->cancel(); });

    auto *controls = new QGroupBox(tr("Tagger"), this);
    auto *form = new QFormLayout(controls);
    m_kind = cellKindBox(controls);
    m_bidirectional = new QCheckBox(tr("Read the sentence both ways"), controls);
    m_bidirectional->setChecked(true);
    m_hidden = spinBox(2, 512, 32, controls);
    m_steps = spinBox(10, 20000, 300, controls);
    m_steps->setSingleStep(50);
    form->addRow(tr("Cell"), m_kind);
    form->addRow(tr("Bidirectional"), m_bidirectional);
    form->addRow(tr("Hidden units"), m_hidden);
    form->addRow(tr("Training steps"), m_steps);
    auto *buttons = new QHBoxLayout;
    m_trainButton = new QPushButton(tr("Train"), controls);
    m_stopButton = new QPushButton(tr("Stop"), controls);
    buttons->addWidget(m_trainButton);
    buttons->addWidget(m_stopButton);
    form->addRow(buttons);
    m_progress = new QProgressBar(controls);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    form->addRow(m_progress);
    m_status = new QLabel(tr("Train the tagger, then tag a sentence."), controls);
    m_status->setWordWrap(true);
    form->addRow(m_status);
    connect(m_trainButton, &QPushButton::clicked, this, &TaggingPage::startTraining);
    connect(m_stopButton, &QPushButton::clicked, this, &TaggingPage::stopTraining);

    auto *explain = new QLabel(
        tr("A tagger gives every word its part of speech. The same word can take different tags: "
           "“book” is a verb in “I book a room” and a noun in “I read a book”, and the words around it tell "
           "which. A one-way network has read only the words before a word when it tags it. A bidirectional "
           "network also reads the sentence from the end, so it sees the words after as well: in “the light "
           "is bright” and “the light bag is heavy” the words before “light” are the same, and only the next "
           "word tells a noun from an adjective. Train with Bidirectional off, then on, and compare."),
        this);
    explain->setWordWrap(true);

    auto *tagBox = new QGroupBox(tr("Tag a sentence"), this);
    auto *tagLayout = new QVBoxLayout(tagBox);
    auto *row = new QHBoxLayout;
    m_sentence = new QLineEdit(QStringLiteral("I book a room ."), tagBox);
    m_sentence->setPlaceholderText(tr("Type a sentence…"));
    m_tagButton = new QPushButton(tr("Tag"), tagBox);
    m_examples = new QComboBox(tagBox);
    m_examples->addItem(tr("Examples…"));
    for (const char *example : {"I book a room .", "I read a book .", "the light is bright .", "the light bag is heavy .",
                                "we can play chess .", "the can is empty .", "she sings well .", "the well is deep ."})
        m_examples->addItem(QString::fromLatin1(example));
    row->addWidget(m_sentence, 1);
    row->addWidget(m_tagButton);
    row->addWidget(m_examples);
    tagLayout->addLayout(row);
    m_table = new QTableWidget(2, 0, tagBox);
    m_table->setVerticalHeaderLabels({tr("Word"), tr("Tag")});
    m_table->horizontalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFixedHeight(m_table->verticalHeader()->length() + 2 * m_table->frameWidth() +
                            m_table->horizontalScrollBar()->sizeHint().height());
    tagLayout->addWidget(m_table);
    auto *legend = new QLabel(tr("Tags: NOUN noun, PROPN proper noun, VERB verb, AUX auxiliary, ADJ adjective, ADV adverb, "
                                 "DET determiner, PRON pronoun, ADP preposition, CCONJ conjunction, NUM number, "
                                 "PUNCT punctuation. Words in italics were never seen in training."),
                              tagBox);
    legend->setWordWrap(true);
    tagLayout->addWidget(legend);
    connect(m_tagButton, &QPushButton::clicked, this, [this] { tagSentence(m_sentence->text()); });
    connect(m_sentence, &QLineEdit::returnPressed, this, [this] { tagSentence(m_sentence->text()); });
    connect(m_examples, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            tagSentence(m_examples->itemText(index));
        m_examples->setCurrentIndex(0);
    });

    auto *right = new QVBoxLayout;
    right->addWidget(explain);
    right->addWidget(tagBox);
    right->addStretch();
    auto *layout = new QHBoxLayout(this);
    controls->setMaximumWidth(340);
    layout->addWidget(controls, 0, Qt::AlignTop);
    layout->addLayout(right, 1);

    m_progressTimer = new QTimer(this);
    m_progressTimer->setSingleShot(true);
    m_progressTimer->setInterval(50);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        if (!m_training)
            return;
        m_progress->setRange(0, m_lastProgress.totalSteps);
        m_progress->setValue(m_lastProgress.step);
        m_status->setText(tr("Step %1 of %2 · loss %3")
                              .arg(m_lastProgress.step)
                              .arg(m_lastProgress.totalSteps)
                              .arg(QLocale().toString(m_lastProgress.loss, 'f', 3)));
    });
    connect(m_worker, &SequenceTaskWorker::taggingProgress, this, &TaggingPage::onProgress);
    connect(m_worker, &SequenceTaskWorker::taggerTrained, this, &TaggingPage::onTrained);
    connect(m_worker, &SequenceTaskWorker::failed, this, [this](const QString &message) {
        m_training = false;
        m_progressTimer->stop();
        m_status->setText(message);
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        setBusy();
        Q_EMIT trainingFinished(false);
    });
    setBusy();
}

TaggingPage::~TaggingPage() = default; // m_thread's deleter cancels the job and waits

TaggingRequest TaggingPage::currentRequest() const
{
    TaggingRequest r;
    r.kind = static_cast<lm::CellKind>(m_kind->currentData().toInt());
    r.bidirectional = m_bidirectional->isChecked();
    r.hidden = m_hidden->value();
    r.steps = m_steps->value();
    return r;
}

void TaggingPage::setRequest(const TaggingRequest &r)
{
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(r.kind))));
    m_bidirectional->setChecked(r.bidirectional);
    m_hidden->setValue(r.hidden);
    m_steps->setValue(r.steps);
}

void TaggingPage::startTraining()
{
    if (m_training)
        return;
    m_training = true;
    m_status->setText(tr("Reading the tagged sentences…"));
    m_progress->setRange(0, 0);
    setBusy();
    m_worker->resetCancel();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, r = currentRequest()] { w->trainTagger(r); }, Qt::QueuedConnection);
}

void TaggingPage::stopTraining() { m_worker->cancel(); }

void TaggingPage::onProgress(const TaggingProgress &progress)
{
    m_lastProgress = progress;
    if (!m_progressTimer->isActive())
        m_progressTimer->start();
}

void TaggingPage::onTrained(const TaggingResult &result)
{
    m_training = false;
    m_progressTimer->stop();
    m_tagger = result.tagger;
    m_vocab = result.vocab;
    m_accuracy = result.accuracy;
    const QLocale loc;
    const QString accuracy = tr("Held-out accuracy %1 % on %2 words of %3 sentences (untrained: %4 %).")
                                 .arg(loc.toString(100.0 * result.accuracy, 'f', 1), loc.toString(result.testWords),
                                      loc.toString(result.testSentences),
                                      loc.toString(100.0 * result.untrainedAccuracy, 'f', 1));
    m_status->setText(result.cancelled ? tr("Stopped after %1 steps. %2").arg(result.stepsDone).arg(accuracy)
                                       : tr("%1 steps in %2 s. %3")
                                             .arg(result.stepsDone)
                                             .arg(loc.toString(result.seconds, 'f', 1), accuracy));
    m_progress->setRange(0, std::max(1, result.stepsDone));
    m_progress->setValue(result.stepsDone);
    setBusy();
    if (!m_sentence->text().trimmed().isEmpty())
        tagSentence(m_sentence->text());
    Q_EMIT trainingFinished(!result.cancelled);
}

void TaggingPage::setBusy()
{
    m_trainButton->setEnabled(!m_training);
    m_stopButton->setEnabled(m_training);
    for (QWidget *w : std::initializer_list<QWidget *>{m_kind, m_bidirectional, m_hidden, m_steps})
        w->setEnabled(!m_training);
    m_tagButton->setEnabled(m_tagger != nullptr);
    m_examples->setEnabled(m_tagger != nullptr);
}

QStringList TaggingPage::tokenize(const QString &sentence)
{
    static const QString punctuation = QStringLiteral(".,!?;:");
    QStringList tokens;
    for (const QString &word : sentence.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        QString w = word.trimmed();
        QStringList trailing;
        while (w.size() > 1 && punctuation.contains(w.back())) {
            trailing.prepend(QString(w.back()));
            w.chop(1);
        }
        if (!w.isEmpty())
            tokens << w;
        tokens << trailing;
    }
    return tokens;
}

namespace {
// A word the vocabulary lacks falls back to its lower-case form ("The" -> "the") when that is known.
std::vector<std::string> vocabularyWords(const QStringList &tokens, const lm::TagVocabulary &vocab)
{
    std::vector<std::string> words;
    for (const QString &t : tokens) {
        std::string w = t.toStdString();
        if (vocab.wordId(w) == lm::TagVocabulary::kUnknown) {
            const std::string lower = t.toLower().toStdString();
            if (vocab.wordId(lower) != lm::TagVocabulary::kUnknown)
                w = lower;
        }
        words.push_back(std::move(w));
    }
    return words;
}
} // namespace

QStringList TaggingPage::tagsFor(const QString &sentence) const
{
    const QStringList tokens = tokenize(sentence);
    if (!m_tagger || tokens.isEmpty())
        return {};
    QStringList tags;
    for (const std::string &t : lm::tagSentence(*m_tagger, *m_vocab, vocabularyWords(tokens, *m_vocab)))
        tags << QString::fromStdString(t);
    return tags;
}

void TaggingPage::tagSentence(const QString &sentence)
{
    if (m_sentence->text() != sentence)
        m_sentence->setText(sentence);
    const QStringList tokens = tokenize(sentence);
    const QStringList tags = tagsFor(sentence);
    m_table->clearContents();
    m_table->setColumnCount(int(tags.size()));
    if (tags.isEmpty())
        return;
    const std::vector<std::string> words = vocabularyWords(tokens, *m_vocab);
    for (int i = 0; i < tags.size(); ++i) {
        auto *word = new QTableWidgetItem(tokens[i]);
        auto *tag = new QTableWidgetItem(tags[i]);
        word->setTextAlignment(Qt::AlignCenter);
        tag->setTextAlignment(Qt::AlignCenter);
        tag->setBackground(tagColour(tags[i]));
        QFont bold = tag->font();
        bold.setBold(true);
        tag->setFont(bold);
        if (m_vocab->wordId(words[static_cast<std::size_t>(i)]) == lm::TagVocabulary::kUnknown) {
            QFont italic = word->font();
            italic.setItalic(true);
            word->setFont(italic);
            word->setToolTip(tr("Not in the training sentences: the tagger sees it as <unk>."));
        }
        m_table->setItem(0, i, word);
        m_table->setItem(1, i, tag);
    }
    m_table->resizeColumnsToContents();

    auto trace = std::make_shared<lm::Trace>();
    std::vector<std::int32_t> ids;
    for (const std::string &w : words) {
        ids.push_back(m_vocab->wordId(w));
        trace->tokens.push_back(w);
    }
    {
        lm::NoGradScope noGrad;
        m_tagger->logits(ids, 1, int(ids.size()), trace.get());
    }
    Q_EMIT traced(std::move(trace));
}

// ---- forecasting ------------------------------------------------------------------------------

ForecastPage::ForecastPage(QWidget *parent) : QWidget(parent), m_worker(new SequenceTaskWorker), m_plot(new LinePlot(this))
{
    m_thread = startWorkerThread(m_worker, QStringLiteral("forecast"), [w = m_worker] { w->cancel(); });

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *panel = new QWidget(scroll);
    auto *column = new QVBoxLayout(panel);

    auto *seriesBox = new QGroupBox(tr("Series"), panel);
    auto *sform = new QFormLayout(seriesBox);
    m_source = new QComboBox(seriesBox);
    m_source->addItem(tr("Generated"));
    m_source->addItem(tr("CSV file"));
    m_length = spinBox(100, 1000000, 1200, seriesBox);
    m_trend = doubleSpin(-1.0, 1.0, 0.0005, 4, 0.0005, seriesBox);
    m_period = spinBox(2, 10000, 24, seriesBox);
    m_noise = doubleSpin(0.0, 10.0, 0.1, 3, 0.05, seriesBox);
    m_seed = spinBox(0, 1000000, 4, seriesBox);
    auto *open = new QPushButton(tr("Open CSV…"), seriesBox);
    m_csvLabel = new QLabel(tr("No file"), seriesBox);
    m_csvLabel->setWordWrap(true);
    m_column = new QLineEdit(QStringLiteral("value"), seriesBox);
    m_column->setToolTip(tr("A header name, or a 0-based column number"));
    sform->addRow(tr("Source"), m_source);
    sform->addRow(tr("Length"), m_length);
    sform->addRow(tr("Trend per step"), m_trend);
    sform->addRow(tr("Season (steps)"), m_period);
    sform->addRow(tr("Noise σ"), m_noise);
    sform->addRow(tr("Seed"), m_seed);
    sform->addRow(open);
    sform->addRow(tr("File"), m_csvLabel);
    sform->addRow(tr("Column"), m_column);
    connect(open, &QPushButton::clicked, this, &ForecastPage::openCsv);
    connect(m_source, &QComboBox::currentIndexChanged, this, [this] { setBusy(); });
    column->addWidget(seriesBox);

    auto *modelBox = new QGroupBox(tr("Model"), panel);
    auto *mform = new QFormLayout(modelBox);
    m_kind = cellKindBox(modelBox);
    m_hidden = spinBox(1, 512, 24, modelBox);
    m_window = spinBox(2, 2000, 36, modelBox);
    m_window->setToolTip(tr("How many values the network reads before each prediction"));
    m_steps = spinBox(10, 100000, 600, modelBox);
    m_steps->setSingleStep(100);
    m_horizon = spinBox(1, 10000, 48, modelBox);
    m_horizon->setToolTip(tr("How many values the network continues on its own, each fed back as input"));
    mform->addRow(tr("Cell"), m_kind);
    mform->addRow(tr("Hidden units"), m_hidden);
    mform->addRow(tr("Window"), m_window);
    mform->addRow(tr("Training steps"), m_steps);
    mform->addRow(tr("Horizon"), m_horizon);
    auto *buttons = new QHBoxLayout;
    m_trainButton = new QPushButton(tr("Train"), modelBox);
    m_stopButton = new QPushButton(tr("Stop"), modelBox);
    buttons->addWidget(m_trainButton);
    buttons->addWidget(m_stopButton);
    mform->addRow(buttons);
    m_progress = new QProgressBar(modelBox);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    mform->addRow(m_progress);
    connect(m_trainButton, &QPushButton::clicked, this, &ForecastPage::startTraining);
    connect(m_stopButton, &QPushButton::clicked, this, &ForecastPage::stopTraining);
    column->addWidget(modelBox);
    column->addStretch();
    scroll->setWidget(panel);
    scroll->setMinimumWidth(panel->sizeHint().width() + 24);
    scroll->setMaximumWidth(360);

    m_status = new QLabel(tr("Train the forecaster to see its predictions."), this);
    m_status->setWordWrap(true);
    auto *explain = new QLabel(
        tr("The network reads a window of past values and predicts the next one. The last fifth of the series "
           "is held out: the one-step forecast there always reads the true values before it, while the "
           "continuation (dashed) starts at the same place and feeds its own predictions back in, so its errors "
           "add up. The baseline repeats the last value; a model worth having beats it."),
        this);
    explain->setWordWrap(true);
    m_plot->setAxisLabels(tr("time step"), tr("value"));
    // Top left: the held-out part and its curves are on the right.
    m_plot->plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_wholeSeries = new QCheckBox(tr("Show the whole series"), this);
    connect(m_wholeSeries, &QCheckBox::toggled, this, &ForecastPage::setShowWholeSeries);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_plot, 1);
    rightLayout->addWidget(m_wholeSeries);
    rightLayout->addWidget(m_status);
    rightLayout->addWidget(explain);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scroll);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(1, false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_worker, &SequenceTaskWorker::forecastTrained, this, &ForecastPage::onTrained);
    connect(m_worker, &SequenceTaskWorker::failed, this, [this](const QString &message) {
        m_training = false;
        m_status->setText(message);
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        setBusy();
        Q_EMIT trainingFinished(false);
    });
    setBusy();
}

ForecastPage::~ForecastPage() = default; // m_thread's deleter cancels the job and waits

ForecastRequest ForecastPage::currentRequest() const
{
    ForecastRequest r;
    if (m_source->currentIndex() == 1)
        r.csvPath = m_csvPath;
    r.column = m_column->text().trimmed();
    r.length = m_length->value();
    r.trend = m_trend->value();
    r.period = m_period->value();
    r.noise = m_noise->value();
    r.seed = quint64(m_seed->value());
    r.model.kind = static_cast<lm::CellKind>(m_kind->currentData().toInt());
    r.model.hidden = m_hidden->value();
    r.model.window = m_window->value();
    r.steps = m_steps->value();
    r.horizon = m_horizon->value();
    return r;
}

void ForecastPage::setRequest(const ForecastRequest &r)
{
    if (!r.csvPath.isEmpty()) {
        m_csvPath = r.csvPath;
        m_csvLabel->setText(QFileInfo(r.csvPath).fileName());
        m_csvLabel->setToolTip(r.csvPath);
    }
    m_source->setCurrentIndex(r.csvPath.isEmpty() ? 0 : 1);
    m_column->setText(r.column);
    m_length->setValue(r.length);
    m_trend->setValue(r.trend);
    m_period->setValue(r.period);
    m_noise->setValue(r.noise);
    m_seed->setValue(int(r.seed));
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(r.model.kind))));
    m_hidden->setValue(r.model.hidden);
    m_window->setValue(r.model.window);
    m_steps->setValue(r.steps);
    m_horizon->setValue(r.horizon);
}

void ForecastPage::openCsv()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a series"), QString(), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    // Read it now, so a bad file is reported at once and the page keeps its previous series.
    auto loaded = lm::loadSeriesCsv(QFile::encodeName(path).toStdString(), m_column->text().toStdString());
    if (!loaded.ok()) {
        QMessageBox::warning(this, tr("Open a series"), QString::fromStdString(loaded.error()));
        return;
    }
    m_csvPath = path;
    m_csvLabel->setText(QFileInfo(path).fileName());
    m_csvLabel->setToolTip(path);
    m_source->setCurrentIndex(1);
}

void ForecastPage::startTraining()
{
    if (m_training)
        return;
    const ForecastRequest request = currentRequest();
    if (m_source->currentIndex() == 1 && request.csvPath.isEmpty()) {
        m_status->setText(tr("Open a CSV file first."));
        return;
    }
    m_training = true;
    m_status->setText(tr("Training…"));
    m_progress->setRange(0, 0); // the engine reports no steps for this job: a busy bar
    setBusy();
    m_worker->resetCancel();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, request] { w->trainForecaster(request); }, Qt::QueuedConnection);
}

void ForecastPage::stopTraining() { m_worker->cancel(); }

void ForecastPage::onTrained(const ForecastResult &result)
{
    m_training = false;
    m_result = result;
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    showResult();
    setBusy();
    Q_EMIT trainingFinished(!result.cancelled);
}

void ForecastPage::setShowWholeSeries(bool on)
{
    if (m_wholeSeries->isChecked() != on)
        m_wholeSeries->setChecked(on); // toggled() comes back here
    else if (!m_result.series.isEmpty())
        showResult();
}

void ForecastPage::showResult()
{
    const ForecastResult &r = m_result;
    m_plot->clear();
    // One tail length of training values before the marker keeps the held-out part readable.
    const qsizetype tail = r.series.size() - r.trainSize;
    const qsizetype from = m_wholeSeries->isChecked() ? 0 : std::max<qsizetype>(0, r.trainSize - tail);
    QVector<double> x(r.series.size() - from);
    for (qsizetype i = 0; i < x.size(); ++i)
        x[i] = double(from + i);
    m_plot->addSeries(tr("truth"), x, r.series.mid(from), QColor(90, 90, 90));
    QVector<double> testX(r.testPredictions.size());
    for (int i = 0; i < testX.size(); ++i)
        testX[i] = r.trainSize + i;
    m_plot->addSeries(tr("one-step forecast"), testX, r.testPredictions, QColor(31, 119, 180));
    QVector<double> contX(r.continuation.size());
    for (int i = 0; i < contX.size(); ++i)
        contX[i] = r.trainSize + i;
    m_plot->addSeries(tr("continuation"), contX, r.continuation, QColor(255, 127, 14), true);
    m_plot->addMarker(r.trainSize, tr("held-out part"));

    const QLocale loc;
    auto num = [&loc](double v) { return loc.toString(v, 'g', 3); };
    const double gain = r.naiveTestRmse > 0.0 ? 100.0 * (1.0 - r.testRmse / r.naiveTestRmse) : 0.0;
    QString text = tr("Test RMSE %1 against %2 for the naive forecast (repeat the last value): %3 % %4. "
                      "Train RMSE %5 (naive %6).")
                       .arg(num(r.testRmse), num(r.naiveTestRmse), loc.toString(std::abs(gain), 'f', 0),
                            gain >= 0.0 ? tr("lower") : tr("higher"), num(r.trainRmse), num(r.naiveTrainRmse));
    text += QLatin1Char(' ') + tr("Continuation over the first %1 held-out values: RMSE %2 (a flat line: %3).")
                                   .arg(std::min<qsizetype>(r.continuation.size(), r.series.size() - r.trainSize))
                                   .arg(num(r.continuationRmse), num(r.flatRmse));
    text += QLatin1Char(' ') + (r.cancelled ? tr("Stopped after %1 steps.").arg(r.stepsDone)
                                            : tr("%1 steps in %2 s; loss %3 → %4.")
                                                  .arg(r.stepsDone)
                                                  .arg(loc.toString(r.seconds, 'f', 1), num(r.firstLoss), num(r.lastLoss)));
    m_status->setText(text);
}

void ForecastPage::setBusy()
{
    m_trainButton->setEnabled(!m_training);
    m_stopButton->setEnabled(m_training);
    const bool generated = m_source->currentIndex() == 0;
    for (QWidget *w : std::initializer_list<QWidget *>{m_length, m_trend, m_period, m_noise, m_seed})
        w->setEnabled(!m_training && generated);
    m_column->setEnabled(!m_training && !generated);
    for (QWidget *w : std::initializer_list<QWidget *>{m_source, m_kind, m_hidden, m_window, m_steps, m_horizon})
        w->setEnabled(!m_training);
}
