#include "text/corpus.h"

#include "text/utf8.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string_view>
#include <system_error>

namespace lm {

namespace {

std::string tooLarge(const std::string &name, std::int64_t size, std::int64_t maxBytes)
{
    return "corpus '" + name + "' is " + std::to_string(size) + " bytes, more than the limit of "
        + std::to_string(maxBytes) + " bytes";
}

bool onlyWhitespace(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (!(c == ' ' || (c >= 0x09 && c <= 0x0D)))
                return false;
            ++i;
            continue;
        }
        // Text is valid UTF-8 here; decode one code point to test Unicode spaces like U+3000.
        if (!isSpace(nextCodePoint(text, i)))
            return false;
    }
    return true;
}

} // namespace

Result<Corpus> corpusFromBytes(std::string name, std::string bytes, std::int64_t maxBytes)
{
    const auto sourceBytes = static_cast<std::int64_t>(bytes.size());
    if (sourceBytes > maxBytes)
        return Error{tooLarge(name, sourceBytes, maxBytes)};
    if (const auto nul = bytes.find('\0'); nul != std::string::npos)
        return Error{"corpus '" + name + "' looks binary: NUL byte at offset " + std::to_string(nul)};
    if (const auto bad = firstInvalidUtf8(bytes))
        return Error{"corpus '" + name + "' has invalid UTF-8 at byte offset " + std::to_string(*bad)};

    // Strip the BOM and normalise line ends in one pass, in place (output never outruns input).
    std::size_t in = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    std::size_t out = 0;
    while (in < bytes.size()) {
        const char c = bytes[in++];
        if (c == '\r') {
            bytes[out++] = '\n';
            if (in < bytes.size() && bytes[in] == '\n')
                ++in;
        } else {
            bytes[out++] = c;
        }
    }
    bytes.resize(out);

    if (onlyWhitespace(bytes))
        return Error{"corpus '" + name + "' is empty"};
    return Corpus{std::move(name), std::move(bytes), sourceBytes};
}

Result<Corpus> loadCorpus(const std::string &path, std::int64_t maxBytes)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        return Error{"cannot open corpus '" + path + "': " + (ec ? ec.message() : std::string("no such file"))};
    if (fs::is_directory(status))
        return Error{"corpus '" + path + "' is a directory"};

    struct Closer {
        void operator()(std::FILE *f) const { std::fclose(f); }
    };
    errno = 0;
    const std::unique_ptr<std::FILE, Closer> file(std::fopen(path.c_str(), "rb"));
    if (!file)
        return Error{"cannot open corpus '" + path + "': " + std::strerror(errno)};

    // Size from the open file, so a file swapped after the status check cannot slip past the limit.
    if (std::fseek(file.get(), 0, SEEK_END) != 0)
        return Error{"cannot read corpus '" + path + "': not a seekable file"};
    const long size = std::ftell(file.get());
    if (size < 0 || std::fseek(file.get(), 0, SEEK_SET) != 0)
        return Error{"cannot read corpus '" + path + "': not a seekable file"};
    if (size > maxBytes)
        return Error{tooLarge(path, size, maxBytes)};

    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (size > 0 && std::fread(bytes.data(), 1, bytes.size(), file.get()) != bytes.size())
        return Error{"cannot read corpus '" + path + "': " + std::strerror(errno)};

    auto corpus = corpusFromBytes(path, std::move(bytes), maxBytes);
    if (!corpus.ok())
        return corpus;
    corpus.value().name = fs::path(path).filename().string();
    return corpus;
}

} // namespace lm
