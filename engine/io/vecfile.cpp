#include "io/vecfile.h"

#include "io/atomicfile.h"
#include "text/utf8.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <stdexcept>
#include <unordered_map>

namespace lm {

namespace {

// Reads a file line by line through a fixed buffer; a line longer than the cap is reported, not
// stored, so a file without newlines cannot make us allocate more than the cap.
class LineReader {
public:
    explicit LineReader(std::FILE *f) : m_file(f), m_buffer(1 << 16) {}

    enum class Status { Line, End, TooLong, ReadError };
    // The next line without its "\n" (and without a final "\r").
    Status next(std::string &line, std::size_t cap)
    {
        line.clear();
        while (true) {
            if (m_pos == m_end) {
                if (m_eof)
                    return line.empty() ? Status::End : finish(line);
                m_end = std::fread(m_buffer.data(), 1, m_buffer.size(), m_file);
                m_pos = 0;
                if (m_end < m_buffer.size()) {
                    if (std::ferror(m_file))
                        return Status::ReadError;
                    m_eof = true;
                }
                continue;
            }
            const char *begin = m_buffer.data() + m_pos;
            const void *nl = std::memchr(begin, '\n', m_end - m_pos);
            const std::size_t take = nl ? static_cast<const char *>(nl) - begin : m_end - m_pos;
            if (line.size() + take > cap)
                return Status::TooLong;
            line.append(begin, take);
            m_pos += take;
            if (nl) {
                ++m_pos;
                return finish(line);
            }
        }
    }

private:
    Status finish(std::string &line)
    {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        return Status::Line;
    }

    std::FILE *m_file;
    std::vector<char> m_buffer;
    std::size_t m_pos = 0, m_end = 0;
    bool m_eof = false;
};

bool isFieldSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

// Fields of `line` separated by runs of spaces/tabs; leading and trailing spaces ignored.
template <class F>
void forEachField(std::string_view line, F &&f)
{
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && isFieldSpace(line[i]))
            ++i;
        const std::size_t start = i;
        while (i < line.size() && !isFieldSpace(line[i]))
            ++i;
        if (i > start && !f(line.substr(start, i - start)))
            return;
    }
}

std::string inQuotes(std::string_view s)
{
    std::string out = "'";
    for (char c : s.substr(0, 40)) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", u);
            out += hex;
        } else {
            out += c;
        }
    }
    if (s.size() > 40)
        out += "...";
    return out + "'";
}

// A float in C locale form; false for anything else, including NaN and ±Inf.
enum class Parse { Ok, NotNumber, NotFinite };
Parse parseFloat(std::string_view s, float &out)
{
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    const char *first = s.data();
    const char *last = s.data() + s.size();
    auto [ptr, ec] = std::from_chars(first, last, out);
    if (ec == std::errc::result_out_of_range) {
        double d = 0.0;
        auto [dptr, dec] = std::from_chars(first, last, d);
        if (dec != std::errc() || dptr != last)
            return dec == std::errc::result_out_of_range ? Parse::NotFinite : Parse::NotNumber;
        out = static_cast<float>(d); // underflow -> 0 or a subnormal; overflow -> inf, caught below
        ptr = last;
        ec = std::errc();
    }
    if (ec != std::errc() || ptr != last)
        return Parse::NotNumber;
    return std::isfinite(out) ? Parse::Ok : Parse::NotFinite;
}

bool parseCount(std::string_view s, std::int64_t &out)
{
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

struct FileCloser {
    void operator()(std::FILE *f) const { std::fclose(f); }
};

// Appends `v` as printf's "%.6g" would.
void appendValue(std::string &out, float v)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6);
    out.append(buf, r.ptr);
}

void checkShape(const WordVectors &v, const char *who)
{
    if (v.dim < 1 || v.data.size() != v.words.size() * static_cast<std::size_t>(v.dim))
        throw std::invalid_argument(std::string(who) + ": " + std::to_string(v.words.size()) + " words of dim " +
                                    std::to_string(v.dim) + " need " +
                                    std::to_string(v.words.size() * static_cast<std::size_t>(std::max(v.dim, 0))) +
                                    " values, got " + std::to_string(v.data.size()));
}

} // namespace

Result<WordVectors> loadVec(const std::string &path)
{
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file)
        return makeError(path + ": cannot open");
    std::int64_t fileSize = -1;
    if (std::fseek(file.get(), 0, SEEK_END) == 0)
        fileSize = std::ftell(file.get());
    if (fileSize < 0 || std::fseek(file.get(), 0, SEEK_SET) != 0)
        return makeError(path + ": cannot read");
    auto fail = [&](std::int64_t line, const std::string &what) {
        return Result<WordVectors>(makeError(path + ":" + std::to_string(line) + ": " + what));
    };

    LineReader reader(file.get());
    std::string line;
    // Header: "count dim".
    constexpr std::size_t kHeaderCap = 256;
    switch (reader.next(line, kHeaderCap)) {
    case LineReader::Status::End:
        return fail(1, "empty file; expected a header \"count dim\"");
    case LineReader::Status::TooLong:
        return fail(1, "the header is not \"count dim\" (line too long)");
    case LineReader::Status::ReadError:
        return makeError(path + ": read error");
    case LineReader::Status::Line:
        break;
    }
    const std::int64_t headerBytes = static_cast<std::int64_t>(line.size()) + 1;
    std::vector<std::string_view> fields;
    forEachField(line, [&](std::string_view f) {
        fields.push_back(f);
        return fields.size() <= 2;
    });
    std::int64_t count = 0, dim = 0;
    if (fields.size() != 2 || !parseCount(fields[0], count) || !parseCount(fields[1], dim) || count < 1 || dim < 1)
        return fail(1, "the header " + inQuotes(line) + " is not two positive integers \"count dim\"");
    // Each row needs at least a one-byte word, " 0" per value and a newline (but the last), so
    // count·(2 + 2·dim) − 1 bytes after the header; checked before reserving anything, with a
    // division so the product cannot overflow.
    const std::int64_t rest = std::max<std::int64_t>(fileSize - headerBytes, 0);
    if (dim > std::numeric_limits<int>::max() || count > std::numeric_limits<std::int32_t>::max() ||
        2 + 2 * dim > (rest + 1) / count)
        return fail(1, "the header promises " + std::to_string(count) + " rows of " + std::to_string(dim) +
                           " values, more than the file's " + std::to_string(fileSize) + " bytes can hold");

    WordVectors out;
    out.dim = static_cast<int>(dim);
    out.words.reserve(static_cast<std::size_t>(count));
    out.data.resize(static_cast<std::size_t>(count * dim));
    std::unordered_map<std::string, std::int64_t> firstLine; // word -> line it was defined on
    firstLine.reserve(static_cast<std::size_t>(count));

    const std::size_t lineCap = 4096 + 64 * static_cast<std::size_t>(dim);
    std::int64_t lineNo = 1;
    std::int64_t row = 0;
    while (true) {
        const LineReader::Status st = reader.next(line, lineCap);
        if (st == LineReader::Status::End)
            break;
        ++lineNo;
        if (st == LineReader::Status::ReadError)
            return makeError(path + ": read error");
        if (st == LineReader::Status::TooLong)
            return fail(lineNo, "line longer than " + std::to_string(lineCap) + " bytes");
        std::string_view word;
        std::int64_t values = 0;
        std::string problem;
        float *dst = row < count ? out.row(static_cast<std::int32_t>(row)) : nullptr;
        forEachField(line, [&](std::string_view f) {
            if (word.empty()) {
                word = f;
                return true;
            }
            ++values;
            if (values > dim)
                return true; // keep counting for the message
            float v = 0.0f;
            switch (parseFloat(f, v)) {
            case Parse::Ok:
                if (dst)
                    dst[values - 1] = v;
                return true;
            case Parse::NotNumber:
                problem = "value " + std::to_string(values) + " is not a number: " + inQuotes(f);
                return false;
            case Parse::NotFinite:
                problem = "value " + std::to_string(values) + " is NaN or infinite: " + inQuotes(f);
                return false;
            }
            return false;
        });
        if (word.empty()) {
            if (row == count)
                continue; // blank lines after the last row
            return fail(lineNo, "empty line; expected a word and " + std::to_string(dim) + " values");
        }
        if (row == count)
            return fail(lineNo, "more rows than the header's " + std::to_string(count));
        if (!problem.empty())
            return fail(lineNo, problem);
        if (values != dim)
            return fail(lineNo, "expected " + std::to_string(dim) + " values, found " + std::to_string(values));
        if (firstInvalidUtf8(word))
            return fail(lineNo, "invalid UTF-8 in the word " + inQuotes(word));
        auto [it, inserted] = firstLine.try_emplace(std::string(word), lineNo);
        if (!inserted)
            return fail(lineNo, "duplicate word " + inQuotes(word) + " (first on line " + std::to_string(it->second) + ")");
        out.words.emplace_back(word);
        ++row;
    }
    if (row < count)
        return fail(lineNo + 1, "the file ends after " + std::to_string(row) + " rows; the header says " + std::to_string(count));
    return out;
}

Status saveVec(const std::string &path, const WordVectors &vectors)
{
    checkShape(vectors, "saveVec");
    for (std::int32_t i = 0; i < vectors.size(); ++i) {
        const std::string &w = vectors.words[i];
        bool bad = w.empty();
        for (char c : w)
            bad = bad || isFieldSpace(c) || c == '\n';
        if (bad)
            return makeError(path + ": word " + std::to_string(i) + " " + inQuotes(w) + " is empty or contains whitespace");
        const float *r = vectors.row(i);
        for (int k = 0; k < vectors.dim; ++k)
            if (!std::isfinite(r[k]))
                return makeError(path + ": the vector of " + inQuotes(w) + " has a NaN or infinite value");
    }
    return writeFileAtomically(path, [&](std::ostream &os) {
        std::string buf = std::to_string(vectors.words.size()) + " " + std::to_string(vectors.dim) + "\n";
        for (std::int32_t i = 0; i < vectors.size(); ++i) {
            buf += vectors.words[i];
            const float *r = vectors.row(i);
            for (int k = 0; k < vectors.dim; ++k) {
                buf += ' ';
                appendValue(buf, r[k]);
            }
            buf += '\n';
            if (buf.size() > (1 << 20)) {
                os.write(buf.data(), static_cast<std::streamsize>(buf.size()));
                buf.clear();
            }
        }
        os.write(buf.data(), static_cast<std::streamsize>(buf.size()));
        return static_cast<bool>(os);
    });
}

Status saveProjectorTsv(const std::string &vectorsPath, const std::string &metadataPath, const WordVectors &vectors,
                        const std::vector<std::string> &groups)
{
    checkShape(vectors, "saveProjectorTsv");
    if (!groups.empty() && groups.size() != vectors.words.size())
        throw std::invalid_argument("saveProjectorTsv: " + std::to_string(groups.size()) + " groups for " +
                                    std::to_string(vectors.words.size()) + " words");
    auto badCell = [](const std::string &s) { return s.find_first_of("\t\r\n") != std::string::npos; };
    for (std::size_t i = 0; i < vectors.words.size(); ++i) {
        if (badCell(vectors.words[i]))
            return makeError(metadataPath + ": word " + std::to_string(i) + " " + inQuotes(vectors.words[i]) +
                             " contains a tab or a line break");
        if (!groups.empty() && badCell(groups[i]))
            return makeError(metadataPath + ": group " + std::to_string(i) + " " + inQuotes(groups[i]) +
                             " contains a tab or a line break");
    }
    Status s = writeFileAtomically(vectorsPath, [&](std::ostream &os) {
        std::string buf;
        for (std::int32_t i = 0; i < vectors.size(); ++i) {
            const float *r = vectors.row(i);
            for (int k = 0; k < vectors.dim; ++k) {
                if (k)
                    buf += '\t';
                appendValue(buf, r[k]);
            }
            buf += '\n';
            if (buf.size() > (1 << 20)) {
                os.write(buf.data(), static_cast<std::streamsize>(buf.size()));
                buf.clear();
            }
        }
        os.write(buf.data(), static_cast<std::streamsize>(buf.size()));
        return static_cast<bool>(os);
    });
    if (!s.ok())
        return s;
    return writeFileAtomically(metadataPath, [&](std::ostream &os) {
        os << "word\tgroup\n";
        for (std::size_t i = 0; i < vectors.words.size(); ++i)
            os << vectors.words[i] << '\t' << (groups.empty() ? std::string() : groups[i]) << '\n';
        return static_cast<bool>(os);
    });
}

} // namespace lm
