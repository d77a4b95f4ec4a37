#pragma once
// Helpers shared by the fuzz targets: most loaders take a path, so the input goes to a scratch
// file first. One file name per process and per role, so that parallel fuzzers (run.sh runs
// two at a time, libFuzzer's -jobs more) never share a file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace fuzz {

// Inputs above this are skipped: every loader here is linear or near it, and small inputs keep
// one run in the milliseconds so the fuzzer explores instead of grinding.
constexpr std::size_t kMaxInput = 64 * 1024;

// Removed when the fuzzer exits normally (-max_total_time, -runs); after a crash it stays, next
// to the crash input libFuzzer writes.
inline std::filesystem::path scratchDir()
{
    // Never destroyed: a static path would be destroyed before the exit handler that needs it.
    static const std::filesystem::path *const dir = [] {
        auto *d = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                            ("lmscope-fuzz-" + std::to_string(::getpid())));
        std::filesystem::create_directories(*d);
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(scratchDir(), ec);
        });
        return d;
    }();
    return *dir;
}

// Writes `bytes` to scratchDir()/name and returns the path.
inline std::string writeScratch(const std::string &name, std::string_view bytes)
{
    const auto path = scratchDir() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path.string();
}

inline std::string_view asView(const std::uint8_t *data, std::size_t size)
{
    return {reinterpret_cast<const char *>(data), size};
}

} // namespace fuzz
