#include "base/corpora.h"

#include <QCoreApplication>
#include <QFile>

QList<BuiltinCorpus> builtinCorpora()
{
    return {
        {QStringLiteral("en"), QCoreApplication::translate("Corpora", "Built-in: English (families, capitals, plurals)"),
         QStringLiteral(":/corpora/en.txt")},
        {QStringLiteral("zh_TW"), QCoreApplication::translate("Corpora", "Built-in: Traditional Chinese (家族、首都、量詞)"),
         QStringLiteral(":/corpora/zh_TW.txt")},
        // Documents of ordered sentences on one topic each: what encoders pre-train on (NSP, SOP).
        {QStringLiteral("documents_en"), QCoreApplication::translate("Corpora", "Built-in: English short documents (for encoders)"),
         QStringLiteral(":/corpora/documents_en.txt")},
        {QStringLiteral("documents_zh_TW"),
         QCoreApplication::translate("Corpora", "Built-in: Traditional Chinese short documents (for encoders)"),
         QStringLiteral(":/corpora/documents_zh_TW.txt")},
    };
}

lm::Result<lm::Corpus> loadCorpusSpec(const QString &spec)
{
    const QString prefix = QStringLiteral("builtin:");
    if (!spec.startsWith(prefix))
        return lm::loadCorpus(spec.toStdString());
    const QString id = spec.mid(prefix.size());
    QStringList known;
    for (const BuiltinCorpus &c : builtinCorpora()) {
        known << prefix + c.id;
        if (c.id != id)
            continue;
        QFile f(c.resource);
        if (!f.open(QIODevice::ReadOnly))
            return lm::makeError(spec.toStdString() + ": the built-in corpus is missing from this build");
        return lm::corpusFromBytes(spec.toStdString(), f.readAll().toStdString());
    }
    return lm::makeError("unknown built-in corpus '" + spec.toStdString() + "' (available: " +
                         known.join(QStringLiteral(", ")).toStdString() + ")");
}
