#pragma once
// Defaults that follow the interface language (currentLanguage()): a learner who reads
// Traditional Chinese starts on the Chinese built-in corpus, and the sample texts the views
// offer are sentences of that corpus, so a model trained on it knows their characters.
#include <QString>

// "builtin:zh_TW" in Traditional Chinese, else "builtin:en".
QString defaultCorpusSpec();
// A sentence of the built-in corpus of the interface language, to trace through a model:
// "王后是公主的母親。" or "The queen is the mother of the princess.".
QString sampleSentence();
// A short prompt that the built-in corpus `corpusSpec` uses a lot ("國王" for the Chinese one,
// "The king" otherwise); for a corpus file, the interface language decides.
QString samplePrompt(const QString &corpusSpec);
