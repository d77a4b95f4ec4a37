#include "core/tensor.h"

#include "core/parallel.h"

#include "core/memorymeter.h"
#include "core/uninitialized.h"

#include <cstdlib>
#include <cstring>
#include <limits>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <new>
#include <stdexcept>

namespace lm {

std::int64_t shapeNumel(const Shape &shape)
{
    std::int64_t n = 1;
    for (std::int64_t d : shape) {
        if (d < 0)
            throw std::invalid_argument("negative dimension in shape " + shapeString(shape));
        if (d != 0 && n > std::numeric_limits<std::int64_t>::max() / d)
            throw std::invalid_argument("shape " + shapeString(shape) + " overflows int64");
        n *= d;
    }
    return n;
}

std::string shapeString(const Shape &shape)
{
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i)
            s += ", ";
        s += std::to_string(shape[i]);
    }
    return s + ")";
}

#if defined(__GLIBC__)
namespace {
// glibc serves blocks over its (dynamic) mmap threshold with fresh mmap()s and gives freed heap
// back to the kernel, so each training step page-faulted its activations in anew (≈15% of a gpt
// step). Keeping freed blocks in the heap lets the next step reuse them; MemoryMeter still counts
// live tensors exactly, only the process keeps its peak resident.
[[maybe_unused]] const bool g_heapTuned = [] {
    mallopt(M_MMAP_THRESHOLD, 32 << 20); // glibc's maximum on 64-bit
    mallopt(M_TRIM_THRESHOLD, 1024 << 20);
    return true;
}();
} // namespace
#endif

namespace {
// Set by detail::uninitialized() around its one allocation (core/uninitialized.h).
thread_local bool t_skipZeroFill = false;

// memset, in blocks on the pool for large buffers (activations and their gradients).
void zeroBytes(void *data, std::size_t bytes)
{
    constexpr std::size_t kLine = 64;
    const auto lines = static_cast<std::int64_t>((bytes + kLine - 1) / kLine);
    auto *p = static_cast<unsigned char *>(data);
    parallelFor(lines, blocksFor(lines, static_cast<std::int64_t>(bytes / 16)), [=](std::int64_t first, std::int64_t last, int) {
        const std::size_t from = static_cast<std::size_t>(first) * kLine;
        const std::size_t to = std::min(bytes, static_cast<std::size_t>(last) * kLine);
        std::memset(p + from, 0, to - from);
    });
}
} // namespace

Storage::Storage(std::int64_t count) : m_count(count)
{
    if (count < 0 || count > std::numeric_limits<std::int64_t>::max() / 8)
        throw std::invalid_argument("Storage: bad element count " + std::to_string(count));
    // Round to whole 64-byte lines so aligned_alloc's size contract holds; at least one line.
    const std::size_t bytes = ((static_cast<std::size_t>(count) * sizeof(float) + 63) / 64) * 64 + 64 * (count == 0);
    m_data = static_cast<float *>(std::aligned_alloc(64, bytes));
    if (!m_data)
        throw std::bad_alloc();
    if (!t_skipZeroFill)
        zeroBytes(m_data, bytes);
    MemoryMeter::onAllocate(count * static_cast<std::int64_t>(sizeof(float)));
}

Storage::~Storage()
{
    std::free(m_data);
    MemoryMeter::onRelease(m_count * static_cast<std::int64_t>(sizeof(float)));
}

Tensor Tensor::zeros(const Shape &shape, bool requiresGrad)
{
    auto impl = std::make_shared<TensorImpl>();
    impl->shape = shape;
    impl->value = std::make_shared<Storage>(shapeNumel(shape));
    impl->requiresGrad = requiresGrad;
    return Tensor(std::move(impl));
}

Tensor detail::uninitialized(const Shape &shape, bool requiresGrad)
{
    struct SkipZeroFill {
        SkipZeroFill() { t_skipZeroFill = true; }
        ~SkipZeroFill() { t_skipZeroFill = false; }
    } skip;
    return Tensor::zeros(shape, requiresGrad);
}

Tensor Tensor::full(const Shape &shape, float value, bool requiresGrad)
{
    Tensor t = zeros(shape, requiresGrad);
    std::fill(t.data(), t.data() + t.numel(), value);
    return t;
}

Tensor Tensor::fromVector(const Shape &shape, const std::vector<float> &values, bool requiresGrad)
{
    if (static_cast<std::int64_t>(values.size()) != shapeNumel(shape))
        throw std::invalid_argument("fromVector: " + std::to_string(values.size()) + " values for shape " +
                                    shapeString(shape));
    Tensor t = zeros(shape, requiresGrad);
    std::copy(values.begin(), values.end(), t.data());
    return t;
}

std::int64_t Tensor::size(int d) const
{
    const int n = dim();
    const int i = d < 0 ? d + n : d;
    if (i < 0 || i >= n)
        throw std::invalid_argument("size(" + std::to_string(d) + ") of a tensor of shape " + shapeString(shape()));
    return m_impl->shape[static_cast<std::size_t>(i)];
}

float Tensor::item() const
{
    if (numel() != 1)
        throw std::invalid_argument("item() of a tensor of shape " + shapeString(shape()));
    return data()[0];
}

std::vector<float> Tensor::toVector() const { return std::vector<float>(data(), data() + numel()); }

float *Tensor::grad() const
{
    if (!m_impl->grad)
        m_impl->grad = std::make_shared<Storage>(numel());
    return m_impl->grad->data();
}

std::vector<float> Tensor::gradVector() const
{
    if (!m_impl->grad)
        return std::vector<float>(static_cast<std::size_t>(numel()), 0.0f);
    return std::vector<float>(m_impl->grad->data(), m_impl->grad->data() + numel());
}

void Tensor::zeroGrad() const
{
    if (m_impl->grad)
        zeroBytes(m_impl->grad->data(), static_cast<std::size_t>(numel()) * sizeof(float));
}

static std::int64_t lastDim(const Shape &s) { return s.empty() ? 1 : s.back(); }

MatrixMap Tensor::matrix()
{
    const std::int64_t c = lastDim(shape());
    return MatrixMap(data(), c ? numel() / c : 0, c);
}

ConstMatrixMap Tensor::matrix() const
{
    const std::int64_t c = lastDim(shape());
    return ConstMatrixMap(data(), c ? numel() / c : 0, c);
}

MatrixMap Tensor::gradMatrix() const
{
    const std::int64_t c = lastDim(shape());
    return MatrixMap(grad(), c ? numel() / c : 0, c);
}

Tensor Tensor::viewAs(const Shape &newShape) const
{
    if (shapeNumel(newShape) != numel())
        throw std::invalid_argument("view " + shapeString(shape()) + " as " + shapeString(newShape) +
                                    ": element counts differ");
    auto impl = std::make_shared<TensorImpl>();
    impl->shape = newShape;
    impl->value = m_impl->value;
    return Tensor(std::move(impl));
}

Tensor Tensor::clone() const
{
    Tensor t = zeros(shape());
    std::memcpy(t.data(), data(), static_cast<std::size_t>(numel()) * sizeof(float));
    return t;
}

} // namespace lm
