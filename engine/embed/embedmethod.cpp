#include "embed/embedmethod.h"

#include "embed/fasttext.h"
#include "embed/glove.h"
#include "embed/word2vec.h"

#include <array>

namespace lm {

namespace {

constexpr std::array<std::string_view, 4> kNames = {"skipgram", "cbow", "glove", "fasttext"}; // EmbedMethod order

} // namespace

std::span<const std::string_view> embedMethodNames() { return kNames; }

std::string_view embedMethodName(EmbedMethod method) { return kNames[static_cast<std::size_t>(method)]; }

std::optional<EmbedMethod> parseEmbedMethod(std::string_view name)
{
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name)
            return static_cast<EmbedMethod>(i);
    return std::nullopt;
}

EmbedOptions embedDefaults(EmbedMethod method)
{
    EmbedOptions o;
    o.method = method;
    switch (method) {
    case EmbedMethod::SkipGram:
        break;
    case EmbedMethod::Cbow:
        o.learningRate = 0.05f;
        break;
    case EmbedMethod::Glove:
        o.window = 10;
        o.epochs = 25;
        o.learningRate = 0.05f;
        break;
    case EmbedMethod::FastText:
        o.learningRate = 0.05f;
        o.sample = 1e-4;
        break;
    }
    return o;
}

Result<TrainedWordVectors> trainWordVectors(const WordCorpus &corpus, const EmbedOptions &options,
                                            const CancelToken &cancel, EmbedObserver *observer)
{
    const EmbedOptions &in = options;
    TrainedWordVectors out;
    switch (in.method) {
    case EmbedMethod::SkipGram:
    case EmbedMethod::Cbow: {
        Word2VecOptions o;
        o.cbow = in.method == EmbedMethod::Cbow;
        o.hierarchicalSoftmax = in.hierarchicalSoftmax;
        o.dim = in.dim;
        o.window = in.window;
        o.negative = in.negative;
        o.epochs = in.epochs;
        o.sample = in.sample;
        o.alpha = in.learningRate;
        o.threads = in.threads;
        o.seed = in.seed;
        auto v = trainWord2Vec(corpus, o, cancel, observer);
        if (!v)
            return makeError(v.error());
        out.vectors = std::move(v).value();
        return out;
    }
    case EmbedMethod::Glove: {
        GloveOptions o;
        o.dim = in.dim;
        o.window = in.window;
        o.epochs = in.epochs;
        o.xMax = in.xMax;
        o.eta = in.learningRate;
        o.threads = in.threads;
        o.seed = in.seed;
        auto v = trainGlove(corpus, o, cancel, observer);
        if (!v)
            return makeError(v.error());
        out.vectors = std::move(v).value();
        return out;
    }
    case EmbedMethod::FastText: {
        FastTextOptions o;
        o.cbow = in.fastTextCbow;
        o.dim = in.dim;
        o.window = in.window;
        o.negative = in.negative;
        o.epochs = in.epochs;
        o.minn = in.minn;
        o.maxn = in.maxn;
        o.bucket = in.bucket;
        o.sample = in.sample;
        o.lr = in.learningRate;
        o.threads = in.threads;
        o.seed = in.seed;
        auto m = trainFastText(corpus, o, cancel, observer);
        if (!m)
            return makeError(m.error());
        out.subwords = std::move(m).value();
        out.vectors = out.subwords->vocabularyVectors();
        return out;
    }
    }
    return makeError("unknown word-vector method");
}

} // namespace lm
