// lmscope-cli archs: the architecture table (models/architecture.h), as text or as JSON.
#include "args.h"
#include "commands.h"

#include "models/architecture.h"

#include <cstdio>

int archsCommand(const std::vector<std::string> &words)
{
    const Args args(words, {}, {"json"});
    if (!args.positionals().empty())
        throw UsageError("archs takes no positional argument, got '" + args.positionals().front() + "'");
    if (args.has("json")) {
        std::printf("%s\n", lm::architecturesJson().dump(1).c_str());
        return 0;
    }
    for (const lm::Architecture *a : lm::architectures()) {
        std::string objectives;
        for (lm::ObjectiveKind k : a->objectives)
            objectives += (objectives.empty() ? "" : ", ") + lm::objectiveName(k);
        std::printf("%s  %s\n    %s\n    objectives: %s\n", a->name.c_str(), a->displayName.en.c_str(),
                    a->summary.en.c_str(), objectives.c_str());
        for (const lm::ArchOption &o : a->options) {
            std::string kind;
            switch (o.type) {
            case lm::OptionType::Integer:
                kind = "N, " + o.defaultValue.dump() + ", " + std::to_string(static_cast<long long>(o.min)) + ".." +
                       std::to_string(static_cast<long long>(o.max));
                break;
            case lm::OptionType::Real:
                kind = "X, " + o.defaultValue.dump() + ", " + nlohmann::json(o.min).dump() + ".." + nlohmann::json(o.max).dump();
                break;
            case lm::OptionType::Flag: kind = "switch, " + std::string(o.defaultValue.get<bool>() ? "on" : "off"); break;
            case lm::OptionType::Choice: {
                for (const auto &c : o.choices)
                    kind += (kind.empty() ? "" : "|") + c;
                kind += ", " + o.defaultValue.get<std::string>();
                break;
            }
            }
            std::printf("    --%-14s %s (%s)\n", o.flag().c_str(), o.help.en.c_str(), kind.c_str());
        }
        for (const lm::TraceExport &e : a->traceExports)
            std::printf("    forward --%s FILE: %s\n", e.flag.c_str(), e.help.en.c_str());
        std::printf("\n");
    }
    return 0;
}
