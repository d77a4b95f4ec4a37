#pragma once
// Progress of a word-vector method, reported through a callback with no UI types in it.
#include "embed/wordvectors.h"

#include <cstdint>

namespace lm {

struct EmbedProgress {
    double fraction = 0.0;      // of all the work, 0..1
    std::int64_t wordsDone = 0; // corpus tokens processed so far (all epochs; GloVe: pairs)
    double wordsPerSecond = 0.0;
    double learningRate = 0.0;
    double loss = 0.0;          // mean loss over the last reporting interval
    int epoch = 0;
};

class EmbedObserver {
public:
    virtual ~EmbedObserver() = default;
    // Called from one training thread every ~0.1 s of work.
    virtual void onProgress(const EmbedProgress &progress) = 0;
    // When this returns true at a progress call, onSnapshot() follows with the current vectors of
    // the `count` most frequent words (a racy read under Hogwild: fine for a picture).
    virtual bool wantsSnapshot() { return false; }
    virtual void onSnapshot(const WordVectors & /*current*/) {}
    virtual int snapshotWords() const { return 500; }
};

} // namespace lm
