// lmscope-cli train: the same training path as the GUI (engine/train/setup.h), headless.
#include "archoptions.h"
#include "args.h"
#include "commands.h"
#include "common.h"

#include "appcore/base/corpora.h"
#include "core/threads.h"
#include "io/atomicfile.h"
#include "io/checkpoint.h"
#include "models/encoder/encoder.h"
#include "train/objectives/pretraining.h"
#include "train/setup.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>
#include <filesystem>
#include <sstream>

namespace {

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
    std::set<std::string> valueOptions{"arch", "corpus", "out", "tokenizer", "vocab-size", "seq", "batch", "steps",
                                       "lr", "seed", "threads", "log", "clip", "objective"};
    valueOptions.merge(archValueOptions());
    std::set<std::string> switches{"tbptt", "chunked-attention"};
    switches.merge(archSwitches());
    const Args args(words, valueOptions, switches);
    if (!args.positionals().empty())
        throw UsageError("train takes no positional argument, got '" + args.positionals().front() + "'");
    const std::string archName = args.required("arch");
    auto found = lm::architectureOf({{"arch", archName}});
    if (!found)
        throw UsageError("--arch: " + found.error());
    const lm::Architecture &arch = *found.value();
    if (args.has("tbptt") && !arch.traits.carriesState)
        throw UsageError("--tbptt does not apply to --arch " + archName + ": it carries no state between batches");
    nlohmann::json options = archOptionsFromArgs(args, arch);
    if (args.has("chunked-attention")) { // the short form of --attention chunked
        if (!arch.option("attention"))
            throw UsageError("--chunked-attention does not apply to --arch " + archName);
        options["attention"] = "chunked";
    }
    const std::string corpusSpec = args.required("corpus");
    const std::string out = args.required("out");
    const std::string logPath = args.text("log", "");
    checkOutputPath("out", out);
    if (!logPath.empty())
        checkOutputPath("log", logPath);

    lm::ModelChoice model;
    model.arch = archName;
    // Encoders need [CLS] [SEP] [MASK] (WordPiece unless told otherwise); encoder–decoders their
    // sentinels or mask, which the unigram tokenizer reserves.
    model.tokenizer = args.text("tokenizer", arch.traits.direction == lm::Direction::Bidirectional     ? "wordpiece"
                                                : arch.traits.direction == lm::Direction::EncoderDecoder ? "unigram"
                                                                                                       : "char");
    const std::set<std::string> tokenizers{"byte", "char", "word", "bpe", "wordpiece", "unigram"};
    if (!tokenizers.count(model.tokenizer))
        throw UsageError("--tokenizer must be byte, char, word, bpe, wordpiece or unigram, got '" + model.tokenizer + "'");
    if (args.has("objective")) {
        const std::string list = args.required("objective");
        for (std::size_t pos = 0; pos <= list.size();) {
            const std::size_t comma = std::min(list.find(',', pos), list.size());
            model.objectives.push_back(list.substr(pos, comma - pos));
            pos = comma + 1;
        }
    }
    model.vocabSize = static_cast<int>(args.integer("vocab-size", 0, 0, 1 << 20));
    model.options = options;
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
    // Encoder pre-training: how the heads do on fresh batches of the same objective (512 rows: a
    // pair accuracy within about ±0.02).
    constexpr int kProbeRows = 512;
    if (auto *encoder = dynamic_cast<lm::EncoderModel *>(s.model.get()); encoder && s.probe) {
        lm::Rng rng(train.seed + 1);
        const lm::PretrainingScores scores = lm::scorePretraining(*encoder, s.probe->next(rng, kProbeRows));
        std::printf("mlm accuracy: %.4f\n", scores.maskedAccuracy);
        if (auto *p = dynamic_cast<const lm::EncoderPretraining *>(s.probe.get()); p && p->task() != lm::PairTask::None) {
            const bool nsp = p->task() == lm::PairTask::NextSentence;
            std::printf("%s accuracy: %.4f\n", nsp ? "nsp" : "sop", scores.pairAccuracy);
            // The same head on the other task's pairs: topic alone gives chance on swapped pairs.
            if (s.crossProbe) {
                lm::Rng crossRng(train.seed + 2);
                std::printf("%s head on %s pairs: %.4f\n", nsp ? "nsp" : "sop", nsp ? "sop" : "nsp",
                            lm::scorePretraining(*encoder, s.crossProbe->next(crossRng, kProbeRows)).pairAccuracy);
            }
        }
    }
    const auto &h = progress.all;
    const std::size_t tail = std::min<std::size_t>(10, h.size());
    double lossMean = 0.0;
    for (std::size_t i = h.size() - tail; i < h.size(); ++i)
        lossMean += h[i].loss / static_cast<double>(tail);
    std::printf("loss: %.4f\ntokens/s: %.0f\n", lossMean, h.back().tokensPerSecond);
    return 0;
}
