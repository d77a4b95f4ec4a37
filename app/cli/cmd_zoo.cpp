// lmscope-cli zoo: every family of the table at about the same parameter budget on the same text,
// measured side by side (inspect/zoo.h), as a CSV and a table on stdout.
#include "args.h"
#include "commands.h"
#include "common.h"

#include "appcore/base/corpora.h"
#include "core/threads.h"
#include "inspect/zoo.h"
#include "io/atomicfile.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace {

std::vector<std::string> splitCommas(const std::string &text)
{
    std::vector<std::string> parts;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty())
            parts.push_back(part);
    return parts;
}

std::string megabytes(std::int64_t bytes)
{
    if (bytes < 0)
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", bytes / 1048576.0);
    return text;
}

std::string fixed(double v, int digits)
{
    if (!std::isfinite(v))
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", digits, v);
    return text;
}

} // namespace

int zooCommand(const std::vector<std::string> &words)
{
    const Args args(words, {"corpus", "budget-params", "steps", "layers", "batch", "seq", "families", "out", "threads", "seed"},
                    {"no-translation"});
    if (!args.positionals().empty())
        throw UsageError("unexpected argument '" + args.positionals().front() + "'");
    const std::string out = args.required("out");
    checkOutputPath("out", out);
    lm::ZooRequest request;
    request.budgetParams = args.integer("budget-params", request.budgetParams, 1000, 100'000'000);
    request.steps = static_cast<int>(args.integer("steps", request.steps, 1, 1'000'000));
    request.layers = static_cast<int>(args.integer("layers", request.layers, 1, 64));
    request.batch = static_cast<int>(args.integer("batch", request.batch, 1, 1024));
    request.seq = static_cast<int>(args.integer("seq", request.seq, 8, 4096));
    request.seed = static_cast<std::uint64_t>(args.integer("seed", 1, 0, 1ll << 62));
    if (args.has("families"))
        request.families = splitCommas(args.required("families"));
    lm::setThreadCount(static_cast<int>(args.integer("threads", 2, 1, 256)));

    const std::string corpusSpec = args.text("corpus", "builtin:en");
    auto corpus = loadCorpusSpec(QString::fromStdString(corpusSpec));
    if (!corpus)
        throw InputError(corpus.error());
    request.text = corpus.value().text;
    if (!args.has("no-translation")) {
        // The encoder–decoders learn the built-in English → Chinese pairs, whatever the corpus.
        auto task = builtinSeq2SeqTask(QStringLiteral("translate-en-zh"));
        if (!task)
            throw InputError(task.error());
        request.translationTrain = task.value().train;
        request.translationTest = task.value().test;
    }

    lm::CancelToken cancel;
    InterruptScope interrupts(cancel);
    auto rows = lm::runZoo(request, [](const std::string &line) {
        std::fprintf(stderr, "%s\n", line.c_str());
        std::fflush(stderr);
    }, &cancel);
    if (!rows) {
        if (rows.error() == "cancelled")
            throw std::runtime_error("cancelled; nothing written");
        throw InputError(rows.error());
    }
    if (auto st = lm::writeFileAtomically(out, lm::zooCsv(request, rows.value())); !st)
        throw std::runtime_error(st.error());

    std::printf("%-7s %-11s %6s %8s  %-16s %7s %6s %6s %9s", "family", "objective", "width", "params", "quality", "loss",
                "ppl", "acc/chrF", "tok/s");
    for (int T : request.trainLengths)
        std::printf(" %8s", ("trainMB@" + std::to_string(T)).c_str());
    for (int T : request.generationLengths)
        std::printf(" %8s %8s", ("genMB@" + std::to_string(T)).c_str(), ("ms/tok@" + std::to_string(T)).c_str());
    std::printf("\n");
    for (const lm::ZooRow &r : rows.value()) {
        const double accuracyOrChrF = std::isfinite(r.mlmAccuracy) ? r.mlmAccuracy : r.chrF;
        std::printf("%-7s %-11s %6d %8lld  %-16s %7s %6s %8s %9.0f", r.family.c_str(), r.objective.c_str(), r.dim,
                    static_cast<long long>(r.params), r.quality.c_str(), fixed(r.heldOutLoss, 3).c_str(),
                    fixed(r.perplexity, 2).c_str(), fixed(accuracyOrChrF, 3).c_str(), r.tokensPerSecond);
        for (std::int64_t b : r.trainBytes)
            std::printf(" %8s", megabytes(b).c_str());
        for (std::size_t i = 0; i < r.generationBytes.size(); ++i)
            std::printf(" %8s %8s", megabytes(r.generationBytes[i]).c_str(), fixed(r.generationMsPerToken[i], 3).c_str());
        std::printf("\n");
    }
    std::printf("wrote %s\n", out.c_str());
    return 0;
}
