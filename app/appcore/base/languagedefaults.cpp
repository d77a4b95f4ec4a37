#include "base/languagedefaults.h"

#include "base/application.h"

namespace {
const QString kChinese = QStringLiteral("zh_TW");
const QString kChineseCorpus = QStringLiteral("builtin:zh_TW");
bool chineseInterface() { return currentLanguage() == kChinese; }
} // namespace

QString defaultCorpusSpec() { return chineseInterface() ? kChineseCorpus : QStringLiteral("builtin:en"); }

QString sampleSentence()
{
    return chineseInterface() ? QStringLiteral("王后是公主的母親。") : QStringLiteral("The queen is the mother of the princess.");
}

QString samplePrompt(const QString &corpusSpec)
{
    const bool chinese = corpusSpec.startsWith(QStringLiteral("builtin:")) ? corpusSpec == kChineseCorpus : chineseInterface();
    return chinese ? QStringLiteral("國王") : QStringLiteral("The king");
}
