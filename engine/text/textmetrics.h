#pragma once
// How close written text is to a reference, as machine translation scores it (corpus level, in
// percent, as sacrebleu reports them).
//   chrF  character n-grams (n = 1..6, whitespace removed), matches, hypothesis and reference
//         counts summed over the corpus per n; per n F_β = (1 + β²)·P·R / (β²·P + R) with β = 2
//         (recall counts four times as much as precision), averaged over the n that occur.
//   BLEU  word n-grams (n = 1..4) with clipped counts summed over the corpus, the geometric mean
//         of the four precisions times the brevity penalty exp(min(0, 1 − ref/hyp)). Words: runs
//         of letters and digits, each punctuation mark alone, each CJK character alone (as
//         sacrebleu's "zh" tokenizer splits Chinese); no smoothing, so a corpus without a
//         matching 4-gram scores 0.
#include <string>
#include <vector>

namespace lm {

// hypotheses[i] is scored against references[i]; both valid UTF-8 and the same length (throws
// std::invalid_argument otherwise). 0 for an empty corpus.
double corpusChrF(const std::vector<std::string> &hypotheses, const std::vector<std::string> &references);
double corpusBleu(const std::vector<std::string> &hypotheses, const std::vector<std::string> &references);

// The words BLEU counts.
std::vector<std::string> bleuWords(const std::string &utf8Text);

} // namespace lm
