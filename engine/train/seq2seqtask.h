#pragma once
// Teaching an encoder–decoder a transformation (translation, summarisation) on pairs of texts,
// and scoring what it writes on held-out pairs.
//   pairs -> token ids (the model's tokenizer) -> SequenceToSequenceObjective -> Trainer
//   held-out sources -> decodeSequence -> chrF and BLEU against the references
#include "core/cancel.h"
#include "core/result.h"
#include "models/seq2seqdecoding.h"
#include "models/seq2seqmodel.h"
#include "text/labelled.h" // TextPair
#include "text/tokenizer.h"
#include "train/trainer.h"

#include <memory>
#include <string>
#include <vector>

namespace lm {

struct Seq2SeqTask {
    std::vector<TextPair> train, test;
};

// The special tokens of `model`'s family (Architecture::seq2seqTokens) in `tokenizer`. Errors
// name the family or the missing token ("no <extra_id_0> token").
Result<Seq2SeqIds> seq2seqIdsOf(const LanguageModel &model, const Tokenizer &tokenizer);

struct Seq2SeqFinetuneSetup {
    std::unique_ptr<LanguageModel> fresh; // from scratch: the new model; else null
    Seq2SeqModel *model = nullptr;        // what trains: `fresh` or the model given
    Seq2SeqIds ids;
    std::unique_ptr<Trainer> trainer;
};

// Trains `model` itself, or (fromScratch) a new model of its config seeded by config.seed. Errors:
// a model that is not an encoder–decoder, no training or no test pair, a pair whose source or
// target is empty or gives no tokens (named by its number), a tokenizer without the family's
// special tokens.
Result<Seq2SeqFinetuneSetup> prepareSeq2SeqFinetuning(LanguageModel &model, const Tokenizer &tokenizer,
                                                      const Seq2SeqTask &task, const TrainConfig &config,
                                                      bool fromScratch);

struct Seq2SeqScores {
    double chrF = 0.0, bleu = 0.0;
    std::vector<std::string> written; // one per scored pair
    int scored = 0;                   // pairs scored (fewer when cancelled)
};

// Writes a target for each of the first `limit` (0 = all) test sources (cut to maxSource tokens)
// and scores them against their references.
Seq2SeqScores scoreSeq2Seq(Seq2SeqModel &model, const Tokenizer &tokenizer, const Seq2SeqIds &ids,
                           const std::vector<TextPair> &test, const DecodingOptions &options, int maxSource,
                           std::size_t limit = 0, const CancelToken *cancel = nullptr);

} // namespace lm
