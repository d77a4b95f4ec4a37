// zoo.json, the Compare tab's cache of a comparison: lm::parseZooJson either refuses the input
// with one line starting "zoo.json: " or gives a table whose rows all match its lengths, which
// must come back identical through lm::zooJson (non-finite numbers read back as NaN).
#include "fuzzutil.h"
#include "inspect/zoo.h"

#include <cmath>
#include <cstdlib>

namespace {

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > fuzz::kMaxInput)
        return -1;
    auto table = lm::parseZooJson(std::string(fuzz::asView(data, size)));
    if (!table) {
        if (table.error().rfind("zoo.json: ", 0) != 0)
            std::abort();
        return 0;
    }
    const lm::ZooTable &t = table.value();
    if (t.rows.empty())
        std::abort();
    for (const lm::ZooRow &r : t.rows)
        if (r.trainBytes.size() != t.trainLengths.size() || r.generationBytes.size() != t.generationLengths.size() ||
            r.generationMsPerToken.size() != t.generationLengths.size())
            std::abort();
    auto again = lm::parseZooJson(lm::zooJson(t));
    if (!again || again.value().rows.size() != t.rows.size())
        std::abort();
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const lm::ZooRow &a = t.rows[i], &b = again.value().rows[i];
        if (a.family != b.family || a.params != b.params || !same(a.heldOutLoss, b.heldOutLoss) ||
            !same(a.tokensPerSecond, b.tokensPerSecond) || a.trainBytes != b.trainBytes)
            std::abort();
    }
    return 0;
}
