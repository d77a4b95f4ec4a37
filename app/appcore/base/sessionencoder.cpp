#include "base/sessionencoder.h"

#include "core/rng.h"
#include "text/specialtokens.h"

#include <algorithm>

lm::Result<EncoderCopy> cloneEncoder(const lm::EncoderModel &model, const lm::Tokenizer &tokenizer)
{
    auto config = lm::EncoderConfig::fromJson(model.config());
    if (!config)
        return lm::makeError(config.error());
    auto tok = lm::tokenizerFromJson(tokenizer.toJson());
    if (!tok)
        return lm::makeError(tok.error());
    lm::Rng rng(0);
    EncoderCopy copy;
    copy.model = lm::makeEncoder(config.value(), rng);
    copy.tokenizer = std::move(tok).value();
    const lm::ParameterList from = model.parameters();
    lm::ParameterList to = copy.model->parameters();
    if (from.size() != to.size())
        return lm::makeError("the copy of the encoder has another set of tensors");
    for (std::size_t i = 0; i < to.size(); ++i) { // same config: same names, shapes and order
        if (from[i].tensor.numel() != to[i].tensor.numel())
            return lm::makeError("the copy of " + from[i].name + " has another shape");
        std::copy_n(from[i].tensor.data(), from[i].tensor.numel(), to[i].tensor.data());
    }
    return copy;
}

std::shared_ptr<const EncoderSnapshot> snapshotIfEncoder(const lm::LanguageModel &model, const lm::Tokenizer &tokenizer,
                                                         const QString &origin)
{
    const auto *encoder = dynamic_cast<const lm::EncoderModel *>(&model);
    if (!encoder || !lm::findEncoderSpecials(tokenizer))
        return nullptr;
    auto copy = cloneEncoder(*encoder, tokenizer);
    if (!copy)
        return nullptr;
    auto snapshot = std::make_shared<EncoderSnapshot>();
    snapshot->model = std::move(copy.value().model);
    snapshot->tokenizer = std::move(copy.value().tokenizer);
    snapshot->origin = origin;
    return snapshot;
}

SessionEncoder &SessionEncoder::instance()
{
    static SessionEncoder *hub = [] {
        qRegisterMetaType<std::shared_ptr<const EncoderSnapshot>>();
        return new SessionEncoder; // lives as long as the process; receivers disconnect as they go
    }();
    return *hub;
}

std::shared_ptr<const EncoderSnapshot> SessionEncoder::current() const
{
    const std::lock_guard lock(m_mutex);
    return m_current;
}

void SessionEncoder::publish(std::shared_ptr<const EncoderSnapshot> snapshot)
{
    if (!snapshot || !snapshot->model || !snapshot->tokenizer)
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_current = std::move(snapshot);
    }
    Q_EMIT changed();
}
