#include "plots/implicitattention.h"

#include <algorithm>
#include <cmath>

std::string implicitAttentionKey(int layer) { return "layer" + std::to_string(layer) + ".implicit.attention"; }

lm::TraceMatrix rowsSummingToOne(const lm::TraceMatrix &m)
{
    lm::TraceMatrix out = m;
    for (int r = 0; r < m.rows; ++r) {
        double total = 0.0;
        for (int c = 0; c < m.cols; ++c)
            total += m.at(r, c);
        if (total > 0.0)
            for (int c = 0; c < m.cols; ++c)
                out.values[static_cast<std::size_t>(r) * m.cols + c] = static_cast<float>(m.at(r, c) / total);
    }
    return out;
}

std::optional<lm::TraceMatrix> layerAttentionMap(const lm::Trace &trace, int layer)
{
    const std::string prefix = "layer" + std::to_string(layer) + ".head";
    const lm::TraceMatrix *first = trace.find(prefix + "0.attention");
    if (!first) {
        if (const lm::TraceMatrix *implicit = trace.find(implicitAttentionKey(layer)))
            return rowsSummingToOne(*implicit);
        return std::nullopt;
    }
    lm::TraceMatrix mean{first->rows, first->cols, std::vector<float>(first->values.size(), 0.0f)};
    int heads = 0;
    for (const lm::TraceMatrix *h = first; h && h->values.size() == mean.values.size();
         h = trace.find(prefix + std::to_string(++heads) + ".attention"))
        for (std::size_t i = 0; i < mean.values.size(); ++i)
            mean.values[i] += h->values[i];
    for (float &v : mean.values)
        v /= static_cast<float>(heads);
    return mean;
}

int attentionMapLayers(const lm::Trace &trace)
{
    int layers = 0;
    while (trace.has("layer" + std::to_string(layers) + ".head0.attention") || trace.has(implicitAttentionKey(layers)))
        ++layers;
    return layers;
}

double meanLookBack(const lm::TraceMatrix &map)
{
    if (map.rows == 0)
        return 0.0;
    double total = 0.0;
    for (int r = 0; r < map.rows; ++r)
        for (int s = 0; s <= std::min(r, map.cols - 1); ++s)
            total += map.at(r, s) * (r - s);
    return total / map.rows;
}

double largestFutureWeight(const lm::TraceMatrix &map)
{
    double worst = 0.0;
    for (int r = 0; r < map.rows; ++r)
        for (int s = r + 1; s < map.cols; ++s)
            worst = std::max(worst, static_cast<double>(std::abs(map.at(r, s))));
    return worst;
}
