#include "text/tagged.h"

#include <fstream>
#include <map>
#include <sstream>

namespace lm {

std::vector<std::string> splitOnSpaces(const std::string &line)
{
    std::vector<std::string> out;
    std::istringstream in(line);
    std::string token;
    while (in >> token)
        out.push_back(token);
    return out;
}

Result<std::vector<TaggedSentence>> parseTagged(const std::string &text, const std::string &source)
{
    std::vector<TaggedSentence> sentences;
    std::istringstream in(text);
    std::string line;
    for (int lineNo = 1; std::getline(in, line); ++lineNo) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const std::vector<std::string> tokens = splitOnSpaces(line);
        if (tokens.empty() || tokens.front()[0] == '#')
            continue;
        const std::string where = source + ":" + std::to_string(lineNo) + ": ";
        if (tokens.size() > 1000)
            return makeError(where + "a sentence of " + std::to_string(tokens.size()) + " tokens (at most 1000)");
        TaggedSentence s;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const std::string &tok = tokens[i];
            const std::size_t slash = tok.rfind('/');
            if (slash == std::string::npos || slash + 1 == tok.size())
                return makeError(where + "token " + std::to_string(i + 1) + " '" + tok + "' has no /TAG");
            if (slash == 0)
                return makeError(where + "token " + std::to_string(i + 1) + " '" + tok + "' has no word before the /");
            s.words.push_back(tok.substr(0, slash));
            s.tags.push_back(tok.substr(slash + 1));
        }
        sentences.push_back(std::move(s));
    }
    if (sentences.empty())
        return makeError(source + ": no tagged sentence (expected lines of word/TAG tokens)");
    return sentences;
}

Result<std::vector<TaggedSentence>> loadTagged(const std::string &path)
{
    std::ifstream f(path, std::ios::binary);
    if (!f)
        return makeError(path + ": cannot open the file");
    f.seekg(0, std::ios::end);
    const auto size = static_cast<std::int64_t>(f.tellg());
    if (size < 0)
        return makeError(path + ": cannot read the file");
    if (size > (std::int64_t(256) << 20))
        return makeError(path + ": " + std::to_string(size >> 20) + " MB is more than the 256 MB a tagged file may have");
    f.seekg(0);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!f.read(text.data(), size))
        return makeError(path + ": cannot read the file");
    return parseTagged(text, path);
}

// ---- vocabulary and batches --------------------------------------------------------------------

TagVocabulary TagVocabulary::build(const std::vector<TaggedSentence> &sentences, int minCount)
{
    std::map<std::string, int> counts;
    std::vector<std::string> order;
    TagVocabulary v;
    v.m_words = {"<pad>", "<unk>"};
    for (const auto &s : sentences) {
        for (const auto &w : s.words)
            if (counts[w]++ == 0)
                order.push_back(w);
        for (const auto &t : s.tags)
            if (v.m_tagIds.emplace(t, static_cast<std::int32_t>(v.m_tags.size())).second)
                v.m_tags.push_back(t);
    }
    for (const auto &w : order)
        if (counts[w] >= minCount)
            v.m_words.push_back(w);
    for (std::size_t i = 0; i < v.m_words.size(); ++i)
        v.m_wordIds.emplace(v.m_words[i], static_cast<std::int32_t>(i));
    return v;
}

std::int32_t TagVocabulary::wordId(const std::string &word) const
{
    const auto it = m_wordIds.find(word);
    return it == m_wordIds.end() || it->second == kPad ? kUnknown : it->second;
}

std::int32_t TagVocabulary::tagId(const std::string &tag) const
{
    const auto it = m_tagIds.find(tag);
    return it == m_tagIds.end() ? -1 : it->second;
}

std::vector<std::int32_t> TagVocabulary::encodeWords(const std::vector<std::string> &words) const
{
    std::vector<std::int32_t> ids;
    ids.reserve(words.size());
    for (const auto &w : words)
        ids.push_back(wordId(w));
    return ids;
}

} // namespace lm
