#include "common.h"

#include "commands.h"

#include "io/atomicfile.h"
#include "io/hfimport.h"
#include "models/encoder/encoder.h"
#include "text/specialtokens.h"

#include <locale>
#include <sstream>

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

lm::Checkpoint loadEncoderCheckpoint(const std::string &path, lm::EncoderModel *&encoder)
{
    auto c = lm::loadModelPath(path);
    if (!c)
        throw InputError(c.error());
    return asEncoderCheckpoint(std::move(c).value(), path, encoder);
}

lm::Checkpoint asEncoderCheckpoint(lm::Checkpoint c, const std::string &path, lm::EncoderModel *&encoder)
{
    encoder = dynamic_cast<lm::EncoderModel *>(c.model.get());
    if (!encoder)
        throw InputError(path + ": a " + c.model->arch() +
                         " model is not an encoder (see `lmscope-cli archs`: the families that read both ways)");
    if (auto sp = lm::findEncoderSpecials(*c.tokenizer); !sp)
        throw InputError(path + ": the tokenizer has " + sp.error());
    return c;
}

void writeLossLog(const std::string &path, const std::vector<lm::StepReport> &steps)
{
    std::ostringstream csv;
    csv.imbue(std::locale::classic());
    csv << "step,loss,lr\n";
    for (const auto &r : steps)
        csv << r.step << ',' << r.loss << ',' << r.learningRate << '\n';
    if (auto st = lm::writeFileAtomically(path, csv.str()); !st)
        throw std::runtime_error(st.error());
}
