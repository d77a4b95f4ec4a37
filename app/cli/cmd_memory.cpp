// lmscope-cli memory: measured and predicted memory (and time) versus sequence length.
#include "args.h"
#include "commands.h"
#include "common.h"

#include "inspect/memorylab.h"
#include "io/atomicfile.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace {

std::vector<std::string> splitList(const std::string &text)
{
    std::vector<std::string> items;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty())
            items.push_back(item);
    return items;
}

std::vector<int> parseLengths(const std::string &text)
{
    std::vector<int> lengths;
    for (const std::string &item : splitList(text)) {
        std::size_t used = 0;
        long long v = -1;
        try {
            v = std::stoll(item, &used);
        } catch (const std::exception &) {
            used = 0;
        }
        if (used != item.size() || v < 1 || v > (1 << 20))
            throw UsageError("--seq-lens: '" + item + "' is not a length between 1 and 1048576");
        lengths.push_back(static_cast<int>(v));
    }
    if (lengths.empty())
        throw UsageError("--seq-lens needs at least one length, e.g. 256,512,1024");
    return lengths;
}

} // namespace

lm::MemoryLabRequest memoryRequestFromArgs(const Args &args)
{
    lm::MemoryLabRequest request;
    request.archs = splitList(args.required("arch"));
    request.seqLens = parseLengths(args.required("seq-lens"));
    request.modes.clear();
    for (const std::string &name : splitList(args.text("mode", "train"))) {
        const auto mode = lm::memoryModeFromName(name);
        if (!mode)
            throw UsageError("--mode: '" + name + "' is not train, prefill or infer");
        request.modes.push_back(*mode);
    }
    request.batch = static_cast<int>(args.integer("batch", 2, 1, 4096));
    request.model.dim = static_cast<int>(args.integer("dim", 64, 1, 4096));
    request.model.layers = static_cast<int>(args.integer("layers", 2, 1, 64));
    request.model.heads = static_cast<int>(args.integer("heads", 4, 1, 256));
    request.model.chunkedAttention = args.has("chunked-attention");
    if (args.has("memory-limit")) // in MB: try the guard without filling the machine
        request.memoryLimit = args.integer("memory-limit", 0, 1, 1ll << 40) * 1'000'000;
    return request;
}

int memoryCommand(const std::vector<std::string> &words)
{
    const Args args(words, {"arch", "seq-lens", "mode", "batch", "dim", "layers", "heads", "csv", "memory-limit"},
                    {"chunked-attention"});
    if (!args.positionals().empty())
        throw UsageError("unexpected argument '" + args.positionals().front() + "'");
    const lm::MemoryLabRequest request = memoryRequestFromArgs(args);
    const std::string csv = args.required("csv");
    checkOutputPath("csv", csv);

    lm::CancelToken cancel;
    InterruptScope interrupts(cancel);
    std::fprintf(stderr, "%-6s %-8s %7s %5s %14s %14s %7s %9s\n", "arch", "mode", "T", "batch", "measured", "predicted",
                 "error", "seconds");
    auto rows = lm::runMemoryLab(
        request,
        [](const lm::MemoryLabRow &r) {
            const double predicted = static_cast<double>(r.predicted.run());
            const double error = r.measured.runBytes > 0 ? predicted / static_cast<double>(r.measured.runBytes) - 1.0 : 0.0;
            std::fprintf(stderr, "%-6s %-8s %7d %5d %14lld %14lld %+6.1f%% %9.3f\n", r.arch.c_str(),
                         lm::memoryModeName(r.mode).c_str(), r.seqLen, r.batch,
                         static_cast<long long>(r.measured.runBytes), static_cast<long long>(r.predicted.run()),
                         100.0 * error, r.measured.seconds);
        },
        &cancel);
    if (!rows) {
        if (rows.error() == "cancelled")
            throw std::runtime_error("cancelled; " + csv + " was not written");
        throw InputError(rows.error());
    }
    for (const std::string &arch : request.archs)
        for (lm::MemoryMode mode : request.modes) {
            const double slope = lm::memoryLabSlope(rows.value(), arch, mode);
            if (std::isfinite(slope))
                std::printf("slope %s %s: %.2f (predicted %.2f)\n", arch.c_str(), lm::memoryModeName(mode).c_str(),
                            slope, lm::memoryLabSlope(rows.value(), arch, mode, true));
        }
    if (auto written = lm::writeFileAtomically(csv, lm::memoryLabCsv(rows.value())); !written)
        throw std::runtime_error(written.error());
    return 0;
}
