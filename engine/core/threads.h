#pragma once
// The engine's thread count: OpenBLAS's threads (matrix products) and Eigen's. Set once before
// work starts; the same count with the same seed gives the same numbers.
namespace lm {

void setThreadCount(int n); // n >= 1; throws std::invalid_argument otherwise
int threadCount();

} // namespace lm
