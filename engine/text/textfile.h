#pragma once
// Small text files that tokenizers load (vocab.txt, tokenizer_config.json, tokenizer.json).
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lm {

// The whole file at `path`. Errors name the path: "<path>: cannot open" (missing, unreadable),
// "<path>: is a directory", "<path>: N bytes, more than the limit of M bytes" (checked before
// reading), "<path>: cannot read". Never throws.
Result<std::string> readSmallFile(const std::string &path, std::int64_t maxBytes = std::int64_t(64) << 20);

// The 1-based line of byte `offset` of `text` (offsets past the end count as the last line).
std::size_t lineOfOffset(std::string_view text, std::size_t offset);

} // namespace lm
