#pragma once
// Training text, loaded and checked once so that everything downstream may assume clean UTF-8.
#include "core/result.h"

#include <cstdint>
#include <string>

namespace lm {

struct Corpus {
    std::string name;         // file name without directories, or the name given to corpusFromBytes
    std::string text;         // valid UTF-8, LF line ends, no BOM, not only whitespace
    std::int64_t sourceBytes; // size of the input before BOM stripping and line-end normalisation
};

// Reads the file at `path` (once, into one buffer) and normalises it like corpusFromBytes.
// Errors, one line each and naming the file:
//   "cannot open corpus '<path>': <reason>"        missing or unreadable
//   "corpus '<path>' is a directory"
//   "corpus '<path>' is N bytes, more than the limit of M bytes"   checked before reading
//   plus every error of corpusFromBytes.
Result<Corpus> loadCorpus(const std::string &path, std::int64_t maxBytes = 64ll << 20);

// Checks and normalises `bytes` (taken by value and edited in place, so callers can move in):
// strips a UTF-8 BOM, turns CRLF and lone CR into LF. Errors, naming `name`:
//   "corpus '<name>' is N bytes, more than the limit of M bytes"
//   "corpus '<name>' is empty"                     no bytes, or only whitespace
//   "corpus '<name>' looks binary: NUL byte at offset N"
//   "corpus '<name>' has invalid UTF-8 at byte offset N"
// Offsets count bytes of the input as given (before BOM stripping or CRLF changes).
Result<Corpus> corpusFromBytes(std::string name, std::string bytes, std::int64_t maxBytes = 64ll << 20);

} // namespace lm
