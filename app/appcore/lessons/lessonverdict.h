#pragma once
// What the lesson session, its measures and its task actions share: an action's or check's
// optional field, a number as text, and a check's verdict in both languages.
#include "lessons/lessonsession.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <utility>

namespace lessonverdict {

// args[name] when the field is there, else `fallback`.
template <class T>
T valueOr(const nlohmann::json &args, const char *name, T fallback)
{
    return args.contains(name) ? args[name].get<T>() : fallback;
}

// `v` with `decimals` digits after the point ("1.84"), whatever the locale.
inline std::string fixed(double v, int decimals = 2)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}

inline CheckOutcome outcome(bool passed, std::string zh, std::string en) { return {passed, {std::move(zh), std::move(en)}}; }

} // namespace lessonverdict
