#include "embed/wordvectors.h"

namespace lm {

std::int32_t WordVectors::find(std::string_view word) const
{
    if (m_index.size() != words.size()) {
        m_index.clear();
        m_index.reserve(words.size());
        for (std::size_t i = 0; i < words.size(); ++i)
            m_index.emplace(words[i], static_cast<std::int32_t>(i));
    }
    const auto it = m_index.find(std::string(word));
    return it == m_index.end() ? -1 : it->second;
}

} // namespace lm
