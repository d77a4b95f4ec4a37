#include "embed/fasttext.h"

#include "core/fastmath.h"
#include "core/parallel.h"
#include "embed/embedkernels.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <unordered_map>

// Legend: V = vocabulary size, U = n-gram buckets used by the vocabulary, D = dim, S = padded
// stride. The input matrix is compact: rows [0, V) are the words, rows [V, V + U) the buckets the
// vocabulary's n-grams hash to (fastText allocates all `bucket` rows; untouched ones never change,
// so they are regenerated on demand from their deterministic initial values, see initialRow()).
// A word w has the row list R(w) = [w] + [row of each n-gram bucket], duplicates kept as fastText.

namespace lm {

namespace {

using namespace embed_detail;
using namespace fasttext_detail;

// fastText's sigmoid table: 512 steps over [−8, 8].
using SigmoidTable = lm::SigmoidTable<512, 8>;
constexpr int kSigmoidTableSize = SigmoidTable::kSize;
constexpr float kMaxSigmoid = SigmoidTable::kMax;

struct Trainer {
    const WordCorpus &corpus;
    const FastTextOptions &opt;
    const CancelToken &cancel;
    EmbedObserver *observer;

    int v = 0, dim = 0, stride = 0;
    std::int64_t totalTokens = 0;
    SigmoidTable sig;
    std::vector<std::uint64_t> keepLimit; // keep a word iff (r >> 32) < keepLimit (2^32: always)
    std::unique_ptr<AliasSampler> negatives;
    std::vector<std::int32_t> bucketOfRow; // compact n-gram row k -> bucket id
    std::vector<std::int64_t> rowsStart;   // R(w) = rows[rowsStart[w], rowsStart[w + 1])
    std::vector<std::int32_t> rows;
    std::vector<float> hiddenScale; // Σ_r m_r² / |R(w)|, m_r = multiplicity of r in R(w)
    FloatBuffer input, output;      // (V + U, S), (V, S)
    std::int64_t inputRows = 0;

    std::atomic<std::int64_t> tokensDone{0};
    std::atomic<bool> stop{false};
    Clock::time_point start = Clock::now();

    Trainer(const WordCorpus &c, const FastTextOptions &o, const CancelToken &k, EmbedObserver *obs)
        : corpus(c), opt(o), cancel(k), observer(obs)
    {
    }

    void setUp()
    {
        v = corpus.vocab.size();
        dim = opt.dim;
        stride = paddedStride(dim);
        totalTokens = corpus.vocab.totalCount;
        // Dictionary::initTableDiscard: keep with probability sqrt(t/f) + t/f, f = count / ntokens.
        const double ntokens = static_cast<double>(std::max<std::int64_t>(corpus.tokensRead, totalTokens));
        keepLimit.resize(v);
        for (int i = 0; i < v; ++i) {
            const double f = static_cast<double>(corpus.vocab.counts[i]) / ntokens;
            const double keep = opt.sample > 0.0 ? std::sqrt(opt.sample / f) + opt.sample / f : 1.0;
            keepLimit[i] = keep >= 1.0 ? (1ull << 32) : static_cast<std::uint64_t>(keep * 4294967296.0);
        }
        // Row lists.
        std::unordered_map<std::int32_t, std::int32_t> rowOfBucket;
        rowsStart.assign(1, 0);
        hiddenScale.resize(v);
        std::vector<std::int32_t> sorted;
        for (int w = 0; w < v; ++w) {
            rows.push_back(w);
            if (corpus.vocab.words[w] != kEndOfSentence)
                for (std::int32_t b : ngramBuckets(corpus.vocab.words[w], opt.minn, opt.maxn, opt.bucket)) {
                    const auto [it, inserted] = rowOfBucket.try_emplace(b, static_cast<std::int32_t>(bucketOfRow.size()));
                    if (inserted)
                        bucketOfRow.push_back(b);
                    rows.push_back(v + it->second);
                }
            rowsStart.push_back(static_cast<std::int64_t>(rows.size()));
            sorted.assign(rows.begin() + rowsStart[w], rows.end());
            std::sort(sorted.begin(), sorted.end());
            double sumSq = 0.0;
            for (std::size_t a = 0; a < sorted.size();) {
                std::size_t b = a;
                while (b < sorted.size() && sorted[b] == sorted[a])
                    ++b;
                sumSq += static_cast<double>((b - a) * (b - a));
                a = b;
            }
            hiddenScale[w] = static_cast<float>(sumSq / static_cast<double>(sorted.size()));
        }
        inputRows = v + static_cast<std::int64_t>(bucketOfRow.size());
        input = allocateFloats(inputRows * stride);
        output = allocateFloats(static_cast<std::int64_t>(v) * stride);
        for (std::int64_t r = 0; r < inputRows; ++r) {
            const std::uint64_t key = r < v ? static_cast<std::uint64_t>(r)
                                            : kBucketKey | static_cast<std::uint64_t>(bucketOfRow[r - v]);
            initialRow(opt.seed, key, input.get() + r * stride, dim);
        }
        // NegativeSamplingLoss: negatives in proportion to count^0.5.
        std::vector<double> w(v);
        for (int i = 0; i < v; ++i)
            w[i] = std::sqrt(static_cast<double>(corpus.vocab.counts[i]));
        negatives = std::make_unique<AliasSampler>(w);
    }

    struct Local {
        FastRng rng{0};
        float lr = 0.0f;
        double lossSum = 0.0;
        std::int64_t lossCount = 0;
        FloatBuffer hidden, grad, total;
    };

    // Model::update's loss for one target, NegativeSamplingLoss::forward: the target as positive,
    // then `negative` draws (redrawn while equal to the target) as negatives, each
    //   score = σ(hidden·out),  alpha = lr·(label − score),  grad += alpha·out,  out += alpha·hidden.
    void negativeSampling(Local &s, std::int32_t target, const float *hidden, float *grad)
    {
        const int n = stride;
        for (int d = 0; d <= opt.negative; ++d) {
            std::int32_t t = target;
            if (d > 0)
                do
                    t = negatives->sample(s.rng.next());
                while (t == target);
            const float label = d == 0 ? 1.0f : 0.0f;
            float *out = output.get() + static_cast<std::int64_t>(t) * n;
            const float x = dot(hidden, out, n);
            float score, loss;
            if (x < -kMaxSigmoid) {
                score = 0.0f;
                loss = d == 0 ? -x : 0.0f;
            } else if (x > kMaxSigmoid) {
                score = 1.0f;
                loss = d == 0 ? 0.0f : x;
            } else {
                const int k = SigmoidTable::index(x);
                score = sig.sigmoid[k];
                loss = d == 0 ? sig.negLogSigmoid[k] : sig.negLogSigmoid[kSigmoidTableSize - k];
            }
            s.lossSum += loss;
            outputStep(s.lr * (label - score), hidden, out, grad, n);
        }
        ++s.lossCount;
    }

    // hidden (S) = mean of the rows R
    void meanOfRows(const std::int32_t *r, std::int64_t count, float *hidden)
    {
        const int n = stride;
        copy(input.get() + static_cast<std::int64_t>(r[0]) * n, hidden, n);
        for (std::int64_t k = 1; k < count; ++k)
            axpy(1.0f, input.get() + static_cast<std::int64_t>(r[k]) * n, hidden, n);
        scale(1.0f / static_cast<float>(count), hidden, n);
    }

    void skipgram(Local &s, const std::vector<std::int32_t> &line)
    {
        // FastText::skipgram calls Model::update(R(w), target c) for each context c; update
        // recomputes hidden = mean R(w), then adds the whole grad to every row of R(w). Here the
        // row writes of one centre word are deferred to its last context and hidden is advanced
        // in place: after rows += grad, mean R(w) grows by exactly hiddenScale(w)·grad. In exact
        // arithmetic and one thread this is the same computation with a third of the row traffic.
        const int n = stride;
        const int len = static_cast<int>(line.size());
        float *hidden = s.hidden.get(), *grad = s.grad.get(), *total = s.total.get();
        for (int w = 0; w < len; ++w) {
            const int boundary = 1 + static_cast<int>(s.rng.below(static_cast<std::uint32_t>(opt.window)));
            const std::int32_t word = line[w];
            const std::int32_t *r = rows.data() + rowsStart[word];
            const std::int64_t count = rowsStart[word + 1] - rowsStart[word];
            const float hs = hiddenScale[word];
            const int lo = std::max(0, w - boundary), hi = std::min(len - 1, w + boundary);
            if (hi - lo < 1)
                continue;
            meanOfRows(r, count, hidden);
            zero(total, n);
            for (int c = lo; c <= hi; ++c) {
                if (c == w)
                    continue;
                zero(grad, n);
                negativeSampling(s, line[c], hidden, grad);
                for (int i = 0; i < n; ++i) {
                    total[i] += grad[i];
                    hidden[i] += hs * grad[i];
                }
            }
            for (std::int64_t k = 0; k < count; ++k)
                axpy(1.0f, total, input.get() + static_cast<std::int64_t>(r[k]) * n, n);
        }
    }

    void cbow(Local &s, const std::vector<std::int32_t> &line)
    {
        // FastText::cbow: input = the concatenated R(c) of the context words, target = the centre.
        const int n = stride;
        const int len = static_cast<int>(line.size());
        float *hidden = s.hidden.get(), *grad = s.grad.get();
        for (int w = 0; w < len; ++w) {
            const int boundary = 1 + static_cast<int>(s.rng.below(static_cast<std::uint32_t>(opt.window)));
            const int lo = std::max(0, w - boundary), hi = std::min(len - 1, w + boundary);
            std::int64_t count = 0;
            zero(hidden, n);
            for (int c = lo; c <= hi; ++c) {
                if (c == w)
                    continue;
                const std::int32_t cw = line[c];
                for (std::int64_t k = rowsStart[cw]; k < rowsStart[cw + 1]; ++k)
                    axpy(1.0f, input.get() + static_cast<std::int64_t>(rows[k]) * n, hidden, n);
                count += rowsStart[cw + 1] - rowsStart[cw];
            }
            if (count == 0)
                continue;
            scale(1.0f / static_cast<float>(count), hidden, n);
            zero(grad, n);
            negativeSampling(s, line[w], hidden, grad);
            for (int c = lo; c <= hi; ++c) {
                if (c == w)
                    continue;
                const std::int32_t cw = line[c];
                for (std::int64_t k = rowsStart[cw]; k < rowsStart[cw + 1]; ++k)
                    axpy(1.0f, grad, input.get() + static_cast<std::int64_t>(rows[k]) * n, n);
            }
        }
    }

    // Mean word vectors of the `count` most frequent words from the live (racy) matrix.
    WordVectors snapshot(int count)
    {
        WordVectors out;
        out.dim = dim;
        count = std::clamp(count, 0, v);
        out.words.assign(corpus.vocab.words.begin(), corpus.vocab.words.begin() + count);
        out.data.assign(static_cast<std::size_t>(count) * dim, 0.0f);
        for (int w = 0; w < count; ++w) {
            float *o = out.data.data() + static_cast<std::int64_t>(w) * dim;
            const std::int64_t c = rowsStart[w + 1] - rowsStart[w];
            for (std::int64_t k = rowsStart[w]; k < rowsStart[w + 1]; ++k) {
                const float *r = input.get() + static_cast<std::int64_t>(rows[k]) * stride;
                for (int i = 0; i < dim; ++i)
                    o[i] += r[i] / static_cast<float>(c);
            }
        }
        return out;
    }

    void report(std::int64_t done, float lr, double loss)
    {
        EmbedProgress p;
        const double total = static_cast<double>(opt.epochs) * static_cast<double>(totalTokens);
        p.wordsDone = done;
        p.fraction = std::min(1.0, static_cast<double>(done) / total);
        const double secs = secondsSince(start);
        p.wordsPerSecond = secs > 0.0 ? static_cast<double>(done) / secs : 0.0;
        p.learningRate = lr;
        p.loss = loss;
        p.epoch = std::min(opt.epochs, static_cast<int>(static_cast<double>(done) / static_cast<double>(totalTokens)) + 1);
        observer->onProgress(p);
        if (observer->wantsSnapshot())
            observer->onSnapshot(snapshot(observer->snapshotWords()));
    }

    void run(int tid)
    {
        Local s;
        s.rng = FastRng(opt.seed + static_cast<std::uint64_t>(tid));
        s.hidden = allocateFloats(stride);
        s.grad = allocateFloats(stride);
        s.total = allocateFloats(stride);
        const auto [first, last] = lineSlice(corpus, tid, opt.threads);
        const double total = static_cast<double>(opt.epochs) * static_cast<double>(totalTokens);
        std::vector<std::int32_t> line;
        std::int64_t localTokens = 0;
        Clock::time_point lastReport = Clock::now();
        s.lr = opt.lr;
        for (int epoch = 0; epoch < opt.epochs; ++epoch) {
            for (std::int64_t li = first; li < last; ++li) {
                if (stop.load(std::memory_order_relaxed))
                    return;
                if (cancel.isCancelled()) {
                    stop.store(true, std::memory_order_relaxed);
                    return;
                }
                // FastText::trainThread: lr = lr0·(1 − progress) per line, progress from the
                // shared token count, which each thread advances every lrUpdateRate tokens.
                const double progress = static_cast<double>(tokensDone.load(std::memory_order_relaxed)) / total;
                s.lr = opt.lr * static_cast<float>(std::max(0.0, 1.0 - progress));
                line.clear();
                for (std::int64_t k = corpus.lineStarts[li]; k < corpus.lineStarts[li + 1]; ++k) {
                    const std::int32_t w = corpus.ids[k];
                    ++localTokens;
                    if ((s.rng.next() >> 32) < keepLimit[w])
                        line.push_back(w);
                }
                if (opt.cbow)
                    cbow(s, line);
                else
                    skipgram(s, line);
                if (localTokens > opt.lrUpdateRate) {
                    const std::int64_t done =
                        tokensDone.fetch_add(localTokens, std::memory_order_relaxed) + localTokens;
                    localTokens = 0;
                    if (tid == 0 && observer && secondsSince(lastReport) >= 0.1) {
                        lastReport = Clock::now();
                        report(done, s.lr, s.lossCount ? s.lossSum / static_cast<double>(s.lossCount) : 0.0);
                        s.lossSum = 0.0;
                        s.lossCount = 0;
                    }
                }
            }
        }
        tokensDone.fetch_add(localTokens, std::memory_order_relaxed);
    }

    FastTextModel model() const
    {
        FastTextRows m;
        m.dim = dim;
        m.minn = opt.maxn > 0 ? opt.minn : 0;
        m.maxn = opt.maxn;
        m.bucket = opt.maxn > 0 ? opt.bucket : 0;
        m.seed = opt.seed;
        m.words = corpus.vocab.words;
        m.buckets = bucketOfRow;
        m.wordRows.resize(static_cast<std::size_t>(v) * dim);
        m.ngramRows.resize(bucketOfRow.size() * static_cast<std::size_t>(dim));
        for (std::int64_t r = 0; r < inputRows; ++r) {
            const float *src = input.get() + r * stride;
            float *dst = r < v ? m.wordRows.data() + r * dim : m.ngramRows.data() + (r - v) * dim;
            std::copy(src, src + dim, dst);
        }
        return FastTextModel(std::move(m));
    }
};

} // namespace

Result<FastTextModel> trainFastText(const WordCorpus &corpus, const FastTextOptions &options, const CancelToken &cancel,
                                    EmbedObserver *observer)
{
    const auto &o = options;
    if (o.dim < 1 || o.dim > 10000)
        return makeError("fastText: dim must be in 1..10000, got " + std::to_string(o.dim));
    if (o.window < 1 || o.window > 1000)
        return makeError("fastText: window must be in 1..1000, got " + std::to_string(o.window));
    if (o.negative < 1 || o.negative > 1000)
        return makeError("fastText: negative must be in 1..1000, got " + std::to_string(o.negative));
    if (o.epochs < 1 || o.epochs > 100000)
        return makeError("fastText: epochs must be in 1..100000, got " + std::to_string(o.epochs));
    if (o.maxn < 0 || o.maxn > 64)
        return makeError("fastText: maxn must be in 0..64, got " + std::to_string(o.maxn));
    if (o.maxn > 0 && (o.minn < 1 || o.minn > o.maxn))
        return makeError("fastText: minn must be in 1..maxn, got " + std::to_string(o.minn));
    if (o.maxn > 0 && o.bucket < 1)
        return makeError("fastText: bucket must be at least 1 with n-grams, got " + std::to_string(o.bucket));
    if (!(o.sample >= 0.0) || !std::isfinite(o.sample))
        return makeError("fastText: sample must be a finite number >= 0 (0 = keep every word)");
    if (!(o.lr > 0.0f) || !std::isfinite(o.lr))
        return makeError("fastText: lr must be a finite number > 0");
    if (o.lrUpdateRate < 1)
        return makeError("fastText: lrUpdateRate must be at least 1");
    if (o.threads < 1 || o.threads > 256)
        return makeError("fastText: threads must be in 1..256, got " + std::to_string(o.threads));
    if (corpus.vocab.size() < 2 || corpus.lineStarts.empty() ||
        corpus.lineStarts.back() != static_cast<std::int64_t>(corpus.ids.size()))
        return makeError("fastText: the vocabulary needs at least two words (one target, one negative)");

    Trainer t(corpus, o, cancel, observer);
    t.setUp();
    t.start = Clock::now();
    runOnWorkers(o.threads, [&t](int i) { t.run(i); }); // Hogwild: one worker per slice
    if (t.stop.load() || cancel.isCancelled())
        return makeError("cancelled");
    if (observer)
        t.report(t.tokensDone.load(), 0.0f, 0.0);
    return t.model();
}

} // namespace lm
