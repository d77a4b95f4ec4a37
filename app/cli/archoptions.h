#pragma once
// The architecture table's options on the command line: every option of every family is a
// `--flag` of `train` (integers, reals and choices take a value; true/false options are switches,
// `--name` and `--no-name`), and one that the chosen family lacks is a UsageError.
#include "models/architecture.h"

#include <set>
#include <string>

class Args;

// The value options and the switches the table adds to a command.
std::set<std::string> archValueOptions();
std::set<std::string> archSwitches();
// The options given for `arch` as {"name": value}, checked against the table (UsageError naming
// the flag: "--heads does not apply to --arch mlp", "--dim must be between 1 and 4096, got 0").
nlohmann::json archOptionsFromArgs(const Args &args, const lm::Architecture &arch);
