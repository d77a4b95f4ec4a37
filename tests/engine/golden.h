#pragma once
// Shared by the golden tests: reading a fixture made by a tests/golden/make_*.py script, and
// comparing engine values with PyTorch's under |engine − torch| <= abs + rel·|torch|.
#include <QString>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <vector>

namespace lm::test {

// tests/golden/<file> parsed once per process (Json: nlohmann::json or ordered_json).
template <class Json>
const Json &goldenFixture(const char *file)
{
    static const Json g = [file] {
        std::ifstream in(std::string(LMSCOPE_SOURCE_DIR "/tests/golden/") + file);
        return Json::parse(in);
    }();
    return g;
}

// Empty when every element is within tolerance, else where and by how much it is not.
inline QString goldenMismatch(const std::vector<float> &got, const std::vector<float> &want, double abs, double rel)
{
    if (got.size() != want.size())
        return QStringLiteral("%1 values, want %2").arg(got.size()).arg(want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        const double err = std::abs(double(got[i]) - want[i]);
        if (!(err <= abs + rel * std::abs(double(want[i]))))
            return QStringLiteral("[%1] %2 vs torch %3").arg(i).arg(got[i], 0, 'g', 9).arg(want[i], 0, 'g', 9);
    }
    return {};
}

} // namespace lm::test
