#include "inspect/memorylab.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace lm {

Result<std::vector<MemoryLabRow>> runMemoryLab(const MemoryLabRequest &request,
                                               const std::function<void(const MemoryLabRow &)> &onRow,
                                               const CancelToken *cancel)
{
    const std::vector<std::string> known = memoryLabArchitectures();
    if (request.archs.empty() || request.modes.empty() || request.seqLens.empty())
        return makeError("choose at least one architecture, one mode and one length");
    for (const std::string &arch : request.archs)
        if (std::find(known.begin(), known.end(), arch) == known.end()) {
            std::string list;
            for (const std::string &a : known)
                list += (list.empty() ? "" : ", ") + a;
            return makeError("the memory lab has no architecture '" + arch + "' (available: " + list + ")");
        }
    // Infer decodes token by token: only families that generate (the table's traits: decoders and
    // encoder–decoders) have it.
    if (std::find(request.modes.begin(), request.modes.end(), MemoryMode::Infer) != request.modes.end())
        for (const std::string &arch : request.archs)
            if (const Architecture *a = findArchitecture(arch); a && a->traits.direction == Direction::Bidirectional)
                return makeError(arch + " does not generate text token by token, so it has no infer mode");
    for (int T : request.seqLens)
        if (T < 1 || T > (1 << 20))
            return makeError("sequence length " + std::to_string(T) + " is outside 1..1048576");
    if (request.batch < 1 || request.batch > 4096)
        return makeError("batch " + std::to_string(request.batch) + " is outside 1..4096");
    if (request.model.dim < 1 || request.model.layers < 1 || request.model.heads < 1 ||
        request.model.dim % request.model.heads != 0)
        return makeError("dim must be a positive multiple of heads, and layers at least 1");

    struct Point {
        std::string arch;
        MemoryMode mode;
        int T;
        int batch;
        nlohmann::json config;
        MemoryParts predicted;
    };
    std::vector<Point> points;
    const std::int64_t limit = request.memoryLimit >= 0 ? request.memoryLimit : availableMemoryBytes();
    for (const std::string &arch : request.archs)
        for (MemoryMode mode : request.modes)
            for (int T : request.seqLens) {
                LabModel m = request.model;
                m.arch = arch;
                auto config = labModelConfig(m, T);
                if (!config)
                    return makeError(config.error());
                Point p{arch, mode, T, request.batch, config.value(), {}};
                auto parts = predictMemory(p.config, mode, p.batch, T);
                if (!parts)
                    return makeError(parts.error());
                p.predicted = parts.value();
                if (auto fits = checkFitsInMemory(p.predicted.total(), limit); !fits)
                    return makeError(arch + " " + memoryModeName(mode) + " at length " + std::to_string(T) + ": " +
                                     fits.error());
                points.push_back(std::move(p));
            }

    std::vector<MemoryLabRow> rows;
    for (const Point &p : points) {
        if (cancel && cancel->isCancelled())
            return makeError("cancelled");
        auto measured = measureMemory(p.config, p.mode, p.batch, p.T, cancel);
        if (!measured)
            return makeError(measured.error());
        rows.push_back({p.arch, p.mode, p.T, p.batch, measured.value(), p.predicted});
        if (onRow)
            onRow(rows.back());
    }
    return rows;
}

std::string memoryLabCsv(const std::vector<MemoryLabRow> &rows)
{
    std::ostringstream out;
    out << "arch,mode,seq_len,batch,measured_bytes,predicted_bytes,weight_bytes,seconds,gradients,optimizer,"
           "activations,attention,kv_cache,state,cross_cache\n";
    for (const MemoryLabRow &r : rows) {
        const MemoryParts &p = r.predicted;
        out << r.arch << ',' << memoryModeName(r.mode) << ',' << r.seqLen << ',' << r.batch << ','
            << r.measured.runBytes << ',' << p.run() << ',' << r.measured.weightBytes << ',' << r.measured.seconds
            << ',' << p.gradients << ',' << p.optimizer << ',' << p.activations << ',' << p.attention << ','
            << p.kvCache << ',' << p.state << ',' << p.crossCache << '\n';
    }
    return out.str();
}

double memoryLabSlope(const std::vector<MemoryLabRow> &rows, const std::string &arch, MemoryMode mode, bool predicted)
{
    const MemoryLabRow *longest = nullptr, *next = nullptr;
    for (const MemoryLabRow &r : rows) {
        if (r.arch != arch || r.mode != mode)
            continue;
        if (!longest || r.seqLen > longest->seqLen) {
            next = longest;
            longest = &r;
        } else if (r.seqLen < longest->seqLen && (!next || r.seqLen > next->seqLen)) {
            next = &r;
        }
    }
    if (!longest || !next)
        return std::numeric_limits<double>::quiet_NaN();
    const auto bytes = [predicted](const MemoryLabRow &r) {
        return static_cast<double>(predicted ? r.predicted.run() : r.measured.runBytes);
    };
    return logLogSlope(next->seqLen, bytes(*next), longest->seqLen, bytes(*longest));
}

} // namespace lm
