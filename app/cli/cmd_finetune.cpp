// lmscope-cli finetune and fill-mask: what a pre-trained encoder (ours, or a Hugging Face BERT /
// ALBERT folder) does with masked words and with labelled data (engine/train/finetune.h).
#include "args.h"
#include "commands.h"
#include "common.h"

#include "appcore/base/datasets.h"
#include "core/threads.h"
#include "io/atomicfile.h"
#include "io/checkpoint.h"
#include "io/hfimport.h"
#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"
#include "models/encoder/encoder.h"
#include "models/seq2seqmodel.h"
#include "text/specialtokens.h"
#include "train/finetune.h"
#include "train/objectives/contrastive.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>

namespace {

struct Progress final : lm::TrainingObserver {
    int every = 1;
    std::vector<lm::StepReport> all;
    void onStep(const lm::StepReport &r) override
    {
        all.push_back(r);
        if (r.step % every == 0 || r.step == r.totalSteps || r.step == 1)
            std::fprintf(stderr, "step %d/%d  loss %.4f  lr %.2g  tokens/s %.0f\n", r.step, r.totalSteps, r.loss,
                         r.learningRate, r.tokensPerSecond);
    }
};

// The line named by an error "<path>:<line>: …", or 0.
int errorLine(const std::string &error, const std::string &path)
{
    if (error.compare(0, path.size() + 1, path + ":") != 0)
        return 0;
    int line = 0;
    for (std::size_t i = path.size() + 1; i < error.size() && error[i] >= '0' && error[i] <= '9'; ++i)
        line = std::min(line * 10 + (error[i] - '0'), 1 << 24);
    return line;
}

// A user's TSV: token tags ("tokens<TAB>tags") when every line parses so, else "label<TAB>text".
// Its last 15 % (every seventh line) is held out when no --test file is given. When neither
// format fits, the error is the one of the format that read further into the file (a tag file
// with one bad line is not told that its tokens are a label with spaces).
void loadUserTask(const std::string &path, const std::optional<std::string> &testPath,
                  const std::vector<std::string> *allowed, lm::FinetuneTask &task)
{
    const QString spec = QString::fromStdString(path);
    if (auto tags = loadTokenTagSpec(spec, allowed); tags) {
        task.kind = lm::FinetuneKind::Tag;
        task.trainTags = std::move(tags).value();
    } else {
        auto set = loadLabelledSpec(spec, allowed);
        if (!set)
            throw InputError(errorLine(tags.error(), path) > errorLine(set.error(), path) ? tags.error() : set.error());
        task.kind = lm::FinetuneKind::Classify;
        task.trainTexts = set.value().examples;
        task.labels = set.value().labels;
    }
    if (testPath) {
        const QString test = QString::fromStdString(*testPath);
        const std::vector<std::string> *labels = task.kind == lm::FinetuneKind::Classify ? &task.labels : allowed;
        if (task.kind == lm::FinetuneKind::Tag) {
            auto t = loadTokenTagSpec(test, labels);
            if (!t)
                throw InputError(t.error());
            task.testTags = std::move(t).value();
        } else {
            auto t = loadLabelledSpec(test, labels);
            if (!t)
                throw InputError(t.error());
            task.testTexts = t.value().examples;
        }
    } else {
        auto split = [](auto &all, auto &test) {
            std::decay_t<decltype(all)> keep;
            for (std::size_t i = 0; i < all.size(); ++i)
                (i % 7 == 6 ? test : keep).push_back(all[i]);
            all = std::move(keep);
        };
        if (task.kind == lm::FinetuneKind::Tag)
            split(task.trainTags, task.testTags);
        else
            split(task.trainTexts, task.testTexts);
    }
    if (task.kind == lm::FinetuneKind::Tag && task.labels.empty()) {
        std::set<std::string> types;
        for (const auto *part : {&task.trainTags, &task.testTags})
            for (const auto &s : *part)
                for (const auto &t : s.tags)
                    if (t.size() > 2 && t[1] == '-')
                        types.insert(t.substr(2));
        task.labels = lm::bioTagSet({types.begin(), types.end()});
    }
}

void loadBuiltinTask(const std::string &name, const std::string &language, lm::FinetuneTask &task)
{
    const lm::BuiltinDataset *set = lm::findBuiltinDataset(name, language);
    if (!set || (set->format != lm::DatasetFormat::Classification && set->format != lm::DatasetFormat::TokenTags))
        throw UsageError("--task " + name + " --language " + language + " is not a built-in task (sentiment, intent, ner; "
                         "languages en, zh_TW) nor a .tsv file");
    task.labels = set->labels;
    for (lm::DatasetSplit split : {lm::DatasetSplit::Train, lm::DatasetSplit::Test}) {
        const QString spec = builtinDatasetSpec(*set, split);
        if (set->format == lm::DatasetFormat::TokenTags) {
            task.kind = lm::FinetuneKind::Tag;
            auto t = loadTokenTagSpec(spec);
            if (!t)
                throw InputError(t.error());
            (split == lm::DatasetSplit::Train ? task.trainTags : task.testTags) = std::move(t).value();
        } else {
            task.kind = lm::FinetuneKind::Classify;
            auto t = loadLabelledSpec(spec);
            if (!t)
                throw InputError(t.error());
            (split == lm::DatasetSplit::Train ? task.trainTexts : task.testTexts) = t.value().examples;
        }
    }
}

void printReport(const lm::FinetuneReport &r)
{
    if (r.kind == lm::FinetuneKind::Classify) {
        const int K = r.confusion.classes();
        std::printf("confusion (rows: gold, columns: predicted)\n%-14s", "");
        for (int k = 0; k < K; ++k)
            std::printf(" %10.10s", r.labels[static_cast<std::size_t>(k)].c_str());
        std::printf("\n");
        for (int g = 0; g < K; ++g) {
            std::printf("%-14.14s", r.labels[static_cast<std::size_t>(g)].c_str());
            for (int p = 0; p < K; ++p)
                std::printf(" %10lld", static_cast<long long>(r.confusion.count(g, p)));
            std::printf("\n");
        }
        for (int k = 0; k < K; ++k)
            std::printf("%-14.14s precision %.3f  recall %.3f\n", r.labels[static_cast<std::size_t>(k)].c_str(),
                        r.confusion.precision(k), r.confusion.recall(k));
        for (std::size_t i = 0; i < std::min<std::size_t>(5, r.wrong.size()); ++i)
            std::printf("wrong: %s -> %s (%.2f): %s\n", r.labels[static_cast<std::size_t>(r.wrong[i].gold)].c_str(),
                        r.labels[static_cast<std::size_t>(r.wrong[i].predicted)].c_str(), r.wrong[i].confidence,
                        r.wrong[i].text.c_str());
        return;
    }
    for (const auto &[type, s] : r.entities.perType)
        std::printf("%-6s precision %.3f  recall %.3f  f1 %.3f  (%lld gold)\n", type.c_str(), s.precision, s.recall, s.f1,
                    static_cast<long long>(s.gold));
    std::printf("precision: %.4f\nrecall: %.4f\n", r.entities.overall.precision, r.entities.overall.recall);
}

// The held-out pairs as one batch (at most 256 of them, so each must find its partner among up
// to 255 others): the in-batch accuracy and loss before or after training.
lm::ContrastiveScores scoreHeldOut(lm::EncoderModel &model, lm::ContrastivePairs &heldOut)
{
    lm::Rng rng(7);
    const lm::TokenBatch batch = heldOut.next(rng, 256);
    return lm::scoreContrastive(model, batch, heldOut.temperature());
}

// finetune --task contrastive: the encoder itself (its heads kept) trained on sentence pairs,
// every seventh pair held out.
int contrastiveFinetune(const Args &args, lm::Checkpoint &c, lm::EncoderModel &model, const lm::TrainConfig &train,
                        const std::string &out, const std::string &logPath)
{
    const std::string spec = args.text("pairs", "builtin:paraphrase_" + args.text("language", "en"));
    auto pairs = loadSentencePairsSpec(QString::fromStdString(spec));
    if (!pairs)
        throw InputError(pairs.error());
    std::vector<lm::SentencePair> trainPairs, testPairs;
    for (std::size_t i = 0; i < pairs.value().size(); ++i)
        (i % 7 == 6 ? testPairs : trainPairs).push_back(pairs.value()[i]);
    const float tau = static_cast<float>(args.real("temperature", 0.05, 1e-3, 10.0));
    auto objective = lm::makeContrastivePairs(*c.tokenizer, trainPairs, train.seq, tau);
    if (!objective)
        throw InputError(spec + ": " + objective.error());
    auto heldOut = lm::makeContrastivePairs(*c.tokenizer, testPairs, train.seq, tau);
    if (!heldOut)
        throw InputError(spec + ": too few pairs to hold some out (" + heldOut.error() + ")");
    std::fprintf(stderr, "%s: %zu training and %zu held-out sentence pairs, temperature %.3g\n", spec.c_str(),
                 trainPairs.size(), testPairs.size(), tau);
    const lm::ContrastiveScores before = scoreHeldOut(model, heldOut.value());

    lm::Trainer trainer(model, std::make_unique<lm::ContrastivePairs>(std::move(objective).value()), train);
    lm::CancelToken cancel;
    std::optional<InterruptScope> interrupts(std::in_place, cancel);
    Progress progress;
    progress.every = std::max(1, train.steps / 20);
    const auto outcome = trainer.run(cancel, &progress);
    interrupts.reset();
    if (outcome == lm::Trainer::Outcome::Cancelled) {
        std::fprintf(stderr, "error: cancelled at step %d; nothing written\n", trainer.stepsDone());
        return 1;
    }
    if (outcome == lm::Trainer::Outcome::Diverged) {
        std::fprintf(stderr, "error: %s; nothing written (try a smaller --lr)\n", trainer.divergence().c_str());
        return 1;
    }
    const lm::ContrastiveScores after = scoreHeldOut(model, heldOut.value());
    const nlohmann::json training = {{"steps", trainer.stepsDone()}, {"task", "contrastive"}, {"pairs", spec},
                                     {"base", args.required("model")}, {"pair_accuracy", after.accuracy}};
    if (auto st = lm::saveCheckpoint(out, model, *c.tokenizer, training); !st)
        throw std::runtime_error(st.error());
    if (!logPath.empty())
        writeLossLog(logPath, progress.all);
    std::printf("held-out pairs: %d (each against the other %d)\n", std::min<int>(256, int(testPairs.size())),
                std::min<int>(256, int(testPairs.size())) - 1);
    std::printf("before: pair accuracy %.4f  loss %.4f\n", before.accuracy, before.loss);
    std::printf("after:  pair accuracy %.4f  loss %.4f\n", after.accuracy, after.loss);
    std::printf("pair_accuracy: %.4f\n", after.accuracy);
    return 0;
}

} // namespace

int finetuneCommand(const std::vector<std::string> &words)
{
    const Args args(words, {"model", "task", "test", "language", "labels", "out", "steps", "batch", "seq", "lr", "seed",
                            "threads", "log", "pairs", "temperature", "beam", "max-tokens", "length-penalty",
                            "no-repeat-ngram", "eval-every", "eval-pairs"},
                    {"from-scratch"});
    if (!args.positionals().empty())
        throw UsageError("finetune takes no positional argument, got '" + args.positionals().front() + "'");
    const std::string out = args.required("out");
    checkOutputPath("out", out);
    const std::string logPath = args.text("log", "");
    if (!logPath.empty())
        checkOutputPath("log", logPath);
    lm::TrainConfig train;
    train.steps = static_cast<int>(args.integer("steps", 300, 1, 10'000'000));
    train.batch = static_cast<int>(args.integer("batch", 32, 1, 4096));
    train.seq = static_cast<int>(args.integer("seq", 64, 3, 8192));
    train.lr = static_cast<float>(args.real("lr", 1e-3, 1e-7, 10.0));
    train.seed = static_cast<std::uint64_t>(args.integer("seed", 1, 0, (1ll << 62)));
    lm::setThreadCount(static_cast<int>(args.integer("threads", 1, 1, 256)));

    const std::string modelPath = args.required("model");
    auto loaded = lm::loadModelPath(modelPath);
    if (!loaded)
        throw InputError(loaded.error());
    if (dynamic_cast<lm::Seq2SeqModel *>(loaded.value().model.get()))
        return seq2seqFinetune(args, std::move(loaded).value(), modelPath, train, out, logPath);
    for (const char *decoding : {"beam", "max-tokens", "length-penalty", "no-repeat-ngram", "eval-every", "eval-pairs"})
        if (args.has(decoding))
            throw UsageError(std::string("--") + decoding + " goes with an encoder-decoder's fine-tuning");
    lm::EncoderModel *base = nullptr;
    lm::Checkpoint c = asEncoderCheckpoint(std::move(loaded).value(), modelPath, base);
    const std::string taskName = args.required("task");
    if (taskName == "contrastive") {
        if (args.has("test") || args.has("labels") || args.has("from-scratch"))
            throw UsageError("--test, --labels and --from-scratch do not go with --task contrastive (it holds out every "
                             "seventh pair of --pairs)");
        return contrastiveFinetune(args, c, *base, train, out, logPath);
    }
    if (args.has("pairs") || args.has("temperature"))
        throw UsageError("--pairs and --temperature go with --task contrastive");
    lm::FinetuneTask task;
    const bool file = taskName.find('.') != std::string::npos || taskName.find('/') != std::string::npos;
    if (file) {
        // Labels the TSV may use: --labels a,b,c, or those of a model already fine-tuned.
        std::vector<std::string> allowed;
        if (args.has("labels")) {
            const std::string list = args.required("labels");
            for (std::size_t pos = 0; pos <= list.size();) {
                const std::size_t comma = std::min(list.find(',', pos), list.size());
                allowed.push_back(list.substr(pos, comma - pos));
                pos = comma + 1;
            }
            std::sort(allowed.begin(), allowed.end());
        } else if (base->encoderConfig().head != lm::EncoderHead::Pretrain) {
            allowed = base->encoderConfig().labels;
        }
        const auto test = args.has("test") ? std::optional<std::string>(args.required("test")) : std::nullopt;
        loadUserTask(taskName, test, allowed.empty() ? nullptr : &allowed, task);
    } else {
        if (args.has("test") || args.has("labels"))
            throw UsageError("--test and --labels go with a .tsv --task");
        loadBuiltinTask(taskName, args.text("language", "en"), task);
    }
    auto setup = lm::prepareFinetuning(*base, *c.tokenizer, task, train, args.has("from-scratch"));
    if (!setup)
        throw InputError(taskName + ": " + setup.error());
    lm::FinetuneSetup &s = setup.value();
    std::fprintf(stderr, "%s: %zu training and %zu test examples, %zu labels, %s\n", taskName.c_str(),
                 task.kind == lm::FinetuneKind::Tag ? task.trainTags.size() : task.trainTexts.size(),
                 task.kind == lm::FinetuneKind::Tag ? task.testTags.size() : task.testTexts.size(), task.labels.size(),
                 args.has("from-scratch") ? "from scratch" : "from the pre-trained encoder");

    lm::CancelToken cancel;
    std::optional<InterruptScope> interrupts(std::in_place, cancel);
    Progress progress;
    progress.every = std::max(1, train.steps / 20);
    const auto outcome = s.trainer->run(cancel, &progress);
    if (outcome == lm::Trainer::Outcome::Cancelled) {
        std::fprintf(stderr, "error: cancelled at step %d; nothing written\n", s.trainer->stepsDone());
        return 1;
    }
    if (outcome == lm::Trainer::Outcome::Diverged) {
        std::fprintf(stderr, "error: %s; nothing written (try a smaller --lr)\n", s.trainer->divergence().c_str());
        return 1;
    }
    const lm::FinetuneReport report = lm::evaluateFinetuning(*s.model, *c.tokenizer, task, train.seq, &cancel);
    interrupts.reset();
    if (cancel.isCancelled()) {
        std::fprintf(stderr, "error: cancelled while testing; nothing written\n");
        return 1;
    }
    const nlohmann::json training = {{"steps", s.trainer->stepsDone()}, {"task", taskName}, {"base", args.required("model")},
                                     {"from_scratch", args.has("from-scratch")}, {report.metricName(), report.metric()}};
    if (auto st = lm::saveCheckpoint(out, *s.model, *c.tokenizer, training); !st)
        throw std::runtime_error(st.error());
    if (!logPath.empty())
        writeLossLog(logPath, progress.all);
    printReport(report);
    std::printf("%s: %.4f\n", report.metricName(), report.metric());
    return 0;
}

int fillMaskCommand(const std::vector<std::string> &words)
{
    const Args args(words, {"model", "text", "k"}, {});
    if (!args.positionals().empty())
        throw UsageError("fill-mask takes no positional argument, got '" + args.positionals().front() + "'");
    const int k = static_cast<int>(args.integer("k", 5, 1, 100));
    lm::EncoderModel *encoder = nullptr;
    lm::Checkpoint c = loadEncoderCheckpoint(args.required("model"), encoder);
    if (!encoder->hasMaskedLmHead())
        throw InputError(args.required("model") + ": this encoder was fine-tuned for a task and has no masked-LM head");
    const lm::EncoderSpecials sp = lm::findEncoderSpecials(*c.tokenizer).value();
    const lm::EncodedPair e = lm::encodeForEncoder(*c.tokenizer, args.required("text"), std::nullopt, 0);
    if (static_cast<int>(e.ids.size()) > encoder->encoderConfig().maxSeq)
        throw InputError("--text: " + std::to_string(e.ids.size()) + " tokens exceed the position table of " +
                         args.required("model") + " (max_seq " + std::to_string(encoder->encoderConfig().maxSeq) + ")");
    std::vector<std::int32_t> masked;
    for (std::size_t t = 0; t < e.ids.size(); ++t)
        if (e.ids[t] == sp.mask)
            masked.push_back(static_cast<std::int32_t>(t));
    if (masked.empty())
        throw InputError("--text has no " + c.tokenizer->tokenText(sp.mask) + " token to fill");
    lm::NoGradScope noGrad;
    lm::EncoderInput in;
    in.time = static_cast<int>(e.ids.size());
    in.ids = e.ids;
    const lm::Tensor hidden = encoder->encode(in);
    const lm::Tensor rows = lm::embedding(lm::reshape(hidden, {in.time, hidden.size(2)}), masked,
                                          {static_cast<std::int64_t>(masked.size())});
    const lm::Tensor logits = encoder->maskedLmLogits(rows); // (M, V)
    const std::int64_t V = logits.size(1);
    for (std::size_t m = 0; m < masked.size(); ++m) {
        const float *row = logits.data() + static_cast<std::int64_t>(m) * V;
        const float mx = *std::max_element(row, row + V);
        double total = 0.0;
        for (std::int64_t v = 0; v < V; ++v)
            total += std::exp(double(row[v] - mx));
        std::vector<std::int32_t> order(static_cast<std::size_t>(V));
        for (std::int64_t v = 0; v < V; ++v)
            order[static_cast<std::size_t>(v)] = static_cast<std::int32_t>(v);
        std::partial_sort(order.begin(), order.begin() + std::min<std::int64_t>(k, V), order.end(),
                          [&](std::int32_t a, std::int32_t b) { return row[a] > row[b]; });
        std::printf("position %d\n", masked[m]);
        for (int i = 0; i < std::min<std::int64_t>(k, V); ++i) {
            const std::int32_t id = order[static_cast<std::size_t>(i)];
            std::printf("  %-16s %.4f\n", c.tokenizer->tokenText(id).c_str(), std::exp(double(row[id] - mx)) / total);
        }
    }
    return 0;
}
