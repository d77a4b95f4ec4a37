#include "lessons/lessonideas.h"

const std::vector<LessonIdea> &lessonIdeas()
{
    static const std::vector<LessonIdea> ideas{
        {"symbols-to-vectors", {"從離散符號到向量", "discrete symbols to vectors"}},
        {"skip-gram", {"skip-gram", "skip-gram"}},
        {"cbow", {"CBOW", "CBOW"}},
        {"glove", {"GloVe", "GloVe"}},
        {"fasttext", {"fastText", "fastText"}},
        {"pretrained-embeddings", {"預訓練的嵌入層", "pre-trained embedding layers"}},
        {"context-free-embeddings", {"與上下文無關的詞向量", "context-free embeddings"}},
        {"sentence-embeddings", {"句子向量與檢索", "sentence embeddings and retrieval"}},
        {"rnn-time", {"RNN 的時間依賴", "RNN time dependence"}},
        {"gates", {"LSTM 與 GRU 的閘門", "LSTM and GRU gates"}},
        {"bidirectional-rnn", {"雙向 RNN", "bidirectional RNNs"}},
        {"vanishing-gradients", {"梯度消失與爆炸", "vanishing and exploding gradients"}},
        {"rnn-no-parallelism", {"RNN 無法在時間上平行", "no parallelism in RNNs"}},
        {"rwkv", {"RWKV", "RWKV"}},
        {"mamba", {"Mamba", "Mamba"}},
        {"jamba", {"Jamba", "Jamba"}},
        {"attention-dictionary", {"注意力是柔性的字典查詢", "attention as a soft dictionary"}},
        {"nonlinear-parts", {"活化、正規化與位置：非線性的部分", "activation, normalisation and position as the non-linear parts"}},
        {"memory-scaling", {"記憶體隨批次線性、隨長度平方成長", "memory linear in batch and quadratic in length"}},
        {"encoder-classification", {"編碼器分類：情感與意圖", "encoder classification, sentiment and intent"}},
        {"ner", {"命名實體辨識", "named-entity recognition"}},
        {"mlm", {"遮罩語言模型（MLM）", "masked language modelling (MLM)"}},
        {"nsp", {"下一句預測（NSP）", "next-sentence prediction (NSP)"}},
        {"sop", {"句子順序預測（SOP）", "sentence-order prediction (SOP)"}},
        {"bert-albert", {"BERT 與 ALBERT", "BERT and ALBERT"}},
        {"seq2seq", {"序列到序列：翻譯與摘要", "sequence-to-sequence translation and summarisation"}},
        {"t5", {"T5", "T5"}},
        {"bart", {"BART", "BART"}},
        {"decoder-generation", {"解碼器生成", "decoder generation"}},
        {"causal-lm", {"因果語言模型", "causal language modelling"}},
    };
    return ideas;
}

const LessonIdea *findLessonIdea(const std::string &id)
{
    for (const LessonIdea &idea : lessonIdeas())
        if (idea.id == id)
            return &idea;
    return nullptr;
}
