#include "inspect/memorymodel.h"

#include "models/architecture.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <sstream>

namespace lm {
namespace {

std::int64_t bytes(std::int64_t values, int b) { return values * b; }

MemoryParts scaled(MemoryParts p, int b)
{
    for (std::int64_t *v : {&p.weights, &p.gradients, &p.optimizer, &p.activations, &p.attention, &p.kvCache, &p.state,
                           &p.crossCache})
        *v = bytes(*v, b);
    return p;
}

} // namespace

Result<MemoryParts> predictMemory(const nlohmann::json &config, MemoryMode mode, std::int64_t batch, std::int64_t seqLen,
                                  int bytesPerValue)
{
    if (batch < 1 || seqLen < 1)
        return makeError("batch and sequence length must be at least 1");
    if (bytesPerValue < 1 || bytesPerValue > 8)
        return makeError("bytes per value must be between 1 and 8");
    auto arch = architectureOf(config);
    if (!arch)
        return makeError(arch.error());
    if (!arch.value()->memory)
        return makeError("no memory formula for architecture '" + arch.value()->name + "'");
    auto params = arch.value()->parameterCount(config);
    if (!params)
        return makeError(params.error());
    auto parts = arch.value()->memory(config, mode, batch, seqLen);
    if (!parts)
        return makeError(parts.error());
    MemoryParts p = parts.value();
    p.weights = params.value();
    if (mode == MemoryMode::Train) {
        p.gradients = params.value();
        p.optimizer = 2 * params.value();
    }
    return scaled(p, bytesPerValue);
}

std::vector<std::string> memoryLabArchitectures()
{
    std::vector<std::string> names;
    for (const Architecture *a : architectures())
        if (a->memory)
            names.push_back(a->name);
    return names;
}

std::vector<std::string> memoryLabDefaultArchitectures()
{
    std::vector<std::string> names;
    for (const Architecture *a : architectures())
        if (a->memory && a->memoryLabDefault)
            names.push_back(a->name);
    return names;
}

Result<nlohmann::json> labModelConfig(const LabModel &m, int seqLen)
{
    const Architecture *arch = findArchitecture(m.arch);
    if (!arch || !arch->memory)
        return makeError("the memory lab has no model '" + m.arch + "'");
    // The lab's sizes, for the options this family has: dim is also the recurrent width.
    nlohmann::json given = nlohmann::json::object();
    const auto set = [&](const char *name, nlohmann::json value) {
        if (arch->option(name))
            given[name] = std::move(value);
    };
    set("dim", m.dim);
    if (arch->traits.generation == GenerationState::RecurrentState)
        set("hidden", m.dim);
    set("layers", m.layers);
    set("heads", m.heads);
    set("max_seq", std::clamp(seqLen, 1, 1 << 16)); // learned positions: a row per position
    if (m.chunkedAttention)
        set("attention", "chunked");
    return arch->configFor(given, kLabVocabulary, std::clamp(seqLen, 1, 1 << 16));
}

std::vector<NamedConfig> referenceConfigs()
{
    std::vector<NamedConfig> all;
    for (const Architecture *a : architectures())
        all.insert(all.end(), a->referenceConfigs.begin(), a->referenceConfigs.end());
    return all;
}

std::int64_t availableMemoryBytes()
{
    std::ifstream in("/proc/meminfo");
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string key;
        long long kb = 0;
        if (fields >> key >> kb && key == "MemAvailable:")
            return kb * 1024;
    }
    return 0;
}

Status checkFitsInMemory(std::int64_t predicted, std::int64_t available)
{
    if (available > 0 && predicted > available)
        return makeError("this run needs about " + formatBytes(static_cast<double>(predicted)) + " but only " +
                         formatBytes(static_cast<double>(available)) +
                         " of memory is available; choose a shorter length, a smaller batch or a smaller model");
    return Ok{};
}

std::string formatBytes(double bytes)
{
    static const char *const units[] = {"B", "kB", "MB", "GB", "TB", "PB"};
    int u = 0;
    while (std::abs(bytes) >= 1000.0 && u < 5) {
        bytes /= 1000.0;
        ++u;
    }
    char text[32];
    if (u == 0)
        std::snprintf(text, sizeof text, "%.0f %s", bytes, units[u]);
    else
        std::snprintf(text, sizeof text, "%.3g %s", bytes, units[u]);
    return text;
}

} // namespace lm
