// RWKV-4's entry in the architecture table (models/architecture.h), with its Hugging Face reader
// (RwkvForCausalLM folders: model_type "rwkv").
#include "models/architecture.h"
#include "models/configfields.h"
#include "text/tokenizer.h"
#include "models/rwkv/rwkv.h"
#include "models/rwkv/rwkvmemory.h"

#include "core/rng.h"
#include "core/tensor.h"

#include <cstring>

namespace lm {

namespace {

using FindTensor = std::function<const Tensor *(const std::string &)>;

// config.json (RwkvConfig's fields) -> our config. attention_hidden_size and intermediate_size
// may be null (then hidden_size and 4·hidden_size). rescale_every only changes how HF scales
// its weights at inference, not the numbers; context_length bounds nothing here.
Result<nlohmann::json> huggingFaceConfig(const nlohmann::json &hf, const FindTensor &findTensor)
{
    RwkvConfig c;
    const auto intField = [&](const char *name, int &out, bool required) {
        return huggingFaceSize(hf, name, out, required);
    };
    for (const std::string &m : {intField("hidden_size", c.dim, true), intField("num_hidden_layers", c.layers, true),
                                 intField("vocab_size", c.vocabSize, true),
                                 intField("attention_hidden_size", c.attentionDim, false),
                                 intField("intermediate_size", c.ffnHidden, false)})
        if (!m.empty())
            return makeError(m);
    if (const auto it = hf.find("layer_norm_epsilon"); it != hf.end()) {
        if (!it->is_number() || !(it->get<double>() > 0))
            return makeError("\"layer_norm_epsilon\" is not a positive number");
        c.normEps = it->get<float>();
    }
    bool tied = false; // RwkvConfig's default
    if (const auto it = hf.find("tie_word_embeddings"); it != hf.end()) {
        if (!it->is_boolean())
            return makeError("\"tie_word_embeddings\" is not a boolean");
        tied = it->get<bool>();
    }
    if (!tied && !findTensor("head.weight"))
        return makeError("tie_word_embeddings is false but the weights have no 'head.weight'");
    c.tiedHead = tied;
    if (const std::string bad = c.validate(); !bad.empty())
        return makeError(bad);
    return c.toJson();
}

// Our rwkv config -> RWKV's config.json (RwkvForCausalLM). rescale_every 0: the library's
// inference-time halving of the weights every few layers is off, so its numbers are ours.
Result<nlohmann::json> huggingFaceWriterConfig(const nlohmann::json &json, const Tokenizer &)
{
    auto parsed = RwkvConfig::fromJson(json);
    if (!parsed)
        return makeError(parsed.error());
    const RwkvConfig &c = parsed.value();
    return nlohmann::json{{"model_type", "rwkv"},
                          {"architectures", {"RwkvForCausalLM"}},
                          {"vocab_size", c.vocabSize},
                          {"hidden_size", c.dim},
                          {"num_hidden_layers", c.layers},
                          {"attention_hidden_size", c.resolvedAttentionDim()},
                          {"intermediate_size", c.resolvedFfnHidden()},
                          {"layer_norm_epsilon", c.normEps},
                          {"context_length", 1024},
                          {"rescale_every", 0},
                          {"tie_word_embeddings", c.tiedHead},
                          {"bos_token_id", 0},
                          {"eos_token_id", 0},
                          {"torch_dtype", "float32"}};
}

Architecture rwkvEntry()
{
    Architecture a;
    a.name = RwkvConfig::arch();
    a.displayName = {"RWKV-4 (RNN that trains like a Transformer)", "RWKV-4（像 Transformer 一樣訓練的 RNN）"};
    a.summary = {"Token shift and a decaying weighted average of the past (WKV): parallel in training, "
                 "a fixed-size state in generation.",
                 "詞元位移加上隨距離衰減的過去加權平均（WKV）：訓練時平行計算，生成時只帶固定大小的狀態。"};
    a.colour = 0x17becf;
    a.options = {
        widthOption(64),
        integerOption("layers", 2, 1, 64, {"Layers", "層數"},
                      {"RWKV blocks stacked (each a time-mix and a channel-mix).", "疊幾個 RWKV 區塊（各含時間混合與通道混合）。"}),
        integerOption("attention_dim", 0, 0, 16384, {"Time-mix width", "時間混合寬度"},
                      {"Channels of the key, value and receptance the WKV average runs over; 0 = the model width.",
                       "WKV 加權平均所用的鍵、值、接收門通道數；0 表示與模型寬度相同。"}),
        feedForwardWidthOption(),
        flagOption("tied_head", false, {"Tie the output to the embedding", "輸出層與嵌入共用"},
                   {"Use the token embedding table as the output layer too.", "用詞元嵌入表兼當輸出層。"}),
        dropoutOption(),
    };
    a.objectives = {ObjectiveKind::CausalLm};
    a.views = {View::Embedding, View::HiddenStates, View::ImplicitAttention};
    a.traits = {Direction::Causal, GenerationState::RecurrentState, false, false};
    a.referenceConfigs = {
        {"RWKV-4 169M (Pile)", {{"arch", a.name}, {"vocab_size", 50277}, {"dim", 768}, {"layers", 12}}},
        {"RWKV-4 430M (Pile)", {{"arch", a.name}, {"vocab_size", 50277}, {"dim", 1024}, {"layers", 24}}},
    };
    a.makeConfig = [](const nlohmann::json &values, int vocabSize, int) -> Result<nlohmann::json> {
        const nlohmann::json config = findArchitecture(RwkvConfig::arch())->plainConfig(values, vocabSize);
        auto checked = RwkvConfig::fromJson(config);
        if (!checked)
            return makeError(checked.error());
        return checked.value().toJson();
    };
    setConfigFunctions<RwkvConfig>(a, [](const RwkvConfig &c, std::uint64_t seed) -> Result<std::unique_ptr<LanguageModel>> {
        Rng rng(seed);
        return makeRwkv(c, rng);
    });
    setMemoryFunction<RwkvConfig>(a, rwkvMemory);
    a.huggingFace = HuggingFaceReader{{"rwkv"}, huggingFaceConfig, {}, {}};
    a.huggingFaceWriter = HuggingFaceWriter{huggingFaceWriterConfig, {}}; // our names are the library's
    a.traceExports = {{"wkv", "forward.hidden",
                       {"the WKV output of every layer, [layer][position][channel]", "每一層的 WKV 輸出，[層][位置][通道]"}}};
    return a;
}

} // namespace

std::vector<const Architecture *> rwkvArchitectures()
{
    static const Architecture rwkv = rwkvEntry();
    return {&rwkv};
}

} // namespace lm
