#include "workers/encoderjobs.h"

#include "io/hfimport.h"
#include "text/specialtokens.h"

#include <QFile>
#include <QFileInfo>

lm::Result<EncoderHandle> openEncoder(const QString &path)
{
    auto loaded = lm::loadModelPath(QFile::encodeName(path).toStdString());
    if (!loaded)
        return lm::makeError(loaded.error());
    lm::Checkpoint c = std::move(loaded).value();
    auto *encoder = dynamic_cast<lm::EncoderModel *>(c.model.get());
    if (!encoder)
        return lm::makeError(path.toStdString() + ": a " + c.model->arch() +
                             " model is not an encoder: it does not read the sentence both ways");
    if (auto sp = lm::findEncoderSpecials(*c.tokenizer); !sp)
        return lm::makeError(path.toStdString() + ": the tokenizer has " + sp.error());
    c.model.release(); // now owned by the handle, as the encoder it is
    EncoderHandle h;
    h.model.reset(encoder);
    h.tokenizer = std::shared_ptr<const lm::Tokenizer>(std::move(c.tokenizer));
    h.name = QFileInfo(path).fileName();
    return h;
}

QStringList splitWords(const QString &text)
{
    static const QString punctuation = QStringLiteral(".,!?;:，。！？；：、");
    QStringList words;
    QString current;
    auto flush = [&] {
        if (!current.isEmpty())
            words << current;
        current.clear();
    };
    const QList<uint> codes = text.toUcs4();
    for (const uint code : codes) {
        const QString ch = QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
        if (QChar::isSpace(code)) {
            flush();
        } else if (QChar::script(code) == QChar::Script_Han || punctuation.contains(ch)) {
            flush();
            words << ch;
        } else {
            current += ch;
        }
    }
    flush();
    return words;
}

void registerEncoderJobTypes()
{
    qRegisterMetaType<EncoderHandle>();
    qRegisterMetaType<PretrainRequest>();
    qRegisterMetaType<PretrainProgress>();
    qRegisterMetaType<PretrainScore>();
    qRegisterMetaType<MaskedBatch>();
    qRegisterMetaType<PretrainResult>();
    qRegisterMetaType<FinetuneRequest>();
    qRegisterMetaType<FinetuneProgress>();
    qRegisterMetaType<FinetuneEval>();
    qRegisterMetaType<FinetuneResult>();
    qRegisterMetaType<ExplainRequest>();
    qRegisterMetaType<Explanation>();
}
