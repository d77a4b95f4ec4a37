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
    QStringList passagesOf;  // text-pair specs ("builtin:summary_en_train") whose sources, without
                             // their targets, make the corpus: a passage a document
};

// The built-in corpora, English first. Besides the text files: "en_zh_TW", the English and the
// Traditional Chinese corpus one after the other (what an encoder–decoder pre-trains on before it
// learns to translate between them); "sentences_en" and
// "sentences_zh_TW", the sentiment and intent sets' training sentences without their labels, where
// an encoder pre-trains on the words its fine-tuning task will read (the test splits stay unseen);
// "passages_en" and "passages_zh_TW", the summary sets' training passages without their summaries.
QList<BuiltinCorpus> builtinCorpora();

// spec is "builtin:ID" or a file path. Errors name the spec and what is wrong (unknown built-in,
// missing file, empty, binary, invalid UTF-8 with its byte offset, too large).
lm::Result<lm::Corpus> loadCorpusSpec(const QString &spec);

// Translation on the built-in parallel corpora (builtin:en and builtin:zh_TW are line-by-line
// translations): English -> Traditional Chinese, or back. Every tenth pair (lines 10, 20, …) is
// held out. Errors: corpora of different lengths, an empty line (named by corpus and line).
lm::Result<lm::Seq2SeqTask> builtinTranslationTask(bool fromEnglish);

// The built-in encoder–decoder tasks: "translate-en-zh", "translate-zh-en" (builtinTranslationTask),
// "summarize-en", "summarize-zh_TW" (passages and their one-line summaries,
// builtin:summary_LANGUAGE_train with _test held out).
struct BuiltinSeq2SeqTask {
    QString name;           // as above
    QString title;          // shown in the GUI, translated ("Translate English → Chinese")
    QString pretrainCorpus; // what a model pre-trains on before it learns the task: both corpora
                            // for translation, the training passages for summaries
    int seq = 48;           // tokens a source or target needs (passages are longer)
};
QList<BuiltinSeq2SeqTask> builtinSeq2SeqTasks();
// The pairs of a task named above. Errors: an unknown name (listing the names), and those of
// builtinTranslationTask and loadTextPairsSpec.
lm::Result<lm::Seq2SeqTask> builtinSeq2SeqTask(const QString &name);
