// The small text formats: loadSeriesCsv (by name and by index), parseTagged and
// loadAnalogyQuestions, all fed the same bytes.
#include "fuzzutil.h"
#include "inspect/neighbors.h"
#include "io/csv.h"
#include "train/forecasting.h"
#include "models/recurrent/tagger.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > fuzz::kMaxInput)
        return -1;
    const std::string text(fuzz::asView(data, size));
    const std::string path = fuzz::writeScratch("input.txt", text);
    (void)lm::loadSeriesCsv(path, "value");
    (void)lm::loadSeriesCsv(path, "1");
    (void)lm::loadSeriesCsv(path, "");
    (void)lm::parseTagged(text, "fuzz");
    (void)lm::loadAnalogyQuestions(path);
    return 0;
}
