#include "views/retrievalview.h"

#include "base/application.h"
#include "base/corpora.h"
#include "base/spinbox.h"
#include "io/atomicfile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

const QString kSession = QStringLiteral("session");
const QString kTrain = QStringLiteral("train");
constexpr int kContrastiveSteps = 300; // paraphrase-pair steps after the encoder is ready
const QString kOpenFile = QStringLiteral("open-file");
const QString kOpenFolder = QStringLiteral("open-folder");
const QString kFilePrefix = QStringLiteral("file:");
const QString kOpenCorpus = QStringLiteral("open");

QTableWidgetItem *readOnly(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

} // namespace

RetrievalView::RetrievalView(QWidget *parent) : QWidget(parent), m_worker(new RetrievalWorker)
{
    m_thread = startWorkerThread(m_worker, QStringLiteral("retrieval"), [w = m_worker] { w->cancel(); });
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(buildSetup());
    split->addWidget(buildResults());
    split->setStretchFactor(1, 1);
    split->setCollapsible(1, false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_worker, &RetrievalWorker::progress, this, [this](const QString &message, double fraction) {
        m_status->setText(message);
        m_progress->setRange(0, fraction < 0 ? 0 : 100);
        if (fraction >= 0)
            m_progress->setValue(int(100 * fraction));
    });
    connect(m_worker, &RetrievalWorker::ready, this, &RetrievalView::onReady);
    connect(m_worker, &RetrievalWorker::found, this, &RetrievalView::onFound);
    connect(m_worker, &RetrievalWorker::failed, this, [this](const QString &message) {
        m_status->setText(message);
        const bool wasPreparing = m_busy;
        setBusy(false);
        if (wasPreparing)
            Q_EMIT prepared(false);
    });
    connect(&SessionEncoder::instance(), &SessionEncoder::changed, this, &RetrievalView::updateSessionEntry);
    updateSessionEntry();
    setBusy(false);
}

RetrievalView::~RetrievalView() = default; // m_thread's deleter cancels the job and waits

QWidget *RetrievalView::buildSetup()
{
    auto *box = new QGroupBox(tr("Three ways to turn a sentence into a vector"), this);
    auto *form = new QFormLayout(box);
    m_encoder = new QComboBox(box);
    m_encoder->addItem(tr("Train a small encoder here"), kTrain);
    m_encoder->setItemData(0, tr("Pre-trains an encoder of width 64 with two layers for 600 steps of masked words on the "
                                 "built-in set's sentences, the sentences of its paraphrase pairs and the short documents of its "
                                 "language."),
                           Qt::ToolTipRole);
    m_encoder->addItem(tr("Open a model file (.safetensors)…"), kOpenFile);
    m_encoder->addItem(tr("Open a Hugging Face folder (BERT, ALBERT)…"), kOpenFolder);
    connect(m_encoder, &QComboBox::activated, this, [this](int index) {
        const QString data = m_encoder->itemData(index).toString();
        if (data == kOpenFile || data == kOpenFolder)
            openModel(data == kOpenFolder);
    });
    m_pooling = new QComboBox(box);
    m_pooling->addItem(tr("Mean of the last layer over the tokens"), false);
    m_pooling->addItem(tr("The [CLS] vector"), true);
    connect(m_pooling, &QComboBox::activated, this, [this] {
        if (m_ready && !m_busy) { // only the encoder's sentence vectors change
            RetrievalRequest r = currentRequest();
            r.source = RetrievalRequest::Source::Keep;
            prepareWith(r);
        }
    });
    m_corpus = new QComboBox(box);
    m_corpus->addItem(tr("Built-in set, English (500 sentences)"), QStringLiteral("builtin:en"));
    m_corpus->addItem(tr("Built-in set, Traditional Chinese (500 sentences)"), QStringLiteral("builtin:zh_TW"));
    m_corpus->addItem(tr("Open a text file (one sentence a line)…"), kOpenCorpus);
    m_corpus->setCurrentIndex(currentLanguage() == QStringLiteral("zh_TW") ? 1 : 0);
    connect(m_corpus, &QComboBox::activated, this, [this](int index) {
        if (m_corpus->itemData(index).toString() != kOpenCorpus)
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Sentences to search (one a line)"), QString(),
                                                          tr("Text files (*.txt);;All files (*)"));
        m_corpus->setCurrentIndex(0);
        if (path.isEmpty())
            return;
        if (auto corpus = loadCorpusSpec(path); !corpus) {
            QMessageBox::warning(this, tr("Sentences to search"), QString::fromStdString(corpus.error()));
            return;
        }
        m_corpus->insertItem(m_corpus->count() - 1, QFileInfo(path).fileName(), path);
        m_corpus->setCurrentIndex(m_corpus->count() - 2);
    });
    m_pairs = new QCheckBox(tr("Then train it on paraphrase pairs (contrastive)"), box);
    m_pairs->setChecked(true);
    m_pairs->setToolTip(tr("%1 steps on the built-in pairs of the set's language (a sentence and a paraphrase of it; "
                           "none of them is in the query set): each sentence's vector is pulled towards its partner "
                           "and pushed away from the other sentences of the batch. The encoder as it was before is "
                           "scored too.")
                            .arg(kContrastiveSteps));
    form->addRow(tr("Encoder"), m_encoder);
    form->addRow(QString(), m_pairs);
    form->addRow(tr("Sentence vector"), m_pooling);
    form->addRow(tr("Sentences"), m_corpus);
    auto *buttons = new QHBoxLayout;
    m_prepareButton = new QPushButton(tr("Prepare the three indexes"), box);
    m_stopButton = new QPushButton(tr("Stop"), box);
    buttons->addWidget(m_prepareButton);
    buttons->addWidget(m_stopButton);
    form->addRow(buttons);
    connect(m_prepareButton, &QPushButton::clicked, this, &RetrievalView::prepare);
    connect(m_stopButton, &QPushButton::clicked, this, &RetrievalView::stop);
    m_progress = new QProgressBar(box);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    form->addRow(m_progress);
    m_status = new QLabel(tr("Choose an encoder and press Prepare. Skip-gram word vectors are trained on the same "
                             "sentences, and every sentence is indexed three ways."),
                          box);
    m_status->setWordWrap(true);
    form->addRow(m_status);
    auto *about = new QLabel(tr("<p><b>Encoder</b>: a Transformer that reads the whole sentence; the sentence is the "
                                "mean of its tokens' last-layer vectors, or the vector at [CLS].</p>"
                                "<p><b>Averaged word2vec</b>: the mean of the sentence's word vectors; word order "
                                "plays no part.</p>"
                                "<p><b>TF-IDF</b>: counts of the sentence's words, rare words weighing more; only "
                                "shared words count.</p>"),
                             box);
    about->setWordWrap(true);
    form->addRow(about);
    box->setMinimumWidth(320);
    box->setMaximumWidth(440);
    return box;
}

QWidget *RetrievalView::buildResults()
{
    auto *host = new QWidget(this);
    auto *column = new QVBoxLayout(host);
    auto *row = new QHBoxLayout;
    m_query = new QLineEdit(host);
    m_query->setPlaceholderText(tr("Type a sentence to search for…"));
    m_query->setClearButtonEnabled(true);
    m_k = spinBox(1, 50, 5, host);
    m_searchButton = new QPushButton(tr("Search"), host);
    row->addWidget(new QLabel(tr("Query"), host));
    row->addWidget(m_query, 1);
    row->addWidget(new QLabel(tr("k"), host));
    row->addWidget(m_k);
    row->addWidget(m_searchButton);
    column->addLayout(row);
    connect(m_searchButton, &QPushButton::clicked, this, &RetrievalView::search);
    connect(m_query, &QLineEdit::returnPressed, this, &RetrievalView::search);

    auto *lists = new QHBoxLayout;
    const QString titles[3] = {tr("Encoder"), tr("Averaged word2vec"), tr("TF-IDF")};
    for (int i = 0; i < 3; ++i) {
        auto *box = new QVBoxLayout;
        m_listTitles[i] = new QLabel(QStringLiteral("<b>%1</b>").arg(titles[i]), host);
        m_lists[i] = new QTableWidget(0, 2, host);
        m_lists[i]->setHorizontalHeaderLabels({tr("cosine"), tr("sentence")});
        m_lists[i]->horizontalHeader()->setStretchLastSection(true);
        m_lists[i]->verticalHeader()->setVisible(false);
        m_lists[i]->setWordWrap(true);
        m_lists[i]->setEditTriggers(QAbstractItemView::NoEditTriggers);
        box->addWidget(m_listTitles[i]);
        box->addWidget(m_lists[i], 1);
        lists->addLayout(box, 1);
    }
    column->addLayout(lists, 3);

    auto *scores = new QGroupBox(tr("On the built-in query set (each query paraphrases one sentence)"), host);
    auto *scoresLayout = new QVBoxLayout(scores);
    m_scoreTable = new QTableWidget(3, 3, scores);
    m_scoreTable->setHorizontalHeaderLabels({tr("recall@1"), tr("recall@5"), tr("MRR")});
    m_scoreTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_scoreTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_scoreTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_scoreTable->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    scoresLayout->addWidget(m_scoreTable);
    auto *bottom = new QHBoxLayout;
    m_verdict = new QLabel(tr("recall@k: the share of queries whose sentence is among the first k found; MRR: the "
                              "mean of 1 / its rank."),
                           scores);
    m_verdict->setWordWrap(true);
    m_exportButton = new QPushButton(tr("Export CSV…"), scores);
    connect(m_exportButton, &QPushButton::clicked, this, &RetrievalView::exportScoresWithDialog);
    bottom->addWidget(m_verdict, 1);
    bottom->addWidget(m_exportButton, 0, Qt::AlignTop);
    scoresLayout->addLayout(bottom);
    column->addWidget(scores);
    showScores();
    return host;
}

void RetrievalView::updateSessionEntry()
{
    const auto session = SessionEncoder::instance().current();
    const int at = m_encoder->findData(kSession);
    if (!session) {
        if (at >= 0)
            m_encoder->removeItem(at);
        return;
    }
    const QString text = tr("This session's encoder: %1").arg(session->origin);
    if (at >= 0) {
        m_encoder->setItemText(at, text);
    } else {
        m_encoder->insertItem(0, text, kSession);
        if (!m_ready && !m_busy)
            m_encoder->setCurrentIndex(0); // a learner who trained one wants it
    }
}

void RetrievalView::openModel(bool folder)
{
    const QString path = folder ? QFileDialog::getExistingDirectory(this, tr("A Hugging Face BERT or ALBERT folder"))
                                : QFileDialog::getOpenFileName(this, tr("An encoder checkpoint"), QString(),
                                                               tr("safetensors (*.safetensors);;All files (*)"));
    if (path.isEmpty()) {
        m_encoder->setCurrentIndex(std::max(0, m_encoder->findData(kTrain)));
        return;
    }
    setEncoderChoice(path);
}

void RetrievalView::setEncoderChoice(const QString &choice)
{
    if (choice == kSession || choice == kTrain) {
        m_encoder->setCurrentIndex(std::max(0, m_encoder->findData(choice)));
        return;
    }
    int at = m_encoder->findData(kFilePrefix + choice);
    if (at < 0) {
        at = m_encoder->findData(kOpenFile);
        m_encoder->insertItem(at, tr("File: %1").arg(QFileInfo(choice).fileName()), kFilePrefix + choice);
    }
    m_encoder->setCurrentIndex(at);
}

void RetrievalView::setClsPooling(bool cls) { m_pooling->setCurrentIndex(cls ? 1 : 0); }

void RetrievalView::setContrastive(bool on) { m_pairs->setChecked(on); }

bool RetrievalView::contrastive() const { return m_pairs->isChecked(); }

void RetrievalView::setQuery(const QString &query) { m_query->setText(query); }

RetrievalRequest RetrievalView::currentRequest() const
{
    RetrievalRequest r;
    const QString source = m_encoder->currentData().toString();
    if (source == kSession) {
        r.source = RetrievalRequest::Source::Session;
        r.session = SessionEncoder::instance().current();
    } else if (source.startsWith(kFilePrefix)) {
        r.source = RetrievalRequest::Source::File;
        r.modelPath = source.mid(kFilePrefix.size());
    } else {
        r.source = RetrievalRequest::Source::Train;
    }
    r.clsPooling = m_pooling->currentData().toBool();
    r.contrastiveSteps = m_pairs->isChecked() ? kContrastiveSteps : 0;
    const QString corpus = m_corpus->currentData().toString();
    if (corpus.startsWith(QStringLiteral("builtin:"))) {
        r.language = corpus.mid(8);
    } else {
        r.language = currentLanguage();
        r.corpusPath = corpus;
    }
    return r;
}

void RetrievalView::prepare() { prepareWith(currentRequest()); }

void RetrievalView::prepareWith(const RetrievalRequest &request)
{
    if (m_busy)
        return;
    setBusy(true);
    m_status->setText(tr("Starting…"));
    m_progress->setValue(0);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, request] { w->prepare(request); }, Qt::QueuedConnection);
}

bool RetrievalView::replayRun(const RetrievalRequest &request, const RetrievalReady &ready,
                              std::shared_ptr<RetrievalWorker::State> state)
{
    if (m_busy)
        return false;
    setContrastive(request.contrastiveSteps > 0);
    setClsPooling(request.clsPooling);
    // Queued before any search the learner types next, so that search finds the index.
    QMetaObject::invokeMethod(m_worker, [w = m_worker, state = std::move(state)] { w->adoptState(state); },
                              Qt::QueuedConnection);
    onReady(ready);
    return true;
}

void RetrievalView::stop() { m_worker->cancel(); }

void RetrievalView::onReady(const RetrievalReady &ready)
{
    m_ready = true;
    setBusy(false);
    m_scores = ready.scores;
    m_clsScored = ready.clsPooling;
    m_contrastiveScored = ready.contrastive;
    if (ready.newEncoder)
        SessionEncoder::instance().publish(ready.newEncoder); // the Word vectors tab reads it too
    m_progress->setRange(0, 100);
    m_progress->setValue(100);
    m_status->setText(tr("Ready: %1; %2 sentences indexed; word2vec knows %3 words.")
                          .arg(ready.encoderOrigin, QLocale().toString(ready.corpusSentences),
                               QLocale().toString(ready.vocabulary)));
    showScores();
    Q_EMIT prepared(true);
    if (!m_query->text().trimmed().isEmpty())
        search();
}

void RetrievalView::search()
{
    const QString query = m_query->text().trimmed();
    if (!m_ready || query.isEmpty())
        return;
    const int k = m_k->value(), generation = ++m_generation;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, query, k, generation] { w->search(query, k, generation); },
                              Qt::QueuedConnection);
}

void RetrievalView::onFound(const SearchResult &result)
{
    if (result.generation != m_generation)
        return;
    m_result = result;
    const QVector<SearchHit> *lists[3] = {&result.encoder, &result.wordVectors, &result.tfidf};
    for (int i = 0; i < 3; ++i) {
        QTableWidget *t = m_lists[i];
        t->setRowCount(int(lists[i]->size()));
        for (int r = 0; r < lists[i]->size(); ++r) {
            const SearchHit &h = lists[i]->at(r);
            t->setItem(r, 0, readOnly(QLocale().toString(h.score, 'f', 3)));
            t->setItem(r, 1, readOnly(h.text));
        }
        t->resizeColumnToContents(0);
        t->resizeRowsToContents();
    }
    Q_EMIT searched();
}

QString RetrievalView::methodTitle(const QString &method) const
{
    if (method == QStringLiteral("word2vec"))
        return tr("Averaged word2vec");
    if (method == QStringLiteral("tfidf"))
        return tr("TF-IDF");
    const QString pooling = m_clsScored ? tr("[CLS] vector") : tr("mean of the last layer");
    if (method == QStringLiteral("encoder_mlm"))
        return tr("Encoder before the pairs (%1)").arg(pooling);
    return m_contrastiveScored ? tr("Encoder + paraphrase pairs (%1)").arg(pooling) : tr("Encoder (%1)").arg(pooling);
}

void RetrievalView::showScores()
{
    QStringList rows;
    for (const RetrievalScoreRow &s : std::as_const(m_scores))
        rows << methodTitle(s.method);
    if (rows.isEmpty())
        rows << methodTitle(QStringLiteral("encoder")) << methodTitle(QStringLiteral("word2vec"))
             << methodTitle(QStringLiteral("tfidf"));
    m_scoreTable->setRowCount(int(rows.size()));
    m_scoreTable->setVerticalHeaderLabels(rows);
    m_listTitles[0]->setText(QStringLiteral("<b>%1</b>").arg(rows[0]));
    double best[3] = {-1, -1, -1};
    for (const RetrievalScoreRow &s : std::as_const(m_scores)) {
        best[0] = std::max(best[0], s.recallAt1);
        best[1] = std::max(best[1], s.recallAt5);
        best[2] = std::max(best[2], s.mrr);
    }
    for (int r = 0; r < int(rows.size()); ++r)
        for (int c = 0; c < 3; ++c) {
            if (r >= m_scores.size()) {
                m_scoreTable->setItem(r, c, readOnly(QStringLiteral("–")));
                continue;
            }
            const RetrievalScoreRow &s = m_scores[r];
            const double v = c == 0 ? s.recallAt1 : c == 1 ? s.recallAt5 : s.mrr;
            auto *item = readOnly(QLocale().toString(v, 'f', 3));
            if (v == best[c]) { // the winner of each column in bold
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_scoreTable->setItem(r, c, item);
        }
    m_scoreTable->resizeRowsToContents();
    int height = m_scoreTable->horizontalHeader()->sizeHint().height() + 2 * m_scoreTable->frameWidth();
    for (int r = 0; r < m_scoreTable->rowCount(); ++r)
        height += m_scoreTable->rowHeight(r);
    m_scoreTable->setFixedHeight(height); // every row, no empty space under them
    m_exportButton->setEnabled(!m_scores.isEmpty());
    if (m_scores.size() >= 3) {
        int winner = 0;
        for (int r = 1; r < m_scores.size(); ++r)
            if (m_scores[r].recallAt1 > m_scores[winner].recallAt1)
                winner = r;
        const QString why = m_contrastiveScored
            ? tr("Training on paraphrase pairs is what turns the encoder's vectors into sentence vectors: before "
                 "it, the encoder had only learned to fill in masked words and was never asked to put two "
                 "sentences that mean the same close together.")
            : tr("An encoder trained only to fill in masked words was never asked to put paraphrases close together "
                 "(tick the paraphrase pairs to see what that changes), and its [CLS] vector carries a sentence only "
                 "after a sentence task.");
        m_verdict->setText(
            tr("%1 ranks the right sentence first for %2 % of the queries. TF-IDF wins when a paraphrase keeps the "
               "sentence's rare words; averaged word vectors forgive synonyms but blur everything else. %3 "
               "recall@k: the share of queries whose sentence is among the first k; MRR: the mean of 1 / its rank.")
                .arg(rows[winner], QLocale().toString(100.0 * m_scores[winner].recallAt1, 'f', 0), why));
    }
}

QString RetrievalView::scoresCsv() const
{
    QString csv = QStringLiteral("method,recall_at_1,recall_at_5,mrr\n");
    for (const RetrievalScoreRow &s : m_scores) {
        const QString method = s.method == QStringLiteral("encoder") && m_clsScored ? QStringLiteral("encoder_cls")
                               : s.method == QStringLiteral("encoder")              ? QStringLiteral("encoder_mean")
                                                                                    : s.method;
        csv += QStringLiteral("%1,%2,%3,%4\n")
                   .arg(method, QString::number(s.recallAt1, 'g', 6), QString::number(s.recallAt5, 'g', 6),
                        QString::number(s.mrr, 'g', 6));
    }
    return csv;
}

bool RetrievalView::exportScores(const QString &path, QString *error) const
{
    const auto status = lm::writeFileAtomically(path.toStdString(), scoresCsv().toStdString());
    if (!status.ok() && error)
        *error = QString::fromStdString(status.error());
    return status.ok();
}

void RetrievalView::exportScoresWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the scores"), QStringLiteral("retrieval.csv"),
                                                      tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportScores(path, &error))
        QMessageBox::warning(this, tr("Export the scores"), error);
}

void RetrievalView::setBusy(bool busy)
{
    m_busy = busy;
    m_prepareButton->setEnabled(!busy);
    m_stopButton->setEnabled(busy);
    m_searchButton->setEnabled(!busy && m_ready);
    for (QWidget *w : std::initializer_list<QWidget *>{m_encoder, m_pooling, m_corpus})
        w->setEnabled(!busy);
}
