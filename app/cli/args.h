#pragma once
// A small, strict command-line reader for lmscope-cli: `--name value` options, `--flag`
// switches and positionals, each command declaring which it accepts. Anything else is a
// UsageError (exit code 2) whose message names the option and what was wrong.
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Args {
public:
    // args: the words after the command. valueOptions take one value; flags take none.
    Args(const std::vector<std::string> &args, const std::set<std::string> &valueOptions,
         const std::set<std::string> &flags);

    bool has(const std::string &name) const { return m_values.count(name) || m_flags.count(name); }
    const std::vector<std::string> &positionals() const { return m_positionals; }

    std::string required(const std::string &name) const;
    std::string text(const std::string &name, const std::string &fallback) const;
    // Parses the whole value; throws UsageError when it is not a number in [lo, hi].
    long long integer(const std::string &name, long long fallback, long long lo, long long hi) const;
    double real(const std::string &name, double fallback, double lo, double hi) const;

private:
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_flags;
    std::vector<std::string> m_positionals;
};
