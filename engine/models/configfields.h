#pragma once
// Reading a family's config JSON field by field: each call reads one optional field into its
// variable when present and of the right type, and keeps the first error, worded for the user
// ("<arch> config: 'dim' is not an integer"). Absent fields keep the variable's value (the default).
//   ConfigFields f(json, Config::arch());
//   f.integer("dim", c.dim).real("dropout", c.dropout).flag("tied_head", c.tiedHead);
//   if (!f.ok()) return makeError(f.error());
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

namespace lm {

// validate()'s range check: empty when lo <= value <= hi, else "<arch> config: 'name' = v is
// outside lo..hi".
inline std::string outsideRange(const std::string &arch, const char *name, double value, double lo, double hi)
{
    if (value >= lo && value <= hi)
        return {};
    return arch + " config: '" + name + "' = " + std::to_string(value) + " is outside " + std::to_string(lo) + ".." +
           std::to_string(hi);
}

// A Hugging Face config.json's size field ("hidden_size", "num_hidden_layers" …): a positive integer
// up to 2^24, read into `out`. Missing or null is an error only when `required`. Empty on success,
// else the message ("\"hidden_size\" is missing", "\"d_ff\" is not a positive integer").
inline std::string huggingFaceSize(const nlohmann::json &hf, const char *name, int &out, bool required)
{
    const auto it = hf.find(name);
    if (it == hf.end() || it->is_null())
        return required ? std::string("\"") + name + "\" is missing" : std::string();
    if (!it->is_number_integer() || it->get<std::int64_t>() < 1 || it->get<std::int64_t>() > (1 << 24))
        return std::string("\"") + name + "\" is not a positive integer";
    out = it->get<int>();
    return {};
}

class ConfigFields {
public:
    ConfigFields(const nlohmann::json &j, const std::string &arch) : m_json(j), m_who(arch + " config: '") {}

    // An integer within ±2^30, into any integral variable.
    template <class Int>
    ConfigFields &integer(const char *name, Int &out)
    {
        static_assert(std::is_integral_v<Int>);
        if (const nlohmann::json *v = field(name)) {
            if (!v->is_number_integer() || v->get<std::int64_t>() < -(1LL << 30) || v->get<std::int64_t>() > (1LL << 30))
                fail(name, "is not an integer");
            else
                out = static_cast<Int>(v->get<std::int64_t>());
        }
        return *this;
    }
    ConfigFields &real(const char *name, float &out)
    {
        if (const nlohmann::json *v = field(name)) {
            if (!v->is_number())
                fail(name, "is not a number");
            else
                out = v->get<float>();
        }
        return *this;
    }
    ConfigFields &flag(const char *name, bool &out)
    {
        if (const nlohmann::json *v = field(name)) {
            if (!v->is_boolean())
                fail(name, "is not true or false");
            else
                out = v->get<bool>();
        }
        return *this;
    }
    // One of `names`, stored as the enum value of its index.
    template <class Enum>
    ConfigFields &choice(const char *name, const std::vector<std::string> &names, Enum &out)
    {
        if (const nlohmann::json *v = field(name)) {
            for (std::size_t k = 0; k < names.size(); ++k)
                if (v->is_string() && *v == names[k]) {
                    out = static_cast<Enum>(k);
                    return *this;
                }
            std::string list;
            for (const auto &n : names)
                list += (list.empty() ? "" : ", ") + n;
            fail(name, "must be one of " + list);
        }
        return *this;
    }

    bool ok() const { return m_error.empty(); }
    const std::string &error() const { return m_error; } // the first field that failed

private:
    const nlohmann::json *field(const char *name) const
    {
        if (!m_error.empty())
            return nullptr;
        const auto it = m_json.find(name);
        return it == m_json.end() ? nullptr : &*it;
    }
    void fail(const char *name, const std::string &why) { m_error = m_who + name + "' " + why; }

    const nlohmann::json &m_json;
    std::string m_who;
    std::string m_error;
};

} // namespace lm
