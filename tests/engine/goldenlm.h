#pragma once
// Shared by the language-model golden tests (RWKV, Mamba, Jamba): a fixture's training batch run
// through a model, its loss and every recorded gradient compared with PyTorch's, and a sequence's
// logits token by token through nextTokenLogits() compared with the parallel form's.
// Fixture layout: {"batch", "time", "ids", "targets", "loss", "grads": {name: [values]}}.
#include "core/tape.h"
#include "models/languagemodel.h"

#include "golden.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

namespace lm::test {

inline std::vector<std::int32_t> goldenIds(const nlohmann::json &j)
{
    std::vector<std::int32_t> out;
    for (const auto &v : j)
        out.push_back(static_cast<std::int32_t>(v.get<double>()));
    return out;
}

// Empty when the loss is within 1e-5 and every gradient the fixture holds is within
// abs + rel·|torch| (and the fixture names only tensors the model has), else what differs.
inline QString trainingMismatch(LanguageModel &model, const nlohmann::json &g, double abs, double rel)
{
    TokenBatch batch;
    batch.batch = g["batch"].get<int>();
    batch.time = g["time"].get<int>();
    batch.inputs = goldenIds(g["ids"]);
    batch.targets = goldenIds(g["targets"]);
    Tape tape;
    Tensor loss;
    {
        TapeScope scope(tape);
        loss = model.loss(batch);
        tape.backward(loss);
    }
    if (!(std::abs(loss.item() - g["loss"].get<double>()) < 1e-5))
        return QStringLiteral("loss %1 vs torch %2").arg(loss.item()).arg(g["loss"].get<double>());
    std::size_t checked = 0;
    for (const NamedParameter &p : model.parameters()) {
        if (!g["grads"].contains(p.name))
            continue;
        const QString bad = goldenMismatch(p.tensor.gradVector(), g["grads"][p.name].get<std::vector<float>>(), abs, rel);
        if (!bad.isEmpty())
            return QString::fromStdString(p.name) + QStringLiteral(": ") + bad;
        ++checked;
    }
    if (checked != g["grads"].size())
        return QStringLiteral("%1 of the fixture's %2 gradients found in the model").arg(checked).arg(g["grads"].size());
    return {};
}

// Empty when nextTokenLogits() after each prefix of `ids` matches the row of sequenceLogits(ids)
// within abs + rel·|parallel|, else where it does not.
inline QString formsMismatch(LanguageModel &model, const std::vector<std::int32_t> &ids, double abs, double rel)
{
    const Tensor all = model.sequenceLogits(ids);
    const std::int64_t V = all.size(1);
    model.resetState();
    for (std::size_t t = 1; t <= ids.size(); ++t) {
        const Tensor next = model.nextTokenLogits({ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(t)});
        const std::vector<float> row(all.data() + static_cast<std::int64_t>(t - 1) * V,
                                     all.data() + static_cast<std::int64_t>(t) * V);
        const QString bad = goldenMismatch({next.data(), next.data() + next.numel()}, row, abs, rel);
        if (!bad.isEmpty())
            return QStringLiteral("after %1 tokens: %2").arg(t).arg(bad);
    }
    return {};
}

} // namespace lm::test
