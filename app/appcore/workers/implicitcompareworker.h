#pragma once
// ImplicitCompareWorker: the same text through a Transformer and through the state-space families,
// on a worker thread. For each family of comparisonFamilies() it trains a small model (width 64,
// two layers, character tokens) on the chosen corpus, then traces the text through it and hands
// back the trace, whose attention maps (heads, or implicit attention) the page draws side by side.
#include "base/metatypes.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace lm {
struct Architecture;
}

// The families compared: the first causal family of the table whose layers attend (a Transformer
// decoder), then every family whose layers compute attention only implicitly (state-space
// families). Hybrids that have both are left out: their layers are either kind.
std::vector<const lm::Architecture *> comparisonFamilies();

struct ImplicitCompareRequest {
    QString corpusSpec;  // base/corpora.h
    QString text;        // traced through every model
    int steps = 300;     // training steps per model
    int threads = 1;
    int generation = 0;  // echoed back
};

struct ImplicitCompareModel {
    int generation = 0;
    int index = 0;         // in comparisonFamilies()
    QString arch;          // table name
    QString displayName;   // in the interface language
    unsigned colour = 0;   // the family's colour, 0xRRGGBB
    double loss = 0.0;     // the mean training loss of the last tenth of the steps
    std::shared_ptr<const lm::Trace> trace;
};

Q_DECLARE_METATYPE(ImplicitCompareRequest)
Q_DECLARE_METATYPE(ImplicitCompareModel)

class ImplicitCompareWorker final : public QObject {
    Q_OBJECT

public:
    explicit ImplicitCompareWorker(QObject *parent = nullptr);
    ~ImplicitCompareWorker() override;
    // Thread-safe: the running comparison stops after the current step.
    void cancel() { m_cancel.store(true); }

public Q_SLOTS:
    // Emits progress() while training, modelReady() for each family in order, then finished();
    // failed() instead when the corpus or the text cannot be used.
    void run(const ImplicitCompareRequest &request);

Q_SIGNALS:
    void progress(int generation, int model, int models, int step, int steps);
    void modelReady(const ImplicitCompareModel &model);
    void finished(int generation, bool cancelled);
    void failed(int generation, const QString &message);

private:
    std::atomic<bool> m_cancel{false};
};
