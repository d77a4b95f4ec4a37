#pragma once
// The encoder of this session: the last encoder-only model (a bidirectional family of the
// architecture table) that was trained or opened anywhere in the app, so that every view that
// reads sentences with an encoder (sentence search, the Word vectors tab's contextual panel)
// reaches it without knowing who made it. Producers publish a copy they will not train
// further; consumers copy it again (cloneEncoder) on their own worker thread before use, so no
// two threads ever run one model.
#include "core/result.h"
#include "models/encoder/encoder.h"
#include "text/tokenizer.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>
#include <mutex>

// An encoder with its tokenizer, read-only once published.
struct EncoderSnapshot {
    std::shared_ptr<const lm::EncoderModel> model; // never null in a published snapshot
    std::shared_ptr<const lm::Tokenizer> tokenizer; // has [PAD] [UNK] [CLS] [SEP] [MASK]
    QString origin; // for the learner: "trained on the language-model tab", a file name …
};
Q_DECLARE_METATYPE(std::shared_ptr<const EncoderSnapshot>)

// A private, trainable copy: the same config and weights. Error when the config does not build.
struct EncoderCopy {
    std::unique_ptr<lm::EncoderModel> model;
    std::unique_ptr<lm::Tokenizer> tokenizer;
};
lm::Result<EncoderCopy> cloneEncoder(const lm::EncoderModel &model, const lm::Tokenizer &tokenizer);
// A snapshot of `model` (copied) when it is an encoder whose tokenizer has the five special
// tokens; null otherwise (a decoder, a recurrent model, a tokenizer without [CLS]).
std::shared_ptr<const EncoderSnapshot> snapshotIfEncoder(const lm::LanguageModel &model, const lm::Tokenizer &tokenizer,
                                                         const QString &origin);

class SessionEncoder final : public QObject {
    Q_OBJECT

public:
    // The one instance, created on first use in the thread that first asks (the GUI thread).
    static SessionEncoder &instance();

    // Thread-safe. Null when nothing was published yet.
    std::shared_ptr<const EncoderSnapshot> current() const;
    // Thread-safe; a null snapshot is ignored. Emits changed() (queued to receivers in other
    // threads).
    void publish(std::shared_ptr<const EncoderSnapshot> snapshot);

Q_SIGNALS:
    void changed();

private:
    SessionEncoder() = default;
    mutable std::mutex m_mutex;
    std::shared_ptr<const EncoderSnapshot> m_current;
};
