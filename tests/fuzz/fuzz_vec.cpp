// word2vec .vec text -> loadVec.
#include "fuzzutil.h"
#include "io/vecfile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > fuzz::kMaxInput)
        return -1;
    (void)lm::loadVec(fuzz::writeScratch("input.vec", fuzz::asView(data, size)));
    return 0;
}
