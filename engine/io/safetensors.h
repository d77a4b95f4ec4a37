#pragma once
// safetensors files (the Hugging Face format): an 8-byte little-endian header length, a JSON
// header {"name": {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {str: str}},
// then the raw little-endian tensor bytes.
//
// Saving writes F32 tensors, the header padded to 8 bytes, atomically (temp + rename).
// Loading accepts F32, F16 and BF16 (converted to float32), checks every size, offset, rank and
// count against the file before trusting it, and reads each tensor straight into its buffer.
#include "core/optim.h" // NamedParameter
#include "core/result.h"

#include <map>
#include <string>
#include <vector>

namespace lm {

struct SafetensorsLimits {
    std::int64_t maxHeaderBytes = 100ll << 20;
    std::int64_t maxTensors = 100000;
    int maxRank = 8;
    // Tensors of the other safetensors dtypes (BOOL, U8, I8, I16, I32, I64, F64, …) are checked like
    // the rest and then left out instead of failing the file: Hugging Face checkpoints carry
    // integer or boolean buffers (attention masks) that a model import ignores anyway.
    bool skipOtherDtypes = false;
};

struct SafetensorsFile {
    std::map<std::string, std::string> metadata;
    std::vector<NamedParameter> tensors; // in file (offset) order
    std::vector<std::string> skipped;    // names left out by SafetensorsLimits::skipOtherDtypes

    // The tensor with this name, or nullptr.
    const Tensor *find(const std::string &name) const;
};

// Errors name the file and what is wrong ("x.safetensors: tensor 'w': data_offsets [0, 12] do
// not match shape (2, 2) of F32 (16 bytes)").
Result<SafetensorsFile> loadSafetensors(const std::string &path, const SafetensorsLimits &limits = {});

// Throws std::invalid_argument on an empty or duplicate name, or the reserved "__metadata__".
Status saveSafetensors(const std::string &path, const std::vector<NamedParameter> &tensors,
                       const std::map<std::string, std::string> &metadata = {});

} // namespace lm
