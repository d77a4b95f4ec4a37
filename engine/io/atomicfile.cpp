#include "io/atomicfile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <unistd.h>

namespace lm {

Status writeFileAtomically(const std::string &path, const std::function<bool(std::ostream &)> &write)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec))
        return makeError(path + ": is a directory");
    std::random_device rd;
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            return makeError(path + ": cannot write (" + std::strerror(errno) + ")");
        bool good = false;
        try {
            good = write(out);
        } catch (...) {
            out.close();
            fs::remove(tmp, ec);
            throw;
        }
        out.flush();
        if (!good || !out) {
            out.close();
            fs::remove(tmp, ec);
            return makeError(path + ": writing failed" + (good ? std::string(" (disk full?)") : std::string()));
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        fs::remove(tmp, ec);
        return makeError(path + ": cannot replace (" + why + ")");
    }
    return Ok{};
}

Status writeFileAtomically(const std::string &path, const std::string &content)
{
    return writeFileAtomically(path, [&](std::ostream &out) {
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        return static_cast<bool>(out);
    });
}

} // namespace lm
