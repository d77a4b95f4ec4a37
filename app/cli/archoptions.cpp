#include "archoptions.h"

#include "args.h"

std::set<std::string> archValueOptions()
{
    std::set<std::string> names;
    for (const lm::ArchOption *o : lm::allOptions())
        if (o->type != lm::OptionType::Flag)
            names.insert(o->flag());
    return names;
}

std::set<std::string> archSwitches()
{
    std::set<std::string> names;
    for (const lm::ArchOption *o : lm::allOptions())
        if (o->type == lm::OptionType::Flag) {
            names.insert(o->flag());
            names.insert("no-" + o->flag());
        }
    return names;
}

nlohmann::json archOptionsFromArgs(const Args &args, const lm::Architecture &arch)
{
    nlohmann::json values = nlohmann::json::object();
    for (const lm::ArchOption *any : lm::allOptions()) {
        const std::string flag = any->flag();
        const bool given = args.has(flag) || (any->type == lm::OptionType::Flag && args.has("no-" + flag));
        if (!given)
            continue;
        const lm::ArchOption *o = arch.option(any->name);
        if (!o)
            throw UsageError("--" + (args.has(flag) ? flag : "no-" + flag) + " does not apply to --arch " + arch.name +
                             " (lmscope-cli archs lists each family's options)");
        switch (o->type) {
        case lm::OptionType::Integer:
            values[o->name] = args.integer(flag, 0, static_cast<long long>(o->min), static_cast<long long>(o->max));
            break;
        case lm::OptionType::Real: values[o->name] = args.real(flag, 0.0, o->min, o->max); break;
        case lm::OptionType::Flag:
            if (args.has(flag) && args.has("no-" + flag))
                throw UsageError("--" + flag + " and --no-" + flag + " contradict each other");
            values[o->name] = args.has(flag);
            break;
        case lm::OptionType::Choice: {
            const std::string v = args.text(flag, "");
            if (auto st = o->check(v); !st)
                throw UsageError("--" + st.error());
            values[o->name] = v;
            break;
        }
        }
    }
    return values;
}
