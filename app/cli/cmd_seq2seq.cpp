// lmscope-cli translate / summarize and finetune on text pairs: what an encoder–decoder (ours, or
// a Hugging Face T5 / BART folder) writes for a source, and teaching it a transformation
// (engine/train/seq2seqtask.h).
#include "args.h"
#include "commands.h"
#include "common.h"

#include "appcore/base/corpora.h"
#include "appcore/base/datasets.h"
#include "core/threads.h"
#include "io/checkpoint.h"
#include "io/hfimport.h"
#include "io/atomicfile.h"
#include "train/seq2seqtask.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <cstdio>
#include <optional>

namespace {

// The decoding flags shared by translate and finetune's scoring.
lm::DecodingOptions decodingFromArgs(const Args &args, int defaultBeam)
{
    lm::DecodingOptions o;
    o.beam = static_cast<int>(args.integer("beam", defaultBeam, 1, 64));
    o.maxTokens = static_cast<int>(args.integer("max-tokens", 64, 1, 4096));
    o.lengthPenalty = static_cast<float>(args.real("length-penalty", 1.0, -10.0, 10.0));
    o.noRepeatNgram = static_cast<int>(args.integer("no-repeat-ngram", 0, 0, 16));
    o.sample = args.has("sample");
    o.temperature = static_cast<float>(args.real("temperature", 1.0, 1e-3, 100.0));
    o.topK = static_cast<int>(args.integer("top-k", 0, 0, 1 << 20));
    o.seed = static_cast<std::uint64_t>(args.integer("seed", 1, 0, (1ll << 62)));
    if (o.sample && o.beam > 1)
        throw UsageError("--sample draws one target: it does not go with --beam above 1");
    if (!o.sample && (args.has("temperature") || args.has("top-k")))
        throw UsageError("--temperature and --top-k go with --sample");
    return o;
}

lm::Seq2SeqModel &asSeq2Seq(lm::Checkpoint &c, const std::string &path)
{
    auto *m = dynamic_cast<lm::Seq2SeqModel *>(c.model.get());
    if (!m)
        throw InputError(path + ": a " + c.model->arch() +
                         " model does not write a target for a source (see `lmscope-cli archs`: the encoder-decoders)");
    return *m;
}

// SOURCE<TAB>TARGET pairs from a file or a built-in spec (base/datasets.h); throws InputError.
std::vector<lm::TextPair> readPairs(const std::string &spec)
{
    auto pairs = loadTextPairsSpec(QString::fromStdString(spec));
    if (!pairs)
        throw InputError(pairs.error());
    return std::move(pairs).value();
}

struct Progress final : lm::TrainingObserver {
    int every = 1, evalEvery = 0;
    std::vector<lm::StepReport> all;
    std::function<double()> evaluate; // chrF on a slice of the held-out pairs
    std::vector<std::pair<int, double>> curve;
    void onStep(const lm::StepReport &r) override
    {
        all.push_back(r);
        if (r.step % every == 0 || r.step == r.totalSteps || r.step == 1)
            std::fprintf(stderr, "step %d/%d  loss %.4f  lr %.2g  tokens/s %.0f\n", r.step, r.totalSteps, r.loss,
                         r.learningRate, r.tokensPerSecond);
        if (evalEvery > 0 && (r.step % evalEvery == 0 || r.step == r.totalSteps)) {
            curve.emplace_back(r.step, evaluate());
            std::fprintf(stderr, "step %d  held-out chrF %.1f\n", r.step, curve.back().second);
        }
    }
};

} // namespace

int seq2seqFinetune(const Args &args, lm::Checkpoint c, const std::string &path, lm::TrainConfig train,
                    const std::string &out, const std::string &logPath)
{
    lm::Seq2SeqModel &base = asSeq2Seq(c, path);
    (void)base;
    const std::string taskName = args.required("task");
    lm::Seq2SeqTask task;
    const bool builtinTask =
        taskName == "translate-en-zh" || taskName == "translate-zh-en" || taskName == "summarize";
    if (builtinTask && args.has("test"))
        throw UsageError("--test goes with a .tsv --task");
    if (builtinTask) {
        // summarize: the built-in passages of --language (en or zh_TW).
        std::string name = taskName;
        if (taskName == "summarize") {
            const std::string language = args.text("language", "en");
            if (language != "en" && language != "zh_TW")
                throw UsageError("--language " + language + ": the built-in summaries are en or zh_TW");
            name = "summarize-" + language;
        }
        auto builtin = builtinSeq2SeqTask(QString::fromStdString(name));
        if (!builtin)
            throw InputError(builtin.error());
        task = std::move(builtin).value();
    } else if (taskName.find('.') != std::string::npos || taskName.find('/') != std::string::npos) {
        std::vector<lm::TextPair> all = readPairs(taskName);
        if (args.has("test")) {
            task.train = std::move(all);
            task.test = readPairs(args.required("test"));
        } else {
            for (std::size_t i = 0; i < all.size(); ++i)
                (i % 7 == 6 ? task.test : task.train).push_back(std::move(all[i]));
        }
    } else {
        throw UsageError("--task " + taskName + " is not a task for an encoder-decoder (translate-en-zh, "
                         "translate-zh-en, summarize, or a SOURCE<TAB>TARGET .tsv)");
    }
    if (args.has("language") && taskName != "summarize")
        throw UsageError("--language goes with --task summarize or an encoder's fine-tuning");
    for (const char *encoderOnly : {"labels", "pairs"})
        if (args.has(encoderOnly))
            throw UsageError(std::string("--") + encoderOnly + " goes with an encoder's fine-tuning");
    const lm::DecodingOptions beam = decodingFromArgs(args, 4);
    auto setup = lm::prepareSeq2SeqFinetuning(*c.model, *c.tokenizer, task, train, args.has("from-scratch"));
    if (!setup)
        throw InputError(taskName + ": " + setup.error());
    lm::Seq2SeqFinetuneSetup &s = setup.value();
    std::fprintf(stderr, "%s: %zu training and %zu test pairs, %s\n", taskName.c_str(), task.train.size(),
                 task.test.size(), args.has("from-scratch") ? "from scratch" : "from the pre-trained model");

    lm::CancelToken cancel;
    std::optional<InterruptScope> interrupts(std::in_place, cancel);
    lm::DecodingOptions greedy = beam;
    greedy.beam = 1;
    greedy.sample = false;
    Progress progress;
    progress.every = std::max(1, train.steps / 20);
    progress.evalEvery = static_cast<int>(args.integer("eval-every", std::max(1, train.steps / 10), 0, 10'000'000));
    const std::size_t evalPairs = static_cast<std::size_t>(args.integer("eval-pairs", 100, 1, 1 << 20));
    progress.evaluate = [&] {
        return lm::scoreSeq2Seq(*s.model, *c.tokenizer, s.ids, task.test, greedy, train.seq - 2, evalPairs, &cancel).chrF;
    };
    const auto outcome = s.trainer->run(cancel, &progress);
    if (outcome == lm::Trainer::Outcome::Cancelled) {
        std::fprintf(stderr, "error: cancelled at step %d; nothing written\n", s.trainer->stepsDone());
        return 1;
    }
    if (outcome == lm::Trainer::Outcome::Diverged) {
        std::fprintf(stderr, "error: %s; nothing written (try a smaller --lr)\n", s.trainer->divergence().c_str());
        return 1;
    }
    const lm::Seq2SeqScores g = lm::scoreSeq2Seq(*s.model, *c.tokenizer, s.ids, task.test, greedy, train.seq - 2, 0, &cancel);
    const lm::Seq2SeqScores b = lm::scoreSeq2Seq(*s.model, *c.tokenizer, s.ids, task.test, beam, train.seq - 2, 0, &cancel);
    interrupts.reset();
    if (cancel.isCancelled()) {
        std::fprintf(stderr, "error: cancelled while testing; nothing written\n");
        return 1;
    }
    const nlohmann::json training = {{"steps", s.trainer->stepsDone()}, {"task", taskName}, {"seed", train.seed},
                                     {"from_scratch", args.has("from-scratch")}};
    if (auto st = lm::saveCheckpoint(out, *s.model, *c.tokenizer, training); !st)
        throw std::runtime_error(st.error());
    if (!logPath.empty())
        writeLossLog(logPath, progress.all);
    for (std::size_t i = 0; i < std::min<std::size_t>(3, task.test.size()); ++i)
        std::printf("source: %s\nreference: %s\ngreedy: %s\nbeam %d: %s\n\n", task.test[i].source.c_str(),
                    task.test[i].target.c_str(), g.written[i].c_str(), beam.beam, b.written[i].c_str());
    std::printf("greedy chrF: %.2f\ngreedy BLEU: %.2f\nbeam %d BLEU: %.2f\nbeam %d chrF: %.2f\n", g.chrF, g.bleu,
                beam.beam, b.bleu, beam.beam, b.chrF);
    return 0;
}

int translateCommand(const std::vector<std::string> &words)
{
    const Args args(words, {"model", "text", "beam", "max-tokens", "length-penalty", "no-repeat-ngram", "temperature",
                            "top-k", "seed", "threads", "steps-out"},
                    {"sample"});
    if (!args.positionals().empty())
        throw UsageError("translate takes no positional argument, got '" + args.positionals().front() + "'");
    const std::string path = args.required("model");
    const std::string text = args.required("text");
    if (text.empty())
        throw UsageError("--text is empty: there is no source to write a target for");
    const std::string stepsOut = args.text("steps-out", "");
    if (!stepsOut.empty())
        checkOutputPath("steps-out", stepsOut);
    lm::DecodingOptions options = decodingFromArgs(args, 1);
    options.recordSteps = !stepsOut.empty();
    lm::setThreadCount(static_cast<int>(args.integer("threads", 1, 1, 256)));
    auto loaded = lm::loadModelPath(path);
    if (!loaded)
        throw InputError(loaded.error());
    lm::Checkpoint &c = loaded.value();
    lm::Seq2SeqModel &model = asSeq2Seq(c, path);
    auto ids = lm::seq2seqIdsOf(model, *c.tokenizer);
    if (!ids)
        throw InputError(path + ": " + ids.error());
    std::vector<std::int32_t> source;
    try {
        source = c.tokenizer->encode(text);
    } catch (const std::invalid_argument &e) {
        throw InputError(std::string("--text: ") + e.what());
    }
    if (source.empty())
        throw InputError("--text gives no tokens");
    options.vocabLimit = c.tokenizer->vocabSize(); // a padded Hugging Face vocabulary: only ids with text
    const lm::DecodingResult r = lm::decodeSequence(model, source, ids.value(), options);
    if (!stepsOut.empty()) {
        nlohmann::json steps = nlohmann::json::array();
        auto tokenTexts = [&](const std::vector<std::int32_t> &t) {
            nlohmann::json a = nlohmann::json::array();
            for (std::int32_t id : t)
                a.push_back(c.tokenizer->tokenText(id));
            return a;
        };
        for (const lm::DecodingStep &s : r.steps) {
            nlohmann::json beams = nlohmann::json::array();
            for (const lm::Hypothesis &h : s.beams)
                beams.push_back({{"tokens", tokenTexts(h.tokens)}, {"log_prob", h.logProb}, {"score", h.score},
                                 {"ended", h.ended}, {"parent", h.parent}});
            steps.push_back({{"chosen", c.tokenizer->tokenText(s.chosen)}, {"beams", beams}, {"cross", s.cross}});
        }
        const nlohmann::json doc = {{"source", tokenTexts(r.source)}, {"steps", steps}};
        if (auto st = lm::writeFileAtomically(stepsOut, doc.dump(1)); !st)
            throw std::runtime_error(st.error());
    }
    std::printf("%s\n", c.tokenizer->decode(r.tokens).c_str());
    std::fprintf(stderr, "%zu tokens, log-probability %.3f%s\n", r.tokens.size(), r.logProb,
                 r.ended ? "" : " (cut at --max-tokens)");
    return 0;
}
