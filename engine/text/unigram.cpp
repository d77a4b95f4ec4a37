#include "text/unigram.h"

#include "text/textfile.h"
#include "text/unicodenorm.h"
#include "text/utf8.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace lm {

namespace {

constexpr std::size_t kMaxPieces = std::size_t(1) << 24;
constexpr int kMaxSequenceDepth = 8;
constexpr double kUnkPenalty = 10.0; // sentencepiece's kUnkPenalty

using NormStep = UnigramTokenizer::NormStep;
using PreStep = UnigramTokenizer::PreStep;

std::u32string toU32(std::string_view utf8)
{
    std::u32string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();)
        out.push_back(nextCodePoint(utf8, i));
    return out;
}

std::string printableToken(std::string_view token)
{
    static const char *digits = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < token.size();) {
        const std::size_t start = i;
        const char32_t cp = nextCodePoint(token, i);
        if (cp == U'\n')
            out += "\\n";
        else if (cp == U'\t')
            out += "\\t";
        else if (cp == U'\r')
            out += "\\r";
        else if (cp == U' ')
            out += "␣";
        else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
            out += std::string("\\x") + digits[(cp >> 4) & 0xF] + digits[cp & 0xF];
        else
            out.append(token, start, i - start);
    }
    return out;
}

// A string field of `obj` as code points; Error when it is not a valid UTF-8 string.
Result<std::u32string> stringField(const nlohmann::json &obj, const char *name, const std::string &where)
{
    const auto it = obj.find(name);
    if (it == obj.end() || !it->is_string())
        return Error{where + ": \"" + name + "\" is missing or not a string"};
    const auto &s = it->get_ref<const std::string &>();
    if (firstInvalidUtf8(s))
        return Error{where + ": \"" + name + "\" is invalid UTF-8"};
    return toU32(s);
}

// An optional boolean field; Error when present and not a boolean (null counts as absent).
std::optional<Error> boolField(const nlohmann::json &obj, const char *name, bool &value, const std::string &where)
{
    const auto it = obj.find(name);
    if (it == obj.end() || it->is_null())
        return std::nullopt;
    if (!it->is_boolean())
        return Error{where + ": \"" + name + "\" is not true/false"};
    value = it->get<bool>();
    return std::nullopt;
}

// " {N,}" or " +": the shortest run of spaces it matches; nullopt for any other pattern.
std::optional<int> spaceRunPattern(const std::string &regex)
{
    if (regex == " +")
        return 1;
    if (regex.size() < 5 || regex.compare(0, 2, " {") != 0 || regex.compare(regex.size() - 2, 2, ",}") != 0)
        return std::nullopt;
    const std::string digits = regex.substr(2, regex.size() - 4);
    if (digits.empty() || digits.size() > 4 || digits.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const int n = std::stoi(digits);
    return n >= 1 ? std::optional<int>(n) : std::nullopt;
}

std::optional<Error> parseNormalizer(const nlohmann::json &j, const std::string &where, int depth, std::vector<NormStep> &out)
{
    if (j.is_null())
        return std::nullopt;
    if (!j.is_object())
        return Error{where + ": not an object or null"};
    const auto typeIt = j.find("type");
    if (typeIt == j.end() || !typeIt->is_string())
        return Error{where + ": \"type\" is missing or not a string"};
    const std::string type = typeIt->get<std::string>();
    NormStep step;
    using K = NormStep::Kind;
    if (type == "Sequence") {
        if (depth >= kMaxSequenceDepth)
            return Error{where + ": Sequence nested more than " + std::to_string(kMaxSequenceDepth) + " deep"};
        const auto list = j.find("normalizers");
        if (list == j.end() || !list->is_array())
            return Error{where + ": \"normalizers\" is missing or not an array"};
        for (std::size_t i = 0; i < list->size(); ++i)
            if (auto e = parseNormalizer((*list)[i], where + ".normalizers[" + std::to_string(i) + "]", depth + 1, out))
                return e;
        return std::nullopt;
    }
    if (type == "Replace") {
        const auto pattern = j.find("pattern");
        if (pattern == j.end() || !pattern->is_object() || pattern->size() != 1)
            return Error{where + ": \"pattern\" must be {\"String\": ...} or {\"Regex\": ...}"};
        auto content = stringField(j, "content", where);
        if (!content)
            return Error{content.error()};
        step.content = std::move(content).value();
        if (pattern->contains("String")) {
            auto literal = stringField(*pattern, "String", where + ".pattern");
            if (!literal)
                return Error{literal.error()};
            if (literal.value().empty())
                return Error{where + ".pattern: empty \"String\""};
            step.kind = K::Replace;
            step.pattern = std::move(literal).value();
        } else if (pattern->contains("Regex")) {
            const auto &r = (*pattern)["Regex"];
            const auto run = r.is_string() ? spaceRunPattern(r.get<std::string>()) : std::nullopt;
            if (!run)
                return Error{where + ".pattern: unsupported \"Regex\" " + r.dump() + " (only a run of spaces, \" {N,}\" or \" +\")"};
            step.kind = K::SpaceRun;
            step.minRun = *run;
        } else {
            return Error{where + ": \"pattern\" must be {\"String\": ...} or {\"Regex\": ...}"};
        }
    } else if (type == "NFD") {
        step.kind = K::Nfd;
    } else if (type == "NFKD") {
        step.kind = K::Nfkd;
    } else if (type == "NFKC") {
        step.kind = K::Nfkc;
    } else if (type == "NFC") {
        step.kind = K::Nfc;
    } else if (type == "StripAccents") {
        step.kind = K::StripAccents;
    } else if (type == "Lowercase") {
        step.kind = K::Lowercase;
    } else if (type == "Precompiled") {
        step.kind = K::Precompiled;
    } else if (type == "Strip") {
        step.kind = K::Strip;
        if (auto e = boolField(j, "strip_left", step.left, where))
            return e;
        if (auto e = boolField(j, "strip_right", step.right, where))
            return e;
    } else {
        return Error{where + ": unsupported normalizer type \"" + type
                     + "\" (supported: Sequence, Replace, NFD, NFKD, NFKC, NFC, StripAccents, Lowercase, Strip, Precompiled)"};
    }
    out.push_back(std::move(step));
    return std::nullopt;
}

std::optional<Error> parsePreTokenizer(const nlohmann::json &j, const std::string &where, int depth, std::vector<PreStep> &out)
{
    if (j.is_null())
        return std::nullopt;
    if (!j.is_object())
        return Error{where + ": not an object or null"};
    const auto typeIt = j.find("type");
    if (typeIt == j.end() || !typeIt->is_string())
        return Error{where + ": \"type\" is missing or not a string"};
    const std::string type = typeIt->get<std::string>();
    PreStep step;
    if (type == "Sequence") {
        if (depth >= kMaxSequenceDepth)
            return Error{where + ": Sequence nested more than " + std::to_string(kMaxSequenceDepth) + " deep"};
        const auto list = j.find("pretokenizers");
        if (list == j.end() || !list->is_array())
            return Error{where + ": \"pretokenizers\" is missing or not an array"};
        for (std::size_t i = 0; i < list->size(); ++i)
            if (auto e = parsePreTokenizer((*list)[i], where + ".pretokenizers[" + std::to_string(i) + "]", depth + 1, out))
                return e;
        return std::nullopt;
    }
    if (type == "WhitespaceSplit") {
        step.kind = PreStep::Kind::WhitespaceSplit;
    } else if (type == "Metaspace") {
        step.kind = PreStep::Kind::Metaspace;
        if (j.contains("replacement")) {
            auto r = stringField(j, "replacement", where);
            if (!r)
                return Error{r.error()};
            if (r.value().size() != 1)
                return Error{where + ": \"replacement\" must be one character"};
            step.replacement = r.value()[0];
        }
        bool addPrefix = true;
        if (auto e = boolField(j, "add_prefix_space", addPrefix, where))
            return e;
        step.prepend = addPrefix ? PreStep::Prepend::Always : PreStep::Prepend::Never;
        if (const auto scheme = j.find("prepend_scheme"); scheme != j.end() && !scheme->is_null()) {
            if (*scheme == "always")
                step.prepend = PreStep::Prepend::Always;
            else if (*scheme == "first")
                step.prepend = PreStep::Prepend::First;
            else if (*scheme == "never")
                step.prepend = PreStep::Prepend::Never;
            else
                return Error{where + ": \"prepend_scheme\" must be \"always\", \"first\" or \"never\", got " + scheme->dump()};
        }
        if (auto e = boolField(j, "split", step.split, where))
            return e;
    } else {
        return Error{where + ": unsupported pre_tokenizer type \"" + type + "\" (supported: Metaspace, WhitespaceSplit, Sequence)"};
    }
    out.push_back(step);
    return std::nullopt;
}

nlohmann::json normalizerJson(const std::vector<NormStep> &steps)
{
    if (steps.empty())
        return nullptr;
    using K = NormStep::Kind;
    nlohmann::json list = nlohmann::json::array();
    for (const NormStep &s : steps) {
        switch (s.kind) {
        case K::Replace:
            list.push_back({{"type", "Replace"}, {"pattern", {{"String", encodeUtf8(s.pattern)}}}, {"content", encodeUtf8(s.content)}});
            break;
        case K::SpaceRun:
            list.push_back({{"type", "Replace"},
                            {"pattern", {{"Regex", " {" + std::to_string(s.minRun) + ",}"}}},
                            {"content", encodeUtf8(s.content)}});
            break;
        case K::Nfd: list.push_back({{"type", "NFD"}}); break;
        case K::Nfkd: list.push_back({{"type", "NFKD"}}); break;
        case K::Nfkc: list.push_back({{"type", "NFKC"}}); break;
        case K::Nfc: list.push_back({{"type", "NFC"}}); break;
        case K::StripAccents: list.push_back({{"type", "StripAccents"}}); break;
        case K::Lowercase: list.push_back({{"type", "Lowercase"}}); break;
        case K::Precompiled: list.push_back({{"type", "Precompiled"}, {"precompiled_charsmap", nullptr}}); break;
        case K::Strip: list.push_back({{"type", "Strip"}, {"strip_left", s.left}, {"strip_right", s.right}}); break;
        }
    }
    return {{"type", "Sequence"}, {"normalizers", std::move(list)}};
}

nlohmann::json preTokenizerJson(const std::vector<PreStep> &steps)
{
    if (steps.empty())
        return nullptr;
    nlohmann::json list = nlohmann::json::array();
    for (const PreStep &s : steps) {
        if (s.kind == PreStep::Kind::WhitespaceSplit) {
            list.push_back({{"type", "WhitespaceSplit"}});
            continue;
        }
        const char *scheme = s.prepend == PreStep::Prepend::Always ? "always" : s.prepend == PreStep::Prepend::First ? "first" : "never";
        list.push_back({{"type", "Metaspace"},
                        {"replacement", encodeUtf8(std::u32string(1, s.replacement))},
                        {"prepend_scheme", scheme},
                        {"split", s.split}});
    }
    return {{"type", "Sequence"}, {"pretokenizers", std::move(list)}};
}

// Replaces every run of at least `minRun` spaces by `content`.
std::u32string replaceSpaceRuns(const std::u32string &text, int minRun, const std::u32string &content)
{
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != U' ') {
            out.push_back(text[i++]);
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && text[end] == U' ')
            ++end;
        if (end - i >= static_cast<std::size_t>(minRun))
            out += content;
        else
            out.append(end - i, U' ');
        i = end;
    }
    return out;
}

std::u32string replaceLiteral(const std::u32string &text, const std::u32string &pattern, const std::u32string &content)
{
    std::u32string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    for (std::size_t hit; (hit = text.find(pattern, pos)) != std::u32string::npos; pos = hit + pattern.size()) {
        out.append(text, pos, hit - pos);
        out += content;
    }
    out.append(text, pos, std::u32string::npos);
    return out;
}

} // namespace

// ---- loading ------------------------------------------------------------------------------

Result<UnigramTokenizer> UnigramTokenizer::loadTokenizerJson(const std::string &path)
{
    auto text = readSmallFile(path);
    if (!text)
        return Error{text.error()};
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(text.value());
    } catch (const nlohmann::json::parse_error &e) {
        return Error{path + ":" + std::to_string(lineOfOffset(text.value(), e.byte > 0 ? e.byte - 1 : 0)) + ": bad JSON: " + e.what()};
    } catch (const nlohmann::json::exception &e) {
        return Error{path + ": bad JSON: " + e.what()};
    }
    return fromHfJson(root, path);
}

Result<UnigramTokenizer> UnigramTokenizer::fromHfJson(const nlohmann::json &root, const std::string &source)
{
    if (!root.is_object())
        return Error{source + ": not a JSON object"};
    const auto model = root.find("model");
    if (model == root.end() || !model->is_object())
        return Error{source + ": \"model\" is missing or not an object"};
    const auto type = model->find("type");
    if (type == model->end() || !type->is_string())
        return Error{source + ": model.type is missing or not a string"};
    if (*type != "Unigram")
        return Error{source + ": model.type is " + type->dump() + ", not \"Unigram\""};
    const auto vocab = model->find("vocab");
    if (vocab == model->end())
        return Error{source + ": missing model.vocab"};
    if (!vocab->is_array() || vocab->empty())
        return Error{source + ": model.vocab is not a non-empty array"};
    if (vocab->size() > kMaxPieces)
        return Error{source + ": model.vocab has more than 2^24 entries"};
    if (const auto fb = model->find("byte_fallback"); fb != model->end() && fb->is_boolean() && fb->get<bool>())
        return Error{source + ": model.byte_fallback is true, which is not supported"};

    UnigramTokenizer t;
    t.m_pieces.reserve(vocab->size());
    for (std::size_t i = 0; i < vocab->size(); ++i) {
        const nlohmann::json &e = (*vocab)[i];
        if (!e.is_array() || e.size() != 2 || !e[0].is_string() || !e[1].is_number())
            return Error{source + ": model.vocab[" + std::to_string(i) + "] is not [string, number]"};
        const double score = e[1].get<double>();
        if (!std::isfinite(score))
            return Error{source + ": model.vocab[" + std::to_string(i) + "] has a score that is not finite"};
        t.m_pieces.push_back({e[0].get<std::string>(), score});
    }
    t.m_modelSize = static_cast<std::int32_t>(t.m_pieces.size());
    const auto unk = model->find("unk_id");
    if (unk == model->end() || !unk->is_number_integer())
        return Error{source + ": model.unk_id is missing or not an integer"};
    const std::int64_t unkId = unk->get<std::int64_t>();
    if (unkId < 0 || unkId >= t.m_modelSize)
        return Error{source + ": model.unk_id " + std::to_string(unkId) + " is outside model.vocab (0.."
                     + std::to_string(t.m_modelSize - 1) + ")"};
    t.m_unkId = static_cast<std::int32_t>(unkId);

    if (const auto added = root.find("added_tokens"); added != root.end() && !added->is_null()) {
        if (!added->is_array())
            return Error{source + ": \"added_tokens\" is not an array"};
        for (std::size_t i = 0; i < added->size(); ++i) {
            const nlohmann::json &a = (*added)[i];
            const std::string where = source + ": added_tokens[" + std::to_string(i) + "]";
            if (!a.is_object())
                return Error{where + " is not an object"};
            const auto id = a.find("id");
            const auto content = a.find("content");
            if (id == a.end() || !id->is_number_integer())
                return Error{where + ": \"id\" is missing or not an integer"};
            if (content == a.end() || !content->is_string() || content->get_ref<const std::string &>().empty())
                return Error{where + ": \"content\" is missing, not a string or empty"};
            const std::int64_t value = id->get<std::int64_t>();
            if (value < 0 || value >= static_cast<std::int64_t>(kMaxPieces))
                return Error{where + ": id " + std::to_string(value) + " is out of range"};
            AddedToken token;
            token.content = content->get<std::string>();
            token.id = static_cast<std::int32_t>(value);
            for (auto [name, field] : {std::pair<const char *, bool *>{"special", &token.special}, {"lstrip", &token.lstrip},
                                       {"rstrip", &token.rstrip}}) {
                if (auto e = boolField(a, name, *field, where))
                    return *e;
            }
            t.m_added.push_back(std::move(token));
        }
    }
    if (const auto n = root.find("normalizer"); n != root.end())
        if (auto e = parseNormalizer(*n, source + ": normalizer", 0, t.m_norm))
            return *e;
    if (const auto p = root.find("pre_tokenizer"); p != root.end())
        if (auto e = parsePreTokenizer(*p, source + ": pre_tokenizer", 0, t.m_pre))
            return *e;
    if (auto e = t.finish(source))
        return *e;
    return t;
}

std::optional<Error> UnigramTokenizer::finish(const std::string &source)
{
    m_idOf.clear();
    m_idOf.reserve(m_pieces.size());
    double minScore = 0.0;
    for (std::size_t i = 0; i < static_cast<std::size_t>(m_modelSize); ++i) {
        const std::string &p = m_pieces[i].text;
        const std::string where = source + ": model.vocab[" + std::to_string(i) + "]";
        if (p.empty())
            return Error{where + " is an empty piece"};
        if (const auto bad = firstInvalidUtf8(p))
            return Error{where + " is invalid UTF-8 at byte offset " + std::to_string(*bad)};
        if (!std::isfinite(m_pieces[i].score))
            return Error{where + " has a score that is not finite"};
        const auto [it, fresh] = m_idOf.emplace(p, static_cast<std::int32_t>(i));
        if (!fresh)
            return Error{where + " (\"" + printableToken(p) + "\") duplicates model.vocab[" + std::to_string(it->second) + "]"};
        minScore = i == 0 ? m_pieces[i].score : std::min(minScore, m_pieces[i].score);
    }
    m_unkScore = minScore - kUnkPenalty;
    m_sorted.clear();
    m_sorted.reserve(static_cast<std::size_t>(m_modelSize));
    for (std::size_t i = 0; i < static_cast<std::size_t>(m_modelSize); ++i)
        m_sorted.emplace_back(m_pieces[i].text, static_cast<std::int32_t>(i));
    std::sort(m_sorted.begin(), m_sorted.end());

    // Added tokens: an id inside model.vocab must name the same piece; ids beyond it must extend
    // the vocabulary without gaps.
    m_addedOf.clear();
    m_pieces.resize(static_cast<std::size_t>(m_modelSize));
    std::vector<const AddedToken *> beyond;
    for (std::size_t i = 0; i < m_added.size(); ++i) {
        const AddedToken &a = m_added[i];
        const std::string where = source + ": added_tokens[" + std::to_string(i) + "]";
        if (const auto bad = firstInvalidUtf8(a.content))
            return Error{where + ": \"content\" is invalid UTF-8"};
        if (a.content.empty())
            return Error{where + ": \"content\" is empty"};
        if (!m_addedOf.emplace(a.content, a.id).second)
            return Error{where + ": \"content\" \"" + printableToken(a.content) + "\" is added twice"};
        if (a.id < m_modelSize) {
            if (m_pieces[static_cast<std::size_t>(a.id)].text != a.content)
                return Error{where + ": id " + std::to_string(a.id) + " is \"" + printableToken(m_pieces[static_cast<std::size_t>(a.id)].text)
                             + "\" in model.vocab, not \"" + printableToken(a.content) + "\""};
        } else {
            beyond.push_back(&a);
        }
    }
    std::sort(beyond.begin(), beyond.end(), [](const AddedToken *x, const AddedToken *y) { return x->id < y->id; });
    for (std::size_t k = 0; k < beyond.size(); ++k) {
        if (beyond[k]->id != m_modelSize + static_cast<std::int32_t>(k))
            return Error{source + ": added token \"" + printableToken(beyond[k]->content) + "\" has id " + std::to_string(beyond[k]->id)
                         + ", but the ids after model.vocab must continue it without gaps or repeats (expected "
                         + std::to_string(m_modelSize + static_cast<std::int32_t>(k)) + ")"};
        m_pieces.push_back({beyond[k]->content, 0.0});
    }
    return std::nullopt;
}

Result<UnigramTokenizer> UnigramTokenizer::fromJson(const nlohmann::json &json)
{
    return fromHfJson(json, "tokenizer JSON (unigram)");
}

nlohmann::json UnigramTokenizer::toJson() const
{
    nlohmann::json vocab = nlohmann::json::array();
    for (std::size_t i = 0; i < static_cast<std::size_t>(m_modelSize); ++i)
        vocab.push_back({m_pieces[i].text, m_pieces[i].score});
    nlohmann::json added = nlohmann::json::array();
    for (const AddedToken &a : m_added)
        added.push_back({{"id", a.id}, {"content", a.content}, {"special", a.special}, {"lstrip", a.lstrip}, {"rstrip", a.rstrip}});
    return {{"kind", "unigram"},
            {"version", 1},
            {"model", {{"type", "Unigram"}, {"unk_id", m_unkId}, {"vocab", std::move(vocab)}}},
            {"added_tokens", std::move(added)},
            {"normalizer", normalizerJson(m_norm)},
            {"pre_tokenizer", preTokenizerJson(m_pre)}};
}

// ---- encoding -----------------------------------------------------------------------------

std::u32string UnigramTokenizer::normalize(std::u32string text) const
{
    using K = NormStep::Kind;
    const std::size_t limit = 64 * text.size() + 4096;
    std::u32string next;
    for (const NormStep &s : m_norm) {
        next.clear();
        switch (s.kind) {
        case K::Replace: next = replaceLiteral(text, s.pattern, s.content); break;
        case K::SpaceRun: next = replaceSpaceRuns(text, s.minRun, s.content); break;
        case K::Nfd:
            for (char32_t c : text)
                appendNfd(next, c);
            break;
        case K::Nfkd:
            for (char32_t c : text)
                appendNfkd(next, c);
            break;
        case K::Nfkc:
            for (char32_t c : text)
                appendNfkc(next, c);
            break;
        case K::StripAccents:
            for (char32_t c : text)
                if (!isNonspacingMark(c))
                    next.push_back(c);
            break;
        case K::Lowercase:
            for (char32_t c : text)
                appendLowercase(next, c);
            break;
        case K::Strip: {
            std::size_t b = 0, e = text.size();
            if (s.left)
                while (b < e && isSpace(text[b]))
                    ++b;
            if (s.right)
                while (e > b && isSpace(text[e - 1]))
                    --e;
            next.assign(text, b, e - b);
            break;
        }
        case K::Nfc:
        case K::Precompiled: continue; // identity (see the header)
        }
        if (next.size() > limit)
            throw std::invalid_argument("UnigramTokenizer::encode: the normalizer grew the text past " + std::to_string(limit)
                                        + " characters");
        text.swap(next);
    }
    return text;
}

std::vector<UnigramTokenizer::Unit> UnigramTokenizer::preTokenize(std::string_view text) const
{
    std::vector<Unit> units;
    // Section: normalise, then run the pre-tokenizer steps over its words. atStart: the section
    // begins the text (for Metaspace's "first").
    struct Word {
        std::u32string text;
        bool atStart;
    };
    std::vector<Word> words, next;
    const auto section = [&](std::string_view raw, bool atStart) {
        if (raw.empty())
            return;
        std::u32string norm = normalize(toU32(raw));
        if (norm.empty())
            return;
        words.clear();
        words.push_back({std::move(norm), atStart});
        for (const PreStep &step : m_pre) {
            next.clear();
            for (Word &w : words) {
                if (step.kind == PreStep::Kind::WhitespaceSplit) {
                    std::size_t i = 0;
                    while (i < w.text.size()) {
                        while (i < w.text.size() && isSpace(w.text[i]))
                            ++i;
                        const std::size_t b = i;
                        while (i < w.text.size() && !isSpace(w.text[i]))
                            ++i;
                        if (i > b)
                            next.push_back({w.text.substr(b, i - b), w.atStart && b == 0});
                    }
                    continue;
                }
                std::u32string &s = w.text;
                std::replace(s.begin(), s.end(), U' ', step.replacement);
                const bool prepend = step.prepend == PreStep::Prepend::Always
                    || (step.prepend == PreStep::Prepend::First && w.atStart);
                if (prepend && (s.empty() || s[0] != step.replacement))
                    s.insert(s.begin(), step.replacement);
                if (!step.split) {
                    next.push_back(std::move(w));
                    continue;
                }
                std::size_t b = 0;
                for (std::size_t i = 1; i <= s.size(); ++i) {
                    if (i == s.size() || s[i] == step.replacement) {
                        next.push_back({s.substr(b, i - b), w.atStart && b == 0});
                        b = i;
                    }
                }
            }
            words.swap(next);
        }
        for (const Word &w : words)
            if (!w.text.empty())
                units.push_back({-1, encodeUtf8(w.text)});
    };

    // Added tokens: leftmost, then longest, match in the raw text.
    bool firstByte[256] = {};
    for (const AddedToken &a : m_added)
        firstByte[static_cast<unsigned char>(a.content[0])] = true;
    const auto asciiSpace = [&](std::size_t i) {
        const auto b = static_cast<unsigned char>(text[i]);
        return b < 0x80 && isSpace(b);
    };
    std::size_t from = 0; // start of the pending section
    std::size_t pos = 0;
    while (pos < text.size()) {
        const AddedToken *best = nullptr;
        if (firstByte[static_cast<unsigned char>(text[pos])])
            for (const AddedToken &a : m_added)
            if (text.compare(pos, a.content.size(), a.content) == 0 && (!best || a.content.size() > best->content.size()))
                best = &a;
        if (!best) {
            ++pos;
            continue;
        }
        std::size_t sectionEnd = pos;
        if (best->lstrip)
            while (sectionEnd > from && asciiSpace(sectionEnd - 1))
                --sectionEnd;
        section(text.substr(from, sectionEnd - from), from == 0);
        units.push_back({best->id, {}});
        pos += best->content.size();
        if (best->rstrip)
            while (pos < text.size() && asciiSpace(pos))
                ++pos;
        from = pos;
    }
    section(text.substr(from), from == 0);
    return units;
}

void UnigramTokenizer::encodeWord(std::string_view word, std::vector<std::int32_t> &out) const
{
    // Byte offsets of the characters: offsets[k] is where character k starts; n characters.
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < word.size();) {
        offsets.push_back(i);
        i += utf8SequenceLength(static_cast<unsigned char>(word[i]));
    }
    const std::size_t n = offsets.size();
    offsets.push_back(word.size());
    // best[k]: the highest score of a segmentation of the first k characters; from[k], id[k]: its
    // last piece (id -1 = one unknown character).
    constexpr double kNone = -std::numeric_limits<double>::infinity();
    std::vector<double> best(n + 1, kNone);
    std::vector<std::size_t> from(n + 1, 0);
    std::vector<std::int32_t> id(n + 1, -1);
    best[0] = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        if (best[k] == kNone)
            continue;
        // Pieces starting at k: narrow the sorted pieces to those that begin with the first len
        // characters, len = 1, 2, … until none does (a prefix search, like a trie's).
        bool single = false;
        std::size_t lo = 0, hi = m_sorted.size();
        for (std::size_t len = 1; k + len <= n && lo < hi; ++len) {
            const std::string_view prefix = word.substr(offsets[k], offsets[k + len] - offsets[k]);
            const auto first = m_sorted.begin() + static_cast<std::ptrdiff_t>(lo);
            const auto last = m_sorted.begin() + static_cast<std::ptrdiff_t>(hi);
            const auto newLo = std::lower_bound(first, last, prefix, [](const auto &e, std::string_view p) { return e.first < p; });
            const auto newHi = std::partition_point(newLo, last, [&](const auto &e) {
                return std::string_view(e.first).substr(0, prefix.size()) == prefix;
            });
            lo = static_cast<std::size_t>(newLo - m_sorted.begin());
            hi = static_cast<std::size_t>(newHi - m_sorted.begin());
            if (lo == hi || newLo->first != prefix)
                continue;
            single = single || len == 1;
            const double s = best[k] + m_pieces[static_cast<std::size_t>(newLo->second)].score;
            if (s > best[k + len]) {
                best[k + len] = s;
                from[k + len] = k;
                id[k + len] = newLo->second;
            }
        }
        if (!single && best[k] + m_unkScore > best[k + 1]) {
            best[k + 1] = best[k] + m_unkScore;
            from[k + 1] = k;
            id[k + 1] = -1;
        }
    }
    std::vector<std::int32_t> path;
    for (std::size_t k = n; k > 0; k = from[k])
        path.push_back(id[k]);
    std::reverse(path.begin(), path.end());
    for (std::size_t i = 0; i < path.size(); ++i) {
        const bool unknown = path[i] < 0 || path[i] == m_unkId;
        if (unknown && !out.empty() && i > 0 && (path[i - 1] < 0 || path[i - 1] == m_unkId))
            continue; // fused with the unknown before it
        out.push_back(unknown ? m_unkId : path[i]);
    }
}

std::vector<std::int32_t> UnigramTokenizer::encode(std::string_view utf8Text) const
{
    requireUtf8(utf8Text, "UnigramTokenizer::encode");
    std::vector<std::int32_t> ids;
    for (const Unit &u : preTokenize(utf8Text)) {
        if (u.added >= 0)
            ids.push_back(u.added);
        else
            encodeWord(u.word, ids);
    }
    return ids;
}

EncodedPair UnigramTokenizer::encodeForModel(std::string_view a, std::optional<std::string_view> b, int maxLength) const
{
    std::optional<std::vector<std::int32_t>> second;
    if (b)
        second = encode(*b);
    const auto cls = tokenId("[CLS]"), sep = tokenId("[SEP]");
    return assembleForModel(encode(a), std::move(second), cls, sep, maxLength);
}

std::string UnigramTokenizer::decode(const std::vector<std::int32_t> &ids) const
{
    std::string joined;
    for (std::int32_t id : ids) {
        checkId(id);
        joined += m_pieces[static_cast<std::size_t>(id)].text;
    }
    char32_t replacement = U'\u2581';
    bool stripFirst = false;
    for (const PreStep &s : m_pre)
        if (s.kind == PreStep::Kind::Metaspace) {
            replacement = s.replacement;
            stripFirst = s.prepend != PreStep::Prepend::Never;
        }
    std::string mark;
    appendUtf8(mark, replacement);
    std::string out;
    out.reserve(joined.size());
    for (std::size_t pos = 0;;) {
        const std::size_t hit = joined.find(mark, pos);
        out.append(joined, pos, hit == std::string::npos ? std::string::npos : hit - pos);
        if (hit == std::string::npos)
            break;
        out += ' ';
        pos = hit + mark.size();
    }
    if (stripFirst && !out.empty() && out[0] == ' ')
        out.erase(0, 1);
    return out;
}

std::string UnigramTokenizer::tokenText(std::int32_t id) const
{
    checkId(id);
    return printableToken(m_pieces[static_cast<std::size_t>(id)].text);
}

std::optional<std::int32_t> UnigramTokenizer::tokenId(std::string_view token) const
{
    if (const auto it = m_addedOf.find(token); it != m_addedOf.end())
        return it->second;
    if (const auto it = m_idOf.find(token); it != m_idOf.end())
        return it->second;
    return std::nullopt;
}

} // namespace lm
