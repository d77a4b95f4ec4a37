#include "base/datasets.h"

#include <QFile>

namespace {

const QString kPrefix = QStringLiteral("builtin:");

const char *formatName(lm::DatasetFormat format)
{
    switch (format) {
    case lm::DatasetFormat::Classification: return "sequence classification";
    case lm::DatasetFormat::TokenTags: return "token classification";
    case lm::DatasetFormat::Retrieval: return "retrieval";
    case lm::DatasetFormat::SentencePairs: return "sentence-pair";
    case lm::DatasetFormat::TextPairs: return "text-pair";
    }
    return "";
}

struct BuiltinFile {
    const lm::BuiltinDataset *set = nullptr;
    std::string bytes;
};

// The built-in file that `spec` names, read from the resources, checked to be of `format`.
lm::Result<BuiltinFile> readBuiltin(const QString &spec, lm::DatasetFormat format)
{
    const std::string name = spec.toStdString();
    for (const lm::BuiltinDataset &set : lm::builtinDatasets()) {
        for (lm::DatasetSplit split : {lm::DatasetSplit::Train, lm::DatasetSplit::Test}) {
            if (builtinDatasetSpec(set, split) != spec)
                continue;
            if (set.format != format)
                return lm::makeError(name + " is " + formatName(set.format) + " data, not " + formatName(format));
            QFile f(QStringLiteral(":/datasets/") + QString::fromStdString(lm::builtinDatasetFile(set, split)));
            if (!f.open(QIODevice::ReadOnly))
                return lm::makeError(name + ": the built-in data set is missing from this build");
            return BuiltinFile{&set, f.readAll().toStdString()};
        }
    }
    return lm::makeError("unknown built-in data set '" + name + "' (available: " +
                         builtinDatasetSpecs().join(QStringLiteral(", ")).toStdString() + ")");
}

} // namespace

QString builtinDatasetSpec(const lm::BuiltinDataset &set, lm::DatasetSplit split)
{
    QString file = QString::fromStdString(lm::builtinDatasetFile(set, split));
    file.chop(4); // ".tsv"
    return kPrefix + file;
}

QStringList builtinDatasetSpecs()
{
    QStringList specs;
    for (const lm::BuiltinDataset &set : lm::builtinDatasets())
        for (lm::DatasetSplit split : {lm::DatasetSplit::Train, lm::DatasetSplit::Test})
            if (!specs.contains(builtinDatasetSpec(set, split)))
                specs << builtinDatasetSpec(set, split);
    return specs;
}

lm::Result<lm::LabelledSet> loadLabelledSpec(const QString &spec, const std::vector<std::string> *allowed)
{
    if (!spec.startsWith(kPrefix))
        return lm::loadLabelledTsv(spec.toStdString(), allowed);
    auto file = readBuiltin(spec, lm::DatasetFormat::Classification);
    if (!file)
        return lm::makeError(file.error());
    return lm::parseLabelledTsv(file.value().bytes, spec.toStdString(), allowed ? allowed : &file.value().set->labels);
}

lm::Result<std::vector<lm::TaggedTokens>> loadTokenTagSpec(const QString &spec, const std::vector<std::string> *allowed)
{
    if (!spec.startsWith(kPrefix))
        return lm::loadTokenTagTsv(spec.toStdString(), allowed);
    auto file = readBuiltin(spec, lm::DatasetFormat::TokenTags);
    if (!file)
        return lm::makeError(file.error());
    return lm::parseTokenTagTsv(file.value().bytes, spec.toStdString(), allowed ? allowed : &file.value().set->labels);
}

lm::Result<lm::RetrievalSet> loadRetrievalSpec(const QString &spec)
{
    if (!spec.startsWith(kPrefix))
        return lm::loadRetrievalTsv(spec.toStdString());
    auto file = readBuiltin(spec, lm::DatasetFormat::Retrieval);
    if (!file)
        return lm::makeError(file.error());
    return lm::parseRetrievalTsv(file.value().bytes, spec.toStdString());
}

lm::Result<std::vector<lm::SentencePair>> loadSentencePairsSpec(const QString &spec)
{
    if (!spec.startsWith(kPrefix))
        return lm::loadSentencePairsTsv(spec.toStdString());
    auto file = readBuiltin(spec, lm::DatasetFormat::SentencePairs);
    if (!file)
        return lm::makeError(file.error());
    return lm::parseSentencePairsTsv(file.value().bytes, spec.toStdString());
}

lm::Result<std::vector<lm::TextPair>> loadTextPairsSpec(const QString &spec)
{
    if (!spec.startsWith(kPrefix))
        return lm::loadTextPairsTsv(spec.toStdString());
    auto file = readBuiltin(spec, lm::DatasetFormat::TextPairs);
    if (!file)
        return lm::makeError(file.error());
    return lm::parseTextPairsTsv(file.value().bytes, spec.toStdString());
}
