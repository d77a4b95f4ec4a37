// The recurrent language models' entries in the architecture table (models/architecture.h):
// an Elman RNN, an LSTM and a GRU, one entry per cell.
#include "models/architecture.h"
#include "models/recurrent/recurrentlm.h"
#include "models/recurrent/recurrentmemory.h"

#include "core/rng.h"

namespace lm {

namespace {

Architecture recurrentEntry(CellKind kind)
{
    Architecture a;
    a.name = cellName(kind);
    switch (kind) {
    case CellKind::Rnn:
        a.displayName = {"Elman RNN", "Elman 循環神經網路"};
        a.summary = {"One tanh state carried from token to token.", "一個 tanh 狀態從一個詞元傳到下一個。"};
        a.colour = 0x8c564b;
        a.views = {View::Embedding, View::HiddenStates, View::GradientFlow};
        break;
    case CellKind::Lstm:
        a.displayName = {"LSTM", "LSTM 長短期記憶"};
        a.summary = {"Input, forget and output gates around a cell state.", "輸入、遺忘、輸出三個閘門守著一條細胞狀態。"};
        a.colour = 0x1f77b4;
        a.views = {View::Embedding, View::HiddenStates, View::Gates, View::GradientFlow};
        a.memoryLabDefault = true;
        break;
    case CellKind::Gru:
        a.displayName = {"GRU", "GRU 閘控循環單元"};
        a.summary = {"Reset and update gates, no separate cell state.", "重設閘與更新閘，沒有另外的細胞狀態。"};
        a.colour = 0x2ca02c;
        a.views = {View::Embedding, View::HiddenStates, View::Gates, View::GradientFlow};
        break;
    }
    a.options = {
        integerOption("dim", 32, 1, 4096, {"Embedding width", "嵌入寬度"},
                      {"Each token becomes a vector of this many numbers.", "每個詞元變成這麼多個數字組成的向量。"}),
        integerOption("hidden", 128, 1, 4096, {"Hidden units", "隱藏單元"},
                      {"The size of the recurrent state.", "循環狀態的大小。"}),
        integerOption("layers", 1, 1, 16, {"Layers", "層數"},
                      {"Recurrent layers stacked on each other.", "疊在一起的循環層數。"}),
        flagOption("bidirectional", false, {"Both directions", "雙向"},
                   {"Also read the sequence backwards (for tagging; a language model may not see the future).",
                    "也從後往前讀（用於標註；語言模型不能偷看未來）。"}),
    };
    a.objectives = {ObjectiveKind::CausalLm, ObjectiveKind::TokenClassification, ObjectiveKind::Forecasting};
    a.traits = {Direction::Causal, GenerationState::RecurrentState, true, false};
    a.makeConfig = [name = a.name](const nlohmann::json &values, int vocabSize, int) -> Result<nlohmann::json> {
        if (values["bidirectional"].get<bool>())
            return makeError("bidirectional does not fit a language model: its backward direction would read the very "
                             "tokens it has to predict");
        return findArchitecture(name)->plainConfig(values, vocabSize);
    };
    setConfigFunctions<RecurrentLmConfig>(a, [](const RecurrentLmConfig &c, std::uint64_t seed)
                                                 -> Result<std::unique_ptr<LanguageModel>> {
        Rng rng(seed);
        return std::unique_ptr<LanguageModel>(std::make_unique<RecurrentLanguageModel>(c, rng));
    });
    setMemoryFunction<RecurrentLmConfig>(a, recurrentMemory);
    return a;
}

} // namespace

std::vector<const Architecture *> recurrentArchitectures()
{
    static const Architecture rnn = recurrentEntry(CellKind::Rnn), lstm = recurrentEntry(CellKind::Lstm),
                              gru = recurrentEntry(CellKind::Gru);
    return {&rnn, &lstm, &gru};
}

} // namespace lm
