#include "views/embeddingview.h"

#include "base/corpora.h"
#include "base/languagedefaults.h"
#include "plots/embeddingplot.h"
#include "views/contextualpanel.h"

#include "embed/wordcorpus.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include "base/spinbox.h"

#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>
#include <numeric>

namespace {
// "word<TAB>group" lines (a first line "word<TAB>group" is a header); other lines are ignored.
QHash<QString, QString> readGroups(QIODevice &device)
{
    QHash<QString, QString> groups;
    while (!device.atEnd()) {
        const QStringList cells = QString::fromUtf8(device.readLine()).trimmed().split(QLatin1Char('\t'));
        if (cells.size() == 2 && cells[0] != QStringLiteral("word"))
            groups.insert(cells[0], cells[1]);
    }
    return groups;
}
} // namespace

EmbeddingView::EmbeddingView(QWidget *parent)
    : QWidget(parent), m_worker(new EmbeddingWorker), m_plot(new EmbeddingPlot(this))
{
    m_thread = startWorkerThread(m_worker, QStringLiteral("embeddings"), [w = m_worker] {
        w->cancelTraining();
        w->cancelProjection();
    });
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildTrainPanel());
    m_pages = new QTabWidget(splitter);
    m_pages->addTab(m_plot, tr("Word map"));
    m_contextual = new ContextualPanel(m_pages);
    m_pages->addTab(m_contextual, tr("Same word, different sentences"));
    splitter->addWidget(m_pages);
    splitter->addWidget(buildSidePanel());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({340, 620, 320});
    splitter->setCollapsible(1, false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_worker, &EmbeddingWorker::progress, this, [this](const lm::EmbedProgress &p) {
        const QLocale loc;
        m_status->setText(tr("%1 % · epoch %2 · %3 words/s · loss %4")
                              .arg(loc.toString(100.0 * p.fraction, 'f', 0), QString::number(p.epoch),
                                   loc.toString(p.wordsPerSecond, 'f', 0), loc.toString(p.loss, 'f', 3)));
    });
    connect(m_worker, &EmbeddingWorker::snapshot, this, &EmbeddingView::onSnapshot);
    connect(m_worker, &EmbeddingWorker::trained, this, &EmbeddingView::onTrained);
    connect(m_worker, &EmbeddingWorker::trainingFailed, this, [this](const QString &message) {
        m_training = false;
        m_status->setText(message);
        setBusy();
        Q_EMIT trainingFinished(false);
    });
    connect(m_worker, &EmbeddingWorker::projectionProgress, this,
            [this](int generation, int iteration, const QVector<float> &points, int dims) {
                if (generation != m_generation)
                    return;
                m_status->setText(tr("t-SNE iteration %1").arg(iteration));
                showPoints(points, dims);
            });
    connect(m_worker, &EmbeddingWorker::projected, this, &EmbeddingView::onProjected);
    connect(m_worker, &EmbeddingWorker::projectionFailed, this, [this](int generation, const QString &message) {
        if (generation != m_generation)
            return;
        m_projecting = false;
        m_status->setText(message);
        setBusy();
        Q_EMIT projectionFinished(false);
    });
    connect(m_plot, &EmbeddingPlot::wordClicked, this, [this](int id) { selectWord(m_shownWords.value(id)); });

    QFile groups(QStringLiteral(":/corpora/groups_en.tsv"));
    if (groups.open(QIODevice::ReadOnly))
        m_groupOf = readGroups(groups);
    setBusy();
}

EmbeddingView::~EmbeddingView() = default; // m_thread's deleter cancels both jobs and waits

QWidget *EmbeddingView::buildTrainPanel()
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *panel = new QWidget(scroll);
    auto *column = new QVBoxLayout(panel);

    auto *train = new QGroupBox(tr("Train word vectors"), panel);
    auto *form = new QFormLayout(train);
    m_corpus = new QComboBox(train);
    for (const BuiltinCorpus &c : builtinCorpora())
        m_corpus->addItem(c.title, QStringLiteral("builtin:") + c.id);
    auto *open = new QPushButton(tr("Open text file…"), train);
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a text corpus"));
        if (path.isEmpty())
            return;
        if (auto corpus = loadCorpusSpec(path); !corpus) { // a bad file is said at once; nothing changes
            QMessageBox::warning(this, tr("Open a text corpus"), QString::fromStdString(corpus.error()));
            return;
        }
        m_corpus->addItem(QFileInfo(path).fileName(), path);
        m_corpus->setCurrentIndex(m_corpus->count() - 1);
    });
    m_method = new QComboBox(train);
    m_method->addItem(tr("Skip-gram (word2vec)"), QStringLiteral("skipgram"));
    m_method->addItem(tr("CBOW (word2vec)"), QStringLiteral("cbow"));
    m_method->addItem(tr("GloVe"), QStringLiteral("glove"));
    m_method->addItem(tr("fastText (subwords)"), QStringLiteral("fasttext"));
    m_unit = new QComboBox(train);
    m_unit->addItem(tr("Words (split at spaces)"), false);
    m_unit->addItem(tr("Characters (for Chinese)"), true);
    connect(m_corpus, &QComboBox::currentIndexChanged, this, [this] {
        // Chinese has no spaces: characters are the natural unit of the built-in Chinese corpus.
        m_unit->setCurrentIndex(m_corpus->currentData().toString() == QStringLiteral("builtin:zh_TW") ? 1 : 0);
    });
    // The built-in corpus of the interface language first; Chinese then trains on characters.
    m_corpus->setCurrentIndex(std::max(0, m_corpus->findData(defaultCorpusSpec())));
    m_unit->setCurrentIndex(m_corpus->currentData().toString() == QStringLiteral("builtin:zh_TW") ? 1 : 0);
    m_dim = spinBox(2, 1024, 50, train);
    m_window = spinBox(1, 50, 5, train);
    m_epochs = spinBox(1, 500, 5, train);
    m_minCount = spinBox(1, 1000, 3, train);
    m_threads = spinBox(1, 64, 2, train);
    form->addRow(tr("Corpus"), m_corpus);
    form->addRow(QString(), open);
    form->addRow(tr("Method"), m_method);
    form->addRow(tr("Tokens"), m_unit);
    form->addRow(tr("Vector size"), m_dim);
    form->addRow(tr("Window"), m_window);
    form->addRow(tr("Epochs"), m_epochs);
    form->addRow(tr("Minimum count"), m_minCount);
    form->addRow(tr("Threads"), m_threads);
    auto *buttons = new QHBoxLayout;
    m_trainButton = new QPushButton(tr("Train"), train);
    m_stopButton = new QPushButton(tr("Stop"), train);
    buttons->addWidget(m_trainButton);
    buttons->addWidget(m_stopButton);
    form->addRow(buttons);
    m_status = new QLabel(tr("Train a method to see its words."), train);
    m_status->setWordWrap(true);
    form->addRow(m_status);
    connect(m_trainButton, &QPushButton::clicked, this, &EmbeddingView::startTraining);
    connect(m_stopButton, &QPushButton::clicked, this, &EmbeddingView::stopTraining);
    column->addWidget(train);

    auto *proj = new QGroupBox(tr("Projection"), panel);
    auto *pform = new QFormLayout(proj);
    m_projection = new QComboBox(proj);
    m_projection->addItem(tr("PCA"), QStringLiteral("pca"));
    m_projection->addItem(tr("t-SNE"), QStringLiteral("tsne"));
    m_dims = new QComboBox(proj);
    m_dims->addItem(tr("2-D"), 2);
    m_dims->addItem(tr("3-D (drag to turn)"), 3);
    connect(m_dims, &QComboBox::currentIndexChanged, this, [this] { m_worker->setSnapshotDims(m_dims->currentData().toInt()); });
    m_count = spinBox(10, 5000, 300, proj);
    m_perplexity = new QDoubleSpinBox(proj);
    m_perplexity->setRange(2, 100);
    m_perplexity->setValue(30);
    m_iterations = spinBox(50, 5000, 1000, proj);
    m_colour = new QComboBox(proj);
    m_colour->addItem(tr("No colours"));
    m_colour->addItem(tr("Built-in groups (English)"));
    m_colour->addItem(tr("Groups from a file…"));
    m_colour->setCurrentIndex(1); // the built-in English corpus comes with its groups
    connect(m_colour, &QComboBox::activated, this, [this](int index) {
        if (index == 2) {
            const QString path = QFileDialog::getOpenFileName(this, tr("Word groups (word<TAB>group per line)"));
            QFile f(path);
            constexpr qint64 kMaxGroupsBytes = 16 << 20; // a word list, not a corpus
            if (!path.isEmpty() && f.open(QIODevice::ReadOnly)) {
                if (f.size() > kMaxGroupsBytes)
                    QMessageBox::warning(this, tr("Word groups"),
                                         tr("%1 is larger than the 16 MB a list of word groups may have.").arg(path));
                else
                    m_groupOf = readGroups(f);
            }
        }
        applyColouring();
    });
    m_search = new QLineEdit(proj);
    m_search->setPlaceholderText(tr("Find a word…"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &EmbeddingView::applySearch);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { selectWord(m_search->text().trimmed()); });
    pform->addRow(tr("Method"), m_projection);
    pform->addRow(tr("Dimensions"), m_dims);
    pform->addRow(tr("Words shown"), m_count);
    pform->addRow(tr("Perplexity"), m_perplexity);
    pform->addRow(tr("Iterations"), m_iterations);
    pform->addRow(tr("Colour"), m_colour);
    pform->addRow(tr("Search"), m_search);
    auto *pbuttons = new QHBoxLayout;
    m_projectButton = new QPushButton(tr("Project"), proj);
    m_stopProjectButton = new QPushButton(tr("Stop"), proj);
    pbuttons->addWidget(m_projectButton);
    pbuttons->addWidget(m_stopProjectButton);
    pform->addRow(pbuttons);
    connect(m_projectButton, &QPushButton::clicked, this, &EmbeddingView::runProjection);
    connect(m_stopProjectButton, &QPushButton::clicked, this, &EmbeddingView::stopProjection);
    column->addWidget(proj);
    column->addStretch();
    scroll->setWidget(panel);
    scroll->setMinimumWidth(panel->sizeHint().width() + 24);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroll;
}

QWidget *EmbeddingView::buildSidePanel()
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *panel = new QWidget(scroll);
    auto *column = new QVBoxLayout(panel);

    auto *nn = new QGroupBox(tr("Nearest neighbours"), panel);
    auto *nnLayout = new QVBoxLayout(nn);
    m_neighborTitle = new QLabel(tr("Click a word in the plot."), nn);
    m_neighborTitle->setWordWrap(true);
    m_neighbors = new QListWidget(nn);
    nnLayout->addWidget(m_neighborTitle);
    nnLayout->addWidget(m_neighbors);
    connect(m_neighbors, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { selectWord(item->data(Qt::UserRole).toString()); });
    column->addWidget(nn);

    auto *an = new QGroupBox(tr("Analogy: a is to b as c is to ?"), panel);
    auto *anLayout = new QVBoxLayout(an);
    auto *row = new QHBoxLayout;
    m_a = new QLineEdit(QStringLiteral("man"), an);
    m_b = new QLineEdit(QStringLiteral("king"), an);
    m_c = new QLineEdit(QStringLiteral("woman"), an);
    for (QLineEdit *e : {m_a, m_b, m_c})
        row->addWidget(e);
    auto *solve = new QPushButton(tr("Solve"), an);
    row->addWidget(solve);
    anLayout->addLayout(row);
    m_analogy = new QListWidget(an);
    anLayout->addWidget(m_analogy);
    auto *anNote = new QLabel(tr("The answer is the word nearest to b − a + c. The arrows show the two offsets a→b and "
                                 "c→answer: when they are parallel, the relation is a direction in the space."),
                              an);
    anNote->setWordWrap(true);
    anLayout->addWidget(anNote);
    connect(solve, &QPushButton::clicked, this, [this] { solveAnalogy(m_a->text(), m_b->text(), m_c->text()); });
    column->addWidget(an);

    column->addStretch();
    scroll->setWidget(panel);
    scroll->setMinimumWidth(300);
    scroll->setMaximumWidth(380);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroll;
}

EmbeddingRequest EmbeddingView::currentRequest() const
{
    EmbeddingRequest r;
    r.corpusSpec = m_corpus->currentData().toString();
    r.method = m_method->currentData().toString();
    r.characters = m_unit->currentData().toBool();
    r.dim = m_dim->value();
    r.window = m_window->value();
    r.epochs = m_epochs->value();
    r.minCount = m_minCount->value();
    r.threads = m_threads->value();
    r.snapshotWords = m_count->value();
    return r;
}

void EmbeddingView::setRequest(const EmbeddingRequest &r)
{
    int i = m_corpus->findData(r.corpusSpec);
    if (i < 0) {
        m_corpus->addItem(QFileInfo(r.corpusSpec).fileName(), r.corpusSpec);
        i = m_corpus->count() - 1;
    }
    m_corpus->setCurrentIndex(i);
    m_method->setCurrentIndex(std::max(0, m_method->findData(r.method)));
    m_unit->setCurrentIndex(r.characters ? 1 : 0);
    m_dim->setValue(r.dim);
    m_window->setValue(r.window);
    m_epochs->setValue(r.epochs);
    m_minCount->setValue(r.minCount);
    m_threads->setValue(r.threads);
}

void EmbeddingView::startTraining()
{
    if (m_training)
        return;
    m_training = true;
    m_status->setText(tr("Reading the corpus…"));
    setBusy();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, r = currentRequest()] { w->train(r); }, Qt::QueuedConnection);
}

void EmbeddingView::stopTraining() { m_worker->cancelTraining(); }

void EmbeddingView::runProjection()
{
    if (!m_vectors || m_training)
        return;
    ProjectionRequest r;
    r.vectors = m_vectors;
    r.count = m_count->value();
    r.method = m_projection->currentData().toString();
    r.dims = m_dims->currentData().toInt();
    r.perplexity = m_perplexity->value();
    r.iterations = m_iterations->value();
    r.threads = m_threads->value();
    r.generation = ++m_generation;
    m_shownWords.clear();
    for (int i = 0; i < std::min(r.count, int(m_vectors->size())); ++i)
        m_shownWords << QString::fromStdString(m_vectors->words[static_cast<std::size_t>(i)]);
    m_projecting = true;
    setBusy();
    m_worker->cancelProjection(); // a t-SNE still running stops; its results are stale anyway
    QMetaObject::invokeMethod(m_worker, [w = m_worker, r] { w->project(r); }, Qt::QueuedConnection);
}

void EmbeddingView::stopProjection() { m_worker->cancelProjection(); }

void EmbeddingView::onSnapshot(const EmbeddingSnapshot &s)
{
    if (!m_training)
        return;
    m_shownWords = s.words;
    showPoints(s.points, s.dims);
}

void EmbeddingView::onTrained(const TrainedEmbedding &result)
{
    m_training = false;
    m_vectors = result.vectors;
    m_subwords = result.subwords;
    m_unitVectors = std::make_unique<lm::NormalizedVectors>(*m_vectors);
    m_contextual->setStaticVectors(m_vectors, m_subwords, m_method->currentText());
    m_contextual->setCorpusSpec(m_corpus->currentData().toString());
    m_status->setText(tr("%1: %2 words × %3 in %4 s")
                          .arg(m_method->currentText(), QLocale().toString(m_vectors->size()),
                               QString::number(m_vectors->dim), QLocale().toString(result.seconds, 'f', 1)));
    setBusy();
    Q_EMIT trainingFinished(true);
    runProjection();
}

void EmbeddingView::showVectors(std::shared_ptr<const lm::WordVectors> vectors, const QString &method)
{
    if (m_training || !vectors)
        return;
    m_vectors = std::move(vectors);
    m_subwords.reset();
    m_unitVectors = std::make_unique<lm::NormalizedVectors>(*m_vectors);
    m_method->setCurrentIndex(std::max(0, m_method->findData(method)));
    m_contextual->setStaticVectors(m_vectors, nullptr, m_method->currentText());
    m_status->setText(tr("%1 (from the lesson): %2 words × %3")
                          .arg(m_method->currentText(), QLocale().toString(m_vectors->size()), QString::number(m_vectors->dim)));
    m_neighbors->clear();
    m_analogy->clear();
    m_plot->setArrows({});
    setBusy();
    runProjection();
}

void EmbeddingView::onProjected(int generation, const QVector<float> &points, int dims, const QVector<double> &explained)
{
    if (generation != m_generation)
        return;
    m_projecting = false;
    showPoints(points, dims);
    if (explained.size() >= 2)
        m_status->setText(tr("PCA keeps %1 % of the variance in %2 components")
                              .arg(QLocale().toString(100.0 * std::accumulate(explained.begin(), explained.end(), 0.0), 'f', 1))
                              .arg(explained.size()));
    else
        m_status->setText(tr("t-SNE done."));
    setBusy();
    Q_EMIT projectionFinished(true);
}

void EmbeddingView::showPoints(const QVector<float> &points, int dims)
{
    if (points.size() != m_shownWords.size() * dims)
        return;
    m_plot->setPoints(m_shownWords, points, dims, groupsFor(m_shownWords));
    applySearch(m_search->text());
}

QStringList EmbeddingView::groupsFor(const QStringList &words) const
{
    if (m_colour->currentIndex() == 0 || m_groupOf.isEmpty())
        return {};
    QStringList groups;
    for (const QString &w : words)
        groups << m_groupOf.value(w);
    return groups;
}

void EmbeddingView::applyColouring() { m_plot->setGroups(groupsFor(m_shownWords)); }

void EmbeddingView::applySearch(const QString &text)
{
    QSet<int> hits;
    const QString t = text.trimmed();
    if (!t.isEmpty())
        for (int i = 0; i < m_shownWords.size(); ++i)
            if (m_shownWords[i].startsWith(t))
                hits.insert(i);
    m_plot->setHighlighted(hits);
}

void EmbeddingView::selectWord(const QString &word)
{
    if (!m_unitVectors || word.isEmpty())
        return;
    showContextualPage(false);
    const std::int32_t id = m_vectors->find(word.toStdString());
    std::vector<float> query;
    if (id >= 0) {
        query.assign(m_vectors->row(id), m_vectors->row(id) + m_vectors->dim);
    } else if (m_subwords) {
        query = m_subwords->wordVector(word.toStdString());
    } else {
        m_neighborTitle->setText(tr("“%1” is not in the vocabulary.").arg(word));
        m_neighbors->clear();
        return;
    }
    m_plot->setSelected(int(m_shownWords.indexOf(word)));
    m_neighborTitle->setText(id >= 0 ? tr("Nearest to “%1” (cosine):").arg(word)
                                     : tr("“%1” was never seen; fastText builds its vector from its character n-grams. "
                                          "Nearest (cosine):")
                                           .arg(word));
    showNeighbors(id, query);
}

void EmbeddingView::showNeighbors(std::int32_t id, const std::vector<float> &query)
{
    m_neighbors->clear();
    QSet<int> shown;
    const auto list = m_unitVectors->nearest(query.data(), 12, id >= 0 ? std::vector<std::int32_t>{id} : std::vector<std::int32_t>{});
    for (const lm::Neighbor &n : list) {
        const QString w = QString::fromStdString(m_vectors->words[static_cast<std::size_t>(n.id)]);
        auto *item = new QListWidgetItem(QStringLiteral("%1\t%2").arg(w, QLocale().toString(n.cosine, 'f', 3)), m_neighbors);
        item->setData(Qt::UserRole, w);
        if (const auto i = m_shownWords.indexOf(w); i >= 0)
            shown.insert(int(i));
    }
    m_plot->setHighlighted(shown);
}

void EmbeddingView::solveAnalogy(const QString &a, const QString &b, const QString &c)
{
    m_analogy->clear();
    m_a->setText(a.trimmed()); // the fields show the question answered
    m_b->setText(b.trimmed());
    m_c->setText(c.trimmed());
    if (!m_unitVectors)
        return;
    showContextualPage(false);
    std::int32_t ids[3];
    const QString words[3] = {a.trimmed(), b.trimmed(), c.trimmed()};
    for (int i = 0; i < 3; ++i) {
        ids[i] = m_vectors->find(words[i].toStdString());
        if (ids[i] < 0) {
            m_analogy->addItem(tr("“%1” is not in the vocabulary.").arg(words[i]));
            return;
        }
    }
    const auto answers = m_unitVectors->analogy(ids[0], ids[1], ids[2], 5);
    for (const lm::Neighbor &n : answers)
        m_analogy->addItem(QStringLiteral("%1\t%2").arg(QString::fromStdString(m_vectors->words[static_cast<std::size_t>(n.id)]),
                                                       QLocale().toString(n.cosine, 'f', 3)));
    if (answers.empty())
        return;
    const QString d = QString::fromStdString(m_vectors->words[static_cast<std::size_t>(answers.front().id)]);
    const int ia = int(m_shownWords.indexOf(words[0])), ib = int(m_shownWords.indexOf(words[1]));
    const int ic = int(m_shownWords.indexOf(words[2])), id = int(m_shownWords.indexOf(d));
    m_plot->setHighlighted({ia, ib, ic, id});
    m_plot->setArrows({{ia, ib}, {ic, id}});
    if (ia < 0 || ib < 0 || ic < 0 || id < 0)
        m_analogy->addItem(tr("(Some of these words are not among the words shown; show more words to see the arrows.)"));
}

void EmbeddingView::compareContexts()
{
    showContextualPage(true);
    m_contextual->setCorpusSpec(m_corpus->currentData().toString());
    m_contextual->compare();
}

void EmbeddingView::showContextualPage(bool on) { m_pages->setCurrentWidget(on ? static_cast<QWidget *>(m_contextual) : m_plot); }

QStringList EmbeddingView::neighborList() const
{
    QStringList out;
    for (int i = 0; i < m_neighbors->count(); ++i)
        out << m_neighbors->item(i)->data(Qt::UserRole).toString();
    return out;
}

QStringList EmbeddingView::analogyAnswers() const
{
    QStringList out;
    for (int i = 0; i < m_analogy->count(); ++i)
        out << m_analogy->item(i)->text().section(QLatin1Char('\t'), 0, 0);
    return out;
}

QString EmbeddingView::contextFreeText() const { return m_contextual->summaryText(); }

QWidget *EmbeddingView::neighborPanel() const { return m_neighbors->parentWidget(); }

QWidget *EmbeddingView::analogyPanel() const { return m_analogy->parentWidget(); }

void EmbeddingView::setBusy()
{
    m_trainButton->setEnabled(!m_training);
    m_stopButton->setEnabled(m_training);
    m_projectButton->setEnabled(!m_training && m_vectors);
    m_stopProjectButton->setEnabled(m_projecting);
    for (QWidget *w : std::initializer_list<QWidget *>{m_corpus, m_method, m_unit, m_dim, m_window, m_epochs, m_minCount})
        w->setEnabled(!m_training);
}
