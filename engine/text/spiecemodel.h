#pragma once
// SentencePiece's own model file (spiece.model: a serialised sentencepiece.ModelProto, as T5 and
// ALBERT folders carry it), read without SentencePiece or protobuf into the unigram tokenizer
// that Hugging Face's converter would write as tokenizer.json:
//   pieces        -> model.vocab [piece, score] in file order (id = index); the UNKNOWN piece is
//                    model.unk_id; CONTROL pieces (<pad>, </s>) become special added tokens and
//                    USER_DEFINED pieces plain added tokens, both matched literally in the text
//   normalizer    -> Precompiled (the charsmap is not interpreted: text/unigram.h), then, when
//                    remove_extra_whitespaces (default true), Strip both ends and Replace runs of
//                    two or more spaces by one
//   pre-tokenizer -> Metaspace "▁", prepended always when add_dummy_prefix (default true), else never
// `extraIds` sentinels "<prefix>N>" follow the pieces as T5's tokenizer numbers them: sentinel N
// has id pieces + extraIds - 1 - N (so sentinel 0 is the last id).
//   ModelProto     1 pieces (repeated SentencePiece), 2 trainer_spec, 3 normalizer_spec
//   SentencePiece  1 piece (string), 2 score (float), 3 type (1 NORMAL, 2 UNKNOWN, 3 CONTROL,
//                  4 USER_DEFINED, 5 UNUSED, 6 BYTE)
//   TrainerSpec    3 model_type (1 UNIGRAM), 35 byte_fallback
//   NormalizerSpec 1 name, 2 precompiled_charsmap, 3 add_dummy_prefix, 4 remove_extra_whitespaces
// Other fields are skipped by their wire type.
#include "core/result.h"
#include "text/unigram.h"

#include <string>
#include <string_view>

namespace lm {

// Errors name the file and what is wrong: unreadable or larger than 64 MiB, a truncated or
// malformed field (with its byte offset), a wire type a field may not have, no piece, a piece
// that is empty or not UTF-8 or repeated, a model type other than unigram, byte fallback or BYTE
// pieces, UNUSED pieces, not exactly one UNKNOWN piece, extraIds outside 0..1000. Never throws.
Result<UnigramTokenizer> loadSpieceModel(const std::string &path, int extraIds = 0,
                                         const std::string &sentinelPrefix = "<extra_id_");

// The same from the file's bytes; `source` starts each error.
Result<UnigramTokenizer> parseSpieceModel(std::string_view bytes, const std::string &source, int extraIds = 0,
                                          const std::string &sentinelPrefix = "<extra_id_");

} // namespace lm
