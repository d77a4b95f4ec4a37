#include "train/seq2seqtask.h"

#include "models/architecture.h"
#include "text/textmetrics.h"
#include "train/objectives/sequences.h"

namespace lm {

Result<Seq2SeqIds> seq2seqIdsOf(const LanguageModel &model, const Tokenizer &tokenizer)
{
    auto arch = architectureOf(model.config());
    if (!arch)
        return makeError(arch.error());
    if (!arch.value()->seq2seqTokens)
        return makeError("a " + arch.value()->name + " model does not write a target for a source");
    auto ids = findSeq2SeqIds(*arch.value()->seq2seqTokens, tokenizer);
    if (!ids)
        return makeError("the model's tokenizer has " + ids.error());
    return ids;
}

Result<Seq2SeqFinetuneSetup> prepareSeq2SeqFinetuning(LanguageModel &model, const Tokenizer &tokenizer,
                                                      const Seq2SeqTask &task, const TrainConfig &config,
                                                      bool fromScratch)
{
    if (!dynamic_cast<Seq2SeqModel *>(&model))
        return makeError("a " + model.arch() + " model is not an encoder–decoder");
    if (task.train.empty())
        return makeError("there is no training pair");
    if (task.test.empty())
        return makeError("there is no test pair");
    auto ids = seq2seqIdsOf(model, tokenizer);
    if (!ids)
        return makeError(ids.error());
    std::vector<SequencePair> pairs;
    try {
        for (std::size_t i = 0; i < task.train.size(); ++i) {
            SequencePair p{tokenizer.encode(task.train[i].source), tokenizer.encode(task.train[i].target)};
            if (p.source.empty() || p.target.empty())
                return makeError("training pair " + std::to_string(i + 1) + " has an empty " +
                                 (p.source.empty() ? "source" : "target"));
            pairs.push_back(std::move(p));
        }
    } catch (const std::exception &e) {
        return makeError(e.what());
    }
    for (std::size_t i = 0; i < task.test.size(); ++i)
        if (task.test[i].source.empty() || task.test[i].target.empty())
            return makeError("test pair " + std::to_string(i + 1) + " has an empty " +
                             (task.test[i].source.empty() ? "source" : "target"));
    const Seq2SeqIds &sp = ids.value();
    auto objective = SequenceToSequenceObjective::create(std::move(pairs), config.seq, {sp.pad, sp.start, sp.end}, sp.begin);
    if (!objective)
        return makeError(objective.error());
    Seq2SeqFinetuneSetup setup;
    setup.ids = sp;
    if (fromScratch) {
        auto fresh = createModel(model.config(), config.seed);
        if (!fresh)
            return makeError(fresh.error());
        setup.fresh = std::move(fresh).value();
        setup.model = dynamic_cast<Seq2SeqModel *>(setup.fresh.get());
    } else {
        setup.model = dynamic_cast<Seq2SeqModel *>(&model);
    }
    setup.trainer = std::make_unique<Trainer>(*setup.model,
                                              std::make_unique<SequenceToSequenceObjective>(std::move(objective).value()),
                                              config);
    return setup;
}

Seq2SeqScores scoreSeq2Seq(Seq2SeqModel &model, const Tokenizer &tokenizer, const Seq2SeqIds &ids,
                           const std::vector<TextPair> &test, const DecodingOptions &options, int maxSource,
                           std::size_t limit, const CancelToken *cancel)
{
    Seq2SeqScores s;
    std::vector<std::string> references;
    const std::size_t n = limit == 0 ? test.size() : std::min(limit, test.size());
    DecodingOptions written = options;
    written.vocabLimit = tokenizer.vocabSize(); // only ids the tokenizer can write out
    for (std::size_t i = 0; i < n; ++i) {
        if (cancel && cancel->isCancelled())
            break;
        std::vector<std::int32_t> source = tokenizer.encode(test[i].source);
        if (maxSource > 0 && static_cast<int>(source.size()) > maxSource)
            source.resize(static_cast<std::size_t>(maxSource));
        if (source.empty())
            source.push_back(ids.end); // nothing the tokenizer knows: the model still writes something
        s.written.push_back(tokenizer.decode(decodeSequence(model, source, ids, written, cancel).tokens));
        references.push_back(test[i].target);
    }
    s.scored = static_cast<int>(s.written.size());
    s.chrF = corpusChrF(s.written, references);
    s.bleu = corpusBleu(s.written, references);
    return s;
}

} // namespace lm
