#pragma once
// The two index ops a mixture of experts needs on the tape besides embedding() (which gathers
// rows): putting each expert's rows back where their tokens are, and picking each token's routing
// weight for that expert.
#include "core/tensor.h"

#include <cstdint>
#include <vector>

namespace lm {

// y: (n, C), rows: n indices in [0, count) -> (count, C) with out[rows[i]] += y[i] (rows may
// repeat; rows no index names stay 0). Backward gathers. Throws std::invalid_argument on a bad index.
Tensor scatterAddRows(const Tensor &y, const std::vector<std::int32_t> &rows, std::int64_t count);

// x: (R, C) -> (n, 1) with out[i] = x[rows[i]][cols[i]]. Backward adds into those entries.
// Throws std::invalid_argument on a bad index or rows.size() != cols.size().
Tensor pickEntries(const Tensor &x, const std::vector<std::int32_t> &rows, const std::vector<std::int32_t> &cols);

} // namespace lm
