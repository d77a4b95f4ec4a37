// Word-vector training speed, end to end: read the corpus, build the vocabulary, train, and
// optionally write a .vec file; the wall time covers all of it (as the fastText peer script).
//   bench_embed CORPUS [--method skipgram|cbow|fasttext|fasttext-cbow] [--threads N] [--dim N]
//               [--window N] [--negative N] [--epoch N] [--min-count N] [--sample X] [--lr X]
//               [--hs] [--minn N] [--maxn N] [--bucket N] [--seed N] [--output FILE.vec]
// --sample and --lr default to each method's own default (word2vec 1e-3, fastText 1e-4).
#include "embed/fasttext.h"
#include "embed/word2vec.h"
#include "embed/wordcorpus.h"
#include "text/corpus.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// The .vec text format with "%g" (6 significant digits, as fastText's .vec).
bool writeVec(const std::string &path, const lm::WordVectors &v)
{
    std::FILE *f = std::fopen(path.c_str(), "w");
    if (!f)
        return false;
    std::fprintf(f, "%d %d\n", v.size(), v.dim);
    for (int i = 0; i < v.size(); ++i) {
        std::fputs(v.words[i].c_str(), f);
        const float *r = v.row(i);
        for (int j = 0; j < v.dim; ++j)
            std::fprintf(f, " %g", static_cast<double>(r[j]));
        std::fputc('\n', f);
    }
    return std::fclose(f) == 0;
}

int usage()
{
    std::fprintf(stderr, "usage: bench_embed CORPUS [--method skipgram|cbow|fasttext|fasttext-cbow] [--threads N] "
                         "[--dim N] [--window N] [--negative N] [--epoch N] [--min-count N] [--sample X] [--lr X] "
                         "[--hs] [--minn N] [--maxn N] [--bucket N] [--seed N] [--output FILE.vec]\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    const std::string corpusPath = argv[1];
    std::string method = "skipgram", output;
    int threads = 2, dim = 100, window = 5, negative = 5, epochs = 5, minCount = 5, minn = 3, maxn = 6,
        bucket = 2'000'000;
    double sample = -1.0, lr = -1.0;
    bool hs = false;
    std::uint64_t seed = 1;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--hs") {
            hs = true;
            continue;
        }
        if (i + 1 >= argc)
            return usage();
        const char *v = argv[++i];
        if (a == "--method")
            method = v;
        else if (a == "--threads")
            threads = std::atoi(v);
        else if (a == "--dim")
            dim = std::atoi(v);
        else if (a == "--window")
            window = std::atoi(v);
        else if (a == "--negative")
            negative = std::atoi(v);
        else if (a == "--epoch")
            epochs = std::atoi(v);
        else if (a == "--min-count")
            minCount = std::atoi(v);
        else if (a == "--sample")
            sample = std::atof(v);
        else if (a == "--lr")
            lr = std::atof(v);
        else if (a == "--minn")
            minn = std::atoi(v);
        else if (a == "--maxn")
            maxn = std::atoi(v);
        else if (a == "--bucket")
            bucket = std::atoi(v);
        else if (a == "--seed")
            seed = std::strtoull(v, nullptr, 10);
        else if (a == "--output")
            output = v;
        else
            return usage();
    }

    const auto t0 = Clock::now();
    auto corpus = lm::loadCorpus(corpusPath);
    if (!corpus) {
        std::fprintf(stderr, "error: %s\n", corpus.error().c_str());
        return 1;
    }
    lm::WordCorpusOptions wo;
    wo.minCount = minCount;
    auto words = lm::buildWordCorpus(corpus.value().text, wo);
    if (!words) {
        std::fprintf(stderr, "error: %s\n", words.error().c_str());
        return 1;
    }
    const double readSeconds = since(t0);
    const lm::WordCorpus &wc = words.value();
    lm::CancelToken cancel;
    const auto t1 = Clock::now();
    lm::WordVectors vectors;
    if (method == "skipgram" || method == "cbow") {
        lm::Word2VecOptions o;
        o.cbow = method == "cbow";
        o.hierarchicalSoftmax = hs;
        o.dim = dim;
        o.window = window;
        o.negative = hs ? 0 : negative;
        o.epochs = epochs;
        if (sample >= 0.0)
            o.sample = sample;
        if (lr > 0.0)
            o.alpha = static_cast<float>(lr);
        o.threads = threads;
        o.seed = seed;
        auto r = lm::trainWord2Vec(wc, o, cancel);
        if (!r) {
            std::fprintf(stderr, "error: %s\n", r.error().c_str());
            return 1;
        }
        vectors = std::move(r).value();
    } else if (method == "fasttext" || method == "fasttext-cbow") {
        lm::FastTextOptions o;
        o.cbow = method == "fasttext-cbow";
        o.dim = dim;
        o.window = window;
        o.negative = negative;
        o.epochs = epochs;
        o.minn = minn;
        o.maxn = maxn;
        o.bucket = bucket;
        if (sample >= 0.0)
            o.sample = sample;
        if (lr > 0.0)
            o.lr = static_cast<float>(lr);
        o.threads = threads;
        o.seed = seed;
        auto r = lm::trainFastText(wc, o, cancel);
        if (!r) {
            std::fprintf(stderr, "error: %s\n", r.error().c_str());
            return 1;
        }
        vectors = r.value().vocabularyVectors();
    } else {
        return usage();
    }
    const double trainSeconds = since(t1);
    if (!output.empty() && !writeVec(output, vectors)) {
        std::fprintf(stderr, "error: cannot write %s\n", output.c_str());
        return 1;
    }
    const double wall = since(t0);
    const double tokens = static_cast<double>(wc.vocab.totalCount) * epochs;
    std::printf("method %s threads %d dim %d: vocab %d, tokens %lld; read+vocab %.3f s, train %.3f s, wall %.3f s; "
                "words/s %.0f (words/s/thread %.0f)\n",
                method.c_str(), threads, dim, wc.vocab.size(), static_cast<long long>(wc.vocab.totalCount), readSeconds,
                trainSeconds, wall, tokens / trainSeconds, tokens / trainSeconds / threads);
    return 0;
}
