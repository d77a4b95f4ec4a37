#pragma once
// A Jamba language model's configuration (models/jamba/jamba.h): its sizes, which layers attend
// and which route through experts, validated and read from / written to a checkpoint's config.
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace lm {

struct JambaConfig {
    int vocabSize = 256;
    int dim = 64;              // H
    int layers = 8;
    int heads = 4;             // attention layers' query heads
    int kvHeads = 0;           // 0 = heads (no grouped-query attention)
    int ffnHidden = 0;         // each SwiGLU feed-forward's (and expert's) width; 0 = 4·H
    int attnPeriod = 8;        // layer l attends when l % attnPeriod == attnOffset, else it is Mamba
    int attnOffset = 4;
    int expertPeriod = 2;      // layer l's feed-forward is a mixture of experts when
    int expertOffset = 1;      //   l % expertPeriod == expertOffset, else one SwiGLU
    int experts = 4;           // E
    int expertsPerToken = 2;   // K: top-K routing
    float auxLossCoef = 0.01f; // the load-balancing loss's weight (the table's option default is the same 0.01)
    int stateSize = 16;        // the Mamba layers' N
    int expand = 2;            // their D = expand · H
    int convKernel = 4;
    int dtRank = 0;            // 0 = ⌈H / 16⌉
    bool tiedHead = false;
    float normEps = 1e-6f;     // every RMSNorm

    static const std::string &arch(); // "jamba"
    bool attends(int layer) const { return layer % attnPeriod == attnOffset; }
    bool routes(int layer) const { return layer % expertPeriod == expertOffset; }
    int resolvedKvHeads() const { return kvHeads > 0 ? kvHeads : heads; }
    int resolvedFfnHidden() const { return ffnHidden > 0 ? ffnHidden : 4 * dim; }
    int resolvedDtRank() const { return dtRank > 0 ? dtRank : (dim + 15) / 16; }
    int headDim() const { return dim / heads; }
    // Empty when usable, else a message naming the field ("experts (1) must be at least
    // experts_per_token (2)").
    std::string validate() const;
    // Exact, without allocating. Needs a config that passes validate().
    std::int64_t parameterCount() const;
    nlohmann::json toJson() const; // every field in snake_case, widths resolved
    static Result<JambaConfig> fromJson(const nlohmann::json &j);
};

} // namespace lm
