#include "workers/contextualworker.h"

#include "base/corpora.h"
#include "inspect/projection.h"
#include "io/hfimport.h"
#include "text/specialtokens.h"
#include "workers/encoderreading.h"

#include <QFileInfo>

ContextualWorker::ContextualWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ContextualRequest>();
    qRegisterMetaType<ContextualResult>();
    qRegisterMetaType<std::shared_ptr<const EncoderSnapshot>>();
}

ContextualWorker::~ContextualWorker() = default;

void ContextualWorker::compute(const ContextualRequest &r)
{
    try {
        if (!r.encoder || !r.encoder->model) {
            Q_EMIT failed(r.generation, tr("There is no encoder yet."));
            return;
        }
        if (r.encoder != m_source) { // a private copy, made once per encoder
            auto copy = cloneEncoder(*r.encoder->model, *r.encoder->tokenizer);
            if (!copy) {
                Q_EMIT failed(r.generation, QString::fromStdString(copy.error()));
                return;
            }
            m_copy = std::move(copy).value();
            m_source = r.encoder;
        }
        const std::string word = r.word.trimmed().toStdString();
        QStringList given = r.sentences;
        if (r.fromCorpus) {
            auto corpus = loadCorpusSpec(r.corpusSpec);
            if (!corpus) {
                Q_EMIT failed(r.generation, QString::fromStdString(corpus.error()));
                return;
            }
            given.clear();
            for (const std::string &s : sentencesContaining(corpus.value().text, word, r.maxSentences))
                given << QString::fromStdString(s);
        }
        ContextualResult out;
        out.generation = r.generation;
        out.word = r.word.trimmed();
        out.encoderOrigin = r.encoder->origin;
        std::vector<std::vector<float>> rows;
        for (const QString &sentence : std::as_const(given)) {
            if (sentence.trimmed().isEmpty())
                continue;
            auto v = contextualWordVector(*m_copy.model, *m_copy.tokenizer, word, sentence.trimmed().toStdString());
            if (!v) {
                out.skipped << sentence.trimmed();
                continue;
            }
            out.sentences << sentence.trimmed();
            out.vectors << QVector<float>(v.value().begin(), v.value().end());
            rows.push_back(std::move(v).value());
        }
        if (rows.size() < 2) {
            Q_EMIT failed(r.generation, r.fromCorpus ? tr("The corpus has fewer than two sentences with “%1”.").arg(out.word)
                                                     : tr("Give at least two sentences that hold “%1”.").arg(out.word));
            return;
        }
        const std::vector<float> cos = cosineMatrix(rows);
        out.cosines = QVector<float>(cos.begin(), cos.end());
        const int n = static_cast<int>(rows.size()), h = static_cast<int>(rows.front().size());
        std::vector<float> flat;
        flat.reserve(static_cast<std::size_t>(n) * h);
        for (const auto &row : rows)
            flat.insert(flat.end(), row.begin(), row.end());
        const lm::Projection p = lm::pca(flat.data(), n, h, std::min(2, h));
        for (int i = 0; i < n; ++i) {
            out.points << p.points[static_cast<std::size_t>(i) * p.dims];
            out.points << (p.dims > 1 ? p.points[static_cast<std::size_t>(i) * p.dims + 1] : 0.0f);
        }
        for (double e : p.explainedVariance)
            out.explained += e;
        // N copies of one vector: centred, they all fall on the origin of their own PCA.
        if (!r.staticVector.empty())
            out.staticPoint = {0.0f, 0.0f};
        Q_EMIT computed(out);
    } catch (const std::exception &e) {
        Q_EMIT failed(r.generation, QString::fromUtf8(e.what()));
    }
}

void ContextualWorker::open(const QString &path)
{
    auto c = lm::loadModelPath(path.toStdString());
    if (!c) {
        Q_EMIT failed(-1, QString::fromStdString(c.error()));
        return;
    }
    auto *encoder = dynamic_cast<lm::EncoderModel *>(c.value().model.get());
    if (!encoder) {
        Q_EMIT failed(-1, tr("This model reads left to right (%1): a word's contextual vector needs an encoder, which "
                             "reads both ways.")
                              .arg(QString::fromStdString(c.value().model->arch())));
        return;
    }
    if (!lm::findEncoderSpecials(*c.value().tokenizer)) {
        Q_EMIT failed(-1, tr("The model's tokenizer lacks [CLS], [SEP] or [MASK]."));
        return;
    }
    auto snapshot = std::make_shared<EncoderSnapshot>(); // the loaded model itself: nobody trains it
    c.value().model.release();
    snapshot->model.reset(encoder);
    snapshot->tokenizer = std::move(c.value().tokenizer);
    snapshot->origin = QFileInfo(path).fileName();
    Q_EMIT opened(std::move(snapshot));
}
