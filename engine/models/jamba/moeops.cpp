// Index ops for mixtures of experts (models/jamba/moeops.h).
#include "models/jamba/moeops.h"

#include "core/tape.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace lm {

Tensor scatterAddRows(const Tensor &y, const std::vector<std::int32_t> &rows, std::int64_t count)
{
    if (y.dim() != 2 || y.size(0) != static_cast<std::int64_t>(rows.size()))
        throw std::invalid_argument("scatterAddRows: y must be (" + std::to_string(rows.size()) + ", C), got " +
                                    shapeString(y.shape()));
    for (std::int32_t r : rows)
        if (r < 0 || r >= count)
            throw std::invalid_argument("scatterAddRows: row " + std::to_string(r) + " outside [0, " +
                                        std::to_string(count) + ")");
    const std::int64_t C = y.size(1);
    const bool record = detail::shouldRecord({&y});
    Tensor out = Tensor::zeros({count, C}, record);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const float *src = y.data() + static_cast<std::int64_t>(i) * C;
        float *dst = out.data() + rows[i] * C;
        for (std::int64_t c = 0; c < C; ++c)
            dst[c] += src[c];
    }
    if (record)
        Tape::active()->push([y, out, rows, C]() {
            if (!out.hasGrad())
                return;
            float *dy = y.grad();
            const float *g = out.gradOrNull();
            for (std::size_t i = 0; i < rows.size(); ++i)
                for (std::int64_t c = 0; c < C; ++c)
                    dy[static_cast<std::int64_t>(i) * C + c] += g[rows[i] * C + c];
        });
    return out;
}

Tensor pickEntries(const Tensor &x, const std::vector<std::int32_t> &rows, const std::vector<std::int32_t> &cols)
{
    if (x.dim() != 2 || rows.size() != cols.size())
        throw std::invalid_argument("pickEntries: x must be 2-d and rows, cols of one length");
    const std::int64_t R = x.size(0), C = x.size(1);
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i] < 0 || rows[i] >= R || cols[i] < 0 || cols[i] >= C)
            throw std::invalid_argument("pickEntries: (" + std::to_string(rows[i]) + ", " + std::to_string(cols[i]) +
                                        ") outside " + shapeString(x.shape()));
    const bool record = detail::shouldRecord({&x});
    Tensor out = Tensor::zeros({static_cast<std::int64_t>(rows.size()), 1}, record);
    for (std::size_t i = 0; i < rows.size(); ++i)
        out.data()[i] = x.data()[rows[i] * C + cols[i]];
    if (record)
        Tape::active()->push([x, out, rows, cols, C]() {
            if (!out.hasGrad())
                return;
            float *dx = x.grad();
            const float *g = out.gradOrNull();
            for (std::size_t i = 0; i < rows.size(); ++i)
                dx[rows[i] * C + cols[i]] += g[i];
        });
    return out;
}

} // namespace lm
