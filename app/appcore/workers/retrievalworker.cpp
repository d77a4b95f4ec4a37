#include "workers/retrievalworker.h"

#include "base/corpora.h"
#include "base/datasets.h"
#include "embed/embedmethod.h"
#include "embed/wordcorpus.h"
#include "inspect/sentencevectors.h"
#include "io/hfimport.h"
#include "models/architecture.h"
#include "text/labelled.h"
#include "text/specialtokens.h"
#include "train/objectives/contrastive.h"
#include "train/setup.h"
#include "workers/encoderreading.h"

#include "base/application.h"

#include <QFileInfo>

#include <chrono>
#include <sstream>

namespace {

constexpr int kMaxCorpusSentences = 20000;

std::vector<std::string> nonEmptyLines(const std::string &text, int max)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; static_cast<int>(lines.size()) < max && std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos)
            lines.push_back(line);
    }
    return lines;
}

// Words as the averaged word vectors read them (WordTokenizer::splitWords, ASCII lower-cased),
// joined by spaces, so skip-gram learns exactly the tokens a sentence is averaged over; Chinese
// becomes one token per character.
std::string wordLine(const std::string &sentence)
{
    std::string out;
    for (std::string w : lm::WordTokenizer::splitWords(sentence)) {
        for (char &c : w)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
        if (w == "\n")
            continue;
        out += out.empty() ? w : " " + w;
    }
    return out;
}

const lm::Architecture *firstEncoderFamily()
{
    for (const lm::Architecture *a : lm::architectures())
        if (a->traits.direction == lm::Direction::Bidirectional)
            return a;
    return nullptr;
}

QVector<SearchHit> hits(const std::vector<std::pair<int, float>> &found, const std::vector<std::string> &sentences)
{
    QVector<SearchHit> out;
    for (const auto &[i, score] : found)
        out.push_back({i, score, QString::fromStdString(sentences[static_cast<std::size_t>(i)])});
    return out;
}

class StepObserver final : public lm::TrainingObserver {
public:
    explicit StepObserver(RetrievalWorker *worker) : m_worker(worker) {}
    void onStep(const lm::StepReport &r) override
    {
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last < std::chrono::milliseconds(200) && r.step != r.totalSteps)
            return;
        m_last = now;
        Q_EMIT m_worker->progress(m_pairs ? RetrievalWorker::tr("Training on paraphrase pairs: step %1 of %2, loss %3")
                                                .arg(r.step)
                                                .arg(r.totalSteps)
                                                .arg(r.loss, 0, 'f', 3)
                                          : RetrievalWorker::tr("Pre-training the encoder (masked words): step %1 of %2, loss %3")
                                                .arg(r.step)
                                                .arg(r.totalSteps)
                                                .arg(r.loss, 0, 'f', 3),
                                  m_from + (m_to - m_from) * r.step / std::max(1, r.totalSteps));
    }
    // Where this run's progress goes in [0, 1], and what it is.
    void setSpan(double from, double to, bool pairs)
    {
        m_from = from;
        m_to = to;
        m_pairs = pairs;
    }

private:
    RetrievalWorker *m_worker;
    double m_from = 0.0, m_to = 0.6;
    bool m_pairs = false;
    std::chrono::steady_clock::time_point m_last{};
};

} // namespace

struct RetrievalWorker::State {
    std::unique_ptr<lm::EncoderModel> encoder;
    std::unique_ptr<lm::Tokenizer> tokenizer;
    QString encoderOrigin;
    std::unique_ptr<lm::WordVectors> vectors;
    QString vectorsLanguage;
    // The indexed corpus.
    std::vector<std::string> sentences;
    lm::SentenceVectors encoderRows, wordRows;
    lm::TfIdfIndex tfidf;
    lm::SentencePooling pooling = lm::SentencePooling::Mean;
    // The encoder before its contrastive training (null without one), scored beside it.
    std::unique_ptr<lm::EncoderModel> beforePairs;
};

RetrievalWorker::RetrievalWorker(QObject *parent) : QObject(parent), m_state(std::make_shared<State>())
{
    qRegisterMetaType<RetrievalRequest>();
    qRegisterMetaType<RetrievalReady>();
    qRegisterMetaType<SearchResult>();
}

RetrievalWorker::~RetrievalWorker() = default;

std::shared_ptr<RetrievalWorker::State> RetrievalWorker::takeState()
{
    std::shared_ptr<State> taken = std::move(m_state);
    m_state = std::make_shared<State>();
    return taken;
}

void RetrievalWorker::adoptState(std::shared_ptr<State> state)
{
    if (state)
        m_state = std::move(state);
}

QString RetrievalWorker::obtainEncoder(const RetrievalRequest &r, const std::vector<std::string> &trainingSentences,
                                       const std::string &documents, std::shared_ptr<const EncoderSnapshot> *published)
{
    State &s = *m_state;
    auto adopt = [&](std::unique_ptr<lm::LanguageModel> model, std::unique_ptr<lm::Tokenizer> tokenizer,
                     const QString &origin) -> QString {
        auto *encoder = dynamic_cast<lm::EncoderModel *>(model.get());
        if (!encoder)
            return tr("This model reads left to right (%1); sentence search needs an encoder, which reads both ways.")
                .arg(QString::fromStdString(model->arch()));
        if (auto sp = lm::findEncoderSpecials(*tokenizer); !sp)
            return tr("The model's tokenizer has %1.").arg(QString::fromStdString(sp.error()));
        *published = snapshotIfEncoder(*encoder, *tokenizer, origin);
        model.release();
        s.encoder.reset(encoder);
        s.beforePairs.reset();
        s.tokenizer = std::move(tokenizer);
        s.encoderOrigin = origin;
        return {};
    };
    switch (r.source) {
    case RetrievalRequest::Source::Keep:
        return s.encoder ? QString() : tr("Choose an encoder first.");
    case RetrievalRequest::Source::Session: {
        if (!r.session || !r.session->model)
            return tr("No encoder was trained or opened in this session yet.");
        Q_EMIT progress(tr("Copying the session's encoder…"), -1);
        auto copy = cloneEncoder(*r.session->model, *r.session->tokenizer);
        if (!copy)
            return QString::fromStdString(copy.error());
        s.encoder = std::move(copy.value().model);
        s.tokenizer = std::move(copy.value().tokenizer);
        s.encoderOrigin = r.session->origin;
        s.beforePairs.reset();
        return {};
    }
    case RetrievalRequest::Source::File: {
        Q_EMIT progress(tr("Reading %1…").arg(r.modelPath), -1);
        auto c = lm::loadModelPath(r.modelPath.toStdString());
        if (!c)
            return QString::fromStdString(c.error());
        return adopt(std::move(c.value().model), std::move(c.value().tokenizer), QFileInfo(r.modelPath).fileName());
    }
    case RetrievalRequest::Source::Train: {
        const lm::Architecture *family = firstEncoderFamily();
        if (!family)
            return tr("The architecture table has no encoder.");
        std::string text = documents;
        // The set's sentences as documents of ten lines each after the document corpus.
        for (std::size_t i = 0; i < trainingSentences.size(); ++i)
            text += (i % 10 == 0 ? "\n\n" : "\n") + trainingSentences[i];
        lm::ModelChoice choice;
        choice.arch = family->name;
        choice.tokenizer = "wordpiece";
        choice.vocabSize = 2000;
        choice.objectives = {"mlm"};
        choice.options = {{"dim", r.dim}, {"layers", r.layers}, {"heads", r.heads}};
        lm::TrainConfig train;
        train.steps = r.steps;
        train.batch = r.batch;
        train.seq = r.seq;
        train.lr = 2e-3f;
        train.seed = r.seed;
        Q_EMIT progress(tr("Building the WordPiece vocabulary…"), 0.0);
        auto setup = lm::prepareTraining(text, choice, train);
        if (!setup)
            return QString::fromStdString(setup.error());
        StepObserver observer(this);
        observer.setSpan(0.0, r.contrastiveSteps > 0 ? 0.55 : 0.8, false);
        const auto outcome = setup.value().trainer->run(m_cancel, &observer);
        if (outcome == lm::Trainer::Outcome::Cancelled)
            return tr("Stopped.");
        if (outcome == lm::Trainer::Outcome::Diverged)
            return QString::fromStdString(setup.value().trainer->divergence());
        setup.value().trainer.reset(); // it refers to the model
        return adopt(std::move(setup.value().model), std::move(setup.value().tokenizer),
                     tr("%1 pre-trained here (%2 steps of masked words)")
                         .arg(QString::fromStdString(family->displayName.in(currentLanguage().toStdString())))
                         .arg(r.steps));
    }
    }
    return {};
}

QString RetrievalWorker::trainOnPairs(const RetrievalRequest &r, const std::vector<lm::SentencePair> &pairs)
{
    State &s = *m_state;
    auto before = cloneEncoder(*s.encoder, *s.tokenizer);
    if (!before)
        return QString::fromStdString(before.error());
    auto objective = lm::makeContrastivePairs(*s.tokenizer, pairs, std::min(r.seq, encoderReadLength(*s.encoder)));
    if (!objective)
        return QString::fromStdString(objective.error());
    lm::TrainConfig train;
    train.steps = r.contrastiveSteps;
    train.batch = 32;
    train.lr = 5e-4f;
    train.seed = r.seed;
    lm::Trainer trainer(*s.encoder, std::make_unique<lm::ContrastivePairs>(std::move(objective).value()), train);
    StepObserver observer(this);
    observer.setSpan(0.55, 0.8, true);
    const auto outcome = trainer.run(m_cancel, &observer);
    if (outcome == lm::Trainer::Outcome::Cancelled) {
        s.encoder = std::move(before.value().model); // as it was
        return tr("Stopped.");
    }
    if (outcome == lm::Trainer::Outcome::Diverged) {
        s.encoder = std::move(before.value().model);
        return QString::fromStdString(trainer.divergence());
    }
    s.beforePairs = std::move(before.value().model);
    s.encoderOrigin = tr("%1, then %2 steps on paraphrase pairs").arg(s.encoderOrigin).arg(r.contrastiveSteps);
    return {};
}

QString RetrievalWorker::trainWordVectors(const std::vector<std::string> &sentences, const std::string &documents)
{
    std::string text;
    for (const std::string &line : nonEmptyLines(documents, 1 << 30))
        text += wordLine(line) + "\n";
    for (const std::string &line : sentences)
        text += wordLine(line) + "\n";
    lm::WordCorpusOptions copts;
    copts.minCount = 2;
    auto corpus = lm::buildWordCorpus(text, copts);
    if (!corpus)
        return QString::fromStdString(corpus.error());
    lm::EmbedOptions o = lm::embedDefaults(lm::EmbedMethod::SkipGram);
    o.dim = 50;
    o.epochs = 5;
    auto trained = lm::trainWordVectors(corpus.value(), o, m_cancel);
    if (!trained)
        return m_cancel.isCancelled() ? tr("Stopped.") : QString::fromStdString(trained.error());
    m_state->vectors = std::make_unique<lm::WordVectors>(std::move(trained.value().vectors));
    return {};
}

void RetrievalWorker::prepare(const RetrievalRequest &r)
{
    m_cancel.reset();
    State &s = *m_state;
    try {
        const QString evalSpec = QStringLiteral("builtin:retrieval_") + r.language;
        auto set = loadRetrievalSpec(evalSpec);
        if (!set) {
            Q_EMIT failed(QString::fromStdString(set.error()));
            return;
        }
        const lm::RetrievalSet &eval = set.value();
        auto documents = loadCorpusSpec(QStringLiteral("builtin:documents_") + r.language);
        if (!documents) {
            Q_EMIT failed(QString::fromStdString(documents.error()));
            return;
        }
        auto pairs = loadSentencePairsSpec(QStringLiteral("builtin:paraphrase_") + r.language);
        if (!pairs) {
            Q_EMIT failed(QString::fromStdString(pairs.error()));
            return;
        }
        // What the encoder and word2vec read without labels: the set's sentences and the pairs'.
        std::vector<std::string> setSentences = eval.docs;
        setSentences.insert(setSentences.end(), eval.queries.begin(), eval.queries.end());
        for (const lm::SentencePair &p : pairs.value()) {
            setSentences.push_back(p.first);
            setSentences.push_back(p.second);
        }

        RetrievalReady out;
        if (QString error = obtainEncoder(r, setSentences, documents.value().text, &out.newEncoder); !error.isEmpty()) {
            Q_EMIT failed(error);
            return;
        }
        if (r.contrastiveSteps > 0 && r.source != RetrievalRequest::Source::Keep) {
            if (QString error = trainOnPairs(r, pairs.value()); !error.isEmpty()) {
                Q_EMIT failed(error);
                return;
            }
            out.newEncoder = snapshotIfEncoder(*s.encoder, *s.tokenizer, s.encoderOrigin);
        }
        if (!s.vectors || s.vectorsLanguage != r.language) {
            Q_EMIT progress(tr("Training skip-gram word vectors on the same sentences…"), 0.82);
            if (QString error = trainWordVectors(setSentences, documents.value().text); !error.isEmpty()) {
                Q_EMIT failed(error);
                return;
            }
            s.vectorsLanguage = r.language;
        }

        std::vector<std::string> sentences = eval.docs;
        if (!r.corpusPath.isEmpty()) {
            auto corpus = loadCorpusSpec(r.corpusPath);
            if (!corpus) {
                Q_EMIT failed(QString::fromStdString(corpus.error()));
                return;
            }
            sentences = nonEmptyLines(corpus.value().text, kMaxCorpusSentences);
            if (sentences.empty()) {
                Q_EMIT failed(tr("%1 holds no sentence.").arg(r.corpusPath));
                return;
            }
        }
        s.pooling = r.clsPooling ? lm::SentencePooling::Cls : lm::SentencePooling::Mean;
        const int length = encoderReadLength(*s.encoder);
        Q_EMIT progress(tr("Encoding %1 sentences…").arg(sentences.size()), 0.86);
        s.encoderRows = lm::encoderSentenceVectors(*s.encoder, *s.tokenizer, sentences, s.pooling, length, &m_cancel);
        if (m_cancel.isCancelled()) {
            Q_EMIT failed(tr("Stopped."));
            return;
        }
        s.wordRows = lm::averagedWordVectors(*s.vectors, sentences);
        s.tfidf.build(sentences);
        s.sentences = std::move(sentences);

        // The query set: its own documents, ranked by each method.
        Q_EMIT progress(tr("Scoring the %1 queries of the built-in set…").arg(eval.queries.size()), 0.93);
        const lm::SentenceVectors docs = lm::encoderSentenceVectors(*s.encoder, *s.tokenizer, eval.docs, s.pooling, length, &m_cancel);
        const lm::SentenceVectors queries =
            lm::encoderSentenceVectors(*s.encoder, *s.tokenizer, eval.queries, s.pooling, length, &m_cancel);
        if (m_cancel.isCancelled()) {
            Q_EMIT failed(tr("Stopped."));
            return;
        }
        lm::TfIdfIndex tfidf;
        tfidf.build(eval.docs);
        std::vector<std::vector<int>> tfidfRankings;
        for (const std::string &q : eval.queries) {
            std::vector<int> order;
            for (const auto &[i, score] : tfidf.search(q, tfidf.size()))
                order.push_back(i);
            tfidfRankings.push_back(std::move(order));
        }
        const auto row = [](const QString &method, const lm::RetrievalScores &sc) {
            return RetrievalScoreRow{method, sc.recallAt1, sc.recallAt5, sc.mrr};
        };
        out.scores = {
            row(QStringLiteral("encoder"), lm::scoreRankings(lm::rankAll(docs, queries), eval.gold)),
            row(QStringLiteral("word2vec"),
                lm::scoreRankings(lm::rankAll(lm::averagedWordVectors(*s.vectors, eval.docs),
                                              lm::averagedWordVectors(*s.vectors, eval.queries)),
                                  eval.gold)),
            row(QStringLiteral("tfidf"), lm::scoreRankings(tfidfRankings, eval.gold)),
        };
        if (s.beforePairs) {
            const lm::SentenceVectors d0 =
                lm::encoderSentenceVectors(*s.beforePairs, *s.tokenizer, eval.docs, s.pooling, length, &m_cancel);
            const lm::SentenceVectors q0 =
                lm::encoderSentenceVectors(*s.beforePairs, *s.tokenizer, eval.queries, s.pooling, length, &m_cancel);
            if (m_cancel.isCancelled()) {
                Q_EMIT failed(tr("Stopped."));
                return;
            }
            out.scores.push_back(row(QStringLiteral("encoder_mlm"), lm::scoreRankings(lm::rankAll(d0, q0), eval.gold)));
        }
        out.contrastive = s.beforePairs != nullptr;
        out.encoderOrigin = s.encoderOrigin;
        out.evaluationSpec = evalSpec;
        out.corpusSentences = static_cast<int>(s.sentences.size());
        out.queries = static_cast<int>(eval.queries.size());
        out.vocabulary = s.vectors->size();
        out.clsPooling = r.clsPooling;
        Q_EMIT ready(out);
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
}

void RetrievalWorker::search(const QString &query, int k, int generation)
{
    State &s = *m_state;
    if (!s.encoder || s.sentences.empty()) {
        Q_EMIT failed(tr("Prepare the search first."));
        return;
    }
    try {
        const std::string q = query.toStdString();
        SearchResult result;
        result.query = query;
        result.generation = generation;
        const lm::SentenceVectors qe =
            lm::encoderSentenceVectors(*s.encoder, *s.tokenizer, {q}, s.pooling, encoderReadLength(*s.encoder));
        result.encoder = hits(lm::nearestSentences(s.encoderRows, qe.front(), k), s.sentences);
        const lm::SentenceVectors qw = lm::averagedWordVectors(*s.vectors, {q});
        result.wordVectors = hits(lm::nearestSentences(s.wordRows, qw.front(), k), s.sentences);
        result.tfidf = hits(s.tfidf.search(q, k), s.sentences);
        Q_EMIT found(result);
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
}
