// Mamba's entry in the architecture table (models/architecture.h), with its Hugging Face reader
// (MambaForCausalLM folders: model_type "mamba").
#include "models/architecture.h"
#include "text/tokenizer.h"
#include "models/mamba/mamba.h"
#include "models/mamba/mambamemory.h"

#include "core/rng.h"
#include "core/tensor.h"

#include <cstring>

namespace lm {

namespace {

using FindTensor = std::function<const Tensor *(const std::string &)>;

bool sameValues(const Tensor &a, const Tensor &b)
{
    return a.shape() == b.shape() &&
           std::memcmp(a.data(), b.data(), static_cast<std::size_t>(a.numel()) * sizeof(float)) == 0;
}

// config.json (MambaConfig's fields) -> our config. intermediate_size must be expand · hidden_size;
// time_step_rank is "auto" (⌈hidden_size / 16⌉) or a number that dt_proj's weights must agree with.
Result<nlohmann::json> huggingFaceConfig(const nlohmann::json &hf, const FindTensor &findTensor)
{
    MambaConfig c;
    const auto intField = [&](const char *name, int &out, bool required, int lowest = 1) -> std::string {
        const auto it = hf.find(name);
        if (it == hf.end() || it->is_null())
            return required ? std::string("\"") + name + "\" is missing" : std::string();
        if (!it->is_number_integer() || it->get<std::int64_t>() < lowest || it->get<std::int64_t>() > (1 << 24))
            return std::string("\"") + name + "\" is " + it->dump() + ", not " + (lowest > 0 ? "a positive" : "an") +
                   " integer";
        out = it->get<int>();
        return {};
    };
    int intermediate = 0;
    for (const std::string &m :
         {intField("hidden_size", c.dim, true), intField("num_hidden_layers", c.layers, true),
          intField("vocab_size", c.vocabSize, true), intField("state_size", c.stateSize, false),
          intField("expand", c.expand, false), intField("conv_kernel", c.convKernel, false),
          intField("intermediate_size", intermediate, false)})
        if (!m.empty())
            return makeError(m);
    if (intermediate > 0 && intermediate != c.expand * c.dim)
        return makeError("\"intermediate_size\" " + std::to_string(intermediate) + " is not expand · hidden_size (" +
                         std::to_string(c.expand * c.dim) + ")");
    if (const auto it = hf.find("time_step_rank"); it != hf.end() && !(it->is_string() && *it == "auto")) {
        if (const std::string m = intField("time_step_rank", c.dtRank, true); !m.empty())
            return makeError(m + " (or \"auto\")");
    }
    for (const auto &[name, flag] : {std::pair<const char *, bool *>{"use_bias", &c.projBias}, {"use_conv_bias", &c.convBias}})
        if (const auto it = hf.find(name); it != hf.end()) {
            if (!it->is_boolean())
                return makeError(std::string("\"") + name + "\" is not a boolean");
            *flag = it->get<bool>();
        }
    if (const auto it = hf.find("layer_norm_epsilon"); it != hf.end()) {
        if (!it->is_number() || !(it->get<double>() > 0))
            return makeError("\"layer_norm_epsilon\" is not a positive number");
        c.normEps = it->get<float>();
    }
    if (const std::string bad = c.validate(); !bad.empty())
        return makeError(bad);
    // Δ's rank as the weights have it: dt_proj is (D, R).
    if (const Tensor *dt = findTensor("backbone.layers.0.mixer.dt_proj.weight");
        dt && (dt->dim() != 2 || dt->size(1) != c.resolvedDtRank()))
        return makeError("\"time_step_rank\" " + std::to_string(c.resolvedDtRank()) +
                         " disagrees with backbone.layers.0.mixer.dt_proj.weight of shape " + shapeString(dt->shape()) +
                         " (its second dimension is the rank)");
    bool tied = true;
    if (const auto it = hf.find("tie_word_embeddings"); it != hf.end()) {
        if (!it->is_boolean())
            return makeError("\"tie_word_embeddings\" is not a boolean");
        tied = it->get<bool>();
    }
    const Tensor *head = findTensor("lm_head.weight");
    const Tensor *embeddings = findTensor("backbone.embeddings.weight");
    if (!tied && !head)
        return makeError("tie_word_embeddings is false but the weights have no 'lm_head.weight'");
    // A tied checkpoint may still carry lm_head.weight, a copy of the embeddings; a different one unties.
    c.tiedHead = tied && (!head || (embeddings && sameValues(*head, *embeddings)));
    return c.toJson();
}

// Our mamba config -> Mamba's config.json (MambaForCausalLM).
Result<nlohmann::json> huggingFaceWriterConfig(const nlohmann::json &json, const Tokenizer &)
{
    auto parsed = MambaConfig::fromJson(json);
    if (!parsed)
        return makeError(parsed.error());
    const MambaConfig &c = parsed.value();
    return nlohmann::json{{"model_type", "mamba"},
                          {"architectures", {"MambaForCausalLM"}},
                          {"vocab_size", c.vocabSize},
                          {"hidden_size", c.dim},
                          {"num_hidden_layers", c.layers},
                          {"state_size", c.stateSize},
                          {"expand", c.expand},
                          {"intermediate_size", c.expand * c.dim},
                          {"conv_kernel", c.convKernel},
                          {"time_step_rank", c.resolvedDtRank()},
                          {"use_bias", c.projBias},
                          {"use_conv_bias", c.convBias},
                          {"hidden_act", "silu"},
                          {"layer_norm_epsilon", c.normEps},
                          {"residual_in_fp32", true},
                          {"use_mambapy", false},
                          {"tie_word_embeddings", c.tiedHead},
                          {"bos_token_id", 0},
                          {"eos_token_id", 0},
                          {"pad_token_id", 0},
                          {"torch_dtype", "float32"}};
}

Architecture mambaEntry()
{
    Architecture a;
    a.name = MambaConfig::arch();
    a.displayName = {"Mamba (selective state space)", "Mamba（選擇性狀態空間）"};
    a.summary = {"A causal convolution and a scan whose step and matrices depend on the input: no attention, "
                 "a fixed-size state in generation.",
                 "因果卷積加上一個步長與矩陣都隨輸入而變的掃描：沒有注意力，生成時只帶固定大小的狀態。"};
    a.colour = 0xbcbd22;
    a.options = {
        widthOption(64),
        integerOption("layers", 2, 1, 128, {"Layers", "層數"}, {"Mamba blocks stacked.", "疊幾個 Mamba 區塊。"}),
        integerOption("state_size", 16, 1, 256, {"State size", "狀態大小"},
                      {"Numbers of SSM state per channel (d_state).", "每個通道的狀態空間數字個數（d_state）。"}),
        integerOption("expand", 2, 1, 8, {"Expansion", "擴張倍數"},
                      {"Channels inside a block, as a multiple of the width.", "區塊內的通道數是模型寬度的幾倍。"}),
        integerOption("conv_kernel", 4, 1, 64, {"Convolution width", "卷積寬度"},
                      {"Tokens the causal convolution looks back over, itself included.", "因果卷積往回看幾個詞元（含自己）。"}),
        integerOption("dt_rank", 0, 0, 8192, {"Step-size rank", "步長的秩"},
                      {"Rank of the projection that makes the step size Δ; 0 = width / 16, rounded up.",
                       "產生步長 Δ 的投影的秩；0 表示寬度除以 16 後無條件進位。"}),
        flagOption("tied_head", true, {"Tie the output to the embedding", "輸出層與嵌入共用"},
                   {"Use the token embedding table as the output layer too.", "用詞元嵌入表兼當輸出層。"}),
    };
    a.objectives = {ObjectiveKind::CausalLm};
    a.views = {View::Embedding, View::HiddenStates, View::ImplicitAttention};
    a.traits = {Direction::Causal, GenerationState::RecurrentState, false, false};
    a.referenceConfigs = {
        {"Mamba 130M (Pile)", {{"arch", a.name}, {"vocab_size", 50280}, {"dim", 768}, {"layers", 24}}},
        {"Mamba 370M (Pile)", {{"arch", a.name}, {"vocab_size", 50280}, {"dim", 1024}, {"layers", 48}}},
    };
    a.makeConfig = [](const nlohmann::json &values, int vocabSize, int) -> Result<nlohmann::json> {
        const nlohmann::json config = findArchitecture(MambaConfig::arch())->plainConfig(values, vocabSize);
        auto checked = MambaConfig::fromJson(config);
        if (!checked)
            return makeError(checked.error());
        return checked.value().toJson();
    };
    setConfigFunctions<MambaConfig>(a, [](const MambaConfig &c, std::uint64_t seed) -> Result<std::unique_ptr<LanguageModel>> {
        Rng rng(seed);
        return makeMamba(c, rng);
    });
    setMemoryFunction<MambaConfig>(a, mambaMemory);
    a.huggingFace = HuggingFaceReader{{"mamba"}, huggingFaceConfig, {}, {}};
    a.huggingFaceWriter = HuggingFaceWriter{huggingFaceWriterConfig, {}}; // our names are the library's
    a.implicitAttention = mambaImplicitAttention;
    a.traceExports = {{"ssm", "forward.hidden",
                       {"the scan output of every layer before its gate, [layer][position][channel]",
                        "每一層閘門之前的掃描輸出，[層][位置][通道]"}}};
    return a;
}

} // namespace

std::vector<const Architecture *> mambaArchitectures()
{
    static const Architecture mamba = mambaEntry();
    return {&mamba};
}

} // namespace lm
