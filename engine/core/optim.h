#pragma once
// Optimizers over named parameters, with PyTorch's update rules (torch.optim.SGD, Adam, AdamW).
//
// step() reads each parameter's gradient (a parameter without one is skipped) and updates the
// values in place; zeroGrad() clears the gradients for the next step. State (momentum, moments)
// is created on the first step. The learning rate is set per step by the trainer's schedule.
#include "core/tensor.h"

#include <memory>
#include <string>
#include <vector>

namespace lm {

struct NamedParameter {
    std::string name; // the PyTorch / Hugging Face name, e.g. "hidden.weight"
    Tensor tensor;
};
using ParameterList = std::vector<NamedParameter>;

class Optimizer {
public:
    explicit Optimizer(ParameterList params) : m_params(std::move(params)) {}
    virtual ~Optimizer() = default;
    virtual void step() = 0;
    void zeroGrad();
    void setLearningRate(float lr) { m_lr = lr; }
    float learningRate() const { return m_lr; }
    const ParameterList &parameters() const { return m_params; }

protected:
    ParameterList m_params;
    float m_lr = 1e-3f;
};

// buf = momentum·buf + g  (buf = g on the first step);  p −= lr·buf
class Sgd final : public Optimizer {
public:
    Sgd(ParameterList params, float lr, float momentum = 0.0f);
    void step() override;

private:
    float m_momentum;
    std::vector<Tensor> m_buf; // per parameter, allocated on its first step (counted by MemoryMeter)
};

// m = β1 m + (1−β1) g;  v = β2 v + (1−β2) g²;  m̂ = m/(1−β1ᵗ);  v̂ = v/(1−β2ᵗ)
// Adam:  g += wd·p first (L2 penalty), then p −= lr·m̂/(√v̂ + eps)
// AdamW: p −= lr·(m̂/(√v̂ + eps) + wd·p), decay only on matrices (rank >= 2), as nanoGPT.
class Adam final : public Optimizer {
public:
    struct Options {
        float lr = 1e-3f, beta1 = 0.9f, beta2 = 0.999f, eps = 1e-8f, weightDecay = 0.0f;
        bool decoupled = false; // true: AdamW
    };
    Adam(ParameterList params, const Options &options);
    void step() override;
    int stepCount() const { return m_t; }

private:
    Options m_opt;
    int m_t = 0;
    std::vector<Tensor> m_m, m_v; // per parameter, allocated on its first step (counted by MemoryMeter)
};

// Scales every gradient so that the global L2 norm is at most maxNorm (no change when maxNorm <= 0).
// Returns the norm before clipping (as torch.nn.utils.clip_grad_norm_).
float clipGradNorm(const ParameterList &params, float maxNorm);

// "sgd", "adam" or "adamw" with the given lr and weight decay (SGD uses momentum 0.9).
// Throws std::invalid_argument for another name.
std::unique_ptr<Optimizer> makeOptimizer(const std::string &name, ParameterList params, float lr, float weightDecay);

} // namespace lm
