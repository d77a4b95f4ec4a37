#pragma once
// Contrastive sentence embeddings: an encoder learns to give two sentences that say the same
// thing nearby vectors (supervised SimCSE, Gao et al. 2021; Sentence-BERT's multiple-negatives
// ranking loss). A batch is B pairs (a_i, b_i); each sentence "[CLS] s [SEP]" goes through the
// encoder and is mean-pooled over its real tokens (inspect/sentencevectors.h's Mean pooling),
// then scaled to unit length; with s_ij = cos(a_i, b_j) / τ the loss is the mean of
//   cross-entropy(s_i·, i)  (a_i must pick b_i out of the batch's B partners) and
//   cross-entropy(s_·j, j)  (and b_j its a_j),
// so every other pair in the batch is a negative. The encoder's heads are not used.
//
// Legend: B = pairs per batch, T = the longest row of the batch, H = the encoder's width.
#include "core/result.h"
#include "core/tensor.h"
#include "text/labelled.h"
#include "text/tokenizer.h"
#include "train/trainer.h"

#include <cstdint>
#include <vector>

namespace lm {

class EncoderModel;

// Mean of hidden (B, T, H) over each row's positions where mask (B, T) is 1 -> (B, H);
// differentiable in `hidden`. A row without a real token gives zeros.
Tensor maskedMeanPool(const Tensor &hidden, const std::vector<std::uint8_t> &mask);

class ContrastivePairs final : public Objective {
public:
    // pairs: token ids of both sentences, each already "[CLS] s [SEP]" and at most seq long.
    // Errors: fewer than 2 pairs, an empty sentence, a sentence longer than seq, τ <= 0.
    static Result<ContrastivePairs> create(std::vector<std::pair<std::vector<std::int32_t>, std::vector<std::int32_t>>> pairs,
                                           std::int32_t pad, int seq, float temperature = 0.05f);
    ObjectiveKind kind() const override { return ObjectiveKind::Contrastive; }
    // Rows 0..B-1 are the first sentences, B..2B-1 their partners (in order), padded to the
    // batch's longest row with paddingMask; B distinct pairs (at most the number of pairs).
    TokenBatch next(Rng &rng, int batch) override;
    // The loss above; `model` must be an EncoderModel (std::invalid_argument otherwise).
    Tensor loss(TrainableModel &model, const TokenBatch &batch) override;
    std::size_t size() const { return m_pairs.size(); }
    float temperature() const { return m_temperature; }

private:
    std::vector<std::pair<std::vector<std::int32_t>, std::vector<std::int32_t>>> m_pairs;
    std::int32_t m_pad = 0;
    int m_seq = 0;
    float m_temperature = 0.05f;
};

// Sentence pairs as the objective's rows: each sentence "[CLS] s [SEP]" cut to seq tokens.
// Errors: a tokenizer without [CLS]/[SEP]/[PAD], invalid UTF-8 (naming the pair), and create()'s.
Result<ContrastivePairs> makeContrastivePairs(const Tokenizer &tokenizer, const std::vector<SentencePair> &pairs,
                                              int seq, float temperature = 0.05f);

// The loss on one batch of `next`'s form, and how often a_i's nearest partner is b_i (no gradients).
struct ContrastiveScores {
    double loss = 0.0;
    double accuracy = 0.0; // share of first sentences whose most similar partner is their own
};
ContrastiveScores scoreContrastive(EncoderModel &model, const TokenBatch &batch, float temperature);

} // namespace lm
