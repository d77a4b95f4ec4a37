// lmscope-cli generate: text from a trained model, streamed token by token.
#include "args.h"
#include "commands.h"
#include "common.h"

#include "core/threads.h"
#include "io/checkpoint.h"
#include "io/hfimport.h"
#include "models/sampling.h"

#include <cstdio>

int generateCommand(const std::vector<std::string> &words)
{
    const Args args(words, {"model", "prompt", "max-new", "temperature", "top-k", "top-p", "seed", "threads"}, {});
    lm::setThreadCount(static_cast<int>(args.integer("threads", 1, 1, 256)));
    if (!args.positionals().empty())
        throw UsageError("unexpected argument '" + args.positionals().front() + "'");
    const std::string path = args.required("model");
    const std::string prompt = args.required("prompt");
    lm::SamplingOptions o;
    const int maxNew = static_cast<int>(args.integer("max-new", 200, 0, 1'000'000));
    o.temperature = static_cast<float>(args.real("temperature", 0.8, 0.0, 100.0));
    o.topK = static_cast<int>(args.integer("top-k", 0, 0, 1 << 24));
    o.topP = static_cast<float>(args.real("top-p", 1.0, 1e-6, 1.0));
    o.seed = static_cast<std::uint64_t>(args.integer("seed", 1, 0, 1ll << 62));
    auto ckpt = lm::loadModelPath(path);
    if (!ckpt)
        throw InputError(ckpt.error());
    lm::Checkpoint &c = ckpt.value();
    const std::vector<std::int32_t> promptIds = c.tokenizer->encode(prompt);
    std::fputs(prompt.c_str(), stdout);
    // Decode the whole continuation each time and print what is new, so multi-byte characters
    // split across byte tokens come out whole.
    std::vector<std::int32_t> generated;
    std::string shown;
    lm::CancelToken cancel;
    InterruptScope interrupts(cancel);
    lm::generateTokens(*c.model, promptIds, maxNew, o, [&](std::int32_t id) {
        generated.push_back(id);
        const std::string text = c.tokenizer->decode(generated);
        if (text.size() > shown.size() && text.compare(0, shown.size(), shown) == 0) {
            std::fputs(text.c_str() + shown.size(), stdout);
            std::fflush(stdout);
            shown = text;
        }
        return !cancel.isCancelled();
    });
    const std::string text = c.tokenizer->decode(generated);
    if (text.size() > shown.size())
        std::fputs(text.c_str() + shown.size(), stdout);
    std::fputs("\n", stdout);
    return 0;
}
