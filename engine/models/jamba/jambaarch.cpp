// Jamba's entry in the architecture table (models/architecture.h).
#include "models/architecture.h"
#include "models/jamba/jamba.h"
#include "models/jamba/jambamemory.h"

#include "core/rng.h"

namespace lm {

namespace {

Architecture jambaEntry()
{
    const JambaConfig d;
    Architecture a;
    a.name = JambaConfig::arch();
    a.displayName = {"Jamba (Mamba + attention + experts)", "Jamba（Mamba＋注意力＋專家混合）"};
    a.summary = {"Mamba layers with an attention layer among them, and mixture-of-experts feed-forward layers "
                 "that send each token to its top experts.",
                 "Mamba 層之間夾著注意力層，前饋層是專家混合：每個詞元只送給它分數最高的幾位專家。"};
    a.colour = 0xe377c2;
    a.options = {
        widthOption(d.dim),
        integerOption("layers", d.layers, 1, 128, {"Layers", "層數"},
                      {"Layers stacked, Mamba or attention by the period below.", "疊幾層；是 Mamba 還是注意力由下面的週期決定。"}),
        integerOption("heads", d.heads, 1, 256, {"Attention heads", "注意力頭數"},
                      {"Heads of the attention layers; the width must be a multiple of it.", "注意力層的頭數；模型寬度必須是它的倍數。"}),
        integerOption("kv_heads", 0, 0, 256, {"Key/value heads", "鍵/值頭數"},
                      {"Heads that share keys and values (grouped-query attention); 0 = one per head.",
                       "共用鍵和值的頭數（分組查詢注意力）；0 表示每個頭各有一組。"}),
        feedForwardWidthOption(),
        integerOption("attn_period", d.attnPeriod, 1, 128, {"Attention every", "每幾層一層注意力"},
                      {"One layer in this many is attention; the rest are Mamba.", "每這麼多層裡有一層是注意力，其餘是 Mamba。"}),
        integerOption("attn_offset", d.attnOffset, 0, 127, {"First attention layer", "第一個注意力層"},
                      {"The index, within each period, of the attention layer.", "注意力層在每個週期裡的位置。"}),
        integerOption("expert_period", d.expertPeriod, 1, 128, {"Experts every", "每幾層一層專家"},
                      {"One feed-forward in this many is a mixture of experts.", "每這麼多層裡有一層前饋是專家混合。"}),
        integerOption("expert_offset", d.expertOffset, 0, 127, {"First expert layer", "第一個專家層"},
                      {"The index, within each period, of the mixture-of-experts layer.", "專家混合層在每個週期裡的位置。"}),
        integerOption("experts", d.experts, 1, 256, {"Experts", "專家數"},
                      {"Feed-forward networks a mixture-of-experts layer chooses among.", "專家混合層可以挑選的前饋網路個數。"}),
        integerOption("experts_per_token", d.expertsPerToken, 1, 256, {"Experts per token", "每個詞元的專家數"},
                      {"How many experts each token goes to (top-k by router probability).",
                       "每個詞元送給幾位專家（依路由機率取前 k 名）。"}),
        realOption("aux_loss_coef", 0.01, 0.0, 10.0, {"Balancing weight", "負載平衡權重"},
                   {"Weight of the load-balancing loss that keeps the experts evenly used.",
                    "讓各專家被平均使用的負載平衡損失所占的權重。"}),
        integerOption("state_size", d.stateSize, 1, 256, {"State size", "狀態大小"},
                      {"The Mamba layers' state numbers per channel (d_state).", "Mamba 層每個通道的狀態數字個數（d_state）。"}),
        integerOption("expand", d.expand, 1, 8, {"Expansion", "擴張倍數"},
                      {"Channels inside a Mamba layer, as a multiple of the width.", "Mamba 層內的通道數是模型寬度的幾倍。"}),
        flagOption("tied_head", d.tiedHead, {"Tie the output to the embedding", "輸出層與嵌入共用"},
                   {"Use the token embedding table as the output layer too.", "用詞元嵌入表兼當輸出層。"}),
    };
    a.objectives = {ObjectiveKind::CausalLm};
    a.views = {View::Embedding, View::Attention, View::HiddenStates, View::ImplicitAttention, View::Routing};
    a.traits = {Direction::Causal, GenerationState::RecurrentState, false, false};
    a.referenceConfigs = {
        {"Jamba v0.1 (52B, 12B active)",
         {{"arch", a.name}, {"vocab_size", 65536}, {"dim", 4096}, {"layers", 32}, {"heads", 32}, {"kv_heads", 8},
          {"ffn_hidden", 14336}, {"experts", 16}, {"experts_per_token", 2}}},
    };
    a.makeConfig = [](const nlohmann::json &values, int vocabSize, int) -> Result<nlohmann::json> {
        const nlohmann::json config = findArchitecture(JambaConfig::arch())->plainConfig(values, vocabSize);
        auto checked = JambaConfig::fromJson(config);
        if (!checked)
            return makeError(checked.error());
        return checked.value().toJson();
    };
    a.routing = lastRouting;
    setMemoryFunction<JambaConfig>(a, jambaMemory);
    setConfigFunctions<JambaConfig>(a, [](const JambaConfig &c, std::uint64_t seed) -> Result<std::unique_ptr<LanguageModel>> {
        Rng rng(seed);
        return makeJamba(c, rng);
    });
    return a;
}

} // namespace

std::vector<const Architecture *> jambaArchitectures()
{
    static const Architecture jamba = jambaEntry();
    return {&jamba};
}

} // namespace lm
