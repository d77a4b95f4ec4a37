#pragma once
// Where training text comes from: the built-in corpora shipped in the binary's resources, or a
// file the user picked. The engine validates the text; this layer only finds the bytes.
#include "core/result.h"
#include "text/corpus.h"
#include "train/seq2seqtask.h"

#include <QList>
#include <QString>
#include <QStringList>

struct BuiltinCorpus {
    QString id;       // "en", "zh_TW": what `builtin:ID` names on the command line
    QString title;    // shown in the GUI, translated
    QStringList resources; // {":/corpora/en.txt"}; several: one after the other, a blank line
                           // between (documents apart); empty: made from the labelled sets in `sentencesOf`
    QStringList sentencesOf; // labelled specs ("builtin:sentiment_en_train") whose texts, without
                             // their labels, make the corpus: 8 sentences a document
};

// The built-in corpora, English first. Besides the text files: "en_zh_TW", the English and the
// Traditional Chinese corpus one after the other (what an encoder–decoder pre-trains on before it
// learns to translate between them); "sentences_en" and
// "sentences_zh_TW", the sentiment and intent sets' training sentences without their labels, where
// an encoder pre-trains on the words its fine-tuning task will read (the test splits stay unseen).
QList<BuiltinCorpus> builtinCorpora();

// spec is "builtin:ID" or a file path. Errors name the spec and what is wrong (unknown built-in,
// missing file, empty, binary, invalid UTF-8 with its byte offset, too large).
lm::Result<lm::Corpus> loadCorpusSpec(const QString &spec);

// Translation on the built-in parallel corpora (builtin:en and builtin:zh_TW are line-by-line
// translations): English -> Traditional Chinese, or back. Every tenth pair (lines 10, 20, …) is
// held out. Errors: corpora of different lengths, an empty line (named by corpus and line).
lm::Result<lm::Seq2SeqTask> builtinTranslationTask(bool fromEnglish);
