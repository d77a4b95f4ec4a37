#pragma once
// Writes a file whole or not at all: the bytes go to a temporary file beside the target, are
// flushed, and the temporary is renamed over the target. On any failure the temporary is removed
// and the target is untouched.
#include "core/result.h"

#include <functional>
#include <ostream>
#include <string>

namespace lm {

// `write` streams the content; returning false (or a failed stream) aborts with `Error`.
Status writeFileAtomically(const std::string &path, const std::function<bool(std::ostream &)> &write);
Status writeFileAtomically(const std::string &path, const std::string &content);

} // namespace lm
