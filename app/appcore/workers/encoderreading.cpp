#include "workers/encoderreading.h"

#include "core/tape.h"
#include "text/specialtokens.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace {

std::string lowerAscii(std::string s)
{
    for (char &c : s)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return s;
}

} // namespace

int encoderReadLength(const lm::EncoderModel &model) { return std::min(model.encoderConfig().maxSeq, 256); }

lm::Result<std::shared_ptr<lm::Trace>> traceEncoder(lm::EncoderModel &model, const lm::Tokenizer &tokenizer,
                                                    const std::string &a, const std::optional<std::string> &b)
{
    const auto specials = lm::findEncoderSpecials(tokenizer);
    if (!specials)
        return lm::makeError("the tokenizer has " + specials.error());
    try {
        const lm::EncodedPair input = lm::encodeForEncoder(tokenizer, a, b, encoderReadLength(model));
        const int T = static_cast<int>(input.ids.size());
        if (T <= (b ? 3 : 2))
            return lm::makeError("the text gives no tokens");
        auto trace = std::make_shared<lm::Trace>();
        lm::TraceMatrix types{T, 1, {}}, seps{T, 1, {}};
        for (int t = 0; t < T; ++t) {
            const std::int32_t id = input.ids[static_cast<std::size_t>(t)];
            trace->tokens.push_back(tokenizer.tokenText(id));
            types.values.push_back(static_cast<float>(input.tokenTypes[static_cast<std::size_t>(t)]));
            seps.values.push_back(id == specials.value().sep ? 1.0f : 0.0f);
        }
        lm::EncoderInput in;
        in.time = T;
        in.ids = input.ids;
        in.tokenTypes = input.tokenTypes;
        lm::NoGradScope noGrad;
        model.encode(in, trace.get());
        trace->matrices[kTraceTokenTypes] = std::move(types);
        trace->matrices[kTraceSeparators] = std::move(seps);
        return trace;
    } catch (const std::exception &e) {
        return lm::makeError(e.what());
    }
}

lm::Result<std::vector<float>> contextualWordVector(lm::EncoderModel &model, const lm::Tokenizer &tokenizer,
                                                    const std::string &word, const std::string &sentence)
{
    try {
        const std::vector<std::int32_t> pieces = tokenizer.encode(word);
        if (pieces.empty())
            return lm::makeError("\"" + word + "\" gives no token");
        const lm::EncodedPair input = lm::encodeForEncoder(tokenizer, sentence, std::nullopt, encoderReadLength(model));
        const auto at = std::search(input.ids.begin(), input.ids.end(), pieces.begin(), pieces.end());
        if (at == input.ids.end())
            return lm::makeError("\"" + sentence + "\" does not hold \"" + word + "\"");
        lm::EncoderInput in;
        in.time = static_cast<int>(input.ids.size());
        in.ids = input.ids;
        in.tokenTypes = input.tokenTypes;
        lm::NoGradScope noGrad;
        const lm::Tensor hidden = model.encode(in); // (1, T, H)
        const int H = model.encoderConfig().dim;
        const auto first = static_cast<std::int64_t>(at - input.ids.begin());
        std::vector<float> v(static_cast<std::size_t>(H), 0.0f);
        for (std::int64_t t = first; t < first + static_cast<std::int64_t>(pieces.size()); ++t)
            for (int h = 0; h < H; ++h)
                v[static_cast<std::size_t>(h)] += hidden.data()[t * H + h];
        for (float &x : v)
            x /= static_cast<float>(pieces.size());
        return v;
    } catch (const std::exception &e) {
        return lm::makeError(e.what());
    }
}

std::vector<float> cosineMatrix(const std::vector<std::vector<float>> &rows)
{
    const std::size_t n = rows.size();
    std::vector<double> norms(n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (float x : rows[i])
            norms[i] += double(x) * x;
    std::vector<float> out(n * n, 0.0f);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            if (norms[i] == 0.0 || norms[j] == 0.0)
                continue;
            if (i == j) {
                out[i * n + j] = 1.0f;
                continue;
            }
            double dot = 0.0;
            for (std::size_t k = 0; k < std::min(rows[i].size(), rows[j].size()); ++k)
                dot += double(rows[i][k]) * rows[j][k];
            out[i * n + j] = static_cast<float>(dot / std::sqrt(norms[i] * norms[j]));
        }
    return out;
}

std::vector<std::string> sentencesContaining(const std::string &text, const std::string &word, int max)
{
    std::vector<std::string> out;
    const std::string target = lowerAscii(word);
    std::istringstream in(text);
    for (std::string line; out.size() < static_cast<std::size_t>(std::max(0, max)) && std::getline(in, line);) {
        const auto begin = line.find_first_not_of(" \t\r");
        if (begin == std::string::npos)
            continue;
        line = line.substr(begin, line.find_last_not_of(" \t\r") - begin + 1);
        try {
            bool found = false;
            for (const std::string &w : lm::WordTokenizer::splitWords(line))
                found = found || lowerAscii(w) == target;
            if (found && std::find(out.begin(), out.end(), line) == out.end())
                out.push_back(line);
        } catch (const std::invalid_argument &) {
            continue; // not UTF-8: not a sentence to show
        }
    }
    return out;
}
