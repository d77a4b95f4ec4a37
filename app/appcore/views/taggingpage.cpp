#include "views/taggingpage.h"

#include "base/spinbox.h"
#include "views/cellkindbox.h"

#include <QCheckBox>
#include <QComboBox>
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
#include <QScrollBar>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {

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

} // namespace

TaggingPage::TaggingPage(QWidget *parent)
    : QWidget(parent), m_worker(new SequenceTaskWorker), m_tagWorker(new SequenceTaskWorker)
{
    m_thread = startWorkerThread(m_worker, QStringLiteral("tagging"), [w = m_worker] { w->cancel(); });
    m_tagThread = startWorkerThread(m_tagWorker, QStringLiteral("tagging sentences"), {});

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
    connect(m_tagWorker, &SequenceTaskWorker::sentenceTagged, this, &TaggingPage::onSentenceTagged);
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

TaggingPage::~TaggingPage() = default; // the threads' deleters cancel the jobs and wait

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

void TaggingPage::showResult(double accuracy, int testSentences, int testWords, const QList<QStringList> &words,
                             const QList<QStringList> &tags)
{
    if (m_training)
        return;
    const QLocale loc;
    m_status->setText(tr("The lesson's tagger: held-out accuracy %1 % on %2 words of %3 sentences.")
                          .arg(loc.toString(100.0 * accuracy, 'f', 1), loc.toString(testWords), loc.toString(testSentences)));
    m_table->clear();
    m_table->setRowCount(int(2 * words.size()));
    int columns = 0;
    QStringList headers;
    for (qsizetype s = 0; s < words.size(); ++s) {
        headers << tr("Word") << tr("Tag");
        columns = std::max(columns, int(words[s].size()));
    }
    m_table->setColumnCount(columns);
    m_table->setVerticalHeaderLabels(headers);
    for (qsizetype s = 0; s < words.size(); ++s)
        for (qsizetype i = 0; i < words[s].size(); ++i) {
            auto *word = new QTableWidgetItem(words[s][i]);
            word->setTextAlignment(Qt::AlignCenter);
            m_table->setItem(int(2 * s), int(i), word);
            if (i < tags.value(s).size()) {
                auto *tag = new QTableWidgetItem(tags[s][i]);
                tag->setTextAlignment(Qt::AlignCenter);
                tag->setBackground(tagColour(tags[s][i]));
                QFont bold = tag->font();
                bold.setBold(true);
                tag->setFont(bold);
                m_table->setItem(int(2 * s + 1), int(i), tag);
            }
        }
    m_table->resizeColumnsToContents();
    m_table->setFixedHeight(m_table->verticalHeader()->length() + 2 * m_table->frameWidth() +
                            m_table->horizontalScrollBar()->sizeHint().height());
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

void TaggingPage::tagSentence(const QString &sentence)
{
    if (m_sentence->text() != sentence)
        m_sentence->setText(sentence);
    SentenceTagRequest request;
    request.words = tokenize(sentence);
    request.generation = ++m_tagGeneration;
    if (!m_tagger || request.words.isEmpty()) {
        SentenceTags none;
        none.words = request.words;
        none.generation = request.generation;
        showTags(none);
        return;
    }
    request.tagger = m_tagger;
    request.vocab = m_vocab;
    QMetaObject::invokeMethod(m_tagWorker, [w = m_tagWorker, request] { w->tagSentence(request); }, Qt::QueuedConnection);
}

void TaggingPage::onSentenceTagged(const SentenceTags &tags)
{
    if (tags.generation == m_tagGeneration) // an answer to an older request is out of date
        showTags(tags);
}

void TaggingPage::showTags(const SentenceTags &t)
{
    m_table->clearContents();
    if (m_table->rowCount() != 2) { // showResult may have shown several sentences
        m_table->setRowCount(2);
        m_table->setVerticalHeaderLabels({tr("Word"), tr("Tag")});
        m_table->setFixedHeight(m_table->verticalHeader()->length() + 2 * m_table->frameWidth() +
                                m_table->horizontalScrollBar()->sizeHint().height());
    }
    m_table->setColumnCount(int(t.tags.size()));
    if (!t.error.isEmpty())
        m_status->setText(t.error);
    for (int i = 0; i < t.tags.size() && i < t.words.size(); ++i) {
        auto *word = new QTableWidgetItem(t.words[i]);
        auto *tag = new QTableWidgetItem(t.tags[i]);
        word->setTextAlignment(Qt::AlignCenter);
        tag->setTextAlignment(Qt::AlignCenter);
        tag->setBackground(tagColour(t.tags[i]));
        QFont bold = tag->font();
        bold.setBold(true);
        tag->setFont(bold);
        if (t.unknown.value(i)) {
            QFont italic = word->font();
            italic.setItalic(true);
            word->setFont(italic);
            word->setToolTip(tr("Not in the training sentences: the tagger sees it as <unk>."));
        }
        m_table->setItem(0, i, word);
        m_table->setItem(1, i, tag);
    }
    m_table->resizeColumnsToContents();
    Q_EMIT sentenceTagged(t.words, t.tags);
    if (t.trace)
        Q_EMIT traced(t.trace);
}
