// safetensors bytes -> loadSafetensors (strict and skipping other dtypes) and loadCheckpoint,
// which also parses the config and tokenizer JSON held in __metadata__.
#include "fuzzutil.h"
#include "io/checkpoint.h"
#include "io/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > fuzz::kMaxInput)
        return -1;
    const std::string path = fuzz::writeScratch("input.safetensors", fuzz::asView(data, size));
    (void)lm::loadSafetensors(path);
    lm::SafetensorsLimits skipping;
    skipping.skipOtherDtypes = true;
    (void)lm::loadSafetensors(path, skipping);
    (void)lm::loadCheckpoint(path);
    return 0;
}
