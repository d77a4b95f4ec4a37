// lmscope-cli embed, neighbors, analogy: word vectors from scripts.
#include "args.h"
#include "commands.h"
#include "common.h"

#include "appcore/base/corpora.h"
#include "core/threads.h"
#include "embed/embedmethod.h"
#include "embed/wordcorpus.h"
#include "inspect/neighbors.h"
#include "io/fasttextfile.h"
#include "io/vecfile.h"

#include <chrono>
#include <optional>
#include <cstdio>
#include <filesystem>

namespace {

struct Progress final : lm::EmbedObserver {
    double lastPrinted = -1.0;
    void onProgress(const lm::EmbedProgress &p) override
    {
        if (p.fraction - lastPrinted < 0.05 && p.fraction < 1.0)
            return;
        lastPrinted = p.fraction;
        std::fprintf(stderr, "%5.1f%%  epoch %d  lr %.5f  loss %.4f  words/s %.0f\n", 100.0 * p.fraction, p.epoch,
                     p.learningRate, p.loss, p.wordsPerSecond);
    }
};

// A .vec file's vectors, with the subword model beside it when there is one.
struct LoadedVectors {
    lm::WordVectors vectors;
    std::optional<lm::FastTextModel> subwords;
};

LoadedVectors loadVectors(const std::string &path)
{
    auto v = lm::loadVec(path);
    if (!v)
        throw InputError(v.error());
    LoadedVectors out{std::move(v).value(), std::nullopt};
    const std::string sub = subwordModelPath(path);
    if (std::filesystem::exists(sub)) {
        auto m = lm::loadFastTextModel(sub);
        if (!m)
            throw InputError(m.error());
        out.subwords = std::move(m).value();
    }
    return out;
}

void printNeighbors(const lm::NormalizedVectors &unit, const std::vector<lm::Neighbor> &list)
{
    for (const auto &n : list)
        std::printf("%s\t%.4f\n", unit.vectors().words[static_cast<std::size_t>(n.id)].c_str(), n.cosine);
}

} // namespace

std::string subwordModelPath(const std::string &vecPath)
{
    const std::string base = vecPath.size() > 4 && vecPath.compare(vecPath.size() - 4, 4, ".vec") == 0
                                 ? vecPath.substr(0, vecPath.size() - 4)
                                 : vecPath;
    return base + ".subwords.safetensors";
}

int embedCommand(const std::vector<std::string> &words)
{
    const Args args(words,
                    {"method", "corpus", "out", "dim", "window", "negative", "epochs", "min-count", "threads", "seed",
                     "unit", "lr", "minn", "maxn", "bucket", "sample", "x-max", "tsv"},
                    {"hs", "cbow", "normalize"});
    if (!args.positionals().empty())
        throw UsageError("embed takes no positional argument, got '" + args.positionals().front() + "'");
    const std::string methodName = args.required("method");
    const auto method = lm::parseEmbedMethod(methodName);
    if (!method)
        throw UsageError("--method must be skipgram, cbow, glove or fasttext, got '" + methodName + "'");
    const bool word2vec = *method == lm::EmbedMethod::SkipGram || *method == lm::EmbedMethod::Cbow;
    const bool glove = *method == lm::EmbedMethod::Glove, fasttext = *method == lm::EmbedMethod::FastText;
    const std::string out = args.required("out");
    checkOutputPath("out", out);
    const std::string unit = args.text("unit", "words");
    if (unit != "words" && unit != "chars")
        throw UsageError("--unit must be words or chars, got '" + unit + "'");
    if (args.has("hs") && !word2vec)
        throw UsageError("--hs applies to skipgram and cbow only");
    if (args.has("cbow") && !fasttext)
        throw UsageError("--cbow applies to --method fasttext (use --method cbow for word2vec)");
    lm::EmbedOptions o = lm::embedDefaults(*method);
    o.dim = static_cast<int>(args.integer("dim", o.dim, 1, 2048));
    o.window = static_cast<int>(args.integer("window", o.window, 1, 100));
    o.epochs = static_cast<int>(args.integer("epochs", o.epochs, 1, 1000));
    o.threads = static_cast<int>(args.integer("threads", 2, 1, 256));
    lm::setThreadCount(o.threads); // the Hogwild workers and OpenBLAS alike (core/parallel.h)
    o.seed = static_cast<std::uint64_t>(args.integer("seed", 1, 0, 1ll << 62));
    o.learningRate = static_cast<float>(args.real("lr", o.learningRate, word2vec ? 0.0 : 1e-6, 10.0));
    o.negative = static_cast<int>(args.integer("negative", o.negative, word2vec ? 0 : 1, 100));
    o.sample = args.real("sample", o.sample, 0.0, 1.0);
    o.hierarchicalSoftmax = args.has("hs");
    o.fastTextCbow = args.has("cbow");
    o.minn = static_cast<int>(args.integer("minn", o.minn, 0, 32));
    o.maxn = static_cast<int>(args.integer("maxn", o.maxn, 0, 32));
    o.bucket = static_cast<int>(args.integer("bucket", o.bucket, 1, 100'000'000));
    o.xMax = args.real("x-max", o.xMax, 1e-3, 1e9);
    lm::WordCorpusOptions copts;
    copts.minCount = static_cast<int>(args.integer("min-count", 5, 1, 1'000'000'000));
    copts.unit = unit == "chars" ? lm::TokenUnit::Characters : lm::TokenUnit::Words;

    const auto start = std::chrono::steady_clock::now();
    const std::string corpusSpec = args.required("corpus");
    auto corpus = loadCorpusSpec(QString::fromStdString(corpusSpec));
    if (!corpus)
        throw InputError(corpus.error());
    if (args.has("normalize"))
        corpus.value().text = lm::normalizeWordText(corpus.value().text);
    auto wc = lm::buildWordCorpus(corpus.value().text, copts);
    if (!wc)
        throw InputError(corpusSpec + ": " + wc.error());
    corpus.value().text = std::string(); // the ids are all that training needs
    std::fprintf(stderr, "%s: %lld tokens, vocabulary %d (min-count %d)\n", corpusSpec.c_str(),
                 static_cast<long long>(wc.value().ids.size()), wc.value().vocab.size(), copts.minCount);

    lm::CancelToken cancel;
    std::optional<InterruptScope> interrupts(std::in_place, cancel);
    Progress progress;
    auto trained = lm::trainWordVectors(wc.value(), o, cancel, &progress);
    if (!trained)
        throw std::runtime_error(trained.error());
    const lm::WordVectors &vectors = trained.value().vectors;
    const std::optional<lm::FastTextModel> &subwords = trained.value().subwords;
    interrupts.reset();

    if (auto st = lm::saveVec(out, vectors); !st)
        throw std::runtime_error(st.error());
    if (subwords)
        if (auto st = lm::saveFastTextModel(*subwords, subwordModelPath(out)); !st)
            throw std::runtime_error(st.error());
    if (args.has("tsv")) {
        const std::string prefix = args.text("tsv", "");
        if (auto st = lm::saveProjectorTsv(prefix + "vectors.tsv", prefix + "metadata.tsv", vectors); !st)
            throw std::runtime_error(st.error());
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double processed = static_cast<double>(wc.value().ids.size()) * (glove ? 1 : o.epochs);
    std::fprintf(stderr, "wrote %s (%d words × %d)%s in %.1f s\n", out.c_str(), vectors.size(), vectors.dim,
                 subwords ? (" and " + subwordModelPath(out)).c_str() : "", seconds);
    std::printf("words/s: %.0f\n", processed / seconds);
    return 0;
}

int neighborsCommand(const std::vector<std::string> &words)
{
    const Args args(words, {"vectors", "word", "k"}, {});
    if (!args.positionals().empty())
        throw UsageError("unexpected argument '" + args.positionals().front() + "'");
    const LoadedVectors loaded = loadVectors(args.required("vectors"));
    const std::string word = args.required("word");
    const int k = static_cast<int>(args.integer("k", 10, 1, 10000));
    const lm::NormalizedVectors unit(loaded.vectors);
    const std::int32_t id = loaded.vectors.find(word);
    if (id >= 0) {
        printNeighbors(unit, unit.nearest(loaded.vectors.row(id), k, {id}));
        return 0;
    }
    if (!loaded.subwords)
        throw InputError("'" + word + "' is not in " + args.required("vectors") +
                         " (a fastText model saved beside it would answer for unseen words)");
    const std::vector<float> v = loaded.subwords->wordVector(word);
    std::fprintf(stderr, "'%s' is not in the vocabulary: its vector comes from its character n-grams\n", word.c_str());
    printNeighbors(unit, unit.nearest(v.data(), k));
    return 0;
}

int analogyCommand(const std::vector<std::string> &words)
{
    const Args args(words, {"vectors", "k", "questions"}, {"verbose"});
    const LoadedVectors loaded = loadVectors(args.required("vectors"));
    const lm::NormalizedVectors unit(loaded.vectors);
    if (args.has("questions")) {
        if (!args.positionals().empty())
            throw UsageError("give either --questions FILE or three words A B C");
        auto questions = lm::loadAnalogyQuestions(args.required("questions"));
        if (!questions)
            throw InputError(questions.error());
        std::string section;
        std::vector<lm::AnalogyQuestion> part;
        auto report = [&](const std::string &name, const std::vector<lm::AnalogyQuestion> &qs) {
            const lm::AnalogyScore s = lm::scoreAnalogies(unit, qs);
            std::printf("%s: %.1f%% (%d/%d, %d skipped)\n", name.c_str(), 100.0 * s.accuracy(), s.correct, s.asked, s.skipped);
        };
        for (const auto &q : questions.value()) {
            if (q.section != section && !part.empty()) {
                report(section, part);
                part.clear();
            }
            section = q.section;
            part.push_back(q);
        }
        if (!part.empty())
            report(section, part);
        if (args.has("verbose")) // one line per question: a b c expected -> answer, + or -
            for (const auto &q : questions.value()) {
                const std::int32_t a = loaded.vectors.find(q.a), b = loaded.vectors.find(q.b), c = loaded.vectors.find(q.c);
                if (a < 0 || b < 0 || c < 0 || loaded.vectors.find(q.expected) < 0)
                    continue;
                const auto best = unit.analogy(a, b, c, 1);
                const std::string answer = best.empty() ? "" : loaded.vectors.words[static_cast<std::size_t>(best[0].id)];
                std::printf("%s %s %s %s -> %s %c\n", q.a.c_str(), q.b.c_str(), q.c.c_str(), q.expected.c_str(),
                            answer.c_str(), answer == q.expected ? '+' : '-');
            }
        const lm::AnalogyScore all = lm::scoreAnalogies(unit, questions.value());
        std::printf("accuracy: %.1f%% (%d/%d, %d skipped)\n", 100.0 * all.accuracy(), all.correct, all.asked, all.skipped);
        return 0;
    }
    if (args.positionals().size() != 3)
        throw UsageError("analogy needs three words A B C (A is to B as C is to ?), e.g. man king woman");
    std::int32_t ids[3];
    for (int i = 0; i < 3; ++i) {
        ids[i] = loaded.vectors.find(args.positionals()[static_cast<std::size_t>(i)]);
        if (ids[i] < 0)
            throw InputError("'" + args.positionals()[static_cast<std::size_t>(i)] + "' is not in " + args.required("vectors"));
    }
    printNeighbors(unit, unit.analogy(ids[0], ids[1], ids[2], static_cast<int>(args.integer("k", 5, 1, 10000))));
    return 0;
}
