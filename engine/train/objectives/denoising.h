#pragma once
// The pre-training objectives of encoder–decoders: damage a run of text, let the encoder read the
// damaged copy and the decoder write back what was lost (T5) or the whole text (BART).
//   SpanCorruptionObjective (T5, "span"): 15 % of the tokens, in spans of mean length 3, are cut
//     out; each span leaves one sentinel in the input, and the target lists the sentinels, each
//     followed by its span:
//       text   the cat sat on the mat
//       input  the <extra_id_0> on the mat </s>
//       target <extra_id_0> cat sat </s>
//   TextInfillingObjective (BART, "infill"): spans with Poisson(λ = 3) lengths cover 30 % of the
//     tokens; each span becomes one <mask> (a span of length 0 inserts one); with sentence
//     permutation ("permute") the sentences are shuffled first. The target is the whole text:
//       input  <s> the <mask> on the <mask> mat </s>      target <s> the cat sat on the mat </s>
// A row is a run of consecutive sentences of one document (text as train/objectives/
// pretraining.h's splitDocuments reads it), as many as fit the window, cut to it.
// Batches are those of SequenceToSequenceObjective (train/objectives/sequences.h).
#include "core/result.h"
#include "models/seq2seqtokens.h"
#include "train/objectives/sequences.h"

#include <vector>

namespace lm {

// One damaged text, for the corruption view and the tests.
struct CorruptedText {
    TokenSequence original; // the run of text as drawn, in its order
    TokenSequence input;    // what the encoder reads (without the begin and end tokens)
    TokenSequence target;   // what the decoder writes (without the begin and end tokens)
    struct Span {
        int start = 0;      // in `original` (permuted order for BART's sentence permutation)
        int length = 0;     // 0: an inserted mask
        int inputAt = 0;    // the sentinel's or mask's position in `input`
        int targetAt = -1;  // span corruption: the sentinel's position in `target`; else -1
    };
    std::vector<Span> spans;          // in text order
    std::vector<int> sentenceOrder;   // permutation: the input's sentences as indices of the original's; else empty
};

class SpanCorruptionObjective final : public Objective {
public:
    // Errors: T < 8, no sentinel ids, no sentence, an empty sentence, noise outside (0, 0.9],
    // meanSpan < 1.
    static Result<SpanCorruptionObjective> create(std::vector<std::vector<TokenSequence>> documents, int seq,
                                                  const Seq2SeqIds &ids, double noise = 0.15, double meanSpan = 3.0);
    ObjectiveKind kind() const override { return ObjectiveKind::SpanCorruption; }
    TokenBatch next(Rng &rng, int batch) override;
    // Draws a run of text and damages it.
    CorruptedText draw(Rng &rng) const;
    // Damages `text` (at least 2 tokens): the spans are chosen as T5's random_spans_noise_mask
    // does (round(n · noise) noise tokens, round(noise tokens / meanSpan) spans, both kinds of
    // run cut at random, starting with kept text), at most one span per sentinel.
    CorruptedText corrupt(const TokenSequence &text, Rng &rng) const;
    // The longest run whose damaged input, with the end token, fits T.
    int runLength() const { return m_run; }

private:
    std::vector<std::vector<TokenSequence>> m_documents;
    std::vector<std::pair<std::size_t, std::size_t>> m_starts; // (document, sentence)
    Seq2SeqIds m_ids;
    int m_seq = 0, m_run = 0;
    double m_noise = 0.15, m_meanSpan = 3.0;
};

class TextInfillingObjective final : public Objective {
public:
    // Errors: T < 4, no mask id, no sentence, an empty sentence, ratio outside (0, 0.9],
    // lambda <= 0.
    static Result<TextInfillingObjective> create(std::vector<std::vector<TokenSequence>> documents, int seq,
                                                 const Seq2SeqIds &ids, bool permute, double ratio = 0.3,
                                                 double lambda = 3.0);
    ObjectiveKind kind() const override { return ObjectiveKind::TextInfilling; }
    TokenBatch next(Rng &rng, int batch) override;
    CorruptedText draw(Rng &rng) const;
    // Damages the sentences `sentences` (joined, at least one token): shuffled when permuting,
    // then spans drawn until they cover ceil(n · ratio) tokens (a span may overlap another; the
    // tokens they cover together become one mask).
    CorruptedText corrupt(const std::vector<TokenSequence> &sentences, Rng &rng) const;
    bool permutes() const { return m_permute; }

private:
    std::vector<std::vector<TokenSequence>> m_documents;
    std::vector<std::pair<std::size_t, std::size_t>> m_starts;
    Seq2SeqIds m_ids;
    int m_seq = 0;
    bool m_permute = false;
    double m_ratio = 0.3, m_lambda = 3.0;
};

} // namespace lm
