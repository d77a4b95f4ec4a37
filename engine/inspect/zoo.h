#pragma once
// The zoo: every family of the architecture table trained at about the same parameter budget on
// the same text, and measured side by side in one run (lmscope-cli zoo; the app's Compare tab).
//
// Per family, by what the table says it learns:
//   causal families (MLP, RNNs, GPT, Llama, RWKV, Mamba, Jamba): characters as tokens, next-token
//     loss and perplexity on the held-out tail of the text;
//   encoders (BERT, ALBERT): WordPiece (ALBERT: unigram), masked-LM loss and accuracy on the
//     held-out tail (15 % masked, 80/10/10) — a different quantity, stated as such;
//   encoder–decoders (T5, BART): trained from scratch on the translation pairs given, chrF of
//     greedy translations of held-out pairs, and their last training loss.
// The width is the one whose exact parameter count (the table's parameterCount) comes closest to
// the budget, with `layers` layers. Measured for each: training tokens/s, peak training memory
// beyond the weights at each of trainLengths (batch 2), and for the families that generate token
// by token, generation memory beyond the weights and ms/token (the mean over a decode of T tokens)
// at each of generationLengths.
#include "core/cancel.h"
#include "core/result.h"
#include "models/languagemodel.h"
#include "text/labelled.h" // TextPair
#include "text/tokenizer.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lm {

struct ZooRow;

struct ZooRequest {
    std::string text;                  // the corpus (one sentence a line suits the encoders)
    std::vector<TextPair> translationTrain, translationTest; // empty: the encoder–decoders are left out
    std::vector<std::string> families; // empty: every family of the table that trains on text or pairs
    std::int64_t budgetParams = 200'000;
    int layers = 2;
    int steps = 300;
    int batch = 16;
    int seq = 64;
    float lr = 3e-3f;
    std::uint64_t seed = 1;
    double heldOutFraction = 0.1;      // the tail of the text's lines, never trained on
    std::vector<int> trainLengths{128, 512};
    std::vector<int> generationLengths{256, 2048};
    // Called once per family, right after its quality was measured, with the model as trained
    // (an encoder–decoder: fine-tuned on the pairs) and its tokenizer; the row holds what is
    // measured so far (memory and speed follow). Null: nothing is kept. (The app keeps the
    // models to read one sentence through each.)
    std::function<void(const ZooRow &row, LanguageModel &model, const Tokenizer &tokenizer)> trained;
};

struct ZooRow {
    std::string family;
    std::string objective;   // "causal", "mlm", "translation"
    std::string quality;     // what held_out_loss is: "next-token loss", "masked-LM loss", "training loss"
    int dim = 0;
    std::int64_t params = 0;
    double heldOutLoss = 0.0;
    double perplexity = 0.0;     // exp(loss) for causal families, else NaN
    double mlmAccuracy = 0.0;    // encoders, else NaN
    double chrF = 0.0;           // encoder–decoders, else NaN
    double tokensPerSecond = 0.0;
    std::vector<std::int64_t> trainBytes;      // per trainLengths; -1 where not measured
    std::vector<std::int64_t> generationBytes; // per generationLengths; -1 where the family does not generate
    std::vector<double> generationMsPerToken;  // likewise, NaN
};

// Progress: a line per family and stage ("gpt: training 300 steps"). Errors: an unknown family, a
// text too short for a held-out tail of one window, a budget no width reaches within 4x, a
// family that fails to train (its message); cancelling stops between stages with "cancelled".
Result<std::vector<ZooRow>> runZoo(const ZooRequest &request, const std::function<void(const std::string &)> &progress = {},
                                   const CancelToken *cancel = nullptr);

// Header "family,objective,quality,dim,params,held_out_loss,perplexity,mlm_accuracy,chrf,
// tokens_per_s,train_bytes_T…,gen_bytes_T…,gen_ms_per_token_T…", a line per row; empty fields
// for what does not apply.
std::string zooCsv(const ZooRequest &request, const std::vector<ZooRow> &rows);

// zoo.json, the app's cache of a comparison: the rows and the lengths their memory columns were
// measured at, exactly (non-finite numbers as null). parseZooJson checks every field and gives one
// line starting "zoo.json: " for anything else: broken JSON, another version, an unknown family,
// a missing field, a memory column whose length disagrees with the lengths, no rows.
struct ZooTable {
    std::vector<ZooRow> rows;
    std::vector<int> trainLengths, generationLengths;
};
std::string zooJson(const ZooTable &table);
Result<ZooTable> parseZooJson(const std::string &text);

} // namespace lm
