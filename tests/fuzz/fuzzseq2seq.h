#pragma once
// Used by the Hugging Face folder targets: a loaded encoder–decoder is run the way `lmscope-cli
// forward --text T --decoder-ids …` runs it — a short text through the folder's tokenizer (at most
// 8 ids) as the source, the start token and the source's first id as the decoder input.
// std::invalid_argument (a text the tokenizer rejects, ids the model rejects) is a fine outcome.
#include "core/tape.h"
#include "io/checkpoint.h"
#include "models/seq2seqmodel.h"

#include <algorithm>
#include <stdexcept>

namespace fuzz {

inline void useIfSeq2Seq(lm::Checkpoint &c)
{
    auto *model = dynamic_cast<lm::Seq2SeqModel *>(c.model.get());
    if (!model)
        return;
    try {
        std::vector<std::int32_t> ids = c.tokenizer->encode("The cat sat on the mat. 國王很老。");
        ids.resize(std::min<std::size_t>(ids.size(), 8));
        if (ids.empty())
            return;
        for (std::int32_t id : ids)
            if (id < 0 || id >= model->vocabSize())
                __builtin_trap(); // the loader checked the tokenizer against vocab_size
        lm::Seq2SeqInput in;
        in.source = ids;
        in.sourceTime = static_cast<int>(ids.size());
        in.decoder = {model->decoderStart(), ids.front()};
        in.decoderTime = 2;
        lm::Trace trace;
        const lm::Tensor logits = model->forward(in, &trace);
        if (logits.shape() != lm::Shape{1, 2, model->vocabSize()})
            __builtin_trap();
    } catch (const std::invalid_argument &) {
    }
}

} // namespace fuzz
