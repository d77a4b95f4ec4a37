// lmscope-cli lesson --check FILE: runs every step of a lesson headless and judges its checks.
#include "args.h"
#include "commands.h"
#include "common.h"

#include "appcore/lessons/lessonsession.h"

#include <cstdio>

int lessonCommand(const std::vector<std::string> &words)
{
    const Args args(words, {"check"}, {});
    if (!args.positionals().empty())
        throw UsageError("unexpected argument '" + args.positionals().front() + "'");
    const std::string path = args.required("check");
    auto lesson = loadLesson(path);
    if (!lesson)
        throw InputError(lesson.error());
    std::printf("%s: %s (%zu steps)\n", path.c_str(), lesson.value().title.en.c_str(), lesson.value().steps.size());
    lm::CancelToken cancel;
    InterruptScope interrupts(cancel);
    const bool passed = checkLesson(
        lesson.value(),
        [](const std::string &line) {
            std::printf("  %s\n", line.c_str());
            std::fflush(stdout);
        },
        &cancel);
    if (cancel.isCancelled())
        throw std::runtime_error("cancelled");
    std::printf("%s\n", passed ? "all checks passed" : "some checks failed");
    return passed ? 0 : 1;
}
