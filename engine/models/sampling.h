#pragma once
// Choosing the next token from logits: greedy, temperature, top-k and top-p (nucleus), and a
// generation loop over any LanguageModel. The same seed gives the same text.
#include "core/rng.h"
#include "models/languagemodel.h"
#include "text/tokenizer.h"

#include <functional>
#include <string>
#include <vector>

namespace lm {

struct SamplingOptions {
    float temperature = 1.0f; // 0 = greedy (argmax)
    int topK = 0;             // 0 = no cut; else keep the k most likely tokens
    float topP = 1.0f;        // keep the smallest set whose probability reaches topP
    std::uint64_t seed = 1;
};

// logits: V values. Throws std::invalid_argument on an empty vector, a negative temperature,
// topK < 0 or topP outside (0, 1]. Ties in the greedy case go to the lowest id.
std::int32_t sampleToken(const float *logits, std::int64_t vocab, const SamplingOptions &options, Rng &rng);

// Appends up to maxNew tokens to the prompt's ids; calls onToken(id, text) after each, and stops
// early when it returns false. Returns the generated ids (without the prompt). Runs without a tape.
// Throws std::invalid_argument for a family that does not read causally (the table's traits).
std::vector<std::int32_t> generateTokens(LanguageModel &model, const std::vector<std::int32_t> &prompt, int maxNew,
                                         const SamplingOptions &options,
                                         const std::function<bool(std::int32_t)> &onToken = {});

// The decoded continuation of `prompt` (text), as generateTokens.
std::string generateText(LanguageModel &model, const Tokenizer &tokenizer, const std::string &prompt, int maxNew,
                         const SamplingOptions &options);

} // namespace lm
