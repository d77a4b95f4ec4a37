#pragma once
// Writing a target for a source with an encoder–decoder: greedy, beam search and sampling.
// The encoder reads "(begin) source end" once; the decoder starts from "start (begin)" and adds
// one token a step until it writes the end token or maxTokens.
//   greedy  the most likely token each step
//   beam    keeps the `beam` best prefixes by summed log-probability; a prefix that ends is
//           scored logprob / length^lengthPenalty (Hugging Face's convention: length counts the
//           written tokens and the end); stops when `beam` have ended and no live prefix can beat
//           the worst of them, or at maxTokens (live prefixes are then scored as they stand)
//   sample  draws from softmax(logits / temperature), among the topK most likely when topK > 0
// noRepeatNgram > 0 forbids any token that would repeat an n-gram already in the prefix.
// The encoder reads the source once; its keys and values for cross-attention are computed at the
// first step and kept, and each step adds one position to the self-attention cache
// (Seq2SeqModel::decodeStep), reordered with the beams.
#include "core/cancel.h"
#include "models/seq2seqmodel.h"
#include "models/seq2seqtokens.h"

#include <cstdint>
#include <vector>

namespace lm {

struct DecodingOptions {
    int maxTokens = 64;         // written tokens at most, the end not counted
    int beam = 1;               // 1: greedy or sampling; > 1: beam search
    float lengthPenalty = 1.0f; // beam: the exponent of the length that divides a score
    int noRepeatNgram = 0;      // 0: off
    bool sample = false;        // beam 1 only
    float temperature = 1.0f;
    int topK = 0;               // 0: every token
    std::uint64_t seed = 1;
    bool recordSteps = false;   // fill DecodingResult::steps (the step-through view)
    // Only ids below this are written (0: every id). A Hugging Face T5 pads its vocabulary past
    // its tokenizer (32128 rows, 32100 tokens): the rows beyond have no text.
    int vocabLimit = 0;
};

struct Hypothesis {
    std::vector<std::int32_t> tokens; // written so far (begin and end excluded)
    double logProb = 0.0;             // summed log-probability of the tokens (and the end)
    double score = 0.0;               // logProb / length^lengthPenalty once ended; logProb while live
    bool ended = false;
    int parent = -1;                  // its prefix's index among the previous step's beams
};

struct DecodingStep {
    std::vector<Hypothesis> beams; // after the step, best first: the live prefixes, then those that ended now
    std::int32_t chosen = 0;       // the token the best live prefix (or the best ended one) took
    // The cross-attention over the source ("(begin) source end") of the best live prefix's last
    // position (what it looked at to choose this step's tokens), averaged over the heads of the
    // last decoder layer.
    std::vector<float> cross;
};

struct DecodingResult {
    std::vector<std::int32_t> tokens; // the best target (begin and end excluded)
    double logProb = 0.0, score = 0.0;
    bool ended = false;               // it wrote the end token (else maxTokens cut it)
    std::vector<std::int32_t> source; // what the encoder read
    std::vector<DecodingStep> steps;  // when recordSteps
};

// Throws std::invalid_argument for an empty source, an id outside the vocabulary, beam < 1,
// sample with beam > 1, maxTokens < 1, temperature <= 0. Returns what it has when `cancel` fires.
DecodingResult decodeSequence(Seq2SeqModel &model, const std::vector<std::int32_t> &source, const Seq2SeqIds &ids,
                              const DecodingOptions &options, const CancelToken *cancel = nullptr);

} // namespace lm
