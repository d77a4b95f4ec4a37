#include "io/csv.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>

namespace lm {

namespace {

// One CSV line -> fields; "a ""quoted"" field" keeps its inner quotes once. Surrounding spaces
// are trimmed from unquoted fields.
std::vector<std::string> splitCsv(const std::string &line)
{
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false, wasQuoted = false;
    auto finish = [&] {
        if (!wasQuoted) {
            const auto b = field.find_first_not_of(" \t");
            const auto e = field.find_last_not_of(" \t");
            field = b == std::string::npos ? std::string() : field.substr(b, e - b + 1);
        }
        fields.push_back(field);
        field.clear();
        wasQuoted = false;
    };
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                field += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"' && field.find_first_not_of(" \t") == std::string::npos) {
            field.clear();
            quoted = wasQuoted = true;
        } else if (c == ',') {
            finish();
        } else {
            field += c;
        }
    }
    finish();
    return fields;
}

bool parseNumber(const std::string &s, double &out)
{
    if (s.empty())
        return false;
    errno = 0;
    char *end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && errno != ERANGE && std::isfinite(out);
}

} // namespace

Result<std::vector<std::vector<double>>> loadCsvColumns(const std::string &path, const std::vector<std::string> &columns)
{
    constexpr std::size_t kMaxRows = 10'000'000;
    std::ifstream f(path, std::ios::binary);
    if (!f)
        return makeError(path + ": cannot open the file");
    std::string line;
    int lineNo = 0;
    std::vector<std::string> header;
    while (header.empty() && std::getline(f, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos)
            header = splitCsv(line);
    }
    if (header.empty())
        return makeError(path + ": the file is empty (a header row and numbers were expected)");
    std::vector<std::size_t> indices;
    std::vector<std::string> names;
    for (const std::string &column : columns) {
        std::size_t index = header.size();
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == column) {
                index = i;
                break;
            }
        if (index == header.size() && !column.empty() && column.find_first_not_of("0123456789") == std::string::npos &&
            column.size() < 7)
            index = static_cast<std::size_t>(std::stoul(column));
        if (index >= header.size()) {
            std::string list;
            for (const auto &h : header)
                list += (list.empty() ? "" : ", ") + h;
            return makeError(path + ":" + std::to_string(lineNo) + ": no column '" + column + "' in the header (" + list +
                             ")");
        }
        indices.push_back(index);
        names.push_back("column '" + header[index] + "'");
    }
    std::vector<std::vector<double>> values(columns.size());
    std::size_t rows = 0;
    while (std::getline(f, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        const std::string where = path + ":" + std::to_string(lineNo) + ": ";
        if (rows == kMaxRows)
            return makeError(where + "more than " + std::to_string(kMaxRows) + " rows");
        const std::vector<std::string> fields = splitCsv(line);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (fields.size() <= indices[c])
                return makeError(where + "the row has " + std::to_string(fields.size()) + " fields; " + names[c] +
                                 " is field " + std::to_string(indices[c] + 1));
            double v = 0.0;
            if (!parseNumber(fields[indices[c]], v))
                return makeError(where + "'" + fields[indices[c]].substr(0, 40) + "' in " + names[c] +
                                 " is not a finite number");
            values[c].push_back(v);
        }
        ++rows;
    }
    if (f.bad())
        return makeError(path + ": read error");
    if (rows == 0)
        return makeError(path + ": no values under " + (names.empty() ? std::string("any column") : names.front()));
    return values;
}

Result<std::vector<double>> loadSeriesCsv(const std::string &path, const std::string &column)
{
    auto columns = loadCsvColumns(path, {column});
    if (!columns)
        return makeError(columns.error());
    return std::move(columns.value().front());
}

} // namespace lm
