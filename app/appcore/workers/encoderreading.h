#pragma once
// Reading text with an encoder (models/encoder/encoder.h) for the app's views, on the calling
// thread (a worker's): a text or a pair "[CLS] A [SEP] B [SEP]" traced for the Attention tab, and
// one word's contextual vector in each of several sentences for the Word vectors tab.
// Legend: T = tokens, H = the encoder's width, N = sentences.
#include "core/result.h"
#include "core/trace.h"
#include "models/encoder/encoder.h"
#include "text/tokenizer.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

// Trace matrices added beside the model's own records, (T, 1) each: the token type of every
// position (0: [CLS] A [SEP], 1: B [SEP]) and 1 at every [SEP] (0 elsewhere).
inline constexpr const char *kTraceTokenTypes = "input.token_types";
inline constexpr const char *kTraceSeparators = "input.separators";

// The longest input the app gives an encoder: its position table, at most 256 tokens.
int encoderReadLength(const lm::EncoderModel &model);

// "[CLS] a [SEP]" or, with b, "[CLS] a [SEP] b [SEP]" (truncated longest-first to
// encoderReadLength) through the model without gradients, traced: the tokens as text, every
// layer's and head's attention, each layer's hidden states, and the two matrices above. Error
// when the tokenizer lacks [CLS] or [SEP], the text gives no token, or the model refuses the input.
lm::Result<std::shared_ptr<lm::Trace>> traceEncoder(lm::EncoderModel &model, const lm::Tokenizer &tokenizer,
                                                    const std::string &a, const std::optional<std::string> &b);

// The encoder's last-layer vector (H) of `word` in `sentence` ("[CLS] sentence [SEP]"): the
// mean over the word's pieces (WordPiece "##" pieces, SentencePiece pieces) at their first
// occurrence, the word's pieces being those the tokenizer gives for the word alone. Error
// (naming the word) when the sentence does not hold them, or the word gives no piece.
lm::Result<std::vector<float>> contextualWordVector(lm::EncoderModel &model, const lm::Tokenizer &tokenizer,
                                                    const std::string &word, const std::string &sentence);

// Cosine similarity of every pair of rows: (N, N) row-major, 1 on the diagonal of non-zero rows
// (0 where a row is zero).
std::vector<float> cosineMatrix(const std::vector<std::vector<float>> &rows);

// Up to `max` lines of `text` (trimmed, in order, each once) that hold `word` as a whole token
// (WordTokenizer::splitWords, ASCII case ignored). Invalid UTF-8 lines are skipped.
std::vector<std::string> sentencesContaining(const std::string &text, const std::string &word, int max);
