// lmscope-cli lesson --check FILE: runs every step of a lesson headless and judges its checks.
// lmscope-cli lesson --check-all [--dir DIR]: every lesson (the built-in ones, or DIR's *.json),
// then the coverage table: each idea of lessons/lessonideas.h and the steps that teach it.
#include "args.h"
#include "commands.h"
#include "common.h"

#include "appcore/lessons/lessonideas.h"
#include "appcore/lessons/lessonsession.h"

#include <QDir>
#include <QFile>

#include <cstdio>
#include <map>

namespace {

void printLine(const std::string &line)
{
    std::printf("  %s\n", line.c_str());
    std::fflush(stdout);
}

// The lessons of `dir` (a folder, or the built-in ":/lessons"), by file name; a file that does not
// load is an InputError naming it.
std::vector<Lesson> lessonsIn(const QString &dir)
{
    const QDir folder(dir);
    if (!folder.exists())
        throw InputError(dir.toStdString() + ": no such folder");
    std::vector<Lesson> lessons;
    for (const QString &name : folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(folder.filePath(name));
        if (!file.open(QIODevice::ReadOnly) || file.size() > (1 << 20))
            throw InputError(folder.filePath(name).toStdString() + ": unreadable or larger than 1 MB");
        auto lesson = parseLesson(file.readAll().toStdString(), folder.filePath(name).toStdString());
        if (!lesson)
            throw InputError(lesson.error());
        lessons.push_back(std::move(lesson).value());
    }
    if (lessons.empty())
        throw InputError(dir.toStdString() + ": holds no lessons (*.json)");
    return lessons;
}

int checkAll(const QString &dir)
{
    const std::vector<Lesson> lessons = lessonsIn(dir);
    lm::CancelToken cancel;
    InterruptScope interrupts(cancel);
    bool passed = true;
    // idea -> "01-word-vectors step 2" and whether that step passed
    std::map<std::string, std::vector<std::pair<std::string, bool>>> taught;
    for (const Lesson &lesson : lessons) {
        std::printf("%s: %s (%zu steps)\n", lesson.id.c_str(), lesson.title.en.c_str(), lesson.steps.size());
        std::vector<bool> steps;
        passed = checkLesson(lesson, printLine, &cancel, &steps) && passed;
        if (cancel.isCancelled())
            throw std::runtime_error("cancelled");
        for (std::size_t i = 0; i < lesson.steps.size(); ++i)
            for (const std::string &idea : lesson.steps[i].teaches)
                taught[idea].emplace_back(lesson.id + " step " + std::to_string(i + 1), steps[i]);
    }
    std::printf("\ncoverage: idea | taught by | checks\n");
    std::vector<std::string> missing;
    for (const LessonIdea &idea : lessonIdeas()) {
        const auto it = taught.find(idea.id);
        std::string where, result = "not covered";
        bool covered = false;
        if (it != taught.end()) {
            result = "ok";
            for (const auto &[step, ok] : it->second) {
                where += (where.empty() ? "" : ", ") + step;
                covered = covered || ok;
                if (!ok)
                    result = "FAILED";
            }
        }
        if (!covered)
            missing.push_back(idea.id);
        std::printf("  %-60s | %-40s | %s\n", idea.name.en.c_str(), where.empty() ? "-" : where.c_str(), result.c_str());
    }
    std::printf("%zu lessons, %zu of %zu ideas covered by a passing step\n", lessons.size(),
                lessonIdeas().size() - missing.size(), lessonIdeas().size());
    if (!missing.empty()) {
        std::string list;
        for (const std::string &id : missing)
            list += (list.empty() ? "" : ", ") + id;
        std::printf("not covered: %s\n", list.c_str());
    }
    std::printf("%s\n", passed && missing.empty() ? "all checks passed, every idea covered"
                                                  : passed ? "all checks passed; some ideas are not covered"
                                                           : "some checks failed");
    return passed && missing.empty() ? 0 : 1;
}

} // namespace

int lessonCommand(const std::vector<std::string> &words)
{
    const Args args(words, {"check", "dir"}, {"check-all"});
    if (!args.positionals().empty())
        throw UsageError("unexpected argument '" + args.positionals().front() + "'");
    if (args.has("check-all")) {
        if (args.has("check"))
            throw UsageError("--check and --check-all exclude each other");
        return checkAll(QString::fromStdString(args.text("dir", ":/lessons")));
    }
    if (args.has("dir"))
        throw UsageError("--dir goes with --check-all");
    const std::string path = args.required("check");
    auto lesson = loadLesson(path);
    if (!lesson)
        throw InputError(lesson.error());
    std::printf("%s: %s (%zu steps)\n", path.c_str(), lesson.value().title.en.c_str(), lesson.value().steps.size());
    lm::CancelToken cancel;
    InterruptScope interrupts(cancel);
    const bool passed = checkLesson(lesson.value(), printLine, &cancel);
    if (cancel.isCancelled())
        throw std::runtime_error("cancelled");
    std::printf("%s\n", passed ? "all checks passed" : "some checks failed");
    return passed ? 0 : 1;
}
