#pragma once
// Tagged text: one sentence a line, tokens written word/TAG separated by spaces ("I/PRON book/VERB
// a/DET room/NOUN ./PUNCT"); the tag follows the last '/', so a word may contain '/'. The
// built-in set is resources/corpora/tagged_en.tsv (made by generate_tagged.py). Also the word and
// tag vocabularies a tagger reads and writes.
#include "core/result.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lm {

// The words of a line, split on whitespace.
std::vector<std::string> splitOnSpaces(const std::string &line);

struct TaggedSentence {
    std::vector<std::string> words;
    std::vector<std::string> tags; // same length as words
};

// Parses the word/TAG format; `source` names the text in errors ("tagged_en.tsv:12: token 3
// 'book' has no /TAG"). Empty lines and lines starting with '#' are skipped. Errors: a token
// without a tag or with an empty word, a line over 1000 tokens, no sentence at all.
Result<std::vector<TaggedSentence>> parseTagged(const std::string &text, const std::string &source = "text");
// Reads and parses a file of at most 256 MB; the error names the file.
Result<std::vector<TaggedSentence>> loadTagged(const std::string &path);

// Word and tag ids. Word 0 is "<pad>", word 1 is "<unk>" (any word not seen in training).
class TagVocabulary {
public:
    static constexpr std::int32_t kPad = 0;
    static constexpr std::int32_t kUnknown = 1;

    // Every word seen at least minCount times, and every tag, in order of first appearance.
    static TagVocabulary build(const std::vector<TaggedSentence> &sentences, int minCount = 1);

    std::int32_t wordId(const std::string &word) const; // kUnknown when unseen
    std::int32_t tagId(const std::string &tag) const;   // −1 when unknown
    std::vector<std::int32_t> encodeWords(const std::vector<std::string> &words) const;
    int wordCount() const { return static_cast<int>(m_words.size()); } // W
    int tagCount() const { return static_cast<int>(m_tags.size()); }   // K
    const std::vector<std::string> &words() const { return m_words; }
    const std::vector<std::string> &tags() const { return m_tags; }

private:
    std::vector<std::string> m_words, m_tags;
    std::map<std::string, std::int32_t> m_wordIds, m_tagIds;
};

} // namespace lm
