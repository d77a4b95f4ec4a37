#include "train/objectives/sequences.h"

#include <algorithm>

namespace lm {

namespace {

// Appends rows padded to the longest one: inputs with `pad`, the mask with 0, and (when given)
// per-token targets and token types with kIgnore and 0.
struct RowPacker {
    std::vector<TokenSequence> inputs, targets, types;

    void fill(TokenBatch &b, std::int32_t pad) const
    {
        std::size_t T = 0;
        for (const auto &r : inputs)
            T = std::max(T, r.size());
        b.batch = static_cast<int>(inputs.size());
        b.time = static_cast<int>(T);
        for (std::size_t r = 0; r < inputs.size(); ++r) {
            const std::size_t n = inputs[r].size();
            b.inputs.insert(b.inputs.end(), inputs[r].begin(), inputs[r].end());
            b.inputs.insert(b.inputs.end(), T - n, pad);
            b.paddingMask.insert(b.paddingMask.end(), n, 1);
            b.paddingMask.insert(b.paddingMask.end(), T - n, 0);
            if (!types.empty()) {
                b.tokenTypes.insert(b.tokenTypes.end(), types[r].begin(), types[r].end());
                b.tokenTypes.insert(b.tokenTypes.end(), T - n, 0);
            }
        }
    }
};

TokenSequence cut(const TokenSequence &s, std::size_t n) { return TokenSequence(s.begin(), s.begin() + std::min(n, s.size())); }

} // namespace

Result<SentencePairObjective> SentencePairObjective::create(std::vector<std::vector<TokenSequence>> documents, Task task,
                                                            int seq, SpecialTokens special)
{
    if (seq < 5)
        return makeError("a sentence pair needs a window of at least 5 tokens");
    SentencePairObjective o;
    for (std::size_t d = 0; d < documents.size(); ++d)
        for (std::size_t s = 0; s < documents[d].size(); ++s) {
            if (documents[d][s].empty())
                return makeError("segment " + std::to_string(s + 1) + " of document " + std::to_string(d + 1) + " is empty");
            if (s + 1 < documents[d].size())
                o.m_pairs.emplace_back(d, s);
        }
    if (o.m_pairs.empty())
        return makeError("no document has two consecutive segments");
    if (task == Task::NextSentence && documents.size() < 2)
        return makeError("next-sentence prediction needs at least two documents to draw a random sentence from");
    o.m_documents = std::move(documents);
    o.m_task = task;
    o.m_seq = seq;
    o.m_special = special;
    return o;
}

TokenBatch SentencePairObjective::next(Rng &rng, int batch)
{
    RowPacker rows;
    TokenBatch b;
    for (int r = 0; r < batch; ++r) {
        const auto [d, s] = m_pairs[rng.below(m_pairs.size())];
        const std::vector<TokenSequence> &doc = m_documents[d];
        const std::size_t room = static_cast<std::size_t>(m_seq) - 3;
        // A: sentence s, with the sentences before it while A fills at most half the row.
        TokenSequence a = doc[s];
        for (std::size_t first = s; first > 0 && a.size() + doc[first - 1].size() <= room / 2; --first)
            a.insert(a.begin(), doc[first - 1].begin(), doc[first - 1].end());
        // B: from sentence s + 1 on (or, a flipped NSP pair, from a random sentence of another
        // document), with the sentences after it while B too fills at most half the row. The same
        // bound on both sides: were B allowed the rest of the row, a swapped pair would show
        // itself by its long first segment, and SOP could be solved by counting token types.
        const bool flipped = rng.uniform() < 0.5f;
        const std::vector<TokenSequence> *source = &doc;
        std::size_t from = s + 1;
        if (flipped && m_task == Task::NextSentence) {
            std::size_t other = rng.below(m_documents.size() - 1);
            other += other >= d ? 1 : 0;
            source = &m_documents[other];
            from = rng.below(source->size());
        }
        TokenSequence second = (*source)[from];
        for (std::size_t k = from + 1; k < source->size() && second.size() + (*source)[k].size() <= room / 2; ++k)
            second.insert(second.end(), (*source)[k].begin(), (*source)[k].end());
        if (flipped && m_task == Task::SentenceOrder)
            std::swap(a, second);
        // Cut the longer segment first until "[CLS] A [SEP] B [SEP]" fits T.
        while (a.size() + second.size() > room)
            (a.size() >= second.size() ? a : second).pop_back();
        TokenSequence in{m_special.cls}, types{0};
        in.insert(in.end(), a.begin(), a.end());
        in.push_back(m_special.sep);
        types.insert(types.end(), a.size() + 1, 0);
        in.insert(in.end(), second.begin(), second.end());
        in.push_back(m_special.sep);
        types.insert(types.end(), second.size() + 1, 1);
        rows.inputs.push_back(std::move(in));
        rows.types.push_back(std::move(types));
        b.labels.push_back(flipped ? 1 : 0);
    }
    rows.fill(b, m_special.pad);
    return b;
}

Result<SequenceClassificationObjective> SequenceClassificationObjective::create(std::vector<LabelledSequence> examples,
                                                                                int classes, int seq, SpecialTokens special)
{
    if (seq < 3)
        return makeError("a classified sequence needs a window of at least 3 tokens");
    if (examples.empty())
        return makeError("there is no labelled example");
    for (std::size_t i = 0; i < examples.size(); ++i) {
        if (examples[i].tokens.empty())
            return makeError("example " + std::to_string(i + 1) + " is empty");
        if (examples[i].label < 0 || examples[i].label >= classes)
            return makeError("example " + std::to_string(i + 1) + " has label " + std::to_string(examples[i].label) +
                             ", outside 0.." + std::to_string(classes - 1));
    }
    SequenceClassificationObjective o;
    o.m_examples = std::move(examples);
    o.m_classes = classes;
    o.m_seq = seq;
    o.m_special = special;
    return o;
}

TokenBatch SequenceClassificationObjective::next(Rng &rng, int batch)
{
    RowPacker rows;
    TokenBatch b;
    for (int r = 0; r < batch; ++r) {
        const LabelledSequence &e = m_examples[rng.below(m_examples.size())];
        TokenSequence in{m_special.cls};
        const TokenSequence body = cut(e.tokens, static_cast<std::size_t>(m_seq) - 2);
        in.insert(in.end(), body.begin(), body.end());
        in.push_back(m_special.sep);
        rows.inputs.push_back(std::move(in));
        b.labels.push_back(e.label);
    }
    rows.fill(b, m_special.pad);
    return b;
}

TokenBatch packSequencePairs(const std::vector<SequencePair> &rows, int seq, SpecialTokens special,
                             std::optional<std::int32_t> begin)
{
    RowPacker encoder;
    std::vector<TokenSequence> decoderIn, decoderOut;
    std::size_t Td = 0;
    const std::size_t room = static_cast<std::size_t>(seq) - (begin ? 2 : 1);
    for (const SequencePair &p : rows) {
        TokenSequence src;
        if (begin)
            src.push_back(*begin);
        const TokenSequence body = cut(p.source, room);
        src.insert(src.end(), body.begin(), body.end());
        src.push_back(special.sep);
        encoder.inputs.push_back(std::move(src));
        TokenSequence target;
        if (begin)
            target.push_back(*begin);
        const TokenSequence said = cut(p.target, room);
        target.insert(target.end(), said.begin(), said.end());
        TokenSequence in{special.cls}, out = target;
        in.insert(in.end(), target.begin(), target.end()); // [start] (begin) y1 … yn
        out.push_back(special.sep);                        // (begin) y1 … yn [end]
        Td = std::max(Td, in.size());
        decoderIn.push_back(std::move(in));
        decoderOut.push_back(std::move(out));
    }
    TokenBatch b;
    encoder.fill(b, special.pad);
    b.decoderTime = static_cast<int>(Td);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::size_t n = decoderIn[r].size();
        b.decoderInputs.insert(b.decoderInputs.end(), decoderIn[r].begin(), decoderIn[r].end());
        b.decoderInputs.insert(b.decoderInputs.end(), Td - n, special.pad);
        b.targets.insert(b.targets.end(), decoderOut[r].begin(), decoderOut[r].end());
        b.targets.insert(b.targets.end(), Td - n, TokenBatch::kIgnore);
    }
    return b;
}

Result<SequenceToSequenceObjective> SequenceToSequenceObjective::create(std::vector<SequencePair> pairs, int seq,
                                                                        SpecialTokens special,
                                                                        std::optional<std::int32_t> begin)
{
    if (seq < (begin ? 3 : 2))
        return makeError("a sequence-to-sequence window must hold at least " + std::to_string(begin ? 3 : 2) + " tokens");
    if (pairs.empty())
        return makeError("there is no source–target pair");
    for (std::size_t i = 0; i < pairs.size(); ++i)
        if (pairs[i].source.empty() || pairs[i].target.empty())
            return makeError("pair " + std::to_string(i + 1) + " has an empty source or target");
    SequenceToSequenceObjective o;
    o.m_pairs = std::move(pairs);
    o.m_seq = seq;
    o.m_special = special;
    o.m_begin = begin;
    return o;
}

TokenBatch SequenceToSequenceObjective::next(Rng &rng, int batch)
{
    std::vector<SequencePair> rows;
    for (int r = 0; r < batch; ++r)
        rows.push_back(m_pairs[rng.below(m_pairs.size())]);
    return packSequencePairs(rows, m_seq, m_special, m_begin);
}

} // namespace lm
