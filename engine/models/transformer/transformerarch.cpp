// The decoder-only Transformers' entries in the architecture table (models/architecture.h): GPT
// (the GPT-2 layout, which also reads Hugging Face GPT-2 folders) and Llama.
#include "models/architecture.h"
#include "models/configfields.h"
#include "models/transformer/transformer.h"
#include "models/transformer/transformermemory.h"

#include "core/rng.h"
#include "core/tensor.h"
#include "text/tokenizer.h"

#include <algorithm>
#include <cstring>

namespace lm {

namespace {

// Learned position tables cover at least this many tokens unless told otherwise, so a model
// trained on short windows can still read (and be traced over) a paragraph.
constexpr int kDefaultMaxSeq = 512;
// A small model by default, one that trains in seconds on a laptop's CPU.
constexpr int kDefaultDim = 64;
constexpr int kDefaultLayers = 2;

template <class E>
std::string nameIn(const std::vector<std::string> &names, E value)
{
    return names[static_cast<std::size_t>(value)];
}

std::vector<ArchOption> transformerOptions(const TransformerConfig &d)
{
    return {
        integerOption("dim", kDefaultDim, 1, 8192, {"Model width", "模型寬度"},
                      {"Each token is a vector of this many numbers all the way up the stack.",
                       "每個詞元在整個堆疊裡都是這麼多個數字組成的向量。"}),
        integerOption("layers", kDefaultLayers, 1, 64, {"Layers", "層數"}, {"Transformer blocks stacked.", "疊幾個 Transformer 區塊。"}),
        integerOption("heads", d.heads, 1, 256, {"Attention heads", "注意力頭數"},
                      {"Attention heads per layer; the width must be a multiple of it.", "每層的注意力頭數；模型寬度必須是它的倍數。"}),
        integerOption("kv_heads", 0, 0, 256, {"Key/value heads", "鍵/值頭數"},
                      {"Heads that share keys and values (grouped-query attention); 0 = one per head.",
                       "共用鍵和值的頭數（分組查詢注意力）；0 表示每個頭各有一組。"}),
        integerOption("hidden", 0, 0, 65536, {"Feed-forward width", "前饋層寬度"},
                      {"Units of each block's feed-forward layer; 0 = the family's rule (4× the width, or Llama's 8/3×).",
                       "每個區塊前饋層的單元數；0 表示依家族的規則（寬度的 4 倍，或 Llama 的 8/3 倍）。"},
                      "ffn_hidden"),
        integerOption("max_seq", 0, 0, 1 << 16, {"Longest sequence", "最長序列"},
                      {"Rows of the learned position table; 0 = the window or 512, whichever is longer.",
                       "學習式位置表的列數；0 表示取視窗長度與 512 中較大者。"}),
        choiceOption("norm", normNames(), nameIn(normNames(), d.norm), {"Normalisation", "正規化"},
                     {"LayerNorm subtracts the mean and divides by the spread; RMSNorm only divides.",
                      "LayerNorm 先減平均再除以標準差；RMSNorm 只做除法。"}),
        choiceOption("ffn", ffnNames(), nameIn(ffnNames(), d.ffn), {"Activation", "活化函數"},
                     {"GELU in a two-matrix feed-forward, or SwiGLU's gated three-matrix one.",
                      "兩個矩陣的 GELU 前饋層，或三個矩陣、帶閘門的 SwiGLU。"}),
        choiceOption("positions", positionNames(), nameIn(positionNames(), d.positions), {"Positions", "位置編碼"},
                     {"How the model knows where a token is: a learned table, sine waves, rotations (RoPE), a distance "
                      "penalty (ALiBi), or nothing.",
                      "模型怎麼知道詞元的位置：學習出來的表、正弦波、旋轉（RoPE）、距離懲罰（ALiBi），或什麼都不給。"}),
        flagOption("pre_norm", d.preNorm, {"Normalise before each sublayer", "子層之前正規化"},
                   {"Pre-LN (as GPT-2 and Llama) trains more steadily than the original post-LN.",
                    "Pre-LN（GPT-2、Llama 的做法）比原始的 Post-LN 訓練起來更穩。"}),
        flagOption("tied_head", d.tiedHead, {"Tie the output to the embedding", "輸出層與嵌入共用"},
                   {"Use the token embedding table as the output layer too.", "用詞元嵌入表兼當輸出層。"}),
        dropoutOption(),
        choiceOption("attention", attentionNames(), nameIn(attentionNames(), d.attention), {"Attention kernel", "注意力算法"},
                     {"Standard keeps the T×T probabilities; chunked never stores them (memory linear in T), same numbers.",
                      "standard 保留 T×T 的機率；chunked 從不存下它們（記憶體隨 T 線性成長），算出的數字相同。"}),
    };
}

Result<nlohmann::json> transformerConfig(const Architecture &arch, const nlohmann::json &values, int vocabSize, int seq)
{
    nlohmann::json config = arch.plainConfig(values, vocabSize);
    const int maxSeq = values["max_seq"].get<int>();
    config["max_seq"] = maxSeq > 0 ? std::max(maxSeq, seq) : std::max(seq, kDefaultMaxSeq);
    // Learned positions past the training window stay as initialised: generation slides a window
    // of the trained length instead of reading them.
    config["window"] = seq;
    const int dim = values["dim"].get<int>(), heads = values["heads"].get<int>();
    if (dim % heads != 0)
        return makeError("dim (" + std::to_string(dim) + ") must be a multiple of heads (" + std::to_string(heads) + ")");
    auto checked = TransformerConfig::fromJson(config);
    if (!checked)
        return makeError(checked.error());
    return config;
}

bool sameValues(const Tensor &a, const Tensor &b)
{
    return a.shape() == b.shape() &&
           std::memcmp(a.data(), b.data(), static_cast<std::size_t>(a.numel()) * sizeof(float)) == 0;
}

// A GPT-2 config.json (n_embd, n_layer, n_head, n_positions, vocab_size required; see
// io/hfimport.h) -> our gpt config.
Result<nlohmann::json> gpt2Config(const nlohmann::json &hf, const std::function<const Tensor *(const std::string &)> &findTensor)
{
    TransformerConfig config = TransformerConfig::forLayout(TransformerLayout::Gpt2);
    const auto intField = [&](const char *name, int &out) -> bool {
        const auto it = hf.find(name);
        if (it == hf.end() || !it->is_number_integer() || it->get<std::int64_t>() < 1 || it->get<std::int64_t>() > (1 << 24))
            return false;
        out = it->get<int>();
        return true;
    };
    for (const auto &[name, field] : {std::pair<const char *, int *>{"n_embd", &config.dim}, {"n_layer", &config.layers},
                                      {"n_head", &config.heads}, {"n_positions", &config.maxSeq},
                                      {"vocab_size", &config.vocabSize}})
        if (!intField(name, *field))
            return makeError(std::string("\"") + name + "\" is missing or not a positive integer");
    if (const auto it = hf.find("activation_function"); it != hf.end() && !(it->is_string() && *it == "gelu_new"))
        return makeError("activation_function " + it->dump() + " is not supported (only \"gelu_new\")");
    if (const auto it = hf.find("n_inner"); it != hf.end() && !it->is_null()) { // null: 4·n_embd
        if (!it->is_number_integer() || it->get<std::int64_t>() < 1 || it->get<std::int64_t>() > (1 << 24))
            return makeError("\"n_inner\" is not a positive integer or null");
        config.ffnHidden = it->get<int>();
    }
    if (const auto it = hf.find("layer_norm_epsilon"); it != hf.end()) {
        if (!it->is_number() || !(it->get<double>() > 0))
            return makeError("\"layer_norm_epsilon\" is not a positive number");
        config.normEps = it->get<float>();
    }
    bool tied = true;
    if (const auto it = hf.find("tie_word_embeddings"); it != hf.end()) {
        if (!it->is_boolean())
            return makeError("\"tie_word_embeddings\" is not a boolean");
        tied = it->get<bool>();
    }
    const Tensor *head = findTensor("lm_head.weight");
    const Tensor *wte = findTensor("wte.weight");
    if (!tied && !head)
        return makeError("tie_word_embeddings is false but the weights have no 'lm_head.weight'");
    // HF writes lm_head.weight even when tied (a copy of wte); a different one makes the head untied.
    config.tiedHead = tied && (!head || (wte && sameValues(*head, *wte)));
    if (const std::string bad = config.validate(); !bad.empty())
        return makeError(bad);
    return config.toJson();
}

// Llama's config.json (LlamaConfig: hidden_size, num_hidden_layers, num_attention_heads,
// intermediate_size, vocab_size required) -> our llama config. Only what our Llama computes:
// SiLU, no biases, plain RoPE.
Result<nlohmann::json> llamaConfig(const nlohmann::json &hf, const std::function<const Tensor *(const std::string &)> &findTensor)
{
    TransformerConfig config = TransformerConfig::forLayout(TransformerLayout::Llama);
    const auto intField = [&](const char *name, int &out, bool required) {
        return huggingFaceSize(hf, name, out, required);
    };
    int headDim = 0;
    for (const std::string &m :
         {intField("hidden_size", config.dim, true), intField("num_hidden_layers", config.layers, true),
          intField("num_attention_heads", config.heads, true), intField("num_key_value_heads", config.kvHeads, false),
          intField("intermediate_size", config.ffnHidden, true), intField("vocab_size", config.vocabSize, true),
          intField("max_position_embeddings", config.maxSeq, false), intField("head_dim", headDim, false)})
        if (!m.empty())
            return makeError(m);
    if (headDim != 0 && headDim * config.heads != config.dim)
        return makeError("\"head_dim\" " + std::to_string(headDim) + " is not hidden_size / num_attention_heads");
    if (const auto it = hf.find("hidden_act"); it != hf.end() && !(it->is_string() && *it == "silu"))
        return makeError("hidden_act " + it->dump() + " is not supported (only \"silu\")");
    for (const char *bias : {"attention_bias", "mlp_bias"})
        if (const auto it = hf.find(bias); it != hf.end() && !(it->is_boolean() && !it->get<bool>()))
            return makeError(std::string("\"") + bias + "\" " + it->dump() + " is not supported (only false)");
    if (const auto it = hf.find("rope_scaling"); it != hf.end() && !it->is_null())
        return makeError("rope_scaling " + it->dump() + " is not supported (only null)");
    for (const auto &[name, out] : {std::pair<const char *, float *>{"rms_norm_eps", &config.normEps},
                                    {"rope_theta", &config.ropeTheta}})
        if (const auto it = hf.find(name); it != hf.end()) {
            if (!it->is_number() || !(it->get<double>() > 0))
                return makeError(std::string("\"") + name + "\" is not a positive number");
            *out = it->get<float>();
        }
    bool tied = false; // LlamaConfig's default
    if (const auto it = hf.find("tie_word_embeddings"); it != hf.end()) {
        if (!it->is_boolean())
            return makeError("\"tie_word_embeddings\" is not a boolean");
        tied = it->get<bool>();
    }
    const Tensor *head = findTensor("lm_head.weight");
    const Tensor *embedding = findTensor("model.embed_tokens.weight");
    if (!tied && !head)
        return makeError("tie_word_embeddings is false but the weights have no 'lm_head.weight'");
    config.tiedHead = tied && (!head || (embedding && sameValues(*head, *embedding)));
    if (const std::string bad = config.validate(); !bad.empty())
        return makeError(bad);
    return config.toJson();
}

// What a Hugging Face class of `family` cannot express in `c`: the first option that differs from
// the layout it needs, as a sentence; empty when it can.
std::string unlike(const TransformerConfig &c, const char *family, NormKind norm, FfnKind ffn, PositionKind positions)
{
    const auto differs = [&](const char *option, const std::string &have, const std::string &need) {
        return std::string(option) + " " + have + ": " + family + " has " + need + " only";
    };
    if (c.norm != norm)
        return differs("norm", nameIn(normNames(), c.norm), nameIn(normNames(), norm));
    if (c.ffn != ffn)
        return differs("ffn", nameIn(ffnNames(), c.ffn), nameIn(ffnNames(), ffn));
    if (c.positions != positions)
        return differs("positions", nameIn(positionNames(), c.positions), nameIn(positionNames(), positions));
    if (!c.preNorm)
        return std::string("pre_norm false: ") + family + " normalises before each sublayer";
    return {};
}

// Our gpt config -> GPT-2's config.json (GPT2LMHeadModel).
Result<nlohmann::json> gpt2HfConfig(const nlohmann::json &json, const Tokenizer &)
{
    auto parsed = TransformerConfig::fromJson(json);
    if (!parsed)
        return makeError(parsed.error());
    const TransformerConfig &c = parsed.value();
    if (std::string bad = unlike(c, "GPT-2", NormKind::LayerNorm, FfnKind::Gelu, PositionKind::Learned); !bad.empty())
        return makeError(bad);
    if (c.kvHeads != 0 && c.kvHeads != c.heads)
        return makeError("kv_heads " + std::to_string(c.kvHeads) + ": GPT-2 has one key/value head per head only");
    return nlohmann::json{{"model_type", "gpt2"},
                          {"architectures", {"GPT2LMHeadModel"}},
                          {"vocab_size", c.vocabSize},
                          {"n_positions", c.maxSeq},
                          {"n_embd", c.dim},
                          {"n_layer", c.layers},
                          {"n_head", c.heads},
                          {"n_inner", c.resolvedFfnHidden()},
                          {"activation_function", "gelu_new"},
                          {"layer_norm_epsilon", c.normEps},
                          {"resid_pdrop", c.dropout},
                          {"embd_pdrop", c.dropout},
                          {"attn_pdrop", c.dropout},
                          {"scale_attn_weights", true},
                          {"tie_word_embeddings", c.tiedHead},
                          {"bos_token_id", nullptr},
                          {"eos_token_id", nullptr},
                          {"torch_dtype", "float32"}};
}

// Our llama config -> Llama's config.json (LlamaForCausalLM).
Result<nlohmann::json> llamaHfConfig(const nlohmann::json &json, const Tokenizer &)
{
    auto parsed = TransformerConfig::fromJson(json);
    if (!parsed)
        return makeError(parsed.error());
    const TransformerConfig &c = parsed.value();
    if (std::string bad = unlike(c, "Llama", NormKind::RmsNorm, FfnKind::SwiGlu, PositionKind::Rope); !bad.empty())
        return makeError(bad);
    return nlohmann::json{{"model_type", "llama"},
                          {"architectures", {"LlamaForCausalLM"}},
                          {"vocab_size", c.vocabSize},
                          {"hidden_size", c.dim},
                          {"intermediate_size", c.resolvedFfnHidden()},
                          {"num_hidden_layers", c.layers},
                          {"num_attention_heads", c.heads},
                          {"num_key_value_heads", c.kvHeads > 0 ? c.kvHeads : c.heads},
                          {"head_dim", c.headDim()},
                          {"max_position_embeddings", c.maxSeq},
                          {"rms_norm_eps", c.normEps},
                          {"rope_theta", c.ropeTheta},
                          {"rope_scaling", nullptr},
                          {"hidden_act", "silu"},
                          {"attention_bias", false},
                          {"mlp_bias", false},
                          {"attention_dropout", c.dropout},
                          {"tie_word_embeddings", c.tiedHead},
                          {"bos_token_id", nullptr},
                          {"eos_token_id", nullptr},
                          {"torch_dtype", "float32"}};
}

Architecture transformerEntry(TransformerLayout layout)
{
    const TransformerConfig d = TransformerConfig::forLayout(layout);
    Architecture a;
    a.name = d.arch();
    a.options = transformerOptions(d);
    a.objectives = {ObjectiveKind::CausalLm};
    a.views = {View::Embedding, View::Attention};
    a.traits = {Direction::Causal, GenerationState::KvCache, false, false};
    if (layout == TransformerLayout::Gpt2) {
        a.displayName = {"GPT (Transformer decoder)", "GPT（Transformer 解碼器）"};
        a.summary = {"GPT-2's decoder: LayerNorm, learned positions, GELU, a tied head.",
                     "GPT-2 的解碼器：LayerNorm、學習式位置、GELU、共用的輸出層。"};
        a.colour = 0xd62728;
        a.memoryLabDefault = true;
        a.referenceConfigs = {
            {"GPT-2 small (124M)",
             {{"arch", a.name}, {"vocab_size", 50257}, {"dim", 768}, {"layers", 12}, {"heads", 12}, {"max_seq", 1024}}},
            {"GPT-2 medium (355M)",
             {{"arch", a.name}, {"vocab_size", 50257}, {"dim", 1024}, {"layers", 24}, {"heads", 16}, {"max_seq", 1024}}},
        };
        a.huggingFace = HuggingFaceReader{{"gpt2"}, gpt2Config, {"transformer."}, {}};
        // GPT2LMHeadModel saves the body under "transformer." and the untied head as it is.
        a.huggingFaceWriter = HuggingFaceWriter{
            gpt2HfConfig, [](const std::string &name) { return name == "lm_head.weight" ? name : "transformer." + name; }};
    } else {
        a.displayName = {"Llama (RMSNorm, RoPE, SwiGLU)", "Llama（RMSNorm、RoPE、SwiGLU）"};
        a.summary = {"Llama's decoder: RMSNorm, rotary positions, SwiGLU, grouped-query attention.",
                     "Llama 的解碼器：RMSNorm、旋轉位置編碼、SwiGLU、分組查詢注意力。"};
        a.colour = 0x9467bd;
        a.referenceConfigs = {
            {"Llama 2 7B",
             {{"arch", a.name}, {"vocab_size", 32000}, {"dim", 4096}, {"layers", 32}, {"heads", 32}, {"ffn_hidden", 11008},
              {"max_seq", 4096}}},
            {"Llama 3 8B (GQA, 8 KV heads)",
             {{"arch", a.name}, {"vocab_size", 128256}, {"dim", 4096}, {"layers", 32}, {"heads", 32}, {"kv_heads", 8},
              {"ffn_hidden", 14336}, {"max_seq", 8192}}},
        };
        a.huggingFace = HuggingFaceReader{{"llama"}, llamaConfig, {}, {}};
        a.huggingFaceWriter = HuggingFaceWriter{llamaHfConfig, {}};
    }
    a.makeConfig = [name = a.name](const nlohmann::json &values, int vocabSize, int seq) {
        return transformerConfig(*findArchitecture(name), values, vocabSize, seq);
    };
    setConfigFunctions<TransformerConfig>(a, [](const TransformerConfig &c, std::uint64_t seed)
                                                 -> Result<std::unique_ptr<LanguageModel>> {
        Rng rng(seed);
        return makeTransformer(c, rng);
    });
    setMemoryFunction<TransformerConfig>(a, transformerMemory);
    return a;
}

} // namespace

std::vector<const Architecture *> transformerArchitectures()
{
    static const Architecture gpt = transformerEntry(TransformerLayout::Gpt2),
                              llama = transformerEntry(TransformerLayout::Llama);
    return {&gpt, &llama};
}

} // namespace lm
