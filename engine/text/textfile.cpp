#include "text/textfile.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace lm {

Result<std::string> readSmallFile(const std::string &path, std::int64_t maxBytes)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return Error{path + ": is a directory"};
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        return Error{path + ": cannot open"};
    const std::streamoff size = in.tellg();
    if (size < 0)
        return Error{path + ": cannot read"};
    if (size > maxBytes)
        return Error{path + ": " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(maxBytes)
                     + " bytes"};
    std::string data(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (size > 0 && !in.read(data.data(), size))
        return Error{path + ": cannot read"};
    return data;
}

std::size_t lineOfOffset(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

} // namespace lm
