// lmscope-cli embed-sentences and search: an encoder's sentence vectors (inspect/sentencevectors.h),
// nearest sentences for a query, and recall@k on a query set beside TF-IDF and averaged word
// vectors.
#include "args.h"
#include "commands.h"
#include "common.h"

#include "appcore/base/corpora.h"
#include "appcore/base/datasets.h"
#include "core/threads.h"
#include "inspect/sentencevectors.h"
#include "io/atomicfile.h"
#include "io/hfimport.h"
#include "io/vecfile.h"
#include "text/specialtokens.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <sstream>

namespace {

lm::SentencePooling poolingFrom(const Args &args)
{
    const std::string pool = args.text("pool", "mean");
    if (pool != "mean" && pool != "cls")
        throw UsageError("--pool must be mean or cls, got '" + pool + "'");
    return pool == "mean" ? lm::SentencePooling::Mean : lm::SentencePooling::Cls;
}

// The sentences of a corpus spec: a built-in retrieval set's documents, or the non-empty lines of
// a text (builtin:en, a file).
std::vector<std::string> sentencesOf(const std::string &spec)
{
    if (spec.rfind("builtin:retrieval", 0) == 0) {
        auto set = loadRetrievalSpec(QString::fromStdString(spec));
        if (!set)
            throw InputError(set.error());
        return set.value().docs;
    }
    auto corpus = loadCorpusSpec(QString::fromStdString(spec));
    if (!corpus)
        throw InputError(corpus.error());
    std::vector<std::string> lines;
    std::istringstream in(corpus.value().text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos)
            lines.push_back(line);
    }
    if (lines.empty())
        throw InputError(spec + ": no sentence");
    return lines;
}

} // namespace

int embedSentencesCommand(const std::vector<std::string> &words)
{
    const Args args(words, {"model", "corpus", "out", "pool", "seq", "threads"}, {});
    if (!args.positionals().empty())
        throw UsageError("embed-sentences takes no positional argument, got '" + args.positionals().front() + "'");
    const std::string out = args.required("out");
    checkOutputPath("out", out);
    lm::setThreadCount(static_cast<int>(args.integer("threads", 1, 1, 256)));
    const lm::SentencePooling pooling = poolingFrom(args);
    lm::EncoderModel *encoder = nullptr;
    lm::Checkpoint c = loadEncoderCheckpoint(args.required("model"), encoder);
    const std::vector<std::string> sentences = sentencesOf(args.required("corpus"));
    lm::CancelToken cancel;
    InterruptScope interrupts(cancel);
    const lm::SentenceVectors v = lm::encoderSentenceVectors(*encoder, *c.tokenizer, sentences, pooling,
                                                             static_cast<int>(args.integer("seq", 128, 3, 8192)), &cancel);
    if (cancel.isCancelled()) {
        std::fprintf(stderr, "error: cancelled; nothing written\n");
        return 1;
    }
    std::ostringstream tsv;
    tsv.imbue(std::locale::classic());
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        std::string text = sentences[i];
        std::replace(text.begin(), text.end(), '\t', ' ');
        tsv << text;
        for (float x : v[i])
            tsv << '\t' << x;
        tsv << '\n';
    }
    if (auto st = lm::writeFileAtomically(out, tsv.str()); !st)
        throw std::runtime_error(st.error());
    std::printf("sentences: %zu\ndim: %zu\n", sentences.size(), v.empty() ? 0 : v.front().size());
    return 0;
}

int searchCommand(const std::vector<std::string> &words)
{
    const Args args(words, {"model", "corpus", "query", "k", "pool", "eval", "vectors", "seq", "threads"}, {});
    if (!args.positionals().empty())
        throw UsageError("search takes no positional argument, got '" + args.positionals().front() + "'");
    if (args.has("query") == args.has("eval"))
        throw UsageError("give one of --query T (with --corpus F) and --eval builtin:retrieval_en|FILE.tsv");
    lm::setThreadCount(static_cast<int>(args.integer("threads", 1, 1, 256)));
    const lm::SentencePooling pooling = poolingFrom(args);
    const int seq = static_cast<int>(args.integer("seq", 128, 3, 8192));
    lm::EncoderModel *encoder = nullptr;
    lm::Checkpoint c = loadEncoderCheckpoint(args.required("model"), encoder);
    std::optional<lm::WordVectors> vectors;
    if (args.has("vectors")) {
        auto v = lm::loadVec(args.required("vectors"));
        if (!v)
            throw InputError(v.error());
        vectors = std::move(v).value();
    }
    if (args.has("query")) {
        const int k = static_cast<int>(args.integer("k", 5, 1, 1000));
        const std::vector<std::string> sentences = sentencesOf(args.required("corpus"));
        const lm::SentenceVectors docs = lm::encoderSentenceVectors(*encoder, *c.tokenizer, sentences, pooling, seq);
        const lm::SentenceVectors q =
            lm::encoderSentenceVectors(*encoder, *c.tokenizer, {args.required("query")}, pooling, seq);
        for (const auto &[i, score] : lm::nearestSentences(docs, q.front(), k))
            std::printf("%.4f\t%s\n", score, sentences[static_cast<std::size_t>(i)].c_str());
        return 0;
    }
    if (args.has("corpus"))
        throw UsageError("--eval reads its documents from the set; leave out --corpus");
    auto set = loadRetrievalSpec(QString::fromStdString(args.required("eval")));
    if (!set)
        throw InputError(set.error());
    const lm::RetrievalSet &r = set.value();
    std::printf("%-22s %9s %9s %7s\n", "method", "recall@1", "recall@5", "mrr");
    const auto row = [](const char *name, const lm::RetrievalScores &s) {
        std::printf("%-22s %9.3f %9.3f %7.3f\n", name, s.recallAt1, s.recallAt5, s.mrr);
    };
    lm::TfIdfIndex tfidf;
    tfidf.build(r.docs);
    std::vector<std::vector<int>> tfidfRankings;
    for (const std::string &q : r.queries) {
        std::vector<int> order;
        for (const auto &[i, score] : tfidf.search(q, tfidf.size()))
            order.push_back(i);
        tfidfRankings.push_back(std::move(order));
    }
    row("tf-idf", lm::scoreRankings(tfidfRankings, r.gold));
    if (vectors)
        row("averaged word vectors", lm::scoreRankings(lm::rankAll(lm::averagedWordVectors(*vectors, r.docs),
                                                                   lm::averagedWordVectors(*vectors, r.queries)),
                                                       r.gold));
    const lm::RetrievalScores encoderScores = lm::scoreRankings(
        lm::rankAll(lm::encoderSentenceVectors(*encoder, *c.tokenizer, r.docs, pooling, seq),
                    lm::encoderSentenceVectors(*encoder, *c.tokenizer, r.queries, pooling, seq)),
        r.gold);
    row("encoder", encoderScores);
    std::printf("recall@5: %.4f\n", encoderScores.recallAt5);
    return 0;
}
