#include "views/contextualpanel.h"

#include "base/application.h"
#include "plots/embeddingplot.h"
#include "plots/heatmapplot.h"
#include "workers/encoderreading.h"

#include "embed/wordcorpus.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// A word in several senses, in the interface language: a king, a chess king, a surname …
QString defaultWord() { return currentLanguage() == QStringLiteral("zh_TW") ? QStringLiteral("王") : QStringLiteral("king"); }

QStringList defaultSentences()
{
    if (currentLanguage() == QStringLiteral("zh_TW"))
        return {QStringLiteral("國王很老。"), QStringLiteral("她在棋局裡吃掉了對方的王。"), QStringLiteral("王先生是我的老師。"),
                QStringLiteral("獅子是森林之王。")};
    return {QStringLiteral("the king is old."), QStringLiteral("she moved her king one square to the left."),
            QStringLiteral("the king of spain lives in madrid."), QStringLiteral("the lion is the king of the forest.")};
}

QString shortened(const QString &text, int max)
{
    return text.size() <= max ? text : text.left(max - 1) + QChar(0x2026);
}

} // namespace

ContextualPanel::ContextualPanel(QWidget *parent)
    : QWidget(parent), m_worker(new ContextualWorker), m_word(new QLineEdit(defaultWord(), this)),
      m_sentences(new QPlainTextEdit(this)), m_encoder(new QLabel(this)), m_summary(new QLabel(this)),
      m_compare(new QPushButton(tr("Compare"), this)),
      m_fromCorpus(new QPushButton(tr("Sentences from the corpus"), this)),
      m_openFile(new QPushButton(tr("Open model file…"), this)),
      m_openFolder(new QPushButton(tr("Open Hugging Face folder…"), this)), m_cosines(new HeatmapPlot(this)),
      m_points(new EmbeddingPlot(this))
{
    m_thread = startWorkerThread(m_worker, QStringLiteral("contextual"), {});
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("<b>Static or contextual?</b> word2vec looks a word up in a table: one vector, whatever "
                                "the sentence. An encoder reads the whole sentence first, so the same word gets a "
                                "different vector in each sentence."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_sentences->setPlainText(defaultSentences().join(QLatin1Char('\n')));
    m_sentences->setPlaceholderText(tr("One sentence a line, each holding the word"));
    m_sentences->setMaximumHeight(96);
    form->addRow(tr("Word"), m_word);
    form->addRow(tr("Sentences"), m_sentences);
    // The encoder's origin on a row of its own (it can be a long sentence), the ways to get
    // another one beside the comparison buttons.
    m_encoder->setWordWrap(true);
    m_encoder->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    form->addRow(tr("Encoder"), m_encoder);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_compare);
    buttons->addWidget(m_fromCorpus);
    buttons->addStretch();
    buttons->addWidget(m_openFile);
    buttons->addWidget(m_openFolder);
    layout->addLayout(buttons);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    layout->addWidget(m_summary);

    auto *plots = new QSplitter(Qt::Horizontal, this);
    m_cosines->setAxisTitles(tr("sentence"), tr("sentence"));
    m_cosines->setValueTitle(tr("cosine (encoder)"));
    m_cosines->setToolTip(tr("Cosine between the word's encoder vectors in two sentences; word2vec would give 1 "
                             "everywhere."));
    m_points->setToolTip(tr("Each model's vectors projected on their own (PCA): the encoder's vectors, one per "
                            "sentence, spread out; word2vec's copies of its one vector fall on one point."));
    plots->addWidget(m_cosines);
    plots->addWidget(m_points);
    layout->addWidget(plots, 1);

    connect(m_compare, &QPushButton::clicked, this, [this] { compare(false); });
    connect(m_fromCorpus, &QPushButton::clicked, this, [this] { compare(true); });
    connect(m_word, &QLineEdit::returnPressed, this, [this] { compare(false); });
    connect(m_openFile, &QPushButton::clicked, this, [this] { openEncoder(false); });
    connect(m_openFolder, &QPushButton::clicked, this, [this] { openEncoder(true); });
    connect(m_worker, &ContextualWorker::computed, this, &ContextualPanel::onComputed);
    connect(m_worker, &ContextualWorker::opened, this, [this](std::shared_ptr<const EncoderSnapshot> encoder) {
        setBusy(false);
        SessionEncoder::instance().publish(std::move(encoder)); // updateEncoderLabel follows
    });
    connect(m_worker, &ContextualWorker::failed, this, [this](int generation, const QString &message) {
        if (generation >= 0 && generation != m_generation)
            return;
        setBusy(false);
        m_summary->setText(m_staticText + QStringLiteral("<p>") + message.toHtmlEscaped() + QStringLiteral("</p>"));
        if (generation >= 0)
            Q_EMIT computed(false);
    });
    connect(&SessionEncoder::instance(), &SessionEncoder::changed, this, &ContextualPanel::updateEncoderLabel);
    updateEncoderLabel();
    setBusy(false);
}

ContextualPanel::~ContextualPanel() = default; // m_thread's deleter waits for the running job

void ContextualPanel::setStaticVectors(std::shared_ptr<const lm::WordVectors> vectors,
                                       std::shared_ptr<const lm::FastTextModel> subwords, const QString &method)
{
    m_vectors = std::move(vectors);
    m_subwords = std::move(subwords);
    m_method = method;
}

void ContextualPanel::setWord(const QString &word) { m_word->setText(word); }

void ContextualPanel::setSentences(const QStringList &sentences) { m_sentences->setPlainText(sentences.join(QLatin1Char('\n'))); }

QString ContextualPanel::word() const { return m_word->text().trimmed(); }

QStringList ContextualPanel::sentences() const
{
    QStringList out;
    for (const QString &line : m_sentences->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    return out;
}

bool ContextualPanel::hasEncoder() const { return SessionEncoder::instance().current() != nullptr; }

QString ContextualPanel::summaryText() const { return m_summary->text(); }

void ContextualPanel::updateEncoderLabel()
{
    const auto encoder = SessionEncoder::instance().current();
    m_encoder->setText(encoder ? encoder->origin
                               : tr("none yet: pre-train one on the Sentence search tab, or open one here"));
}

void ContextualPanel::openEncoder(bool folder)
{
    const QString path = folder ? QFileDialog::getExistingDirectory(this, tr("A Hugging Face BERT or ALBERT folder"))
                                : QFileDialog::getOpenFileName(this, tr("An encoder checkpoint"), QString(),
                                                               tr("safetensors (*.safetensors);;All files (*)"));
    if (path.isEmpty())
        return;
    setBusy(true);
    m_summary->setText(tr("Reading %1…").arg(path.toHtmlEscaped()));
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path] { w->open(path); }, Qt::QueuedConnection);
}

// What word2vec says, at once: its vector is a row of a table, the same in every sentence.
QString ContextualPanel::staticSummary()
{
    m_static.clear();
    const QString w = word();
    if (!m_vectors)
        return tr("<p><b>word2vec</b>: train word vectors on the left to compare their one vector with the encoder's.</p>");
    const QString key = QString::fromStdString(lm::normalizeWordText(w.toStdString())).trimmed();
    const std::int32_t id = m_vectors->find(key.toStdString());
    if (id >= 0)
        m_static.assign(m_vectors->row(id), m_vectors->row(id) + m_vectors->dim);
    else if (m_subwords)
        m_static = m_subwords->wordVector(key.toStdString());
    if (m_static.empty())
        return tr("<p><b>word2vec</b>: “%1” is not in its vocabulary.</p>").arg(w.toHtmlEscaped());
    QStringList head;
    for (std::size_t k = 0; k < std::min<std::size_t>(3, m_static.size()); ++k)
        head << QLocale().toString(m_static[k], 'f', 3);
    // The vector in sentence 1 against the same lookup in sentence 2.
    const std::vector<float> both = cosineMatrix({m_static, m_static});
    const double self = both[1];
    return tr("<p><b>%1</b> (static): in every sentence “%2” looks up the same row of its table, (%3, …): cosine "
              "%4 between any two sentences, one point in the plot.</p>")
        .arg(m_method.toHtmlEscaped(), w.toHtmlEscaped(), head.join(QStringLiteral(", ")), QLocale().toString(self, 'f', 3));
}

void ContextualPanel::compare(bool fromCorpus)
{
    m_staticText = staticSummary();
    const auto encoder = SessionEncoder::instance().current();
    if (!encoder) {
        m_summary->setText(m_staticText + tr("<p><b>Encoder</b> (contextual): none yet. Pre-train one on the Sentence "
                                             "search tab, or open one here, to see one vector per sentence.</p>"));
        Q_EMIT computed(false);
        return;
    }
    ContextualRequest r;
    r.word = word();
    r.sentences = sentences();
    r.fromCorpus = fromCorpus;
    r.corpusSpec = m_corpusSpec;
    r.encoder = encoder;
    r.staticVector = m_static;
    r.generation = ++m_generation;
    setBusy(true);
    m_summary->setText(m_staticText + tr("<p><b>Encoder</b>: reading the sentences…</p>"));
    QMetaObject::invokeMethod(m_worker, [w = m_worker, r] { w->compute(r); }, Qt::QueuedConnection);
}

void ContextualPanel::onComputed(const ContextualResult &result)
{
    if (result.generation != m_generation)
        return;
    setBusy(false);
    m_result = result;
    const int n = int(result.sentences.size());
    if (!m_sentences->hasFocus())
        m_sentences->setPlainText(result.sentences.join(QLatin1Char('\n')));
    QStringList numbers, labels, groups;
    float lo = 1.0f, hi = -1.0f;
    for (int i = 0; i < n; ++i) {
        numbers << QString::number(i + 1);
        labels << QStringLiteral("%1 · %2").arg(i + 1).arg(shortened(result.sentences[i], 28));
        groups << tr("encoder: one vector per sentence");
        for (int j = 0; j < n; ++j)
            if (i != j) {
                lo = std::min(lo, result.cosines[i * n + j]);
                hi = std::max(hi, result.cosines[i * n + j]);
            }
    }
    m_cosines->setMatrix(n, n, result.cosines, numbers, numbers);
    QVector<float> points = result.points;
    if (result.staticPoint.size() == 2) {
        labels << tr("word2vec · “%1” in all %2 sentences").arg(result.word).arg(n);
        groups << tr("word2vec: one vector for every sentence");
        points << result.staticPoint[0] << result.staticPoint[1];
    }
    m_points->setPoints(labels, points, 2, groups);
    m_points->setHighlighted(result.staticPoint.size() == 2 ? QSet<int>{n} : QSet<int>{});
    QString encoderText =
        tr("<p><b>Encoder</b> (contextual, %1): one vector per sentence, read from the whole sentence. Cosines between "
           "the sentences run from %2 to %3 (the heatmap); the two PCA components keep %4 % of their spread.</p>")
            .arg(result.encoderOrigin.toHtmlEscaped(), QLocale().toString(lo, 'f', 3), QLocale().toString(hi, 'f', 3),
                 QLocale().toString(100.0 * result.explained, 'f', 0));
    if (!result.skipped.isEmpty())
        encoderText += tr("<p>Left out (no “%1” in them as the encoder's tokenizer reads them): %2</p>")
                           .arg(result.word.toHtmlEscaped(), result.skipped.join(QStringLiteral(" · ")).toHtmlEscaped());
    m_summary->setText(m_staticText + encoderText);
    Q_EMIT computed(true);
}

void ContextualPanel::setBusy(bool busy)
{
    m_busy = busy;
    for (QPushButton *b : {m_compare, m_fromCorpus, m_openFile, m_openFolder})
        b->setEnabled(!busy);
}
