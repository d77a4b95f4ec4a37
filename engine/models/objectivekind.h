#pragma once
// The objectives a model can train with (DESIGN.md): the architecture table lists each family's,
// and engine/train/ builds their batches.
#include <optional>
#include <string>

namespace lm {

// What a family trains with (engine/train/objectives/ build the batches).
enum class ObjectiveKind {
    CausalLm,               // "causal": predict the next token
    MaskedLm,               // "mlm": predict masked tokens
    SentencePair,           // "nsp" / "sop": classify a pair of segments
    SequenceClassification, // "classify": one label per sequence
    TokenClassification,    // "tag": one label per token
    SequenceToSequence,     // "seq2seq": encoder input, decoder input shifted right, targets
    Forecasting,            // "forecast": the next value of a numeric series
    Contrastive,            // "contrastive": pooled vectors of paired sentences close, others apart
    SpanCorruption,         // "span": T5's denoising, spans replaced by sentinels in the input
    TextInfilling,          // "infill": BART's denoising, spans replaced by one mask each
};
std::string objectiveName(ObjectiveKind kind);
std::optional<ObjectiveKind> objectiveFromName(const std::string &name);

} // namespace lm
