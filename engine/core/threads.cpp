#include "core/threads.h"

#include <Eigen/Core>

#include <stdexcept>
#include <string>

extern "C" {
void openblas_set_num_threads(int);
int openblas_get_num_threads(void);
}

namespace lm {

void setThreadCount(int n)
{
    if (n < 1)
        throw std::invalid_argument("thread count must be at least 1, got " + std::to_string(n));
    openblas_set_num_threads(n);
    Eigen::setNbThreads(n);
}

int threadCount() { return openblas_get_num_threads(); }

} // namespace lm
