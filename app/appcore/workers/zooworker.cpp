#include "workers/zooworker.h"

#include "base/corpora.h"
#include "plots/implicitattention.h"

#include "core/tape.h"
#include "core/tensor.h"
#include "io/atomicfile.h"
#include "io/checkpoint.h"
#include "models/architecture.h"
#include "models/encoder/encoder.h"
#include "models/seq2seqdecoding.h"
#include "models/seq2seqmodel.h"
#include "text/specialtokens.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <numeric>
#include <sstream>

struct ZooWorker::Loaded {
    lm::Checkpoint checkpoint;
};

namespace {

using nlohmann::json;

constexpr int kTopK = 3;

// The k most likely tokens of `logits` (V) as "a 41 %, b 12 %, c 8 %".
QString topTokens(const float *logits, int vocab, const lm::Tokenizer &tokenizer)
{
    const float top = *std::max_element(logits, logits + vocab);
    double sum = 0.0;
    for (int v = 0; v < vocab; ++v)
        sum += std::exp(double(logits[v] - top));
    std::vector<int> order(static_cast<std::size_t>(vocab));
    std::iota(order.begin(), order.end(), 0);
    const int k = std::min(kTopK, vocab);
    std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](int a, int b) { return logits[a] > logits[b]; });
    QStringList parts;
    for (int i = 0; i < k; ++i) {
        const int v = order[std::size_t(i)];
        QString text = QString::fromStdString(tokenizer.tokenText(v));
        text.replace(QLatin1Char('\n'), QStringLiteral("⏎"));
        text.replace(QStringLiteral("\\n"), QStringLiteral("⏎")); // a tokenizer that spells the line break out
        if (text.trimmed().isEmpty())
            text = QStringLiteral("␣");
        parts << QStringLiteral("%1 %2 %").arg(text).arg(QLocale().toString(100.0 * std::exp(double(logits[v] - top)) / sum, 'f', 0));
    }
    return parts.join(QStringLiteral(", "));
}

// Cosine similarity between every two rows of a (T, H) matrix, negatives as 0.
QVector<float> similarity(const lm::TraceMatrix &h)
{
    QVector<float> out(h.rows * h.rows, 0.0f);
    std::vector<double> norms(static_cast<std::size_t>(h.rows));
    for (int r = 0; r < h.rows; ++r) {
        double n = 0.0;
        for (int c = 0; c < h.cols; ++c)
            n += double(h.at(r, c)) * h.at(r, c);
        norms[std::size_t(r)] = std::sqrt(n);
    }
    for (int a = 0; a < h.rows; ++a)
        for (int b = 0; b < h.rows; ++b) {
            double dot = 0.0;
            for (int c = 0; c < h.cols; ++c)
                dot += double(h.at(a, c)) * h.at(b, c);
            const double d = norms[std::size_t(a)] * norms[std::size_t(b)];
            out[a * h.rows + b] = d > 0 ? float(std::clamp(dot / d, 0.0, 1.0)) : 0.0f;
        }
    return out;
}

// How many layers recorded "layer{l}.forward.hidden" (recurrent), from 0.
int hiddenLayers(const lm::Trace &trace)
{
    int n = 0;
    while (trace.has("layer" + std::to_string(n) + ".forward.hidden"))
        ++n;
    return n;
}

} // namespace

// ---- the cache ----------------------------------------------------------------------------------

QString zooCacheFolder(const ZooJob &job, const std::string &corpusText)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QByteArrayView(corpusText.data(), qsizetype(corpusText.size())));
    std::vector<std::string> families;
    for (const QString &f : job.families)
        families.push_back(f.toStdString());
    const json options{{"version", 1},             {"budget", job.budgetParams},        {"steps", job.steps},
                       {"layers", job.layers},     {"translation", job.translation}, {"families", families}};
    const std::string o = options.dump();
    hash.addData(QByteArrayView(o.data(), qsizetype(o.size())));
    const QString root = job.cacheRoot.isEmpty() ? QDir::tempPath() + QStringLiteral("/lmscope-zoo") : job.cacheRoot;
    return root + QLatin1Char('/') + QString::fromLatin1(hash.result().toHex().left(16));
}

// ---- one sentence -------------------------------------------------------------------------------

SentenceReading readSentence(lm::LanguageModel &model, const lm::Tokenizer &tokenizer, const QString &text, int layer)
{
    SentenceReading out;
    out.family = QString::fromStdString(model.arch());
    try {
        lm::NoGradScope noGrad;
        std::vector<std::int32_t> ids = tokenizer.encode(text.toStdString());
        if (ids.empty())
            throw std::invalid_argument(QObject::tr("the tokenizer gives no tokens").toStdString());
        auto *seq2seq = dynamic_cast<lm::Seq2SeqModel *>(&model);
        auto *encoder = dynamic_cast<lm::EncoderModel *>(&model);
        int masked = -1;
        if (encoder) {
            // [CLS] text [SEP], its last word-like token masked: the encoder fills it in.
            auto sp = lm::findEncoderSpecials(tokenizer);
            if (!sp)
                throw std::invalid_argument(sp.error());
            for (int i = int(ids.size()) - 1; i >= 0 && masked < 0; --i) {
                const QString t = QString::fromStdString(tokenizer.tokenText(ids[std::size_t(i)]));
                if (std::any_of(t.begin(), t.end(), [](QChar c) { return c.isLetterOrNumber(); }))
                    masked = i + 1;
            }
            ids.insert(ids.begin(), sp.value().cls);
            ids.push_back(sp.value().sep);
            if (masked > 0) {
                out.prediction = QObject::tr("[MASK] for “%1”: ").arg(QString::fromStdString(tokenizer.tokenText(ids[std::size_t(masked)])));
                ids[std::size_t(masked)] = sp.value().mask;
            }
        }
        if (int(ids.size()) > 256)
            ids.resize(256);
        lm::Trace trace;
        const lm::Tensor logits = model.sequenceLogits(ids, &trace);
        for (std::int32_t id : ids)
            out.tokens << QString::fromStdString(tokenizer.tokenText(id));
        const int T = int(ids.size());
        const int maps = attentionMapLayers(trace), hidden = hiddenLayers(trace);
        if (maps > 0) {
            out.layers = maps;
            out.layer = std::clamp(layer, 0, maps - 1);
            const std::optional<lm::TraceMatrix> m = layerAttentionMap(trace, out.layer);
            out.kind = trace.has(implicitAttentionKey(out.layer)) ? QStringLiteral("implicit") : QStringLiteral("attention");
            if (m && m->rows == T && m->cols == T)
                out.map = QVector<float>(m->values.begin(), m->values.end());
        } else if (hidden > 0) {
            out.layers = hidden;
            out.layer = std::clamp(layer, 0, hidden - 1);
            const lm::TraceMatrix *h = trace.find("layer" + std::to_string(out.layer) + ".forward.hidden");
            out.kind = QStringLiteral("similarity");
            if (h && h->rows == T)
                out.map = similarity(*h);
        }
        for (float &v : out.map)
            v = std::clamp(v, 0.0f, 1.0f);
        if (out.map.isEmpty())
            out.kind.clear();

        if (seq2seq) {
            const lm::Architecture *family = lm::findArchitecture(model.arch());
            auto sids = family && family->seq2seqTokens ? lm::findSeq2SeqIds(*family->seq2seqTokens, tokenizer)
                                                        : lm::Result<lm::Seq2SeqIds>(lm::Error{"no special tokens"});
            if (!sids)
                throw std::invalid_argument(sids.error());
            lm::DecodingOptions o;
            o.maxTokens = 48;
            o.vocabLimit = tokenizer.vocabSize();
            const lm::DecodingResult r = lm::decodeSequence(*seq2seq, tokenizer.encode(text.toStdString()), sids.value(), o);
            out.prediction = QStringLiteral("→ ") + QString::fromStdString(tokenizer.decode(r.tokens));
        } else if (encoder) {
            if (masked > 0 && logits.dim() == 2 && logits.size(0) == T)
                out.prediction += topTokens(logits.data() + std::size_t(masked) * logits.size(1), int(logits.size(1)), tokenizer);
        } else {
            model.resetState();
            const lm::Tensor next = model.nextTokenLogits(ids);
            out.prediction = QObject::tr("next: %1").arg(topTokens(next.data(), int(next.numel()), tokenizer));
        }
    } catch (const std::exception &e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

// ---- the worker ---------------------------------------------------------------------------------

ZooWorker::ZooWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ZooJob>();
    qRegisterMetaType<ZooOutcome>();
    qRegisterMetaType<SentenceReadings>();
}

ZooWorker::~ZooWorker() = default;

void ZooWorker::run(const ZooJob &job)
{
    m_cancel.reset();
    auto corpus = loadCorpusSpec(job.corpusSpec);
    if (!corpus)
        return Q_EMIT failed(QString::fromStdString(corpus.error()));
    const QString folder = zooCacheFolder(job, corpus.value().text);
    const QString jsonPath = folder + QStringLiteral("/zoo.json");
    if (job.useCache && QFileInfo::exists(jsonPath)) {
        std::ifstream in(jsonPath.toStdString(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        auto cached = lm::parseZooJson(text.str());
        if (cached) {
            const lm::ZooTable &table = cached.value();
            ZooOutcome out;
            out.rows = QVector<lm::ZooRow>(table.rows.begin(), table.rows.end());
            out.trainLengths = QVector<int>(table.trainLengths.begin(), table.trainLengths.end());
            out.generationLengths = QVector<int>(table.generationLengths.begin(), table.generationLengths.end());
            out.fromCache = true;
            out.folder = folder;
            lm::ZooRequest shape;
            shape.trainLengths = table.trainLengths;
            shape.generationLengths = table.generationLengths;
            out.csv = QString::fromStdString(lm::zooCsv(shape, table.rows));
            m_folder = folder;
            m_rows = out.rows;
            m_models.clear();
            Q_EMIT progress(tr("Read from the cache: %1").arg(folder), 1.0);
            return Q_EMIT finished(out);
        }
        Q_EMIT progress(tr("The cached comparison cannot be read (%1); training again.")
                            .arg(QString::fromStdString(cached.error())),
                        0.0);
    }

    lm::ZooRequest request;
    request.text = corpus.value().text;
    request.budgetParams = job.budgetParams;
    request.steps = job.steps;
    request.layers = job.layers;
    for (const QString &f : job.families)
        request.families.push_back(f.toStdString());
    if (job.translation) {
        auto task = builtinSeq2SeqTask(QStringLiteral("translate-en-zh"));
        if (!task)
            return Q_EMIT failed(QString::fromStdString(task.error()));
        request.translationTrain = task.value().train;
        request.translationTest = task.value().test;
    }
    if (!QDir().mkpath(folder))
        return Q_EMIT failed(tr("Cannot create the cache folder %1.").arg(folder));
    QStringList saveErrors;
    request.trained = [&](const lm::ZooRow &row, lm::LanguageModel &model, const lm::Tokenizer &tokenizer) {
        const std::string path = (folder + QLatin1Char('/') + QString::fromStdString(row.family) + QStringLiteral(".safetensors"))
                                     .toStdString();
        if (auto st = lm::saveCheckpoint(path, model, tokenizer); !st)
            saveErrors << QString::fromStdString(st.error());
    };
    // A rough share per family: each says "<family>: width …" when it starts.
    std::size_t families = std::size_t(job.families.size());
    if (families == 0)
        for (const lm::Architecture *a : lm::architectures())
            families += a->supports(lm::ObjectiveKind::CausalLm) || a->supports(lm::ObjectiveKind::MaskedLm) ||
                        (job.translation && a->supports(lm::ObjectiveKind::SequenceToSequence));
    int started = 0;
    QElapsedTimer clock;
    clock.start();
    auto rows = lm::runZoo(request, [&](const std::string &line) {
        if (line.find(": width ") != std::string::npos)
            ++started;
        Q_EMIT progress(QString::fromStdString(line), std::min(1.0, double(std::max(0, started - 1)) / double(std::max<std::size_t>(1, families))));
    }, &m_cancel);
    if (!rows)
        return Q_EMIT failed(rows.error() == "cancelled" ? tr("Stopped.") : QString::fromStdString(rows.error()));
    ZooOutcome out;
    out.rows = QVector<lm::ZooRow>(rows.value().begin(), rows.value().end());
    out.trainLengths = QVector<int>(request.trainLengths.begin(), request.trainLengths.end());
    out.generationLengths = QVector<int>(request.generationLengths.begin(), request.generationLengths.end());
    out.folder = folder;
    out.seconds = double(clock.elapsed()) / 1000.0;
    out.csv = QString::fromStdString(lm::zooCsv(request, rows.value()));
    // zoo.json last: a comparison whose models were not all saved is not a cached one.
    if (saveErrors.isEmpty()) {
        if (auto st = lm::writeFileAtomically(jsonPath.toStdString(),
                                              lm::zooJson({rows.value(), request.trainLengths, request.generationLengths}));
            !st)
            Q_EMIT progress(QString::fromStdString(st.error()), 1.0);
    } else {
        Q_EMIT progress(tr("Not cached: %1").arg(saveErrors.join(QStringLiteral("; "))), 1.0);
    }
    m_folder = folder;
    m_rows = out.rows;
    m_models.clear();
    Q_EMIT finished(out);
}

void ZooWorker::adopt(const ZooOutcome &outcome)
{
    m_folder = outcome.folder;
    m_rows = outcome.rows;
    m_models.clear();
}

void ZooWorker::read(const QString &text, int layer, int generation)
{
    if (m_rows.isEmpty())
        return Q_EMIT failed(tr("Run the comparison first."));
    SentenceReadings out;
    out.generation = generation;
    out.text = text;
    for (const lm::ZooRow &row : m_rows) {
        const QString family = QString::fromStdString(row.family);
        std::shared_ptr<Loaded> &loaded = m_models[family];
        if (!loaded) {
            auto c = lm::loadCheckpoint((m_folder + QLatin1Char('/') + family + QStringLiteral(".safetensors")).toStdString());
            if (!c) {
                SentenceReading failedRead;
                failedRead.family = family;
                failedRead.error = QString::fromStdString(c.error());
                out.families.append(failedRead);
                continue;
            }
            loaded = std::make_shared<Loaded>(Loaded{std::move(c).value()});
        }
        out.families.append(readSentence(*loaded->checkpoint.model, *loaded->checkpoint.tokenizer, text, layer));
    }
    Q_EMIT readingsReady(out);
}
