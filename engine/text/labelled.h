#pragma once
// Labelled data for fine-tuning and retrieval: the three text formats of resources/datasets/
// (README.md there), the built-in sets, the scores models are measured with (a confusion matrix
// with accuracy and F1, conlleval-style entity F1, recall@k) and a TF-IDF retrieval baseline.
//
// Formats. UTF-8 (a BOM at the start is skipped), one record a line, LF or CRLF line ends. Empty
// lines (only spaces) and lines whose first non-space character is '#' are skipped; there is no
// header line. A line is at most 10000 bytes, a file at most 256 MB.
//   sequence classification  LABEL<TAB>TEXT       positive<TAB>The soup was warm and rich.
//        LABEL: no spaces or tabs; TEXT: the rest of the line, spaces around it trimmed, no tab.
//   token classification     TOKENS<TAB>TAGS      Anna flew to New York<TAB>B-PER O O B-LOC I-LOC
//        both separated by spaces (runs of spaces count as one), one BIO tag per token.
//   retrieval                doc<TAB>ID<TAB>TEXT     a corpus sentence and its unique id
//                            query<TAB>ID<TAB>TEXT   a query; ID names the doc it paraphrases
// A held-out split is two files of the same format, NAME_train.tsv and NAME_test.tsv.
//
// BIO. A file's tags must be well formed: O, B-TYPE or I-TYPE (TYPE non-empty, no spaces), and
// an I-TYPE only right after B-TYPE or I-TYPE of the same TYPE (stricter than conlleval, which
// would read a stray I- as the start of an entity: a data file with one is more likely wrong).
// Predicted tags are not checked: bioEntities reads them as conlleval does.
#include "core/result.h"

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace lm {

// ---- sequence classification ---------------------------------------------------------------

struct LabelledText {
    std::string text;  // valid UTF-8, not empty, no tab, no spaces at either end
    std::string label; // not empty, no whitespace
};

struct LabelledSet {
    std::vector<LabelledText> examples; // in file order
    // Sorted distinct labels: the allowed labels when a list was given (so a train and a test
    // file loaded with the same list share label indices), else the labels the file uses.
    std::vector<std::string> labels;
    // Index of `label` in `labels`, or -1.
    int labelIndex(const std::string &label) const;
};

// Parses LABEL<TAB>TEXT lines. `source` names the text in errors, which are one line and name
// source:line and the field: "sentiment.tsv:12: label 'neutral' is not one of negative,
// positive". Errors: invalid UTF-8 (with the line and its byte offset), a line over 10000 bytes,
// no tab, an empty label, a label with spaces, an empty text, a second tab, a label not in
// `allowedLabels` (when not null), no example at all.
Result<LabelledSet> parseLabelledTsv(const std::string &text, const std::string &source = "text",
                                     const std::vector<std::string> *allowedLabels = nullptr);
// Reads the file (at most 256 MB, checked before reading) and parses it; errors name the path.
Result<LabelledSet> loadLabelledTsv(const std::string &path, const std::vector<std::string> *allowedLabels = nullptr);

// ---- token classification ------------------------------------------------------------------

struct TaggedTokens {
    std::vector<std::string> tokens; // not empty
    std::vector<std::string> tags;   // same length; well-formed BIO (see the top of this file)
};

// Parses TOKENS<TAB>TAGS lines. Errors (source:line, and the 1-based token index where one is
// to blame: "ner.tsv:4: token 3 'York': I-LOC does not continue a LOC entity (after O)"):
// invalid UTF-8, a line over 10000 bytes, no tab, a second tab, no tokens, no tags, a count
// mismatch ("5 tokens but 4 tags"), a tag that is not O/B-TYPE/I-TYPE, an I- that does not
// continue its type, a tag not in `allowedTags` (when not null), no sentence at all.
Result<std::vector<TaggedTokens>> parseTokenTagTsv(const std::string &text, const std::string &source = "text",
                                                   const std::vector<std::string> *allowedTags = nullptr);
Result<std::vector<TaggedTokens>> loadTokenTagTsv(const std::string &path, const std::vector<std::string> *allowedTags = nullptr);

// "O" then B-T and I-T for each type in order: bioTagSet({"LOC", "PER"}) = O B-LOC I-LOC B-PER I-PER.
std::vector<std::string> bioTagSet(const std::vector<std::string> &types);

struct Entity {
    std::string type; // "PER"
    int begin = 0;    // first token
    int end = 0;      // one past the last token
    bool operator==(const Entity &) const = default;
};

// The entities of one sentence's tags, in order, read as conlleval reads them: B-X starts an
// entity; I-X continues the open entity when it has type X and otherwise starts one; O, and any
// tag not starting with "B-" or "I-", closes it.
std::vector<Entity> bioEntities(const std::vector<std::string> &tags);

struct PrecisionRecall {
    std::int64_t gold = 0;      // entities in the gold tags
    std::int64_t predicted = 0; // entities in the predicted tags
    std::int64_t correct = 0;   // predicted entities with the same type, begin and end as a gold one
    double precision = 0.0;     // correct / predicted, 0 when nothing was predicted
    double recall = 0.0;        // correct / gold, 0 when there is no gold entity
    double f1 = 0.0;            // 2 P R / (P + R), 0 when both are 0
};

struct EntityScores {
    PrecisionRecall overall;
    std::map<std::string, PrecisionRecall> perType; // every type seen in gold or predictions
};

// conlleval's exact-match entity scores over sentences. gold[s] and predicted[s] are the tags
// of sentence s. Throws std::invalid_argument when the sentence counts or a sentence's lengths
// differ (the message gives the sentence and both sizes).
EntityScores entityF1(const std::vector<std::vector<std::string>> &gold,
                      const std::vector<std::vector<std::string>> &predicted);

// ---- classification scores -----------------------------------------------------------------

// K × K counts, rows the gold class, columns the predicted one.
class ConfusionMatrix {
public:
    explicit ConfusionMatrix(int classes); // K >= 1, else std::invalid_argument

    // Throws std::invalid_argument when a class is outside 0..K-1.
    void add(int gold, int predicted);

    int classes() const { return m_k; }
    std::int64_t count(int gold, int predicted) const; // throws like add
    std::int64_t total() const { return m_total; }
    double accuracy() const;        // diagonal / total, 0 when empty
    double precision(int c) const;  // count(c, c) / column c, 0 when c was never predicted
    double recall(int c) const;     // count(c, c) / row c, 0 when c never occurs
    double f1(int c) const;         // 2 P R / (P + R), 0 when both are 0
    // Mean F1 over the classes that occur in the gold or the predictions (scikit-learn's macro
    // average without an explicit label list); 0 when empty.
    double macroF1() const;

private:
    int m_k;
    std::vector<std::int64_t> m_counts; // (K, K) row-major
    std::int64_t m_total = 0;
};

// ---- retrieval -----------------------------------------------------------------------------

struct RetrievalSet {
    std::vector<std::string> docIds; // D, unique, in file order
    std::vector<std::string> docs;   // D
    std::vector<std::string> queries; // Q
    std::vector<int> gold;           // Q: the index in docs of the query's doc
};

// Parses doc/query lines. Errors (source:line): invalid UTF-8, a line over 10000 bytes, not three
// fields, a kind other than doc or query, an empty id or text, a duplicate doc id, a query naming
// an id that no doc line has (the query's line), no doc, no query.
Result<RetrievalSet> parseRetrievalTsv(const std::string &text, const std::string &source = "text");
Result<RetrievalSet> loadRetrievalTsv(const std::string &path);

// ---- sentence pairs (contrastive training) ------------------------------------------------

// Two sentences that say the same thing: a sentence and its paraphrase, or a question and the
// passage that answers it.
struct SentencePair {
    std::string first, second;
};

// Parses TEXT<TAB>TEXT lines. Errors (source:line): invalid UTF-8, a line over 10000 bytes, not
// two fields, an empty text; and no pair at all.
Result<std::vector<SentencePair>> parseSentencePairsTsv(const std::string &text, const std::string &source = "text");
Result<std::vector<SentencePair>> loadSentencePairsTsv(const std::string &path);

// ---- text pairs (sequence to sequence) ----------------------------------------------------

// A text and what an encoder–decoder should write for it: a sentence and its translation, a
// passage and its one-line summary.
struct TextPair {
    std::string source, target;
};

// Parses SOURCE<TAB>TARGET lines (spaces around each text are dropped; a text may hold spaces but
// no tab). Errors (source:line): invalid UTF-8, a line over 10000 bytes, no tab or more than one
// ("expected SOURCE<TAB>TARGET"), an empty source, an empty target; and no pair at all.
Result<std::vector<TextPair>> parseTextPairsTsv(const std::string &text, const std::string &source = "text");
Result<std::vector<TextPair>> loadTextPairsTsv(const std::string &path);

// The share of queries whose gold doc is among the first k of its ranking (rankings[q]: doc
// indices, best first). Throws std::invalid_argument for k < 1, no query, or sizes that differ.
double recallAtK(const std::vector<std::vector<int>> &rankings, const std::vector<int> &gold, int k);
// Mean over queries of 1 / (1-based rank of the gold doc), 0 for a query whose ranking lacks it.
// Throws like recallAtK.
double meanReciprocalRank(const std::vector<std::vector<int>> &rankings, const std::vector<int> &gold);

// A TF-IDF sentence index with cosine search, the retrieval baseline beside encoder vectors and
// averaged word vectors. Terms are WordTokenizer::splitWords tokens, ASCII letters lower-cased,
// punctuation and newlines dropped (so Chinese is indexed by characters). Weights: raw term
// count times the smoothed idf ln((1 + N) / (1 + df)) + 1 (scikit-learn's default), then each
// vector scaled to unit length. N = the number of indexed sentences.
class TfIdfIndex {
public:
    using SparseVector = std::vector<std::pair<int, float>>; // (term id, weight), by term id

    // Replaces the index with these sentences. Throws std::invalid_argument for invalid UTF-8.
    void build(const std::vector<std::string> &sentences);

    int size() const { return static_cast<int>(m_docs.size()); }  // N
    int termCount() const { return static_cast<int>(m_idf.size()); }

    // The unit TF-IDF vector of `text` over the indexed terms (terms the index lacks are
    // dropped; empty when none is left). Throws std::invalid_argument for invalid UTF-8.
    SparseVector vectorize(const std::string &text) const;

    // The min(k, N) sentences most similar to `query` by cosine: (sentence index, cosine), best
    // first, ties by lower index; sentences sharing no term come last with cosine 0. Throws
    // std::invalid_argument for k < 0 or invalid UTF-8.
    std::vector<std::pair<int, float>> search(const std::string &query, int k) const;

    // The terms of `text` as the index sees them.
    static std::vector<std::string> terms(const std::string &text);

private:
    std::unordered_map<std::string, int> m_termIds;
    std::vector<float> m_idf;                                // per term
    std::vector<SparseVector> m_docs;                        // N unit vectors
    std::vector<std::vector<std::pair<int, float>>> m_postings; // per term: (doc, weight)
};

// ---- built-in sets -------------------------------------------------------------------------

enum class DatasetFormat { Classification, TokenTags, Retrieval, SentencePairs, TextPairs };
enum class DatasetSplit { Train, Test };

// The sets in resources/datasets/ (made by generate_datasets.py). The app carries them as Qt
// resources under :/datasets/; tests read them from the source tree.
struct BuiltinDataset {
    std::string task;     // "sentiment", "intent", "ner", "retrieval", "paraphrase", "summary"
    std::string language; // "en", "zh_TW"
    DatasetFormat format;
    std::vector<std::string> labels; // the allowed labels or tags, sorted; empty for retrieval and pairs
    std::string name() const { return task + "_" + language; } // "sentiment_en"
};

// Every built-in set, by task then language (en before zh_TW).
const std::vector<BuiltinDataset> &builtinDatasets();
// The set of that task and language, or nullptr.
const BuiltinDataset *findBuiltinDataset(const std::string &task, const std::string &language);
// Its file name in resources/datasets/: NAME_train.tsv or NAME_test.tsv, and NAME.tsv for
// retrieval and sentence pairs (one file; `split` is ignored).
std::string builtinDatasetFile(const BuiltinDataset &set, DatasetSplit split);

} // namespace lm
