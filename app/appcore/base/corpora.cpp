#include "base/corpora.h"

#include "base/datasets.h"

#include <QCoreApplication>
#include <QFile>

#include <cstring>

QList<BuiltinCorpus> builtinCorpora()
{
    return {
        {QStringLiteral("en"), QCoreApplication::translate("Corpora", "Built-in: English (families, capitals, plurals)"),
         {QStringLiteral(":/corpora/en.txt")}, {}},
        {QStringLiteral("zh_TW"), QCoreApplication::translate("Corpora", "Built-in: Traditional Chinese (家族、首都、量詞)"),
         {QStringLiteral(":/corpora/zh_TW.txt")}, {}},
        // Both, for an encoder-decoder that will translate between them.
        {QStringLiteral("en_zh_TW"),
         QCoreApplication::translate("Corpora", "Built-in: English and Traditional Chinese (for translation models)"),
         {QStringLiteral(":/corpora/en.txt"), QStringLiteral(":/corpora/zh_TW.txt")}, {}},
        // Documents of ordered sentences on one topic each: what encoders pre-train on (NSP, SOP).
        {QStringLiteral("documents_en"), QCoreApplication::translate("Corpora", "Built-in: English short documents (for encoders)"),
         {QStringLiteral(":/corpora/documents_en.txt")}, {}},
        {QStringLiteral("documents_zh_TW"),
         QCoreApplication::translate("Corpora", "Built-in: Traditional Chinese short documents (for encoders)"),
         {QStringLiteral(":/corpora/documents_zh_TW.txt")}, {}},
        // The labelled sets' training sentences: masked-word pre-training on a task's own words.
        {QStringLiteral("sentences_en"),
         QCoreApplication::translate("Corpora", "Built-in: English task sentences (sentiment, intent; no labels)"),
         {}, {QStringLiteral("builtin:sentiment_en_train"), QStringLiteral("builtin:intent_en_train")}},
        {QStringLiteral("sentences_zh_TW"),
         QCoreApplication::translate("Corpora", "Built-in: Traditional Chinese task sentences (sentiment, intent; no labels)"),
         {}, {QStringLiteral("builtin:sentiment_zh_TW_train"), QStringLiteral("builtin:intent_zh_TW_train")}},
        // The summary sets' training passages: what a summariser pre-trains on.
        {QStringLiteral("passages_en"),
         QCoreApplication::translate("Corpora", "Built-in: English news passages (for summarisation models)"),
         {}, {}, {QStringLiteral("builtin:summary_en_train")}},
        {QStringLiteral("passages_zh_TW"),
         QCoreApplication::translate("Corpora", "Built-in: Traditional Chinese news passages (for summarisation models)"),
         {}, {}, {QStringLiteral("builtin:summary_zh_TW_train")}},
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
        if (!c.sentencesOf.isEmpty()) {
            std::string text;
            for (const QString &set : c.sentencesOf) {
                auto labelled = loadLabelledSpec(set);
                if (!labelled)
                    return lm::makeError(spec.toStdString() + ": " + labelled.error());
                const auto &examples = labelled.value().examples;
                for (std::size_t i = 0; i < examples.size(); ++i)
                    text += examples[i].text + (i % 8 == 7 || i + 1 == examples.size() ? "\n\n" : "\n");
            }
            return lm::corpusFromBytes(spec.toStdString(), text);
        }
        if (!c.passagesOf.isEmpty()) {
            std::string text;
            for (const QString &set : c.passagesOf) {
                auto pairs = loadTextPairsSpec(set);
                if (!pairs)
                    return lm::makeError(spec.toStdString() + ": " + pairs.error());
                for (const lm::TextPair &p : pairs.value())
                    text += p.source + "\n\n";
            }
            return lm::corpusFromBytes(spec.toStdString(), text);
        }
        std::string text;
        for (const QString &resource : c.resources) {
            QFile f(resource);
            if (!f.open(QIODevice::ReadOnly))
                return lm::makeError(spec.toStdString() + ": the built-in corpus is missing from this build");
            if (!text.empty())
                text += text.back() == '\n' ? "\n" : "\n\n";
            text += f.readAll().toStdString();
        }
        return lm::corpusFromBytes(spec.toStdString(), text);
    }
    return lm::makeError("unknown built-in corpus '" + spec.toStdString() + "' (available: " +
                         known.join(QStringLiteral(", ")).toStdString() + ")");
}

namespace {

lm::Result<std::vector<std::string>> corpusLines(const QString &spec)
{
    auto corpus = loadCorpusSpec(spec);
    if (!corpus)
        return lm::makeError(corpus.error());
    std::vector<std::string> lines;
    const std::string &text = corpus.value().text;
    for (std::size_t from = 0; from < text.size();) {
        std::size_t end = text.find('\n', from);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(from, end - from);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(std::move(line));
        from = end + 1;
    }
    while (!lines.empty() && lines.back().empty())
        lines.pop_back();
    return lines;
}

} // namespace

lm::Result<lm::Seq2SeqTask> builtinTranslationTask(bool fromEnglish)
{
    auto en = corpusLines(QStringLiteral("builtin:en"));
    if (!en)
        return lm::makeError(en.error());
    auto zh = corpusLines(QStringLiteral("builtin:zh_TW"));
    if (!zh)
        return lm::makeError(zh.error());
    if (en.value().size() != zh.value().size())
        return lm::makeError("builtin:en has " + std::to_string(en.value().size()) + " lines and builtin:zh_TW " +
                             std::to_string(zh.value().size()) + ": they are not line-by-line translations");
    lm::Seq2SeqTask task;
    for (std::size_t i = 0; i < en.value().size(); ++i) {
        const std::string &e = en.value()[i], &z = zh.value()[i];
        if (e.empty() || z.empty())
            return lm::makeError(std::string(e.empty() ? "builtin:en" : "builtin:zh_TW") + ":" + std::to_string(i + 1) +
                                 ": an empty line in a parallel corpus");
        (i % 10 == 9 ? task.test : task.train).push_back(fromEnglish ? lm::TextPair{e, z} : lm::TextPair{z, e});
    }
    return task;
}

QList<BuiltinSeq2SeqTask> builtinSeq2SeqTasks()
{
    const QString both = QStringLiteral("builtin:en_zh_TW");
    return {{QStringLiteral("translate-en-zh"), QCoreApplication::translate("Corpora", "Translate English → Chinese"), both, 48},
            {QStringLiteral("translate-zh-en"), QCoreApplication::translate("Corpora", "Translate Chinese → English"), both, 48},
            {QStringLiteral("summarize-en"), QCoreApplication::translate("Corpora", "Summarise English passages"),
             QStringLiteral("builtin:passages_en"), 96},
            {QStringLiteral("summarize-zh_TW"), QCoreApplication::translate("Corpora", "Summarise Chinese passages"),
             QStringLiteral("builtin:passages_zh_TW"), 96}};
}

lm::Result<lm::Seq2SeqTask> builtinSeq2SeqTask(const QString &name)
{
    if (name == QStringLiteral("translate-en-zh") || name == QStringLiteral("translate-zh-en"))
        return builtinTranslationTask(name == QStringLiteral("translate-en-zh"));
    if (name == QStringLiteral("summarize-en") || name == QStringLiteral("summarize-zh_TW")) {
        const QString set = QStringLiteral("builtin:summary_") + name.mid(int(std::strlen("summarize-")));
        auto train = loadTextPairsSpec(set + QStringLiteral("_train"));
        if (!train)
            return lm::makeError(train.error());
        auto test = loadTextPairsSpec(set + QStringLiteral("_test"));
        if (!test)
            return lm::makeError(test.error());
        return lm::Seq2SeqTask{std::move(train).value(), std::move(test).value()};
    }
    QStringList names;
    for (const BuiltinSeq2SeqTask &t : builtinSeq2SeqTasks())
        names << t.name;
    return lm::makeError("unknown built-in task '" + name.toStdString() + "' (available: " +
                         names.join(QStringLiteral(", ")).toStdString() + ")");
}
