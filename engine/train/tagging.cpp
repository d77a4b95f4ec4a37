#include "train/tagging.h"

#include "core/rng.h"
#include "train/taggeddataset.h"

#include <algorithm>

namespace lm {

Result<TaggingRun> runTagging(std::vector<TaggedSentence> sentences, std::size_t heldOut, TaggerConfig model,
                              const TrainConfig &train, const CancelToken &cancel, TrainingObserver *observer)
{
    if (sentences.size() < 2)
        return makeError("tagging needs at least two sentences: one to train on and one to test");
    heldOut = std::clamp<std::size_t>(heldOut, 1, sentences.size() / 2);
    const std::vector<TaggedSentence> test(sentences.end() - static_cast<std::ptrdiff_t>(heldOut), sentences.end());
    sentences.resize(sentences.size() - heldOut);

    TaggingRun run;
    run.vocab = std::make_shared<TagVocabulary>(TagVocabulary::build(sentences));
    model.vocabSize = run.vocab->wordCount();
    model.tagCount = run.vocab->tagCount();
    try {
        Rng rng(train.seed);
        run.tagger = std::make_shared<RecurrentTagger>(model, rng);
    } catch (const std::invalid_argument &e) {
        return makeError(e.what());
    }
    run.untrainedAccuracy = taggingAccuracy(*run.tagger, *run.vocab, test);
    auto dataset = TaggedDataset::create(std::move(sentences), *run.vocab);
    if (!dataset)
        return makeError(dataset.error());
    Trainer trainer(*run.tagger, std::make_unique<TaggedDataset>(std::move(dataset).value()), train);
    run.outcome = trainer.run(cancel, observer);
    run.divergence = trainer.divergence();
    run.stepsDone = trainer.stepsDone();
    run.accuracy = taggingAccuracy(*run.tagger, *run.vocab, test);
    run.testSentences = static_cast<int>(test.size());
    for (const TaggedSentence &s : test)
        run.testWords += static_cast<int>(s.words.size());
    return run;
}

} // namespace lm
