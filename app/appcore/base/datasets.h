#pragma once
// Where labelled data comes from: the built-in sets of resources/datasets/, shipped in the
// binary's resources under :/datasets/, or a file the user picked. A spec names either, the way
// corpora are named: "builtin:NAME_SPLIT" ("builtin:sentiment_en_train",
// "builtin:ner_zh_TW_test", "builtin:retrieval_en", "builtin:paraphrase_en",
// "builtin:summary_en_train": one file per
// built-in file) or a file path.
// The engine (text/labelled.h) parses and checks; this layer only finds the bytes.
#include "core/result.h"
#include "text/labelled.h"

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

// The spec of a built-in set's split: builtinDatasetSpec(sentiment_en, Test) is
// "builtin:sentiment_en_test"; retrieval sets have one spec whatever the split.
QString builtinDatasetSpec(const lm::BuiltinDataset &set, lm::DatasetSplit split);
// Every built-in spec, in the order of lm::builtinDatasets(), train before test.
QStringList builtinDatasetSpecs();

// Load a spec. A built-in file is checked against its own label or tag list (lm::BuiltinDataset
// ::labels) unless `allowed` is given; a file path takes `allowed` (null: any label). Errors are
// one line naming the spec and, for bad content, the line: an unknown built-in (listing those
// that exist), a built-in of another format ("builtin:ner_en_train is token classification data,
// not sequence classification"), a missing resource, and every error of the engine's loaders.
lm::Result<lm::LabelledSet> loadLabelledSpec(const QString &spec, const std::vector<std::string> *allowed = nullptr);
lm::Result<std::vector<lm::TaggedTokens>> loadTokenTagSpec(const QString &spec,
                                                           const std::vector<std::string> *allowed = nullptr);
lm::Result<lm::RetrievalSet> loadRetrievalSpec(const QString &spec);
// Sentence pairs for contrastive training ("builtin:paraphrase_en" or a TEXT<TAB>TEXT file).
lm::Result<std::vector<lm::SentencePair>> loadSentencePairsSpec(const QString &spec);
// Text pairs for an encoder–decoder ("builtin:summary_en_train" or a SOURCE<TAB>TARGET file).
lm::Result<std::vector<lm::TextPair>> loadTextPairsSpec(const QString &spec);
