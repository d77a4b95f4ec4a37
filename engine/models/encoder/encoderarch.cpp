// The encoder-only Transformers' entries in the architecture table (models/architecture.h): BERT
// and ALBERT, both reading Hugging Face folders (config.json fields as modeling_bert.py and
// modeling_albert.py name them).
#include "models/architecture.h"
#include "text/tokenizer.h"
#include "models/encoder/encoder.h"
#include "models/encoder/encodermemory.h"

#include "core/rng.h"
#include "core/tensor.h"

#include <algorithm>
#include <cstring>

namespace lm {

namespace {

constexpr int kDefaultDim = 64;
constexpr int kDefaultLayers = 2;
constexpr int kDefaultHeads = 4;
constexpr int kDefaultMaxSeq = 512;
constexpr int kDefaultAlbertEmbedding = 32;

std::vector<ArchOption> encoderOptions(EncoderLayout layout)
{
    std::vector<ArchOption> options{
        widthOption(kDefaultDim),
        integerOption("layers", kDefaultLayers, 1, 64, {"Layers", "層數"},
                      {layout == EncoderLayout::Albert ? "Times the one shared layer is applied." : "Encoder layers stacked.",
                       layout == EncoderLayout::Albert ? "同一組共用的層要套用幾次。" : "疊幾個編碼器層。"}),
        integerOption("heads", kDefaultHeads, 1, 256, {"Attention heads", "注意力頭數"},
                      {"Attention heads per layer; the width must be a multiple of it.", "每層的注意力頭數；模型寬度必須是它的倍數。"}),
        feedForwardWidthOption(),
        integerOption("max_seq", 0, 0, 1 << 16, {"Longest sequence", "最長序列"},
                      {"Rows of the position table; 0 = the window or 512, whichever is longer.",
                       "位置表的列數；0 表示取視窗長度與 512 中較大者。"}),
        dropoutOption(),
        choiceOption("attention", attentionNames(), attentionNames().front(), {"Attention kernel", "注意力算法"},
                     {"Standard keeps the T×T probabilities; chunked never stores them (memory linear in T), same numbers.",
                      "standard 保留 T×T 的機率；chunked 從不存下它們（記憶體隨 T 線性成長），算出的數字相同。"}),
    };
    if (layout == EncoderLayout::Albert)
        options.insert(options.begin() + 1,
                       integerOption("embedding_dim", kDefaultAlbertEmbedding, 1, 8192, {"Embedding width", "嵌入寬度"},
                                     {"Word vectors are this narrow (E) and mapped up to the model width: V×E + E×H "
                                      "numbers instead of V×H.",
                                      "詞向量只有這麼窄（E），再映射到模型寬度：用 V×E + E×H 個數字取代 V×H。"}));
    return options;
}

Result<nlohmann::json> encoderConfig(const Architecture &arch, const nlohmann::json &values, int vocabSize, int seq)
{
    nlohmann::json config = arch.plainConfig(values, vocabSize);
    const int maxSeq = values["max_seq"].get<int>();
    config["max_seq"] = maxSeq > 0 ? std::max(maxSeq, seq) : std::max(seq, kDefaultMaxSeq);
    const int dim = values["dim"].get<int>(), heads = values["heads"].get<int>();
    if (dim % heads != 0)
        return makeError("dim (" + std::to_string(dim) + ") must be a multiple of heads (" + std::to_string(heads) + ")");
    if (values.contains("embedding_dim") && values["embedding_dim"].get<int>() > dim)
        return makeError("embedding_dim (" + values["embedding_dim"].dump() + ") must not exceed dim (" +
                         std::to_string(dim) + ")");
    auto checked = EncoderConfig::fromJson(config);
    if (!checked)
        return makeError(checked.error());
    return checked.value().toJson();
}

using FindTensor = std::function<const Tensor *(const std::string &)>;

bool sameValues(const Tensor &a, const Tensor &b)
{
    return a.shape() == b.shape() &&
           std::memcmp(a.data(), b.data(), static_cast<std::size_t>(a.numel()) * sizeof(float)) == 0;
}

// config.json (BertConfig / AlbertConfig fields) -> our config; the head from the tensors present.
Result<nlohmann::json> huggingFaceConfig(EncoderLayout layout, const nlohmann::json &hf, const FindTensor &findTensor)
{
    EncoderConfig c = EncoderConfig::forLayout(layout);
    const bool albert = layout == EncoderLayout::Albert;
    const auto intField = [&](const char *name, int &out, bool required) -> std::string {
        const auto it = hf.find(name);
        if (it == hf.end())
            return required ? std::string("\"") + name + "\" is missing" : std::string();
        if (!it->is_number_integer() || it->get<std::int64_t>() < 1 || it->get<std::int64_t>() > (1 << 24))
            return std::string("\"") + name + "\" is not a positive integer";
        out = it->get<int>();
        return {};
    };
    for (const std::string &m :
         {intField("hidden_size", c.dim, true), intField("num_hidden_layers", c.layers, true),
          intField("num_attention_heads", c.heads, true), intField("intermediate_size", c.ffnHidden, true),
          intField("vocab_size", c.vocabSize, true), intField("max_position_embeddings", c.maxSeq, false),
          intField("type_vocab_size", c.typeVocab, false),
          albert ? intField("embedding_size", c.embeddingDim, true) : std::string()})
        if (!m.empty())
            return makeError(m);
    if (albert)
        for (const char *name : {"num_hidden_groups", "inner_group_num"})
            if (const auto it = hf.find(name); it != hf.end() && !(it->is_number_integer() && it->get<int>() == 1))
                return makeError(std::string("\"") + name + "\" " + it->dump() + " is not supported (only 1: one shared layer)");
    if (const auto it = hf.find("hidden_act"); it != hf.end()) {
        if (!it->is_string() || (*it != "gelu" && *it != "gelu_new"))
            return makeError("hidden_act " + it->dump() + " is not supported (only \"gelu\" and \"gelu_new\")");
        c.activation = *it == "gelu" ? EncoderActivation::Gelu : EncoderActivation::GeluNew;
    }
    if (const auto it = hf.find("layer_norm_eps"); it != hf.end()) {
        if (!it->is_number() || !(it->get<double>() > 0))
            return makeError("\"layer_norm_eps\" is not a positive number");
        c.normEps = it->get<float>();
    }
    if (const auto it = hf.find("position_embedding_type"); it != hf.end() && !(it->is_string() && *it == "absolute"))
        return makeError("position_embedding_type " + it->dump() + " is not supported (only \"absolute\")");
    if (c.dim % c.heads != 0)
        return makeError("\"hidden_size\" " + std::to_string(c.dim) + " is not a multiple of \"num_attention_heads\" " +
                         std::to_string(c.heads));

    // The head: what the weights hold (BertForPreTraining / ForMaskedLM / ForSequenceClassification /
    // ForTokenClassification, and their ALBERT twins).
    const std::string base = albert ? "albert." : "bert.";
    const std::string mlmBias = albert ? "predictions.bias" : "cls.predictions.bias";
    const std::string poolerName = base + (albert ? "pooler.weight" : "pooler.dense.weight");
    const std::string pairName = albert ? "sop_classifier.classifier.weight" : "cls.seq_relationship.weight";
    c.pooler = findTensor(poolerName) != nullptr;
    if (findTensor(mlmBias)) {
        c.head = EncoderHead::Pretrain;
        c.pairHead = c.pooler && findTensor(pairName);
        const std::string decoder = albert ? "predictions.decoder.weight" : "cls.predictions.decoder.weight";
        const Tensor *copy = findTensor(decoder);
        const Tensor *word = findTensor(base + "embeddings.word_embeddings.weight");
        if (copy && word && !sameValues(*copy, *word))
            return makeError("'" + decoder + "' differs from the word embeddings; only a decoder tied to them is supported");
    } else if (const Tensor *classifier = findTensor("classifier.weight")) {
        if (classifier->dim() != 2)
            return makeError("'classifier.weight' is not a matrix");
        c.numLabels = static_cast<int>(classifier->size(0));
        bool tokens = !c.pooler;
        if (const auto it = hf.find("architectures"); it != hf.end() && it->is_array())
            for (const auto &a : *it)
                if (a.is_string() && a.get<std::string>().find("TokenClassification") != std::string::npos)
                    tokens = true;
        c.head = tokens ? EncoderHead::Tag : EncoderHead::Classify;
        if (const auto it = hf.find("id2label"); it != hf.end() && it->is_object() &&
                                                 static_cast<int>(it->size()) == c.numLabels) {
            std::vector<std::string> names(static_cast<std::size_t>(c.numLabels));
            bool complete = true;
            for (int k = 0; k < c.numLabels; ++k) {
                const auto l = it->find(std::to_string(k));
                if (l == it->end() || !l->is_string()) {
                    complete = false;
                    break;
                }
                names[static_cast<std::size_t>(k)] = l->get<std::string>();
            }
            if (complete)
                c.labels = std::move(names);
        }
    } else {
        return makeError("the weights hold no head ('" + mlmBias + "' nor 'classifier.weight'); an encoder alone "
                         "cannot be inspected here");
    }
    if (const std::string bad = c.validate(); !bad.empty())
        return makeError(bad);
    return c.toJson();
}

// Our bert / albert config -> config.json of the class its head is (BertForPreTraining when it
// has the pair head, BertForMaskedLM without, ForSequenceClassification, ForTokenClassification;
// the Albert twins likewise).
Result<nlohmann::json> huggingFaceWriterConfig(const nlohmann::json &json, const Tokenizer &tokenizer)
{
    auto parsed = EncoderConfig::fromJson(json);
    if (!parsed)
        return makeError(parsed.error());
    const EncoderConfig &c = parsed.value();
    const bool albert = c.layout == EncoderLayout::Albert;
    const std::string family = albert ? "Albert" : "Bert";
    std::string head;
    switch (c.head) {
    case EncoderHead::Pretrain: head = c.pairHead ? "ForPreTraining" : "ForMaskedLM"; break;
    case EncoderHead::Classify: head = "ForSequenceClassification"; break;
    case EncoderHead::Tag: head = "ForTokenClassification"; break;
    }
    nlohmann::json hf = {{"model_type", c.arch()},
                         {"architectures", {family + head}},
                         {"vocab_size", c.vocabSize},
                         {"hidden_size", c.dim},
                         {"num_hidden_layers", c.layers},
                         {"num_attention_heads", c.heads},
                         {"intermediate_size", c.resolvedFfnHidden()},
                         {"max_position_embeddings", c.maxSeq},
                         {"type_vocab_size", c.typeVocab},
                         {"hidden_act", encoderActivationNames()[static_cast<std::size_t>(c.activation)]},
                         {"layer_norm_eps", c.normEps},
                         {"position_embedding_type", "absolute"},
                         {"hidden_dropout_prob", c.dropout},
                         {"attention_probs_dropout_prob", c.dropout},
                         {"initializer_range", 0.02},
                         {"pad_token_id", tokenizer.tokenId("[PAD]").value_or(0)},
                         {"torch_dtype", "float32"}};
    if (albert) {
        hf["embedding_size"] = c.resolvedEmbeddingDim();
        hf["num_hidden_groups"] = 1;
        hf["inner_group_num"] = 1;
        hf["classifier_dropout_prob"] = c.dropout;
    }
    if (c.head != EncoderHead::Pretrain) {
        nlohmann::json id2label = nlohmann::json::object(), label2id = nlohmann::json::object();
        for (int k = 0; k < c.numLabels; ++k) {
            const std::string name = k < static_cast<int>(c.labels.size()) ? c.labels[static_cast<std::size_t>(k)]
                                                                            : "LABEL_" + std::to_string(k);
            id2label[std::to_string(k)] = name;
            label2id[name] = k;
        }
        hf["num_labels"] = c.numLabels;
        hf["id2label"] = std::move(id2label);
        hf["label2id"] = std::move(label2id);
    }
    return hf;
}

// Names older checkpoints use: TF-era "LayerNorm.gamma/beta", and a bare encoder's weights
// without the "bert." / "albert." prefix.
std::vector<std::string> alternativeNames(EncoderLayout layout, const std::string &name)
{
    std::vector<std::string> names;
    auto renamed = [](std::string n) {
        for (const auto &[from, to] : {std::pair<const char *, const char *>{"LayerNorm.weight", "LayerNorm.gamma"},
                                       {"LayerNorm.bias", "LayerNorm.beta"}})
            if (n.size() >= std::strlen(from) && n.compare(n.size() - std::strlen(from), std::string::npos, from) == 0)
                return n.substr(0, n.size() - std::strlen(from)) + to;
        return n;
    };
    const std::string base = layout == EncoderLayout::Albert ? "albert." : "bert.";
    const std::string old = renamed(name);
    if (old != name)
        names.push_back(old);
    if (name.rfind(base, 0) == 0) {
        names.push_back(name.substr(base.size()));
        if (old != name)
            names.push_back(old.substr(base.size()));
    }
    return names;
}

Architecture encoderEntry(EncoderLayout layout)
{
    const EncoderConfig d = EncoderConfig::forLayout(layout);
    Architecture a;
    a.name = d.arch();
    a.options = encoderOptions(layout);
    a.objectives = {ObjectiveKind::MaskedLm, ObjectiveKind::SentencePair, ObjectiveKind::SequenceClassification,
                    ObjectiveKind::TokenClassification, ObjectiveKind::Contrastive};
    a.views = {View::Embedding, View::Attention};
    a.traits = {Direction::Bidirectional, GenerationState::None, false, false};
    if (layout == EncoderLayout::Bert) {
        a.displayName = {"BERT (Transformer encoder)", "BERT（Transformer 編碼器）"};
        a.summary = {"Reads the whole sentence both ways; pre-trained by filling in masked words and by "
                     "telling whether sentence B follows A.",
                     "雙向讀整個句子；預訓練時填回被遮住的詞，並判斷句子 B 是否接在 A 後面。"};
        a.colour = 0x17becf;
        a.referenceConfigs = {
            {"BERT-base (110M)",
             {{"arch", a.name}, {"vocab_size", 30522}, {"dim", 768}, {"layers", 12}, {"heads", 12}, {"max_seq", 512}}},
            {"BERT-large (340M)",
             {{"arch", a.name}, {"vocab_size", 30522}, {"dim", 1024}, {"layers", 24}, {"heads", 16}, {"max_seq", 512}}},
        };
    } else {
        a.displayName = {"ALBERT (shared-layer encoder)", "ALBERT（共用層的編碼器）"};
        a.summary = {"BERT with narrow word vectors and one layer reused at every depth; pre-trained with "
                     "sentence-order prediction.",
                     "詞向量較窄、每一層都重用同一組權重的 BERT；預訓練改用句子順序預測。"};
        a.colour = 0xbcbd22;
        a.referenceConfigs = {
            {"ALBERT-base (12M)",
             {{"arch", a.name}, {"vocab_size", 30000}, {"dim", 768}, {"embedding_dim", 128}, {"layers", 12}, {"heads", 12},
              {"max_seq", 512}}},
            {"ALBERT-xxlarge (223M)",
             {{"arch", a.name}, {"vocab_size", 30000}, {"dim", 4096}, {"embedding_dim", 128}, {"layers", 12}, {"heads", 64},
              {"ffn_hidden", 16384}, {"max_seq", 512}}},
        };
    }
    a.huggingFace = HuggingFaceReader{
        {a.name}, [layout](const nlohmann::json &hf, const FindTensor &find) { return huggingFaceConfig(layout, hf, find); },
        {}, [layout](const std::string &name) { return alternativeNames(layout, name); }};
    a.huggingFaceWriter = HuggingFaceWriter{huggingFaceWriterConfig, {}}; // our names are the library's
    a.makeConfig = [name = a.name](const nlohmann::json &values, int vocabSize, int seq) {
        return encoderConfig(*findArchitecture(name), values, vocabSize, seq);
    };
    setConfigFunctions<EncoderConfig>(a, [](const EncoderConfig &c, std::uint64_t seed)
                                             -> Result<std::unique_ptr<LanguageModel>> {
        Rng rng(seed);
        return std::unique_ptr<LanguageModel>(makeEncoder(c, rng));
    });
    setMemoryFunction<EncoderConfig>(a, encoderMemory);
    return a;
}

} // namespace

std::vector<const Architecture *> encoderArchitectures()
{
    static const Architecture bert = encoderEntry(EncoderLayout::Bert), albert = encoderEntry(EncoderLayout::Albert);
    return {&bert, &albert};
}

} // namespace lm
