#include "train/setup.h"

#include "models/architecture.h"
#include "text/specialtokens.h"
#include "train/objectives/denoising.h"
#include "train/objectives/pretraining.h"

namespace lm {

namespace {

struct ParsedObjective {
    ObjectiveKind kind = ObjectiveKind::CausalLm;
    PairTask pair = PairTask::None;
    bool permute = false; // text infilling with sentence permutation
};

bool trainsOnText(ObjectiveKind k)
{
    return k == ObjectiveKind::CausalLm || k == ObjectiveKind::MaskedLm || k == ObjectiveKind::SpanCorruption ||
           k == ObjectiveKind::TextInfilling;
}

Result<ParsedObjective> parseObjectives(const std::vector<std::string> &names, const Architecture &arch)
{
    ParsedObjective o;
    if (names.empty()) {
        o.kind = arch.objectives.empty() ? ObjectiveKind::CausalLm : arch.objectives.front();
        if (!trainsOnText(o.kind))
            return makeError(arch.name + " is not trained on plain text");
        return o;
    }
    bool causal = false, mlm = false;
    std::optional<ObjectiveKind> denoising;
    for (const std::string &n : names) {
        if (n == "causal")
            causal = true;
        else if (n == "mlm")
            mlm = true;
        else if (n == "nsp" || n == "sop") {
            if (o.pair != PairTask::None)
                return makeError("give one of nsp and sop, not both");
            o.pair = n == "nsp" ? PairTask::NextSentence : PairTask::SentenceOrder;
        } else if (n == "span" || n == "infill") {
            if (denoising)
                return makeError("give one of span and infill, not both");
            denoising = n == "span" ? ObjectiveKind::SpanCorruption : ObjectiveKind::TextInfilling;
        } else if (n == "permute")
            o.permute = true;
        else
            return makeError("objective '" + n + "' is not one of causal, mlm, nsp, sop, span, infill, permute");
    }
    if (denoising || o.permute) {
        if (causal || mlm || o.pair != PairTask::None)
            return makeError("span and infill are trained alone (permute goes with infill)");
        if (o.permute && denoising != ObjectiveKind::TextInfilling)
            return makeError("permute (sentence permutation) goes with infill: infill,permute");
        o.kind = *denoising;
        if (!arch.supports(o.kind))
            return makeError(arch.name + " does not train with " + objectiveName(o.kind) + " (it trains with " +
                             objectiveName(arch.objectives.front()) + ")");
        return o;
    }
    if (causal && (mlm || o.pair != PairTask::None))
        return makeError("causal is trained alone, not with mlm, nsp or sop");
    if (o.pair != PairTask::None && !mlm)
        return makeError("nsp and sop are trained together with mlm (mlm,nsp or mlm,sop)");
    o.kind = causal ? ObjectiveKind::CausalLm : ObjectiveKind::MaskedLm;
    if (!arch.supports(o.kind))
        return makeError(arch.name + " does not train with " + (causal ? "causal" : "mlm") + " (it trains with " +
                         objectiveName(arch.objectives.front()) + ")");
    if (o.pair != PairTask::None && !arch.supports(ObjectiveKind::SentencePair))
        return makeError(arch.name + " has no sentence-pair head for nsp or sop");
    return o;
}

} // namespace

Result<TrainingSetup> prepareTraining(const std::string &text, const ModelChoice &choice, const TrainConfig &train)
{
    auto range = [](const char *name, long long v, long long lo, long long hi) -> std::string {
        if (v < lo || v > hi)
            return std::string(name) + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) +
                   ", got " + std::to_string(v);
        return {};
    };
    for (const std::string &msg : {range("steps", train.steps, 1, 10'000'000), range("batch", train.batch, 1, 4096),
                                   range("seq", train.seq, 1, 8192), range("vocab_size", choice.vocabSize, 0, 1 << 20)})
        if (!msg.empty())
            return makeError(msg);
    if (!(train.lr > 0.0f && train.lr < 10.0f))
        return makeError("lr must be between 0 and 10, got " + std::to_string(train.lr));
    auto arch = architectureOf({{"arch", choice.arch}});
    if (!arch)
        return makeError(arch.error());
    auto objective = parseObjectives(choice.objectives, *arch.value());
    if (!objective)
        return makeError(objective.error());
    // Options first, so a bad option is reported before the corpus is tokenised.
    auto options = arch.value()->resolveOptions(choice.options);
    if (!options)
        return makeError(options.error());

    const ObjectiveKind kind = objective.value().kind;
    const bool denoising = kind == ObjectiveKind::SpanCorruption || kind == ObjectiveKind::TextInfilling;
    TokenizerOptions topts;
    topts.maxVocab = choice.vocabSize;
    if (denoising) {
        const auto &special = arch.value()->seq2seqTokens;
        if (!special)
            return makeError(arch.value()->name + " declares no special tokens to denoise with"); // a table defect
        topts.leadingSpecials = special->leading;
        topts.trailingSpecials = special->trailing();
    }
    auto tokenizer = buildTokenizer(choice.tokenizer, text, topts);
    if (!tokenizer)
        return makeError(tokenizer.error());
    std::unique_ptr<Objective> data, probe, crossProbe;
    std::optional<Seq2SeqIds> seq2seqIds;
    std::int64_t tokens = 0;
    // Documents (blank-line separated) of sentences (one a line), as token ids.
    const auto tokenizedDocuments = [&] {
        std::vector<std::vector<TokenSequence>> documents;
        for (const auto &d : splitDocuments(text)) {
            documents.emplace_back();
            for (const auto &sentence : d) {
                TokenSequence ids = tokenizer.value()->encode(sentence);
                tokens += static_cast<std::int64_t>(ids.size());
                if (!ids.empty())
                    documents.back().push_back(std::move(ids));
            }
            if (documents.back().empty())
                documents.pop_back();
        }
        return documents;
    };
    if (denoising) {
        auto ids = findSeq2SeqIds(*arch.value()->seq2seqTokens, *tokenizer.value());
        if (!ids)
            return makeError("the " + choice.tokenizer + " tokenizer has " + ids.error());
        seq2seqIds = ids.value();
        if (kind == ObjectiveKind::SpanCorruption) {
            auto o = SpanCorruptionObjective::create(tokenizedDocuments(), train.seq, ids.value());
            if (!o)
                return makeError(o.error());
            data = std::make_unique<SpanCorruptionObjective>(std::move(o).value());
        } else {
            auto o = TextInfillingObjective::create(tokenizedDocuments(), train.seq, ids.value(), objective.value().permute);
            if (!o)
                return makeError(o.error());
            data = std::make_unique<TextInfillingObjective>(std::move(o).value());
        }
    } else if (kind == ObjectiveKind::CausalLm) {
        std::vector<std::int32_t> ids = tokenizer.value()->encode(text);
        tokens = static_cast<std::int64_t>(ids.size());
        auto stream = TokenDataset::create(std::move(ids), train.seq);
        if (!stream)
            return makeError(stream.error());
        data = std::make_unique<TokenDataset>(std::move(stream).value());
    } else {
        auto specials = findEncoderSpecials(*tokenizer.value());
        if (!specials)
            return makeError("masked-LM training needs a tokenizer with [PAD] [UNK] [CLS] [SEP] [MASK] (wordpiece or "
                             "unigram): the " + choice.tokenizer + " tokenizer has " + specials.error());
        const EncoderSpecials &sp = specials.value();
        PretrainingTokens pt{sp.pad, sp.cls, sp.sep, sp.mask, {sp.pad, sp.unk, sp.cls, sp.sep, sp.mask}};
        const std::vector<std::vector<TokenSequence>> documents = tokenizedDocuments();
        auto pretraining = EncoderPretraining::create(documents, objective.value().pair, train.seq,
                                                      tokenizer.value()->vocabSize(), pt);
        if (!pretraining)
            return makeError(pretraining.error());
        probe = std::make_unique<EncoderPretraining>(pretraining.value());
        data = std::make_unique<EncoderPretraining>(std::move(pretraining).value());
        if (const PairTask task = objective.value().pair; task != PairTask::None) {
            const PairTask other = task == PairTask::NextSentence ? PairTask::SentenceOrder : PairTask::NextSentence;
            auto cross = EncoderPretraining::create(documents, other, train.seq, tokenizer.value()->vocabSize(), pt);
            if (cross) // NSP needs two documents: a corpus SOP trains on may have one
                crossProbe = std::make_unique<EncoderPretraining>(std::move(cross).value());
        }
    }

    auto config = arch.value()->makeConfig(options.value(), tokenizer.value()->vocabSize(), train.seq);
    if (!config)
        return makeError(config.error());
    if (seq2seqIds) { // the ids the decoder starts from and pads with, from the tokenizer just trained
        config.value()["decoder_start"] = seq2seqIds->start;
        if (config.value().contains("pad_token"))
            config.value()["pad_token"] = seq2seqIds->pad;
    }
    auto model = arch.value()->create(config.value(), train.seed);
    if (!model)
        return makeError(model.error());

    TrainingSetup setup;
    setup.tokenizer = std::move(tokenizer).value();
    setup.model = std::move(model).value();
    if (auto *stream = dynamic_cast<TokenDataset *>(data.get()))
        setup.trainer = std::make_unique<Trainer>(*setup.model, std::move(*stream), train);
    else
        setup.trainer = std::make_unique<Trainer>(*setup.model, std::move(data), train);
    setup.corpusTokens = tokens;
    setup.probe = std::move(probe);
    setup.crossProbe = std::move(crossProbe);
    return setup;
}

} // namespace lm
