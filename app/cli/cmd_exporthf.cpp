// lmscope-cli export-hf: a model (ours, or a Hugging Face folder) written as the Hugging Face folder
// of its family's counterpart (io/hfexport.h), for PyTorch and `transformers`.
#include "args.h"
#include "commands.h"

#include "io/hfexport.h"
#include "io/hfimport.h"

#include <cstdio>
#include <filesystem>

int exportHfCommand(const std::vector<std::string> &words)
{
    const Args args(words, {"model", "out"}, {});
    const std::string path = args.required("model"), out = args.required("out");
    auto loaded = lm::loadModelPath(path);
    if (!loaded)
        throw InputError(loaded.error());
    const lm::Checkpoint &c = loaded.value();
    auto written = lm::saveHuggingFaceFolder(out, *c.model, *c.tokenizer);
    if (!written)
        throw InputError(out + ": " + written.error());

    std::string files;
    for (const auto &entry : std::filesystem::directory_iterator(out))
        files += (files.empty() ? "" : ", ") + entry.path().filename().string();
    const nlohmann::json &config = written.value();
    const std::string className = config.contains("architectures") ? config["architectures"][0].get<std::string>()
                                                                   : std::string("AutoModel");
    std::printf("wrote %s: %s\n", out.c_str(), files.c_str());
    std::printf("in Python: transformers.%s.from_pretrained(\"%s\")\n", className.c_str(), out.c_str());
    return 0;
}
