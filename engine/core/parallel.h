#pragma once
// The engine's one thread pool. Every multi-threaded loop (attention, word2vec, GloVe, fastText,
// t-SNE) runs through parallelFor: the work is split into contiguous blocks, the calling thread
// runs the first, the pool's long-lived workers the others, so no loop starts threads of its own.
//
// Threads and OpenBLAS: callers pass lm::threadCount() (core/threads.h, OpenBLAS's count and
// what `--threads N` sets) as `parts`, or an option's `threads` that the CLI sets from the same
// flag. While a parallelFor with more than one block runs, OpenBLAS is held to one thread, so a
// matrix product inside a block does not start (and spin) its own workers against the pool's; it
// gets its full count back when the last loop ends. `--threads N` therefore means N busy threads.
//
// A parallelFor called from inside a block runs its whole range on that thread (no nesting).
// Same blocks for the same (units, parts): results do not depend on which thread ran a block.
// Calls from different threads run side by side, each block on a worker of its own (the pool
// grows to the largest number of blocks in flight), so a long job (word2vec's Hogwild workers)
// never makes another thread's loop wait.
#include <cstdint>
#include <functional>

namespace lm {

// Runs work(first, last, block) over [0, units) split into `parts` contiguous blocks
// (block b covers [b·units/parts, (b+1)·units/parts)); parts is clamped to [1, units].
// Returns when every block is done; an exception thrown by a block is rethrown here (the first
// one, after all blocks finished).
void parallelFor(std::int64_t units, std::int64_t parts,
                 const std::function<void(std::int64_t first, std::int64_t last, int block)> &work);

// work(0) … work(n − 1), one per block (the Hogwild workers of word2vec and fastText).
void runOnWorkers(int n, const std::function<void(int worker)> &work);

// How many blocks a loop of `units` costing about `operations` in all should use: threadCount()
// (at most one per unit) when it is large enough to repay waking the pool (2^16 operations),
// else 1. Element-wise ops and optimizers split their loops with it.
std::int64_t blocksFor(std::int64_t units, std::int64_t operations);

// True on a thread that is running a block of a parallelFor.
bool insideParallelWork();

} // namespace lm
