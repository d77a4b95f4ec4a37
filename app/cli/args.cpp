#include "args.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

Args::Args(const std::vector<std::string> &args, const std::set<std::string> &valueOptions,
           const std::set<std::string> &flags)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            m_positionals.push_back(a);
            continue;
        }
        const std::string name = a.substr(2);
        if (flags.count(name)) {
            m_flags.insert(name);
        } else if (valueOptions.count(name)) {
            if (i + 1 >= args.size())
                throw UsageError("--" + name + " needs a value");
            if (m_values.count(name))
                throw UsageError("--" + name + " is given twice");
            m_values[name] = args[++i];
        } else {
            throw UsageError("unknown option --" + name + " (see --help)");
        }
    }
}

std::string Args::required(const std::string &name) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        throw UsageError("--" + name + " is required");
    return it->second;
}

std::string Args::text(const std::string &name, const std::string &fallback) const
{
    const auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

long long Args::integer(const std::string &name, long long fallback, long long lo, long long hi) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return fallback;
    const char *s = it->second.c_str();
    char *end = nullptr;
    errno = 0;
    const long long v = std::strtoll(s, &end, 10);
    if (errno || end == s || *end != '\0')
        throw UsageError("--" + name + ": expected an integer, got '" + it->second + "'");
    if (v < lo || v > hi)
        throw UsageError("--" + name + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) +
                         ", got " + it->second);
    return v;
}

double Args::real(const std::string &name, double fallback, double lo, double hi) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return fallback;
    const char *s = it->second.c_str();
    char *end = nullptr;
    errno = 0;
    const double v = std::strtod(s, &end);
    if (errno || end == s || *end != '\0' || !std::isfinite(v))
        throw UsageError("--" + name + ": expected a number, got '" + it->second + "'");
    if (v < lo || v > hi)
        throw UsageError("--" + name + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) +
                         ", got " + it->second);
    return v;
}
