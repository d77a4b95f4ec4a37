#pragma once
// The ideas LMScope teaches (lessons/README.md, "Every idea covered"): each has a stable id that a
// lesson step names in its "teaches" list, and a name in both languages for the coverage table
// `lmscope-cli lesson --check-all` prints. Plain C++ (the lesson loader and its fuzzer use it).
#include "lessons/lesson.h"

#include <string>
#include <vector>

struct LessonIdea {
    std::string id; // "skip-gram"
    LessonText name;
};

// In the order of the course.
const std::vector<LessonIdea> &lessonIdeas();
// The idea with this id, or nullptr.
const LessonIdea *findLessonIdea(const std::string &id);
