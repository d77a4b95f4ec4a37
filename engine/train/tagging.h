#pragma once
// Token classification end to end, the one path the GUI's tagging page and the lessons take:
// hold out the last sentences, build the vocabularies, train a RecurrentTagger through the shared
// Trainer on the tagging objective (train/taggeddataset.h), and score it on the held-out part.
#include "core/cancel.h"
#include "core/result.h"
#include "models/recurrent/tagger.h"
#include "train/trainer.h"

#include <memory>
#include <string>
#include <vector>

namespace lm {

struct TaggingRun {
    std::shared_ptr<RecurrentTagger> tagger;
    std::shared_ptr<TagVocabulary> vocab;
    double untrainedAccuracy = 0.0; // on the held-out sentences, before the first step
    double accuracy = 0.0;          // after training
    int testSentences = 0, testWords = 0;
    int stepsDone = 0;
    Trainer::Outcome outcome = Trainer::Outcome::Finished;
    std::string divergence; // the trainer's message when outcome is Diverged
};

// sentences: all of them; the last `heldOut` (clamped to [1, half]) are the test set. `model`
// gives the cell, sizes and direction (its vocabulary and tag counts are filled in here); the
// model is seeded by train.seed. Errors: fewer than two sentences, a bad config.
Result<TaggingRun> runTagging(std::vector<TaggedSentence> sentences, std::size_t heldOut, TaggerConfig model,
                              const TrainConfig &train, const CancelToken &cancel, TrainingObserver *observer = nullptr);

} // namespace lm
