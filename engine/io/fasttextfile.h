#pragma once
// The fastText subword model file that sits beside a .vec file (model.subwords.safetensors): the
// rows training touched as safetensors tensors "words" (V, D) and "ngrams" (U, D, absent when
// U = 0), and in the metadata "format" = "lmscope-fasttext-1", dim, minn, maxn, bucket, seed,
// and the words and bucket ids as JSON arrays. Legend: V = words, U = n-gram buckets, D = dim.
#include "core/result.h"
#include "embed/fasttextmodel.h"

#include <string>

namespace lm {

// Writes atomically (whole or not at all). Errors name the file; an empty model is an error.
Status saveFastTextModel(const FastTextModel &model, const std::string &path);

// Errors name the file and what is wrong: not this format, a metadata field missing or out of
// range (dim 1..10000, maxn 0..64, minn 1..maxn, bucket ids distinct and below `bucket`), words
// empty, repeated or invalid UTF-8, a tensor missing, of another shape or holding NaN/Inf.
Result<FastTextModel> loadFastTextModel(const std::string &path);

} // namespace lm
