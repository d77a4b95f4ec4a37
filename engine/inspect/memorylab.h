#pragma once
// The memory lab's sweep: for each architecture, mode and length, the measured bytes
// (inspect/memoryprofile.h) beside the predicted parts (inspect/memorymodel.h). The CLI's
// `memory` command and the app's memory view both run it.
#include "core/cancel.h"
#include "core/result.h"
#include "inspect/memorymodel.h"
#include "inspect/memoryprofile.h"

#include <functional>
#include <string>
#include <vector>

namespace lm {

struct MemoryLabRequest {
    std::vector<std::string> archs = memoryLabDefaultArchitectures();
    std::vector<MemoryMode> modes{MemoryMode::Train};
    std::vector<int> seqLens{256, 512, 1024, 2048};
    int batch = 2;              // sequences (infer: decoded side by side)
    LabModel model;             // dim, layers, heads, chunked attention (its arch is replaced)
    std::int64_t memoryLimit = -1; // the guard's limit in bytes; -1 = what the system has available
};

struct MemoryLabRow {
    std::string arch;
    MemoryMode mode = MemoryMode::Train;
    int seqLen = 0;
    int batch = 0;
    MemoryMeasurement measured;
    MemoryParts predicted;
};

// Checks the whole request first: unknown archs, lengths or batch out of range, and the guard
// (any point whose predicted total exceeds the limit is refused, with its estimate, before any
// model is built). Then runs the points in order (archs × modes × lengths), calling onRow after
// each. Cancelling stops between points with the error "cancelled".
Result<std::vector<MemoryLabRow>> runMemoryLab(const MemoryLabRequest &request,
                                               const std::function<void(const MemoryLabRow &)> &onRow = {},
                                               const CancelToken *cancel = nullptr);

// Header "arch,mode,seq_len,batch,measured_bytes,predicted_bytes,weight_bytes,seconds,
// gradients,optimizer,activations,attention,kv_cache,state,cross_cache", one line per row (the parts are
// predicted bytes; measured and predicted exclude the weights).
std::string memoryLabCsv(const std::vector<MemoryLabRow> &rows);

// The log-log slope between the two longest lengths of one (arch, mode) series in `rows`, from
// the measured (or predicted) bytes; NaN when the series has fewer than two lengths.
double memoryLabSlope(const std::vector<MemoryLabRow> &rows, const std::string &arch, MemoryMode mode,
                      bool predicted = false);

} // namespace lm
