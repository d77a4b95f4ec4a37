// The MLP language model's entry in the architecture table (models/architecture.h).
#include "models/architecture.h"
#include "models/mlp/mlplm.h"

#include "core/rng.h"

namespace lm {

std::vector<const Architecture *> mlpArchitectures()
{
    static const Architecture mlp = [] {
        Architecture a;
        a.name = "mlp";
        a.displayName = {"MLP language model (Bengio et al. 2003)", "MLP 語言模型（Bengio 等人，2003）"};
        a.summary = {"The previous n tokens, looked up and concatenated, through one tanh layer.",
                     "把前 n 個詞元的向量接起來，經過一層 tanh，預測下一個。"};
        a.options = {
            integerOption("context", 5, 1, 64, {"Context (tokens seen)", "上下文（看幾個詞元）"},
                          {"How many previous tokens the model looks at to guess the next one.",
                           "模型看前面幾個詞元來猜下一個。"}),
            integerOption("dim", 32, 1, 4096, {"Embedding width", "嵌入寬度"},
                          {"Each token becomes a vector of this many numbers.", "每個詞元變成這麼多個數字組成的向量。"}),
            integerOption("hidden", 128, 1, 16384, {"Hidden units", "隱藏單元"},
                          {"Units of the tanh layer.", "tanh 隱藏層的單元數。"}),
        };
        a.objectives = {ObjectiveKind::CausalLm};
        a.views = {View::Embedding};
        a.traits = {Direction::Causal, GenerationState::None, false, true};
        a.colour = 0x7f7f7f;
        a.makeConfig = [](const nlohmann::json &values, int vocabSize, int seq) -> Result<nlohmann::json> {
            const int context = values["context"].get<int>();
            if (seq < context)
                return makeError("the window (" + std::to_string(seq) + " tokens) must be at least the MLP's context (" +
                                 std::to_string(context) + ")");
            return mlp.plainConfig(values, vocabSize);
        };
        setConfigFunctions<MlpConfig>(a, [](const MlpConfig &c, std::uint64_t seed) -> Result<std::unique_ptr<LanguageModel>> {
            Rng rng(seed);
            return std::unique_ptr<LanguageModel>(std::make_unique<MlpLanguageModel>(c, rng));
        });
        return a;
    }();
    return {&mlp};
}

} // namespace lm
