#include "io/safetensors.h"

#include "io/atomicfile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>

namespace lm {

const Tensor *SafetensorsFile::find(const std::string &name) const
{
    for (const auto &t : tensors)
        if (t.name == name)
            return &t.tensor;
    return nullptr;
}

namespace {

float halfToFloat(std::uint16_t h)
{
    const std::uint32_t sign = (h & 0x8000u) << 16, exp = (h >> 10) & 0x1fu, mant = h & 0x3ffu;
    std::uint32_t bits;
    if (exp == 0) {
        if (mant == 0) {
            bits = sign;
        } else { // subnormal: normalise
            int e = -1;
            std::uint32_t m = mant;
            do {
                ++e;
                m <<= 1;
            } while (!(m & 0x400u));
            bits = sign | static_cast<std::uint32_t>(127 - 15 - e) << 23 | (m & 0x3ffu) << 13;
        }
    } else if (exp == 31) {
        bits = sign | 0x7f800000u | mant << 13;
    } else {
        bits = sign | (exp + 127 - 15) << 23 | mant << 13;
    }
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

float bf16ToFloat(std::uint16_t h)
{
    const std::uint32_t bits = static_cast<std::uint32_t>(h) << 16;
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

int dtypeSize(const std::string &dtype)
{
    if (dtype == "F32")
        return 4;
    if (dtype == "F16" || dtype == "BF16")
        return 2;
    return 0;
}

// The byte size of a dtype we can check but do not load, or 0 for an unknown name.
int otherDtypeSize(const std::string &dtype)
{
    if (dtype == "BOOL" || dtype == "U8" || dtype == "I8" || dtype == "F8_E4M3" || dtype == "F8_E5M2")
        return 1;
    if (dtype == "I16" || dtype == "U16")
        return 2;
    if (dtype == "I32" || dtype == "U32")
        return 4;
    if (dtype == "I64" || dtype == "U64" || dtype == "F64")
        return 8;
    return 0;
}

} // namespace

Result<SafetensorsFile> loadSafetensors(const std::string &path, const SafetensorsLimits &limits)
{
    namespace fs = std::filesystem;
    auto fail = [&](const std::string &what) { return Result<SafetensorsFile>(makeError(path + ": " + what)); };
    std::error_code ec;
    if (fs::is_directory(path, ec))
        return fail("is a directory, not a .safetensors file");
    const auto fileSize = static_cast<std::int64_t>(fs::file_size(path, ec));
    if (ec)
        return fail("cannot read (" + ec.message() + ")");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail("cannot open");
    if (fileSize < 8)
        return fail("too short for a safetensors header (" + std::to_string(fileSize) + " bytes)");
    unsigned char lenBytes[8];
    in.read(reinterpret_cast<char *>(lenBytes), 8);
    std::uint64_t headerLen = 0;
    for (int i = 7; i >= 0; --i)
        headerLen = headerLen << 8 | lenBytes[i];
    if (headerLen == 0 || headerLen > static_cast<std::uint64_t>(limits.maxHeaderBytes))
        return fail("header length " + std::to_string(headerLen) + " is outside 1.." + std::to_string(limits.maxHeaderBytes));
    if (headerLen > static_cast<std::uint64_t>(fileSize - 8))
        return fail("header length " + std::to_string(headerLen) + " runs past the end of the file (" +
                    std::to_string(fileSize) + " bytes)");
    std::string header(headerLen, '\0');
    in.read(header.data(), static_cast<std::streamsize>(headerLen));
    if (!in)
        return fail("cannot read the header");
    const std::int64_t dataStart = 8 + static_cast<std::int64_t>(headerLen);
    const std::int64_t dataSize = fileSize - dataStart;

    nlohmann::json j = nlohmann::json::parse(header, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object())
        return fail("the header is not a JSON object");
    if (static_cast<std::int64_t>(j.size()) > limits.maxTensors + 1)
        return fail("more than " + std::to_string(limits.maxTensors) + " tensors");

    SafetensorsFile file;
    struct Pending {
        std::string name, dtype;
        Shape shape;
        std::int64_t begin, end;
    };
    std::vector<Pending> pending;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string &name = it.key();
        const auto &e = it.value();
        if (name == "__metadata__") {
            if (!e.is_object())
                return fail("__metadata__ is not an object");
            for (auto m = e.begin(); m != e.end(); ++m) {
                if (!m.value().is_string())
                    return fail("__metadata__ value '" + m.key() + "' is not a string");
                file.metadata[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        const std::string where = "tensor '" + name + "': ";
        if (!e.is_object() || !e.contains("dtype") || !e.contains("shape") || !e.contains("data_offsets"))
            return fail(where + "needs dtype, shape and data_offsets");
        if (!e["dtype"].is_string())
            return fail(where + "dtype is not a string");
        Pending p;
        p.name = name;
        p.dtype = e["dtype"].get<std::string>();
        int elem = dtypeSize(p.dtype);
        if (!elem && limits.skipOtherDtypes)
            elem = otherDtypeSize(p.dtype); // checked below, then skipped
        if (!elem)
            return fail(where + "dtype " + p.dtype + " is not supported (F32, F16, BF16)");
        const auto &shape = e["shape"];
        if (!shape.is_array() || static_cast<int>(shape.size()) > limits.maxRank)
            return fail(where + "shape must be an array of at most " + std::to_string(limits.maxRank) + " dimensions");
        std::int64_t numel = 1;
        for (const auto &d : shape) {
            if (!d.is_number_unsigned())
                return fail(where + "shape holds something other than a non-negative integer");
            const auto v = d.get<std::uint64_t>();
            if (v > static_cast<std::uint64_t>(dataSize) + 1)
                return fail(where + "dimension " + std::to_string(v) + " is larger than the file");
            p.shape.push_back(static_cast<std::int64_t>(v));
            if (v != 0 && numel > dataSize / static_cast<std::int64_t>(v) + 1)
                return fail(where + "shape " + shapeString(p.shape) + " is larger than the file");
            numel *= static_cast<std::int64_t>(v);
        }
        const auto &off = e["data_offsets"];
        if (!off.is_array() || off.size() != 2 || !off[0].is_number_unsigned() || !off[1].is_number_unsigned())
            return fail(where + "data_offsets must be two non-negative integers");
        const auto b = off[0].get<std::uint64_t>(), en = off[1].get<std::uint64_t>();
        if (b > en || en > static_cast<std::uint64_t>(dataSize))
            return fail(where + "data_offsets [" + std::to_string(b) + ", " + std::to_string(en) +
                        "] lie outside the data (" + std::to_string(dataSize) + " bytes)");
        p.begin = static_cast<std::int64_t>(b);
        p.end = static_cast<std::int64_t>(en);
        if (p.end - p.begin != numel * elem)
            return fail(where + "data_offsets [" + std::to_string(b) + ", " + std::to_string(en) + "] do not match shape " +
                        shapeString(p.shape) + " of " + p.dtype + " (" + std::to_string(numel * elem) + " bytes)");
        pending.push_back(std::move(p));
    }
    std::sort(pending.begin(), pending.end(), [](const Pending &a, const Pending &b) { return a.begin < b.begin; });
    for (std::size_t i = 1; i < pending.size(); ++i)
        if (pending[i].begin < pending[i - 1].end)
            return fail("tensors '" + pending[i - 1].name + "' and '" + pending[i].name + "' overlap");

    std::vector<std::uint16_t> half;
    for (const Pending &p : pending) {
        if (!dtypeSize(p.dtype)) {
            file.skipped.push_back(p.name);
            continue;
        }
        Tensor t = Tensor::zeros(p.shape);
        in.seekg(dataStart + p.begin);
        if (p.dtype == "F32") {
            in.read(reinterpret_cast<char *>(t.data()), p.end - p.begin);
        } else {
            half.resize(static_cast<std::size_t>(t.numel()));
            in.read(reinterpret_cast<char *>(half.data()), p.end - p.begin);
            for (std::int64_t i = 0; i < t.numel(); ++i)
                t.data()[i] = p.dtype == "F16" ? halfToFloat(half[static_cast<std::size_t>(i)])
                                               : bf16ToFloat(half[static_cast<std::size_t>(i)]);
        }
        if (!in)
            return fail("cannot read the data of tensor '" + p.name + "'");
        file.tensors.push_back({p.name, std::move(t)});
    }
    return file;
}

Status saveSafetensors(const std::string &path, const std::vector<NamedParameter> &tensors,
                       const std::map<std::string, std::string> &metadata)
{
    nlohmann::json header = nlohmann::json::object();
    std::set<std::string> names;
    std::int64_t offset = 0;
    for (const auto &t : tensors) {
        if (t.name.empty() || t.name == "__metadata__" || !names.insert(t.name).second)
            throw std::invalid_argument("saveSafetensors: bad or duplicate tensor name '" + t.name + "'");
        const std::int64_t bytes = t.tensor.numel() * 4;
        header[t.name] = {{"dtype", "F32"}, {"shape", t.tensor.shape()}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
    }
    if (!metadata.empty())
        header["__metadata__"] = metadata;
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');
    return writeFileAtomically(path, [&](std::ostream &out) {
        unsigned char len[8];
        std::uint64_t n = text.size();
        for (int i = 0; i < 8; ++i, n >>= 8)
            len[i] = static_cast<unsigned char>(n & 0xff);
        out.write(reinterpret_cast<const char *>(len), 8);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        for (const auto &t : tensors)
            out.write(reinterpret_cast<const char *>(t.tensor.data()), t.tensor.numel() * 4);
        return static_cast<bool>(out);
    });
}

} // namespace lm
