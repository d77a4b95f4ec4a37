// Lesson JSON -> parseLesson (app/appcore/lesson.cpp, which uses no Qt).
#include "fuzzutil.h"
#include "lessons/lesson.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > fuzz::kMaxInput)
        return -1;
    (void)parseLesson(std::string(fuzz::asView(data, size)), "fuzz.json");
    return 0;
}
