#include "common.h"

#include "commands.h"

#include <csignal>
#include <filesystem>

namespace {
lm::CancelToken *g_token = nullptr;
extern "C" void onInterrupt(int)
{
    if (g_token)
        g_token->cancel();
}
} // namespace

InterruptScope::InterruptScope(lm::CancelToken &token)
{
    g_token = &token;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

InterruptScope::~InterruptScope()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_token = nullptr;
}

void checkOutputPath(const std::string &option, const std::string &path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path parent = fs::absolute(path, ec).parent_path();
    if (!fs::is_directory(parent, ec))
        throw InputError("--" + option + ": the directory " + parent.string() + " does not exist");
    if (fs::is_directory(path, ec))
        throw InputError("--" + option + ": " + path + " is a directory");
}
