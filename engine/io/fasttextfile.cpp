#include "io/fasttextfile.h"

#include "io/safetensors.h"
#include "text/utf8.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <map>
#include <unordered_set>

namespace lm {

namespace {
constexpr const char *kFormat = "lmscope-fasttext-1";
} // namespace

Status saveFastTextModel(const FastTextModel &model, const std::string &path)
{
    if (model.dim() == 0)
        return makeError(path + ": no model to save");
    const FastTextRows &m = model.rows();
    std::vector<NamedParameter> tensors;
    tensors.push_back({"words", Tensor::fromVector({static_cast<std::int64_t>(m.words.size()), m.dim}, m.wordRows)});
    if (!m.buckets.empty())
        tensors.push_back(
            {"ngrams", Tensor::fromVector({static_cast<std::int64_t>(m.buckets.size()), m.dim}, m.ngramRows)});
    std::map<std::string, std::string> meta;
    meta["format"] = kFormat;
    meta["dim"] = std::to_string(m.dim);
    meta["minn"] = std::to_string(m.minn);
    meta["maxn"] = std::to_string(m.maxn);
    meta["bucket"] = std::to_string(m.bucket);
    meta["seed"] = std::to_string(m.seed);
    meta["words"] = nlohmann::json(m.words).dump();
    meta["buckets"] = nlohmann::json(m.buckets).dump();
    return saveSafetensors(path, tensors, meta);
}

Result<FastTextModel> loadFastTextModel(const std::string &path)
{
    auto file = loadSafetensors(path);
    if (!file)
        return makeError(file.error());
    const auto &f = file.value();
    auto fail = [&](const std::string &what) { return makeError(path + ": " + what); };
    auto meta = [&](const char *key) -> const std::string * {
        const auto it = f.metadata.find(key);
        return it == f.metadata.end() ? nullptr : &it->second;
    };
    if (!meta("format") || *meta("format") != kFormat)
        return fail(std::string("not an LMScope fastText model (metadata 'format' is not '") + kFormat + "')");
    auto readInt = [&](const char *key, std::int64_t lo, std::int64_t hi, std::int64_t &out) -> bool {
        const std::string *s = meta(key);
        if (!s)
            return false;
        std::int64_t v = 0;
        const auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
        if (ec != std::errc() || p != s->data() + s->size() || v < lo || v > hi)
            return false;
        out = v;
        return true;
    };
    FastTextRows rows;
    std::int64_t dim = 0, minn = 0, maxn = 0, bucket = 0;
    if (!readInt("dim", 1, 10000, dim))
        return fail("metadata 'dim' is missing or not an integer in 1..10000");
    if (!readInt("maxn", 0, 64, maxn))
        return fail("metadata 'maxn' is missing or not an integer in 0..64");
    if (!readInt("minn", maxn > 0 ? 1 : 0, maxn > 0 ? maxn : 64, minn))
        return fail("metadata 'minn' is missing or not an integer in 1..maxn");
    if (!readInt("bucket", maxn > 0 ? 1 : 0, 2147483647, bucket))
        return fail("metadata 'bucket' is missing or out of range");
    {
        const std::string *s = meta("seed");
        std::uint64_t seed = 0;
        const auto [p, ec] = s ? std::from_chars(s->data(), s->data() + s->size(), seed)
                               : std::from_chars_result{nullptr, std::errc::invalid_argument};
        if (!s || ec != std::errc() || p != s->data() + s->size())
            return fail("metadata 'seed' is missing or not an unsigned integer");
        rows.seed = seed;
    }
    rows.dim = static_cast<int>(dim);
    rows.minn = static_cast<int>(minn);
    rows.maxn = static_cast<int>(maxn);
    rows.bucket = static_cast<int>(bucket);

    const std::string *wordsJson = meta("words");
    const std::string *bucketsJson = meta("buckets");
    if (!wordsJson || !bucketsJson)
        return fail("metadata 'words' or 'buckets' is missing");
    const auto wj = nlohmann::json::parse(*wordsJson, nullptr, false);
    if (wj.is_discarded() || !wj.is_array() || wj.empty())
        return fail("metadata 'words' is not a non-empty JSON array");
    std::unordered_set<std::string> seen;
    for (const auto &w : wj) {
        if (!w.is_string())
            return fail("metadata 'words' holds something other than a string");
        const auto &s = w.get_ref<const std::string &>();
        if (s.empty() || firstInvalidUtf8(s))
            return fail("metadata 'words' holds an empty word or invalid UTF-8");
        if (!seen.insert(s).second)
            return fail("metadata 'words' holds the word '" + s + "' twice");
        rows.words.push_back(s);
    }
    const auto bj = nlohmann::json::parse(*bucketsJson, nullptr, false);
    if (bj.is_discarded() || !bj.is_array())
        return fail("metadata 'buckets' is not a JSON array");
    std::unordered_set<std::int64_t> seenBuckets;
    for (const auto &b : bj) {
        if (!b.is_number_integer())
            return fail("metadata 'buckets' holds something other than an integer");
        const auto v = b.get<std::int64_t>();
        if (v < 0 || v >= bucket)
            return fail("metadata 'buckets' holds " + std::to_string(v) + ", outside 0.." + std::to_string(bucket - 1));
        if (!seenBuckets.insert(v).second)
            return fail("metadata 'buckets' holds " + std::to_string(v) + " twice");
        rows.buckets.push_back(static_cast<std::int32_t>(v));
    }
    if (maxn == 0 && !rows.buckets.empty())
        return fail("metadata 'buckets' is not empty although maxn is 0");

    auto takeRows = [&](const char *name, std::size_t count, std::vector<float> &out) -> Status {
        const Tensor *t = f.find(name);
        if (count == 0) {
            if (t && t->numel() != 0)
                return fail(std::string("tensor '") + name + "' is present but 'buckets' is empty");
            return Ok{};
        }
        if (!t)
            return fail(std::string("tensor '") + name + "' is missing");
        if (t->dim() != 2 || t->size(0) != static_cast<std::int64_t>(count) || t->size(1) != dim)
            return fail(std::string("tensor '") + name + "' has shape " + shapeString(t->shape()) + ", expected (" +
                        std::to_string(count) + ", " + std::to_string(dim) + ")");
        out.assign(t->data(), t->data() + t->numel());
        for (float x : out)
            if (!std::isfinite(x))
                return fail(std::string("tensor '") + name + "' holds a NaN or infinite value");
        return Ok{};
    };
    if (auto s = takeRows("words", rows.words.size(), rows.wordRows); !s)
        return makeError(s.error());
    if (auto s = takeRows("ngrams", rows.buckets.size(), rows.ngramRows); !s)
        return makeError(s.error());
    return FastTextModel(std::move(rows));
}

} // namespace lm
