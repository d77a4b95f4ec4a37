#pragma once
// What a mixture-of-experts model routed in its last loss(): per MoE layer, the share of
// (token, slot) choices each expert got (E values summing to 1), and the load-balancing loss
// (K, the experts per token, when perfectly balanced; larger when a few experts take most
// tokens). The table's `routing` hook reads it (models/architecture.h); the trainer's step
// reports carry it for the app's routing view.
#include <vector>

namespace lm {

struct RoutingSummary {
    std::vector<int> layers;              // which layers route
    std::vector<std::vector<float>> load; // per routing layer, (E)
    float balanceLoss = 0.0f;
    float balanceWeight = 0.0f; // loss() returned the cross-entropy + balanceWeight · balanceLoss
};

} // namespace lm
