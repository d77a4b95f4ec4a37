#pragma once
// CSV files of numbers with a header row: the one reader for series (forecasting) and for
// training logs. Fields may be double-quoted ("a ""quoted"" field"); empty lines are skipped.
#include "core/result.h"

#include <string>
#include <vector>

namespace lm {

// The numbers of one column of a CSV file with a header row. `column` is a header name, or a
// 0-based index when no header cell has that name. Errors name the file and line: an unknown
// column, a short row, a cell that is not a finite number, no rows, more than 10 million rows.
Result<std::vector<double>> loadSeriesCsv(const std::string &path, const std::string &column);
// The same for several columns at once, in the order asked (train's --log: "step", "loss").
Result<std::vector<std::vector<double>>> loadCsvColumns(const std::string &path, const std::vector<std::string> &columns);

} // namespace lm
