// lmscope-cli train: the same training path as the GUI (engine/train/setup.h), headless.
#include "args.h"
#include "commands.h"
#include "common.h"

#include "appcore/corpora.h"
#include "core/threads.h"
#include "io/atomicfile.h"
#include "io/checkpoint.h"
#include "models/registry.h"
#include "train/setup.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <filesystem>
#include <sstream>

namespace {

// The architectures DESIGN.md names; those not in availableArchitectures() come with later work.
const char *const kPlannedArchs[] = {"rnn", "lstm", "gru", "gpt", "llama", "bert", "albert",
                                     "t5", "bart", "rwkv", "mamba", "jamba"};

struct Progress final : lm::TrainingObserver {
    int every = 1;
    std::vector<lm::StepReport> all;
    void onStep(const lm::StepReport &r) override
    {
        all.push_back(r);
        if (r.step % every == 0 || r.step == r.totalSteps || r.step == 1)
            std::fprintf(stderr, "step %d/%d  loss %.4f  grad norm %.3f  lr %.2g  tokens/s %.0f\n", r.step, r.totalSteps,
                         r.loss, r.gradNorm, r.learningRate, r.tokensPerSecond);
    }
};

} // namespace

int trainCommand(const std::vector<std::string> &words)
{
    const Args args(words,
                    {"arch", "corpus", "out", "tokenizer", "vocab-size", "dim", "hidden", "context", "layers", "heads",
                     "kv-heads", "seq", "batch", "steps", "lr", "seed", "threads", "log", "clip"},
                    {"bidirectional", "tbptt", "chunked-attention"});
    if (!args.positionals().empty())
        throw UsageError("train takes no positional argument, got '" + args.positionals().front() + "'");
    const std::string arch = args.required("arch");
    const auto available = lm::availableArchitectures();
    if (std::find(available.begin(), available.end(), arch) == available.end()) {
        const bool planned = std::find(std::begin(kPlannedArchs), std::end(kPlannedArchs), arch) != std::end(kPlannedArchs);
        std::string list;
        for (const auto &a : available)
            list += (list.empty() ? "" : ", ") + a;
        throw UsageError("--arch " + arch + (planned ? " is not in this build yet" : " is not an architecture") +
                         " (available: " + list + ")");
    }
    const bool recurrent = arch == "rnn" || arch == "lstm" || arch == "gru";
    const bool transformer = arch == "gpt" || arch == "llama";
    for (const char *other : {"bidirectional", "tbptt"})
        if (args.has(other) && !recurrent)
            throw UsageError(std::string("--") + other + " does not apply to --arch " + arch);
    if (args.has("layers") && !recurrent && !transformer)
        throw UsageError("--layers does not apply to --arch " + arch);
    for (const char *other : {"heads", "kv-heads", "chunked-attention"})
        if (args.has(other) && !transformer)
            throw UsageError(std::string("--") + other + " does not apply to --arch " + arch);
    if (args.has("context") && arch != "mlp")
        throw UsageError("--context applies to --arch mlp; this model reads the whole window (--seq)");
    const std::string corpusSpec = args.required("corpus");
    const std::string out = args.required("out");
    const std::string logPath = args.text("log", "");
    checkOutputPath("out", out);
    if (!logPath.empty())
        checkOutputPath("log", logPath);

    lm::ModelChoice model;
    model.arch = arch;
    model.tokenizer = args.text("tokenizer", "char");
    if (model.tokenizer != "byte" && model.tokenizer != "char" && model.tokenizer != "word" && model.tokenizer != "bpe")
        throw UsageError("--tokenizer must be byte, char, word or bpe, got '" + model.tokenizer + "'");
    model.vocabSize = static_cast<int>(args.integer("vocab-size", 0, 0, 1 << 20));
    model.dim = static_cast<int>(args.integer("dim", transformer ? 128 : 32, 1, 4096));
    model.hidden = static_cast<int>(args.integer("hidden", transformer ? 0 : 128, 0, 16384));
    model.context = static_cast<int>(args.integer("context", 5, 1, 64));
    model.layers = static_cast<int>(args.integer("layers", transformer ? 4 : 1, 1, 64));
    model.heads = static_cast<int>(args.integer("heads", 4, 1, 256));
    model.kvHeads = static_cast<int>(args.integer("kv-heads", 0, 0, 256));
    model.chunkedAttention = args.has("chunked-attention");
    model.bidirectional = args.has("bidirectional");
    lm::TrainConfig train;
    train.seq = static_cast<int>(args.integer("seq", 32, 1, 8192));
    train.batch = static_cast<int>(args.integer("batch", 32, 1, 4096));
    train.steps = static_cast<int>(args.integer("steps", 1000, 1, 10'000'000));
    train.lr = static_cast<float>(args.real("lr", 3e-3, 1e-7, 10.0));
    train.seed = static_cast<std::uint64_t>(args.integer("seed", 1, 0, (1ll << 62)));
    train.clipNorm = static_cast<float>(args.real("clip", 1.0, 0.0, 1e6));
    train.sequential = args.has("tbptt");
    lm::setThreadCount(static_cast<int>(args.integer("threads", 1, 1, 256)));

    auto corpus = loadCorpusSpec(QString::fromStdString(corpusSpec));
    if (!corpus)
        throw InputError(corpus.error());
    auto setup = lm::prepareTraining(corpus.value().text, model, train);
    if (!setup)
        throw InputError(setup.error());
    lm::TrainingSetup &s = setup.value();
    std::fprintf(stderr, "%s: %lld tokens, vocabulary %d (%s), %lld parameters\n", corpus.value().name.c_str(),
                 static_cast<long long>(s.corpusTokens), s.tokenizer->vocabSize(), s.tokenizer->kind().c_str(),
                 static_cast<long long>(s.model->parameterCount()));

    lm::CancelToken cancel;
    std::optional<InterruptScope> interrupts(std::in_place, cancel);
    Progress progress;
    progress.every = std::max(1, train.steps / 20);
    const auto outcome = s.trainer->run(cancel, &progress);
    interrupts.reset();
    if (outcome == lm::Trainer::Outcome::Cancelled) {
        std::fprintf(stderr, "error: cancelled at step %d; nothing written\n", s.trainer->stepsDone());
        return 1;
    }
    if (outcome == lm::Trainer::Outcome::Diverged) {
        std::fprintf(stderr, "error: %s; nothing written (try a smaller --lr)\n", s.trainer->divergence().c_str());
        return 1;
    }

    const nlohmann::json training = {{"steps", s.trainer->stepsDone()}, {"corpus", corpusSpec}, {"seed", train.seed}};
    if (auto st = lm::saveCheckpoint(out, *s.model, *s.tokenizer, training); !st)
        throw std::runtime_error(st.error());
    if (!logPath.empty()) {
        std::ostringstream csv;
        csv.imbue(std::locale::classic());
        csv << "step,loss,grad_norm,lr,tokens_per_s\n";
        for (const auto &r : progress.all)
            csv << r.step << ',' << r.loss << ',' << r.gradNorm << ',' << r.learningRate << ',' << r.tokensPerSecond << '\n';
        if (auto st = lm::writeFileAtomically(logPath, csv.str()); !st)
            throw std::runtime_error(st.error());
    }
    const auto &h = progress.all;
    const std::size_t tail = std::min<std::size_t>(10, h.size());
    double lossMean = 0.0;
    for (std::size_t i = h.size() - tail; i < h.size(); ++i)
        lossMean += h[i].loss / static_cast<double>(tail);
    std::printf("loss: %.4f\ntokens/s: %.0f\n", lossMean, h.back().tokensPerSecond);
    return 0;
}
