#pragma once
// Word-vector files: the word2vec text format (".vec", as fastText and gensim write: a header
// "count dim", then "word v1 … vdim" per line, optionally with a trailing space) and the
// Embedding Projector's vectors.tsv + metadata.tsv.
#include "core/result.h"
#include "embed/wordvectors.h"

#include <string>
#include <vector>

namespace lm {

// Errors name the file and line: a header that is not two positive integers, a count or dim the
// file is too small to hold (checked before allocating), a row with another number of values,
// a value that is not a number or is NaN/Inf, fewer or more rows than the header says, a
// duplicate word. Invalid UTF-8 in a word is an error with the line.
Result<WordVectors> loadVec(const std::string &path);
// Writes atomically with 6 significant digits (as fastText); words must not contain whitespace.
Status saveVec(const std::string &path, const WordVectors &vectors);
// vectors.tsv: one tab-separated row per word; metadata.tsv: a header "word\tgroup" and one row
// per word (group empty when `groups` is empty, else groups[i]). Both atomically.
Status saveProjectorTsv(const std::string &vectorsPath, const std::string &metadataPath, const WordVectors &vectors,
                        const std::vector<std::string> &groups = {});

} // namespace lm
