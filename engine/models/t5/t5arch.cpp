// T5's entry in the architecture table (models/architecture.h), reading Hugging Face folders
// (config.json fields as modeling_t5.py's T5Config names them).
#include "models/architecture.h"
#include "models/configfields.h"
#include "text/tokenizer.h"
#include "models/t5/t5.h"
#include "models/t5/t5memory.h"

#include "core/rng.h"
#include "core/tensor.h"

#include <cstring>

namespace lm {

namespace {

std::vector<ArchOption> t5Options()
{
    const T5Config d;
    return {
        widthOption(d.dim),
        integerOption("layers", d.layers, 1, 64, {"Encoder blocks", "編碼器區塊數"},
                      {"Blocks of the encoder, which reads the source.", "讀入原文的編碼器疊幾個區塊。"}),
        integerOption("decoder_layers", 0, 0, 64, {"Decoder blocks", "解碼器區塊數"},
                      {"Blocks of the decoder, which writes the target; 0 = as many as the encoder.",
                       "寫出譯文的解碼器疊幾個區塊；0 表示和編碼器一樣多。"}),
        integerOption("heads", d.heads, 1, 256, {"Attention heads", "注意力頭數"},
                      {"Attention heads per block.", "每個區塊的注意力頭數。"}),
        integerOption("head_dim", 0, 0, 1024, {"Head width", "每頭寬度"},
                      {"Numbers per head (d_kv); 0 = the width divided by the heads.", "每個頭的數字個數（d_kv）；0 表示模型寬度除以頭數。"}),
        feedForwardWidthOption(),
        choiceOption("feed_forward", t5FeedForwardNames(), t5FeedForwardNames().front(), {"Feed-forward kind", "前饋層種類"},
                     {"relu: one layer and ReLU (the first T5); gated-gelu: a GELU gate times a second layer (T5 v1.1).",
                      "relu：一層加 ReLU（最早的 T5）；gated-gelu：GELU 閘門乘上第二層（T5 v1.1）。"}),
        integerOption("buckets", d.buckets, 2, 1024, {"Position buckets", "相對位置桶數"},
                      {"Relative distances share a learned bias per head: exact for near ones, coarser further away.",
                       "相對距離分桶，每個頭每桶一個學到的偏置：近的距離各自一桶，越遠越粗。"}),
        integerOption("max_distance", d.maxDistance, 1, 1 << 20, {"Farthest distance", "最遠距離"},
                      {"Distances beyond this all fall in the last bucket.", "超過這個距離的都落在最後一桶。"}),
        flagOption("tied_head", d.tiedHead, {"Tie the output to the embedding", "輸出層與嵌入共用"},
                   {"Use the token embedding table as the output layer too (scaled by the width^-½).",
                    "用詞元嵌入表兼當輸出層（先乘上寬度的 -½ 次方）。"}),
        dropoutOption(),
    };
}

Result<nlohmann::json> t5ModelConfig(const Architecture &arch, const nlohmann::json &values, int vocabSize)
{
    nlohmann::json config = arch.plainConfig(values, vocabSize);
    const int dim = values["dim"].get<int>(), heads = values["heads"].get<int>();
    if (values["head_dim"].get<int>() == 0 && dim % heads != 0)
        return makeError("dim (" + std::to_string(dim) + ") must be a multiple of heads (" + std::to_string(heads) +
                         "), or give head_dim");
    auto checked = T5Config::fromJson(config);
    if (!checked)
        return makeError(checked.error());
    return checked.value().toJson();
}

using FindTensor = std::function<const Tensor *(const std::string &)>;

// config.json (T5Config fields) -> our config.
Result<nlohmann::json> huggingFaceConfig(const nlohmann::json &hf, const FindTensor &)
{
    T5Config c;
    const auto intField = [&](const char *name, int &out, bool required) {
        return huggingFaceSize(hf, name, out, required);
    };
    for (const std::string &m :
         {intField("d_model", c.dim, true), intField("d_kv", c.headDim, true), intField("d_ff", c.ffnHidden, true),
          intField("num_layers", c.layers, true), intField("num_decoder_layers", c.decoderLayers, false),
          intField("num_heads", c.heads, true), intField("vocab_size", c.vocabSize, true),
          intField("relative_attention_num_buckets", c.buckets, false),
          intField("relative_attention_max_distance", c.maxDistance, false)})
        if (!m.empty())
            return makeError(m);
    if (const auto it = hf.find("decoder_start_token_id"); it != hf.end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() >= c.vocabSize)
            return makeError("\"decoder_start_token_id\" is not a token id");
        c.decoderStart = it->get<std::int32_t>();
    }
    if (const auto it = hf.find("feed_forward_proj"); it != hf.end()) {
        if (!it->is_string() || (*it != "relu" && *it != "gated-gelu"))
            return makeError("feed_forward_proj " + it->dump() + " is not supported (only \"relu\" and \"gated-gelu\")");
        c.feedForward = *it == "relu" ? T5FeedForward::Relu : T5FeedForward::GatedGelu;
    }
    if (const auto it = hf.find("layer_norm_epsilon"); it != hf.end()) {
        if (!it->is_number() || !(it->get<double>() > 0))
            return makeError("\"layer_norm_epsilon\" is not a positive number");
        c.normEps = it->get<float>();
    }
    if (const auto it = hf.find("tie_word_embeddings"); it != hf.end()) {
        if (!it->is_boolean())
            return makeError("\"tie_word_embeddings\" is not true or false");
        c.tiedHead = it->get<bool>();
    }
    if (const std::string bad = c.validate(); !bad.empty())
        return makeError(bad);
    return c.toJson();
}

// Older checkpoints carry the embedding under each stack's name as well as (or instead of) "shared".
std::vector<std::string> alternativeNames(const std::string &name)
{
    if (name == "shared.weight")
        return {"encoder.embed_tokens.weight", "decoder.embed_tokens.weight"};
    return {};
}

// Our t5 config -> T5's config.json (T5ForConditionalGeneration); the tokenizer gives <pad> and </s>.
Result<nlohmann::json> huggingFaceWriterConfig(const nlohmann::json &json, const Tokenizer &tokenizer)
{
    auto parsed = T5Config::fromJson(json);
    if (!parsed)
        return makeError(parsed.error());
    const T5Config &c = parsed.value();
    const auto id = [&](const char *token) -> nlohmann::json {
        const auto found = tokenizer.tokenId(token);
        return found ? nlohmann::json(*found) : nlohmann::json(nullptr);
    };
    return nlohmann::json{{"model_type", "t5"},
                          {"architectures", {"T5ForConditionalGeneration"}},
                          {"vocab_size", c.vocabSize},
                          {"d_model", c.dim},
                          {"d_kv", c.resolvedHeadDim()},
                          {"d_ff", c.resolvedFfnHidden()},
                          {"num_layers", c.layers},
                          {"num_decoder_layers", c.resolvedDecoderLayers()},
                          {"num_heads", c.heads},
                          {"relative_attention_num_buckets", c.buckets},
                          {"relative_attention_max_distance", c.maxDistance},
                          {"feed_forward_proj", t5FeedForwardNames()[static_cast<std::size_t>(c.feedForward)]},
                          {"layer_norm_epsilon", c.normEps},
                          {"dropout_rate", c.dropout},
                          {"tie_word_embeddings", c.tiedHead},
                          {"is_encoder_decoder", true},
                          {"decoder_start_token_id", c.decoderStart},
                          {"pad_token_id", id("<pad>")},
                          {"eos_token_id", id("</s>")},
                          {"torch_dtype", "float32"}};
}

Architecture t5Entry()
{
    Architecture a;
    a.name = T5Config::arch();
    a.displayName = {"T5 (Transformer encoder–decoder)", "T5（Transformer 編碼器–解碼器）"};
    a.summary = {"An encoder reads the source, a decoder writes the target while attending back to it; "
                 "every task is text to text.",
                 "編碼器讀原文，解碼器一邊回頭注意原文一邊寫出譯文；每個任務都是從文字到文字。"};
    a.colour = 0xe377c2;
    a.options = t5Options();
    a.objectives = {ObjectiveKind::SpanCorruption, ObjectiveKind::SequenceToSequence};
    a.views = {View::Embedding, View::Attention};
    a.traits = {Direction::EncoderDecoder, GenerationState::None, false, false};
    a.huggingFace = HuggingFaceReader{{a.name}, huggingFaceConfig, {}, alternativeNames};
    a.huggingFaceWriter = HuggingFaceWriter{huggingFaceWriterConfig, {}}; // our names are the library's
    // Hugging Face's T5 vocabulary: <pad> </s> <unk>, the pieces, 100 sentinels at the end; the
    // decoder starts from <pad>.
    a.seq2seqTokens = Seq2SeqTokens{{"<pad>", "</s>", "<unk>"}, "<pad>", "</s>", "", "<pad>", "", "<extra_id_", 100};
    a.makeConfig = [name = a.name](const nlohmann::json &values, int vocabSize, int) {
        return t5ModelConfig(*findArchitecture(name), values, vocabSize);
    };
    setMemoryFunction<T5Config>(a, t5Memory);
    setConfigFunctions<T5Config>(a, [](const T5Config &c, std::uint64_t seed) -> Result<std::unique_ptr<LanguageModel>> {
        Rng rng(seed);
        return std::unique_ptr<LanguageModel>(std::make_unique<T5Model>(c, rng));
    });
    return a;
}

} // namespace

std::vector<const Architecture *> t5Architectures()
{
    static const Architecture t5 = t5Entry();
    return {&t5};
}

} // namespace lm
