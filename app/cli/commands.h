#pragma once
// The commands of lmscope-cli. Each returns the process exit code: 0 success, 1 failure,
// 2 bad usage or bad input (UsageError and InputError are mapped by main()).
#include "inspect/memorylab.h"

#include <stdexcept>
#include <string>
#include <vector>

// Bad input (a file that is not what it should be): exit code 2, like bad usage.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

int archsCommand(const std::vector<std::string> &args);
int trainCommand(const std::vector<std::string> &args);
int plotCommand(const std::vector<std::string> &args);
int embedCommand(const std::vector<std::string> &args);
int neighborsCommand(const std::vector<std::string> &args);
int analogyCommand(const std::vector<std::string> &args);
int generateCommand(const std::vector<std::string> &args);
int forwardCommand(const std::vector<std::string> &args);
int memoryCommand(const std::vector<std::string> &args);
int lessonCommand(const std::vector<std::string> &args);
int finetuneCommand(const std::vector<std::string> &args);
int fillMaskCommand(const std::vector<std::string> &args);
int embedSentencesCommand(const std::vector<std::string> &args);
int searchCommand(const std::vector<std::string> &args);
int translateCommand(const std::vector<std::string> &args);
int exportHfCommand(const std::vector<std::string> &args);
int zooCommand(const std::vector<std::string> &args);

class Args;
namespace lm {
struct Checkpoint;
struct TrainConfig;
}
// finetune on an encoder-decoder (cmd_seq2seq.cpp): translate-en-zh, translate-zh-en or a
// SOURCE<TAB>TARGET file; `c` was loaded from `path`.
int seq2seqFinetune(const Args &args, lm::Checkpoint c, const std::string &path, lm::TrainConfig train,
                    const std::string &out, const std::string &logPath);
// The memory lab's sweep from --arch, --seq-lens, --mode, --batch, --dim, --layers, --heads,
// --chunked-attention and --memory-limit (shared by `memory` and `plot memory`). Throws
// UsageError for a length or mode that does not parse; the lab itself checks the rest.
lm::MemoryLabRequest memoryRequestFromArgs(const Args &args);

// Where `embed --method fasttext` saves the subword model beside V.vec: V.subwords.safetensors.
std::string subwordModelPath(const std::string &vecPath);

extern const char *const kUsage;
