// BART's entry in the architecture table (models/architecture.h), reading Hugging Face folders
// (config.json fields as modeling_bart.py's BartConfig names them).
#include "models/architecture.h"
#include "models/configfields.h"
#include "text/tokenizer.h"
#include "models/bart/bart.h"
#include "models/bart/bartmemory.h"

#include "core/rng.h"
#include "core/tensor.h"

#include <cstring>

namespace lm {

namespace {

std::vector<ArchOption> bartOptions()
{
    const BartConfig d;
    return {
        widthOption(d.dim),
        integerOption("layers", d.layers, 1, 64, {"Encoder layers", "編碼器層數"},
                      {"Layers of the encoder, which reads the (corrupted) source.", "讀入（被破壞的）原文的編碼器疊幾層。"}),
        integerOption("decoder_layers", 0, 0, 64, {"Decoder layers", "解碼器層數"},
                      {"Layers of the decoder, which writes the text back; 0 = as many as the encoder.",
                       "把文字寫回來的解碼器疊幾層；0 表示和編碼器一樣多。"}),
        integerOption("heads", d.heads, 1, 256, {"Attention heads", "注意力頭數"},
                      {"Attention heads per layer; the width must be a multiple of it.", "每層的注意力頭數；模型寬度必須是它的倍數。"}),
        feedForwardWidthOption(),
        integerOption("max_seq", d.maxSeq, 1, 1 << 16, {"Longest sequence", "最長序列"},
                      {"Rows of each stack's learned position table.", "每一側學到的位置表有幾列。"}),
        flagOption("scale_embedding", d.scaleEmbedding, {"Scale the word vectors", "放大詞向量"},
                   {"Multiply the word vectors by √width before adding the positions.", "加上位置之前，先把詞向量乘上 √寬度。"}),
        dropoutOption(),
    };
}

Result<nlohmann::json> bartModelConfig(const Architecture &arch, const nlohmann::json &values, int vocabSize, int seq)
{
    nlohmann::json config = arch.plainConfig(values, vocabSize);
    config["max_seq"] = std::max(values["max_seq"].get<int>(), seq);
    const int dim = values["dim"].get<int>(), heads = values["heads"].get<int>();
    if (dim % heads != 0)
        return makeError("dim (" + std::to_string(dim) + ") must be a multiple of heads (" + std::to_string(heads) + ")");
    auto checked = BartConfig::fromJson(config);
    if (!checked)
        return makeError(checked.error());
    return checked.value().toJson();
}

using FindTensor = std::function<const Tensor *(const std::string &)>;

// config.json (BartConfig fields) -> our config; an untied or pre-norm (mBART) layout is refused.
Result<nlohmann::json> huggingFaceConfig(const nlohmann::json &hf, const FindTensor &findTensor)
{
    BartConfig c;
    const auto intField = [&](const char *name, int &out, bool required) {
        return huggingFaceSize(hf, name, out, required);
    };
    for (const std::string &m :
         {intField("d_model", c.dim, true), intField("encoder_layers", c.layers, true),
          intField("decoder_layers", c.decoderLayers, true), intField("encoder_attention_heads", c.heads, true),
          intField("decoder_attention_heads", c.decoderHeads, true), intField("encoder_ffn_dim", c.ffnHidden, true),
          intField("decoder_ffn_dim", c.decoderFfnHidden, true), intField("vocab_size", c.vocabSize, true),
          intField("max_position_embeddings", c.maxSeq, true)})
        if (!m.empty())
            return makeError(m);
    for (const auto &[name, out] : {std::pair<const char *, std::int32_t *>{"pad_token_id", &c.padToken},
                                    {"decoder_start_token_id", &c.decoderStart}})
        if (const auto it = hf.find(name); it != hf.end() && !it->is_null()) {
            if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() >= c.vocabSize)
                return makeError(std::string("\"") + name + "\" is not a token id");
            *out = it->get<std::int32_t>();
        }
    if (const auto it = hf.find("activation_function"); it != hf.end()) {
        const auto &names = bartActivationNames();
        std::size_t k = 0;
        while (k < names.size() && !(it->is_string() && *it == names[k]))
            ++k;
        if (k == names.size())
            return makeError("activation_function " + it->dump() + " is not supported (only \"gelu\", \"gelu_new\", \"relu\")");
        c.activation = static_cast<BartActivation>(k);
    }
    if (const auto it = hf.find("scale_embedding"); it != hf.end()) {
        if (!it->is_boolean())
            return makeError("\"scale_embedding\" is not true or false");
        c.scaleEmbedding = it->get<bool>();
    }
    for (const char *preNorm : {"normalize_before", "add_final_layer_norm"})
        if (const auto it = hf.find(preNorm); it != hf.end() && !(it->is_boolean() && !it->get<bool>()))
            return makeError(std::string("\"") + preNorm + "\" " + it->dump() + " is not supported (BART's post-norm layers only)");
    if (const auto it = hf.find("tie_word_embeddings"); it != hf.end() && !(it->is_boolean() && it->get<bool>()))
        return makeError("\"tie_word_embeddings\" " + it->dump() + " is not supported (only a head tied to the embeddings)");
    const Tensor *head = findTensor("lm_head.weight");
    const Tensor *shared = findTensor("model.shared.weight");
    if (head && shared &&
        (head->shape() != shared->shape() ||
         std::memcmp(head->data(), shared->data(), static_cast<std::size_t>(head->numel()) * sizeof(float)) != 0))
        return makeError("'lm_head.weight' differs from 'model.shared.weight'; only a head tied to the embeddings is supported");
    if (const std::string bad = c.validate(); !bad.empty())
        return makeError(bad);
    return c.toJson();
}

// Checkpoints saved without "model.shared.weight" keep the table under each stack's name.
std::vector<std::string> alternativeNames(const std::string &name)
{
    if (name == "model.shared.weight")
        return {"model.encoder.embed_tokens.weight", "model.decoder.embed_tokens.weight", "lm_head.weight"};
    return {};
}

// Our bart config -> BART's config.json (BartForConditionalGeneration, post-norm, tied head); the
// tokenizer gives <s> and </s>. The library's LayerNorm has eps 1e-5, so another is an error.
Result<nlohmann::json> huggingFaceWriterConfig(const nlohmann::json &json, const Tokenizer &tokenizer)
{
    auto parsed = BartConfig::fromJson(json);
    if (!parsed)
        return makeError(parsed.error());
    const BartConfig &c = parsed.value();
    if (c.normEps != 1e-5f)
        return makeError("norm_eps " + std::to_string(c.normEps) + ": BART's LayerNorm has 1e-5 only");
    const auto id = [&](const char *token) -> nlohmann::json {
        const auto found = tokenizer.tokenId(token);
        return found ? nlohmann::json(*found) : nlohmann::json(nullptr);
    };
    return nlohmann::json{{"model_type", "bart"},
                          {"architectures", {"BartForConditionalGeneration"}},
                          {"vocab_size", c.vocabSize},
                          {"d_model", c.dim},
                          {"encoder_layers", c.layers},
                          {"decoder_layers", c.resolvedDecoderLayers()},
                          {"encoder_attention_heads", c.heads},
                          {"decoder_attention_heads", c.resolvedDecoderHeads()},
                          {"encoder_ffn_dim", c.resolvedFfnHidden()},
                          {"decoder_ffn_dim", c.resolvedDecoderFfnHidden()},
                          {"max_position_embeddings", c.maxSeq},
                          {"activation_function", bartActivationNames()[static_cast<std::size_t>(c.activation)]},
                          {"scale_embedding", c.scaleEmbedding},
                          {"normalize_before", false},
                          {"add_final_layer_norm", false},
                          {"dropout", c.dropout},
                          {"attention_dropout", c.dropout},
                          {"activation_dropout", c.dropout},
                          {"tie_word_embeddings", true},
                          {"is_encoder_decoder", true},
                          {"pad_token_id", c.padToken},
                          {"decoder_start_token_id", c.decoderStart},
                          {"bos_token_id", id("<s>")},
                          {"eos_token_id", id("</s>")},
                          {"forced_eos_token_id", id("</s>")},
                          {"torch_dtype", "float32"}};
}

Architecture bartEntry()
{
    Architecture a;
    a.name = BartConfig::arch();
    a.displayName = {"BART (denoising encoder–decoder)", "BART（去雜訊的編碼器–解碼器）"};
    a.summary = {"Learns to write a text back from a damaged copy (spans masked, sentences shuffled); "
                 "then translates or summarises.",
                 "學著從被破壞的副本（片段被遮住、句子被打亂）把原文寫回來；之後用來翻譯或摘要。"};
    a.colour = 0xaec7e8;
    a.options = bartOptions();
    a.objectives = {ObjectiveKind::TextInfilling, ObjectiveKind::SequenceToSequence};
    a.views = {View::Embedding, View::Attention};
    a.traits = {Direction::EncoderDecoder, GenerationState::None, false, false};
    a.huggingFace = HuggingFaceReader{{a.name}, huggingFaceConfig, {}, alternativeNames};
    a.huggingFaceWriter = HuggingFaceWriter{huggingFaceWriterConfig, {}}; // our names are the library's
    // Hugging Face's BART vocabulary: <s> <pad> </s> <unk>, the pieces, <mask> last; texts are
    // written "<s> … </s>" and the decoder starts from </s>.
    a.seq2seqTokens = Seq2SeqTokens{{"<s>", "<pad>", "</s>", "<unk>"}, "<pad>", "</s>", "<s>", "</s>", "<mask>", "", 0};
    a.makeConfig = [name = a.name](const nlohmann::json &values, int vocabSize, int seq) {
        return bartModelConfig(*findArchitecture(name), values, vocabSize, seq);
    };
    setMemoryFunction<BartConfig>(a, bartMemory);
    setConfigFunctions<BartConfig>(a, [](const BartConfig &c, std::uint64_t seed) -> Result<std::unique_ptr<LanguageModel>> {
        Rng rng(seed);
        return std::unique_ptr<LanguageModel>(std::make_unique<BartModel>(c, rng));
    });
    return a;
}

} // namespace

std::vector<const Architecture *> bartArchitectures()
{
    static const Architecture bart = bartEntry();
    return {&bart};
}

} // namespace lm
