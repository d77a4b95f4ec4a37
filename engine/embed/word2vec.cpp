#include "embed/word2vec.h"

#include "core/fastmath.h"
#include "core/parallel.h"
#include "embed/embedkernels.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <string>

// Legend: V = vocabulary size, D = dim, S = padded row stride (D rounded up to 16), W = window.
// syn0: (V, S) input vectors, the result; syn1: (V, S) inner nodes of the Huffman tree (hierarchical
// softmax); syn1neg: (V, S) output vectors (negative sampling). Names follow the C tool.

namespace lm {

namespace word2vec_detail {

double keepProbability(std::int64_t count, std::int64_t total, double sample)
{
    if (sample <= 0.0 || count <= 0)
        return 1.0;
    const double st = sample * static_cast<double>(total);
    const double c = static_cast<double>(count);
    return std::min(1.0, (std::sqrt(c / st) + 1.0) * st / c);
}

std::vector<std::int32_t> unigramTable(const std::vector<std::int64_t> &counts, double power, std::size_t size)
{
    // InitUnigramTable: walk the table, moving to the next word once the cumulative share passes
    // the table position.
    std::vector<std::int32_t> table(size);
    if (counts.empty() || size == 0)
        return table;
    double total = 0.0;
    for (std::int64_t c : counts)
        total += std::pow(static_cast<double>(c), power);
    std::size_t i = 0;
    double d1 = std::pow(static_cast<double>(counts[0]), power) / total;
    for (std::size_t a = 0; a < size; ++a) {
        table[a] = static_cast<std::int32_t>(i);
        if (static_cast<double>(a) / static_cast<double>(size) > d1) {
            ++i;
            if (i < counts.size())
                d1 += std::pow(static_cast<double>(counts[i]), power) / total;
        }
        if (i >= counts.size())
            i = counts.size() - 1;
    }
    return table;
}

HuffmanTree buildHuffman(const std::vector<std::int64_t> &counts)
{
    // CreateBinaryTree: counts sorted most frequent first; two cursors merge the leaves (from the
    // rare end) with the inner nodes (created in increasing order of count).
    const std::int64_t v = static_cast<std::int64_t>(counts.size());
    HuffmanTree tree;
    tree.codes.resize(counts.size());
    tree.points.resize(counts.size());
    if (v < 2)
        return tree;
    std::vector<std::int64_t> count(2 * v, std::numeric_limits<std::int64_t>::max() / 4);
    std::vector<std::uint8_t> binary(2 * v, 0);
    std::vector<std::int64_t> parent(2 * v, 0);
    std::copy(counts.begin(), counts.end(), count.begin());
    std::int64_t pos1 = v - 1, pos2 = v;
    auto takeMin = [&]() {
        if (pos1 >= 0 && count[pos1] < count[pos2])
            return pos1--;
        return pos2++;
    };
    for (std::int64_t a = 0; a < v - 1; ++a) {
        const std::int64_t min1 = takeMin();
        const std::int64_t min2 = takeMin();
        count[v + a] = count[min1] + count[min2];
        parent[min1] = v + a;
        parent[min2] = v + a;
        binary[min2] = 1;
    }
    for (std::int64_t a = 0; a < v; ++a) {
        std::vector<std::uint8_t> code;
        std::vector<std::int32_t> point;
        for (std::int64_t b = a; b != 2 * v - 2; b = parent[b]) {
            code.push_back(binary[b]);
            point.push_back(static_cast<std::int32_t>(b));
        }
        // Root first: points are inner-node ids (node - V), the root is V - 2.
        const std::size_t len = code.size();
        auto &c = tree.codes[a];
        auto &p = tree.points[a];
        c.assign(code.rbegin(), code.rend());
        p.resize(len);
        p[0] = static_cast<std::int32_t>(v - 2);
        for (std::size_t k = 1; k < len; ++k)
            p[k] = static_cast<std::int32_t>(point[len - k] - v);
    }
    return tree;
}

} // namespace word2vec_detail

namespace {

using namespace embed_detail;

// The C tool's sigmoid table: 1000 steps over [−6, 6].
using SigmoidTable = lm::SigmoidTable<1000, 6>;
constexpr int kExpTableSize = SigmoidTable::kSize;
constexpr float kMaxExp = SigmoidTable::kMax;

constexpr std::uint64_t lcg(std::uint64_t r) { return r * 25214903917ull + 11; }

struct Trainer {
    const WordCorpus &corpus;
    const Word2VecOptions &opt;
    const CancelToken &cancel;
    EmbedObserver *observer;

    int v = 0, dim = 0, stride = 0;
    float startAlpha = 0.0f;
    std::int32_t eos = -1;
    std::int64_t trainWords = 0;
    SigmoidTable sig;
    std::vector<std::uint32_t> keepLimit; // keep a word iff (r & 0xFFFF) <= keepLimit
    std::unique_ptr<AliasSampler> negatives;
    word2vec_detail::HuffmanTree tree;
    FloatBuffer syn0, syn1, syn1neg;

    std::atomic<std::int64_t> wordsDone{0};
    std::atomic<bool> stop{false};
    Clock::time_point start = Clock::now();

    Trainer(const WordCorpus &c, const Word2VecOptions &o, const CancelToken &k, EmbedObserver *obs)
        : corpus(c), opt(o), cancel(k), observer(obs)
    {
    }

    void setUp()
    {
        v = corpus.vocab.size();
        dim = opt.dim;
        stride = paddedStride(dim);
        startAlpha = opt.alpha > 0.0f ? opt.alpha : (opt.cbow ? 0.05f : 0.025f);
        eos = corpus.vocab.find("</s>");
        trainWords = corpus.vocab.totalCount;
        keepLimit.resize(v);
        for (int i = 0; i < v; ++i) {
            const double keep = word2vec_detail::keepProbability(corpus.vocab.counts[i], trainWords, opt.sample);
            keepLimit[i] = static_cast<std::uint32_t>(std::min(65536.0, std::floor(keep * 65536.0)));
        }
        // InitNet: syn0 = (U[0,1) − 0.5) / D with the C tool's generator, seeded by the seed.
        syn0 = allocateFloats(static_cast<std::int64_t>(v) * stride);
        std::uint64_t r = opt.seed;
        for (int a = 0; a < v; ++a)
            for (int b = 0; b < dim; ++b) {
                r = lcg(r);
                syn0[static_cast<std::int64_t>(a) * stride + b] =
                    (static_cast<float>(r & 0xFFFF) / 65536.0f - 0.5f) / static_cast<float>(dim);
            }
        if (opt.hierarchicalSoftmax) {
            syn1 = allocateFloats(static_cast<std::int64_t>(v) * stride);
            tree = word2vec_detail::buildHuffman(corpus.vocab.counts);
        }
        if (opt.negative > 0) {
            syn1neg = allocateFloats(static_cast<std::int64_t>(v) * stride);
            std::vector<double> w(v);
            for (int i = 0; i < v; ++i)
                w[i] = std::pow(static_cast<double>(corpus.vocab.counts[i]), 0.75);
            negatives = std::make_unique<AliasSampler>(w);
        }
    }

    // One target of hierarchical softmax and negative sampling for the hidden vector h (D):
    // forward f = h·out, σ from the table; loss −log σ(±f).
    // Backward (g = (label − σ(f))·alpha):  grad += g·out,  out += g·h.
    struct Local {
        std::uint64_t r;
        float alpha;
        double lossSum = 0.0;
        std::int64_t lossCount = 0;
        FloatBuffer neu1, neu1e;
    };

    void hsAndNegatives(Local &s, std::int32_t word, const float *h, float *grad)
    {
        const int n = stride;
        const float alpha = s.alpha;
        if (opt.hierarchicalSoftmax) {
            const auto &code = tree.codes[word];
            const auto &point = tree.points[word];
            for (std::size_t d = 0; d < code.size(); ++d) {
                float *out = syn1.get() + static_cast<std::int64_t>(point[d]) * n;
                const float f = dot(h, out, n);
                if (f <= -kMaxExp || f >= kMaxExp)
                    continue;
                const int k = SigmoidTable::index(f);
                // code 1 means "label 0" for the node: g = (1 − code − σ(f))·alpha
                const float g = (1.0f - static_cast<float>(code[d]) - sig.sigmoid[k]) * alpha;
                s.lossSum += code[d] ? sig.negLogSigmoid[kExpTableSize - k] : sig.negLogSigmoid[k];
                outputStep(g, h, out, grad, n);
            }
        }
        if (opt.negative > 0) {
            for (int d = 0; d <= opt.negative; ++d) {
                std::int32_t target;
                float label;
                if (d == 0) {
                    target = word;
                    label = 1.0f;
                } else {
                    s.r = lcg(s.r);
                    const std::uint64_t z = mix64(s.r);
                    target = negatives->sample(z);
                    if (target == eos && v > 1) { // the C tool never draws "</s>" (id 0 there) as a negative
                        target = static_cast<std::int32_t>((z & 0xFFFFFFFFull) % static_cast<std::uint64_t>(v - 1));
                        if (target >= eos)
                            ++target;
                    }
                    if (target == word)
                        continue;
                    label = 0.0f;
                }
                float *out = syn1neg.get() + static_cast<std::int64_t>(target) * n;
                const float f = dot(h, out, n);
                float g;
                if (f > kMaxExp) {
                    g = (label - 1.0f) * alpha;
                    s.lossSum += label > 0.0f ? 0.0f : f;
                } else if (f < -kMaxExp) {
                    g = label * alpha;
                    s.lossSum += label > 0.0f ? -f : 0.0f;
                } else {
                    const int k = SigmoidTable::index(f);
                    g = (label - sig.sigmoid[k]) * alpha;
                    s.lossSum += label > 0.0f ? sig.negLogSigmoid[k] : sig.negLogSigmoid[kExpTableSize - k];
                }
                outputStep(g, h, out, grad, n);
            }
        }
        ++s.lossCount;
    }

    void trainSentence(Local &s, const std::vector<std::int32_t> &sen)
    {
        const int n = stride;
        const int len = static_cast<int>(sen.size());
        const int window = opt.window;
        float *neu1 = s.neu1.get();
        float *neu1e = s.neu1e.get();
        for (int pos = 0; pos < len; ++pos) {
            const std::int32_t word = sen[pos];
            s.r = lcg(s.r);
            const int b = static_cast<int>(s.r % static_cast<std::uint64_t>(window));
            const int lo = std::max(0, pos - window + b), hi = std::min(len - 1, pos + window - b);
            if (opt.cbow) {
                // h = mean of the context rows; every context row gets the whole gradient.
                zero(neu1, n);
                int cw = 0;
                for (int c = lo; c <= hi; ++c)
                    if (c != pos) {
                        axpy(1.0f, syn0.get() + static_cast<std::int64_t>(sen[c]) * n, neu1, n);
                        ++cw;
                    }
                if (cw == 0)
                    continue;
                scale(1.0f / static_cast<float>(cw), neu1, n);
                zero(neu1e, n);
                hsAndNegatives(s, word, neu1, neu1e);
                for (int c = lo; c <= hi; ++c)
                    if (c != pos)
                        axpy(1.0f, neu1e, syn0.get() + static_cast<std::int64_t>(sen[c]) * n, n);
            } else {
                // Skip-gram as the C tool: the context word's row predicts the centre word.
                for (int c = lo; c <= hi; ++c) {
                    if (c == pos)
                        continue;
                    float *l1 = syn0.get() + static_cast<std::int64_t>(sen[c]) * n;
                    zero(neu1e, n);
                    hsAndNegatives(s, word, l1, neu1e);
                    axpy(1.0f, neu1e, l1, n);
                }
            }
        }
    }

    void report(std::int64_t done, float alpha, double loss)
    {
        EmbedProgress p;
        const double total = static_cast<double>(opt.epochs) * static_cast<double>(trainWords);
        p.wordsDone = done;
        p.fraction = std::min(1.0, static_cast<double>(done) / total);
        const double secs = secondsSince(start);
        p.wordsPerSecond = secs > 0.0 ? static_cast<double>(done) / secs : 0.0;
        p.learningRate = alpha;
        p.loss = loss;
        p.epoch = std::min(opt.epochs, static_cast<int>(static_cast<double>(done) / static_cast<double>(trainWords)) + 1);
        observer->onProgress(p);
        if (observer->wantsSnapshot())
            observer->onSnapshot(snapshotRows(corpus.vocab, syn0.get(), dim, stride, observer->snapshotWords()));
    }

    void run(int tid)
    {
        Local s;
        s.r = opt.seed + static_cast<std::uint64_t>(tid);
        s.alpha = startAlpha;
        s.neu1 = allocateFloats(stride);
        s.neu1e = allocateFloats(stride);
        const auto [first, last] = lineSlice(corpus, tid, opt.threads);
        std::vector<std::int32_t> sen;
        std::int64_t wordCount = 0, lastWordCount = 0;
        Clock::time_point lastReport = Clock::now();
        const double totalWords = static_cast<double>(opt.epochs) * static_cast<double>(trainWords) + 1.0;
        auto refresh = [&] {
            const std::int64_t done = wordsDone.fetch_add(wordCount - lastWordCount, std::memory_order_relaxed) +
                                      (wordCount - lastWordCount);
            lastWordCount = wordCount;
            s.alpha = std::max(startAlpha * 1e-4f,
                               startAlpha * static_cast<float>(1.0 - static_cast<double>(done) / totalWords));
            if (tid == 0 && observer && secondsSince(lastReport) >= 0.1) {
                lastReport = Clock::now();
                report(done, s.alpha, s.lossCount ? s.lossSum / static_cast<double>(s.lossCount) : 0.0);
                s.lossSum = 0.0;
                s.lossCount = 0;
            }
        };
        for (int epoch = 0; epoch < opt.epochs; ++epoch) {
            for (std::int64_t line = first; line < last; ++line) {
                if (stop.load(std::memory_order_relaxed))
                    return;
                if (cancel.isCancelled()) {
                    stop.store(true, std::memory_order_relaxed);
                    return;
                }
                if (wordCount - lastWordCount > 10000)
                    refresh();
                sen.clear();
                const std::int32_t *ids = corpus.ids.data();
                for (std::int64_t k = corpus.lineStarts[line]; k < corpus.lineStarts[line + 1]; ++k) {
                    const std::int32_t w = ids[k];
                    ++wordCount;
                    if (w == eos) // "</s>" ends the C tool's sentence and is not trained on
                        continue;
                    s.r = lcg(s.r);
                    if ((s.r & 0xFFFF) > keepLimit[w])
                        continue;
                    sen.push_back(w);
                }
                trainSentence(s, sen);
            }
        }
        refresh();
    }
};

} // namespace

Result<WordVectors> trainWord2Vec(const WordCorpus &corpus, const Word2VecOptions &options, const CancelToken &cancel,
                                  EmbedObserver *observer)
{
    const auto &o = options;
    if (o.dim < 1 || o.dim > 10000)
        return makeError("word2vec: dim must be in 1..10000, got " + std::to_string(o.dim));
    if (o.window < 1 || o.window > 1000)
        return makeError("word2vec: window must be in 1..1000, got " + std::to_string(o.window));
    if (o.negative < 0 || o.negative > 1000)
        return makeError("word2vec: negative must be in 0..1000, got " + std::to_string(o.negative));
    if (o.negative == 0 && !o.hierarchicalSoftmax)
        return makeError("word2vec: negative must be at least 1 without hierarchical softmax");
    if (o.epochs < 1 || o.epochs > 100000)
        return makeError("word2vec: epochs must be in 1..100000, got " + std::to_string(o.epochs));
    if (!(o.sample >= 0.0) || !std::isfinite(o.sample))
        return makeError("word2vec: sample must be a finite number >= 0");
    if (!(o.alpha >= 0.0f) || !std::isfinite(o.alpha))
        return makeError("word2vec: alpha must be a finite number >= 0");
    if (o.threads < 1 || o.threads > 256)
        return makeError("word2vec: threads must be in 1..256, got " + std::to_string(o.threads));
    if (corpus.vocab.size() == 0 || corpus.lineStarts.empty() ||
        corpus.lineStarts.back() != static_cast<std::int64_t>(corpus.ids.size()) || corpus.vocab.totalCount <= 0)
        return makeError("word2vec: the corpus is empty");

    Trainer t(corpus, o, cancel, observer);
    t.setUp();
    t.start = Clock::now();
    runOnWorkers(o.threads, [&t](int i) { t.run(i); }); // Hogwild: one worker per slice
    if (t.stop.load() || cancel.isCancelled())
        return makeError("cancelled");
    if (observer)
        t.report(t.wordsDone.load(), std::max(t.startAlpha * 1e-4f, 0.0f), 0.0);

    WordVectors out;
    out.dim = o.dim;
    out.words = corpus.vocab.words;
    out.data.resize(static_cast<std::size_t>(t.v) * o.dim);
    for (int i = 0; i < t.v; ++i)
        std::copy(t.syn0.get() + static_cast<std::int64_t>(i) * t.stride,
                  t.syn0.get() + static_cast<std::int64_t>(i) * t.stride + o.dim,
                  out.data.begin() + static_cast<std::int64_t>(i) * o.dim);
    return out;
}

} // namespace lm
