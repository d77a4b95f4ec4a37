#pragma once
// Pieces the CLI commands share.
#include "core/cancel.h"

#include <string>

// While alive, Ctrl-C (SIGINT) and SIGTERM cancel `token` instead of killing the process, so a
// long command stops between units of work and can say what it did not write.
class InterruptScope {
public:
    explicit InterruptScope(lm::CancelToken &token);
    ~InterruptScope();
    InterruptScope(const InterruptScope &) = delete;
    InterruptScope &operator=(const InterruptScope &) = delete;
};

// Throws InputError when the directory that would hold `path` is missing or `path` is a
// directory, so a long run does not end in a failed write. `option` names the flag ("out").
void checkOutputPath(const std::string &option, const std::string &path);
