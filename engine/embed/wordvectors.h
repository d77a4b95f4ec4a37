#pragma once
// WordVectors: one vector per word, the output of every word-vector method and the content of a
// .vec file. Rows are float32, row-major (words.size(), dim).
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lm {

struct WordVectors {
    int dim = 0;
    std::vector<std::string> words;
    std::vector<float> data; // (words.size(), dim)

    std::int32_t size() const { return static_cast<std::int32_t>(words.size()); }
    const float *row(std::int32_t i) const { return data.data() + static_cast<std::int64_t>(i) * dim; }
    float *row(std::int32_t i) { return data.data() + static_cast<std::int64_t>(i) * dim; }
    // The id of `word`, or -1. Builds the index on first use (not thread-safe on first use).
    std::int32_t find(std::string_view word) const;

private:
    mutable std::unordered_map<std::string, std::int32_t> m_index;
};

} // namespace lm
