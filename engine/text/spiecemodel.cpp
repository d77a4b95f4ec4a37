#include "text/spiecemodel.h"

#include "text/textfile.h"

#include <nlohmann/json.hpp>

#include <bit>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace lm {
namespace {

constexpr std::uint64_t kMaxFileBytes = 64ull << 20;

// One field of a protobuf message as it lies in the bytes.
struct Field {
    std::uint32_t number = 0;
    int wire = 0;               // 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32
    std::uint64_t varint = 0;   // wire 0
    std::uint32_t fixed32 = 0;  // wire 5
    std::string_view bytes;     // wire 2
    std::size_t offset = 0;     // of the field's key in the file
    std::size_t bytesOffset = 0; // of `bytes` in the file
};

bool readVarint(std::string_view d, std::size_t &pos, std::uint64_t &out)
{
    out = 0;
    for (int shift = 0; shift < 70; shift += 7) {
        if (pos >= d.size())
            return false;
        const auto b = static_cast<std::uint8_t>(d[pos++]);
        if (shift < 64)
            out |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80))
            return true;
    }
    return false; // longer than ten bytes
}

using FieldVisitor = std::function<std::optional<std::string>(const Field &)>;

// Calls `visit` for each field of the message `msg`, which starts at byte `base` of the file.
// Returns what is wrong with the bytes, or what `visit` returned.
std::optional<std::string> forEachField(std::string_view msg, std::size_t base, const FieldVisitor &visit)
{
    std::size_t pos = 0;
    while (pos < msg.size()) {
        Field f;
        f.offset = base + pos;
        const std::string at = " at byte " + std::to_string(f.offset);
        std::uint64_t key = 0;
        if (!readVarint(msg, pos, key))
            return "a truncated field key" + at;
        if ((key >> 3) == 0 || (key >> 3) > 0x1fffffff)
            return "field number " + std::to_string(key >> 3) + at + " is not a valid field number";
        f.number = static_cast<std::uint32_t>(key >> 3);
        f.wire = static_cast<int>(key & 7);
        switch (f.wire) {
        case 0:
            if (!readVarint(msg, pos, f.varint))
                return "field " + std::to_string(f.number) + at + " has a truncated value";
            break;
        case 1:
            if (msg.size() - pos < 8)
                return "field " + std::to_string(f.number) + at + " runs past the end";
            pos += 8;
            break;
        case 2: {
            std::uint64_t length = 0;
            if (!readVarint(msg, pos, length))
                return "field " + std::to_string(f.number) + at + " has a truncated length";
            if (length > msg.size() - pos)
                return "field " + std::to_string(f.number) + at + " (" + std::to_string(length) +
                       " bytes) runs past the end of its message";
            f.bytes = msg.substr(pos, static_cast<std::size_t>(length));
            f.bytesOffset = base + pos;
            pos += static_cast<std::size_t>(length);
            break;
        }
        case 5:
            if (msg.size() - pos < 4)
                return "field " + std::to_string(f.number) + at + " runs past the end";
            for (int i = 0; i < 4; ++i)
                f.fixed32 |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(msg[pos + i])) << (8 * i);
            pos += 4;
            break;
        default:
            return "field " + std::to_string(f.number) + at + " has wire type " + std::to_string(f.wire) +
                   ", which no field of a SentencePiece model has";
        }
        if (auto e = visit(f))
            return e;
    }
    return std::nullopt;
}

std::optional<std::string> expectWire(const Field &f, int wire, const char *name)
{
    if (f.wire == wire)
        return std::nullopt;
    return std::string(name) + " (field " + std::to_string(f.number) + " at byte " + std::to_string(f.offset) +
           ") has wire type " + std::to_string(f.wire) + ", not " + std::to_string(wire);
}

struct PieceRecord {
    std::string text;
    float score = 0.0f;
    int type = 1; // NORMAL
};

enum PieceType { Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6 };

} // namespace

Result<UnigramTokenizer> parseSpieceModel(std::string_view bytes, const std::string &source, int extraIds,
                                          const std::string &sentinelPrefix)
{
    if (extraIds < 0 || extraIds > 1000)
        return Error{source + ": " + std::to_string(extraIds) + " extra ids asked for (0..1000)"};
    std::vector<PieceRecord> pieces;
    std::uint64_t modelType = 1; // UNIGRAM
    bool byteFallback = false, addDummyPrefix = true, removeExtraWhitespaces = true, charsmap = false;

    const auto readPiece = [&](const Field &outer) -> std::optional<std::string> {
        if (auto e = expectWire(outer, 2, "a piece"))
            return e;
        if (pieces.size() >= (1u << 24))
            return std::string("more than 2^24 pieces");
        PieceRecord p;
        auto e = forEachField(outer.bytes, outer.bytesOffset, [&](const Field &f) -> std::optional<std::string> {
            if (f.number == 1) {
                if (auto w = expectWire(f, 2, "piece.piece"))
                    return w;
                p.text = std::string(f.bytes);
            } else if (f.number == 2) {
                if (auto w = expectWire(f, 5, "piece.score"))
                    return w;
                p.score = std::bit_cast<float>(f.fixed32);
            } else if (f.number == 3) {
                if (auto w = expectWire(f, 0, "piece.type"))
                    return w;
                p.type = static_cast<int>(std::min<std::uint64_t>(f.varint, 1000));
            }
            return std::nullopt;
        });
        if (e)
            return e;
        const std::string which = "piece " + std::to_string(pieces.size()) + " (byte " + std::to_string(outer.offset) + ")";
        if (p.type < Normal || p.type > Byte)
            return which + " has the unknown type " + std::to_string(p.type);
        if (p.type == Byte)
            return which + " is a BYTE piece: byte fallback is not supported";
        if (p.type == Unused)
            return which + " is an UNUSED piece, which is not supported";
        pieces.push_back(std::move(p));
        return std::nullopt;
    };
    auto error = forEachField(bytes, 0, [&](const Field &f) -> std::optional<std::string> {
        if (f.number == 1)
            return readPiece(f);
        if (f.number == 2) {
            if (auto w = expectWire(f, 2, "trainer_spec"))
                return w;
            return forEachField(f.bytes, f.bytesOffset, [&](const Field &t) -> std::optional<std::string> {
                if (t.number == 3 || t.number == 35)
                    if (auto w = expectWire(t, 0, t.number == 3 ? "trainer_spec.model_type" : "trainer_spec.byte_fallback"))
                        return w;
                if (t.number == 3)
                    modelType = t.varint;
                if (t.number == 35)
                    byteFallback = t.varint != 0;
                return std::nullopt;
            });
        }
        if (f.number == 3) {
            if (auto w = expectWire(f, 2, "normalizer_spec"))
                return w;
            return forEachField(f.bytes, f.bytesOffset, [&](const Field &n) -> std::optional<std::string> {
                if (n.number == 2) {
                    if (auto w = expectWire(n, 2, "normalizer_spec.precompiled_charsmap"))
                        return w;
                    charsmap = !n.bytes.empty();
                } else if (n.number == 3 || n.number == 4) {
                    if (auto w = expectWire(n, 0, n.number == 3 ? "normalizer_spec.add_dummy_prefix"
                                                                : "normalizer_spec.remove_extra_whitespaces"))
                        return w;
                    (n.number == 3 ? addDummyPrefix : removeExtraWhitespaces) = n.varint != 0;
                }
                return std::nullopt;
            });
        }
        return std::nullopt;
    });
    if (error)
        return Error{source + ": " + *error};
    if (pieces.empty())
        return Error{source + ": no piece (not a SentencePiece model?)"};
    if (modelType != 1)
        return Error{source + ": trainer_spec.model_type is " + std::to_string(modelType) +
                     ", not 1 (unigram); only unigram models are read"};
    if (byteFallback)
        return Error{source + ": trainer_spec.byte_fallback is true, which is not supported"};

    // The tokenizer.json Hugging Face's converter would write.
    nlohmann::json vocab = nlohmann::json::array(), added = nlohmann::json::array();
    std::optional<std::size_t> unk;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const PieceRecord &p = pieces[i];
        vocab.push_back(nlohmann::json::array({p.text, static_cast<double>(p.score)}));
        if (p.type == Unknown) {
            if (unk)
                return Error{source + ": pieces " + std::to_string(*unk) + " and " + std::to_string(i) +
                             " are both the UNKNOWN piece"};
            unk = i;
        }
        if (p.type == Unknown || p.type == Control || p.type == UserDefined)
            added.push_back({{"id", i}, {"content", p.text}, {"special", p.type != UserDefined}});
    }
    if (!unk)
        return Error{source + ": no piece is of type UNKNOWN"};
    for (int n = 0; n < extraIds; ++n)
        added.push_back({{"id", pieces.size() + static_cast<std::size_t>(extraIds - 1 - n)},
                         {"content", sentinelPrefix + std::to_string(n) + ">"},
                         {"special", true}});
    nlohmann::json normalizers = nlohmann::json::array();
    if (charsmap)
        normalizers.push_back({{"type", "Precompiled"}, {"precompiled_charsmap", nullptr}});
    if (removeExtraWhitespaces) {
        normalizers.push_back({{"type", "Strip"}, {"strip_left", true}, {"strip_right", true}});
        normalizers.push_back({{"type", "Replace"}, {"pattern", {{"Regex", " {2,}"}}}, {"content", " "}});
    }
    const nlohmann::json tokenizerJson = {
        {"model", {{"type", "Unigram"}, {"unk_id", *unk}, {"vocab", std::move(vocab)}}},
        {"added_tokens", std::move(added)},
        {"normalizer", {{"type", "Sequence"}, {"normalizers", std::move(normalizers)}}},
        {"pre_tokenizer",
         {{"type", "Metaspace"}, {"replacement", "\u2581"}, {"prepend_scheme", addDummyPrefix ? "always" : "never"},
          {"split", true}}}};
    return UnigramTokenizer::fromHfJson(tokenizerJson, source);
}

Result<UnigramTokenizer> loadSpieceModel(const std::string &path, int extraIds, const std::string &sentinelPrefix)
{
    auto bytes = readSmallFile(path, static_cast<std::int64_t>(kMaxFileBytes));
    if (!bytes)
        return Error{bytes.error()};
    return parseSpieceModel(bytes.value(), path, extraIds, sentinelPrefix);
}

} // namespace lm
