#include "models/seq2seqmodel.h"

#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"

#include <algorithm>
#include <stdexcept>

namespace lm {

namespace {

// Rows of x (B, …) picked by `rows`, as a new tensor without history.
Tensor pickRows(const Tensor &x, const std::vector<int> &rows)
{
    if (!x.defined())
        return x;
    Shape shape = x.shape();
    const std::size_t per = static_cast<std::size_t>(x.numel() / shape[0]);
    std::vector<float> out;
    out.reserve(per * rows.size());
    for (int r : rows) {
        if (r < 0 || r >= shape[0])
            throw std::invalid_argument("DecoderCache::keepRows: row " + std::to_string(r) + " outside the batch");
        out.insert(out.end(), x.data() + per * static_cast<std::size_t>(r), x.data() + per * (static_cast<std::size_t>(r) + 1));
    }
    shape[0] = static_cast<std::int64_t>(rows.size());
    return Tensor::fromVector(shape, out);
}

std::int64_t bytesOf(const std::vector<KvSlot> &slots)
{
    std::int64_t n = 0;
    for (const KvSlot &s : slots)
        n += (s.keys.defined() ? s.keys.numel() : 0) + (s.values.defined() ? s.values.numel() : 0);
    return n * static_cast<std::int64_t>(sizeof(float));
}

} // namespace

void DecoderCache::keepRows(const std::vector<int> &rows)
{
    for (auto *slots : {&self, &cross})
        for (KvSlot &s : *slots) {
            s.keys = pickRows(s.keys, rows);
            s.values = pickRows(s.values, rows);
        }
}

std::int64_t DecoderCache::selfBytes() const { return bytesOf(self); }
std::int64_t DecoderCache::crossBytes() const { return bytesOf(cross); }

std::pair<Tensor, Tensor> cachedKeysValues(KvSlot *slot, bool fixed, const std::function<Tensor()> &k,
                                           const std::function<Tensor()> &v)
{
    if (!slot)
        return {k(), v()};
    if (fixed) {
        if (!slot->keys.defined()) {
            slot->keys = k();
            slot->values = v();
        }
    } else if (!slot->keys.defined()) {
        slot->keys = k();
        slot->values = v();
    } else {
        slot->keys = concat({slot->keys, k()}, 1);
        slot->values = concat({slot->values, v()}, 1);
    }
    return {slot->keys, slot->values};
}

Tensor Seq2SeqModel::forward(const Seq2SeqInput &input, Trace *trace)
{
    NoGradScope noGrad;
    const Tensor encoded = encode(input, trace);
    return logits(decode(input, encoded, trace));
}

Tensor Seq2SeqModel::loss(const TokenBatch &batch)
{
    const Seq2SeqInput in{batch.batch, batch.time, batch.inputs, batch.paddingMask, batch.decoderTime, batch.decoderInputs};
    if (batch.targets.size() != in.decoder.size())
        throw std::invalid_argument(arch() + " loss: targets do not match (B, T')");
    const Tensor encoded = encode(in, nullptr, true);
    const Tensor out = logits(decode(in, encoded, nullptr, true)); // (B, Td, V)
    return crossEntropy(reshape(out, {static_cast<std::int64_t>(batch.batch) * batch.decoderTime, vocabSize()}),
                        batch.targets);
}

Tensor Seq2SeqModel::nextTokenLogits(const std::vector<std::int32_t> &)
{
    throw std::logic_error("an encoder-decoder writes a target for a source; it does not continue one text");
}

Tensor Seq2SeqModel::sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace)
{
    if (ids.empty())
        throw std::invalid_argument(arch() + " sequenceLogits: no tokens");
    Seq2SeqInput in;
    in.sourceTime = in.decoderTime = static_cast<int>(ids.size());
    in.source = ids;
    in.decoder.push_back(decoderStart());
    in.decoder.insert(in.decoder.end(), ids.begin(), ids.end() - 1);
    const Tensor out = forward(in, trace); // (1, T, V)
    return reshape(out, {in.decoderTime, vocabSize()});
}

void Seq2SeqModel::checkInput(const Seq2SeqInput &in, int vocab, int maxTokens, const char *who)
{
    const auto ns = static_cast<std::size_t>(in.batch) * static_cast<std::size_t>(in.sourceTime);
    const auto nd = static_cast<std::size_t>(in.batch) * static_cast<std::size_t>(in.decoderTime);
    if (in.batch < 1 || in.sourceTime < 1 || in.decoderTime < 1 || in.source.size() != ns || in.decoder.size() != nd ||
        (!in.paddingMask.empty() && in.paddingMask.size() != ns))
        throw std::invalid_argument(std::string(who) + ": input sizes do not match (B, Ts, Td) = (" +
                                    std::to_string(in.batch) + ", " + std::to_string(in.sourceTime) + ", " +
                                    std::to_string(in.decoderTime) + ")");
    if (maxTokens > 0 && std::max(in.sourceTime, in.decoderTime) > maxTokens)
        throw std::invalid_argument(std::string(who) + ": " + std::to_string(std::max(in.sourceTime, in.decoderTime)) +
                                    " tokens exceed the position table (max_seq = " + std::to_string(maxTokens) + ")");
    for (const auto *ids : {&in.source, &in.decoder})
        for (const std::int32_t id : *ids)
            if (id < 0 || id >= vocab)
                throw std::invalid_argument(std::string(who) + ": token id " + std::to_string(id) + " outside [0, " +
                                            std::to_string(vocab) + ")");
}

} // namespace lm
