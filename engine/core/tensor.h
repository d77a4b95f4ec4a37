#pragma once
// Tensor: a float32, row-major, contiguous n-d array that may carry a gradient.
//
// A Tensor is a cheap handle (shared ownership) to a TensorImpl. Reshape-style views share the
// value buffer; every tensor has its own gradient buffer, allocated on first use. Buffers are
// 64-byte aligned and counted by MemoryMeter while they live.
//
// Shapes are std::vector<int64_t>; the last dimension is the fastest. A tensor of shape (R, C)
// maps to an Eigen row-major matrix with matrix(); a tensor of any rank maps to (numel / C, C)
// where C is its last dimension.
#include <Eigen/Core>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

namespace lm {

using Shape = std::vector<std::int64_t>;
using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MatrixMap = Eigen::Map<RowMatrix, Eigen::Aligned64>;
using ConstMatrixMap = Eigen::Map<const RowMatrix, Eigen::Aligned64>;
using VectorMap = Eigen::Map<Eigen::VectorXf, Eigen::Aligned64>;
using ConstVectorMap = Eigen::Map<const Eigen::VectorXf, Eigen::Aligned64>;

std::int64_t shapeNumel(const Shape &shape);
std::string shapeString(const Shape &shape); // "(2, 3, 4)"

// An aligned float buffer, zero-filled, counted by MemoryMeter. Not copyable.
class Storage {
public:
    explicit Storage(std::int64_t count);
    ~Storage();
    Storage(const Storage &) = delete;
    Storage &operator=(const Storage &) = delete;

    float *data() { return m_data; }
    const float *data() const { return m_data; }
    std::int64_t size() const { return m_count; }

private:
    float *m_data = nullptr;
    std::int64_t m_count = 0;
};

struct TensorImpl {
    Shape shape;
    std::shared_ptr<Storage> value;
    std::shared_ptr<Storage> grad; // null until a gradient flows in
    bool requiresGrad = false;
};

class Tensor {
public:
    Tensor() = default; // an empty handle; defined() is false

    // Zero-filled tensor of the given shape. Throws std::invalid_argument on a negative dimension
    // or a size that overflows int64.
    static Tensor zeros(const Shape &shape, bool requiresGrad = false);
    static Tensor full(const Shape &shape, float value, bool requiresGrad = false);
    // Copies `values`; throws std::invalid_argument when values.size() != numel(shape).
    static Tensor fromVector(const Shape &shape, const std::vector<float> &values, bool requiresGrad = false);
    static Tensor scalar(float value, bool requiresGrad = false) { return full({}, value, requiresGrad); }

    bool defined() const { return m_impl != nullptr; }
    const Shape &shape() const { return m_impl->shape; }
    int dim() const { return static_cast<int>(m_impl->shape.size()); }
    // size(d) accepts negative d counting from the end (size(-1) is the last dimension).
    std::int64_t size(int d) const;
    std::int64_t numel() const { return m_impl->value->size(); }

    float *data() { return m_impl->value->data(); }
    const float *data() const { return m_impl->value->data(); }
    float item() const; // the value of a one-element tensor; throws otherwise
    std::vector<float> toVector() const;

    bool requiresGrad() const { return m_impl->requiresGrad; }
    void setRequiresGrad(bool on) { m_impl->requiresGrad = on; }
    bool hasGrad() const { return m_impl->grad != nullptr; }
    // The gradient buffer, allocated (zero) on first call. Same numel as the value. A Tensor is a
    // handle, so this is const like shared_ptr::operator*: it mutates the shared state.
    float *grad() const;
    const float *gradOrNull() const { return m_impl->grad ? m_impl->grad->data() : nullptr; }
    std::vector<float> gradVector() const; // zeros when no gradient has flowed in
    void zeroGrad() const; // fills an existing gradient buffer with 0
    void dropGrad() { m_impl->grad.reset(); }

    // Views as Eigen matrices: (numel / size(-1), size(-1)); a scalar is (1, 1).
    MatrixMap matrix();
    ConstMatrixMap matrix() const;
    MatrixMap gradMatrix() const;
    VectorMap vector() { return VectorMap(data(), numel()); }
    ConstVectorMap vector() const { return ConstVectorMap(data(), numel()); }
    VectorMap gradVectorMap() const { return VectorMap(grad(), numel()); }

    // A new handle whose value buffer is shared with this one (no gradient tracking).
    Tensor viewAs(const Shape &shape) const;
    // A deep copy of the values, detached from any gradient.
    Tensor clone() const;
    // A handle to the same values that no gradient will flow through.
    Tensor detach() const { return viewAs(shape()); }

    bool sameAs(const Tensor &other) const { return m_impl == other.m_impl; }
    const std::shared_ptr<TensorImpl> &impl() const { return m_impl; }
    explicit Tensor(std::shared_ptr<TensorImpl> impl) : m_impl(std::move(impl)) {}

private:
    std::shared_ptr<TensorImpl> m_impl;
};

} // namespace lm
