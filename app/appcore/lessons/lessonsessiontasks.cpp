// LessonSession's encoder and encoder–decoder actions and checks: each runs a tab's own worker
// through lessons/lessontasks.h and keeps the record for the checks and the presenter.
#include "lessons/lessonsession.h"
#include "lessons/lessonverdict.h"
#include "lessons/lessontasks.h"

namespace {

using namespace lessonverdict;

using nlohmann::json;

CheckOutcome missing(const char *zh, const char *en) { return {false, {zh, en}}; }

} // namespace

bool LessonSession::actOnTask(const LessonAction &action)
{
    const json &a = action.args;
    const std::string &kind = action.kind;
    const auto lastEncoder = [this]() -> EncoderHandle {
        return m_results.pretrainings.empty() ? EncoderHandle{} : m_results.pretrainings.back()->result.encoder;
    };
    if (kind == "pretrain") {
        m_results.pretrainings.push_back(runPretrainAction(a, m_cancel));
        m_selection.view = "encoders";
    } else if (kind == "finetune") {
        m_results.finetuning = runFinetuneAction(a, lastEncoder(), m_cancel);
        m_selection.view = "encoders";
    } else if (kind == "contextual") {
        std::vector<float> staticVector;
        if (m_vectors) {
            const lm::WordVectors &v = m_vectors->vectors;
            if (const std::int32_t id = v.find(a["word"].get<std::string>()); id >= 0)
                staticVector.assign(v.row(id), v.row(id) + v.dim);
        }
        m_results.contextual = runContextualAction(a, lastEncoder(), staticVector);
        m_selection.view = "vectors";
    } else if (kind == "retrieve") {
        m_results.retrieval = runRetrieveAction(a, m_cancel);
        m_selection.view = "retrieval";
    } else if (kind == "translate") {
        m_results.translation = runTranslateAction(a, m_cancel);
        m_selection.view = "translation";
    } else if (kind == "corrupt") {
        m_results.corruption = runCorruptAction(a);
        m_selection.view = "translation";
    } else if (kind == "zoo") {
        m_results.zoo = runZooAction(a, m_cancel);
        m_selection.view = "compare";
    } else {
        return false;
    }
    return true;
}

std::optional<CheckOutcome> LessonSession::checkTask(const LessonCheck &c)
{
    const json &a = c.args;
    const std::string &kind = c.kind;
    const auto &runs = m_results.pretrainings;
    // The last pre-training with `pair`, or of family `arch`.
    const auto lastWith = [&](auto keep) -> const LessonPretraining * {
        for (auto it = runs.rbegin(); it != runs.rend(); ++it)
            if (keep(**it))
                return it->get();
        return nullptr;
    };
    const auto withPair = [&](const std::string &name) {
        const PairObjective pair = name == "nsp" ? PairObjective::NextSentence : PairObjective::SentenceOrder;
        return lastWith([pair](const LessonPretraining &p) { return p.request.pair == pair; });
    };
    if (kind == "masked_words_learnt") {
        if (runs.empty())
            return missing("還沒有預訓練編碼器", "no encoder has been pre-trained yet");
        return judgeMaskedWordsLearnt(*runs.back(), valueOr(a, "min_gain", 0.05));
    }
    if (kind == "topic_solves_nsp" || kind == "sop_head_reads_order") {
        const LessonPretraining *nsp = withPair("nsp"), *sop = withPair("sop");
        if (!nsp || !sop)
            return missing("要先用 NSP 和 SOP 各預訓練一次", "needs one pre-training with NSP and one with SOP");
        if (kind == "topic_solves_nsp")
            return judgeTopicSolvesNsp(*nsp, *sop, valueOr(a, "margin", 0.15));
        return judgeSopHeadReadsOrder(*sop, *nsp, valueOr(a, "margin", 0.05));
    }
    if (kind == "fewer_parameters") {
        const QString smaller = QString::fromStdString(a["arch"].get<std::string>());
        const QString larger = QString::fromStdString(a["than"].get<std::string>());
        const LessonPretraining *s = lastWith([&](const LessonPretraining &p) { return p.request.arch == smaller; });
        const LessonPretraining *l = lastWith([&](const LessonPretraining &p) { return p.request.arch == larger; });
        if (!s || !l)
            return missing("要先預訓練這兩個家族", "both families must be pre-trained first");
        return judgeFewerParameters(*s, *l, valueOr(a, "max_share", 1.0));
    }
    if (kind == "pretrained_beats_scratch") {
        if (!m_results.finetuning)
            return missing("還沒有微調", "nothing has been fine-tuned yet");
        return judgePretrainedBeatsScratch(*m_results.finetuning, valueOr(a, "margin", 0.0), valueOr(a, "min", 0.0));
    }
    if (kind == "contextual_differs") {
        if (!m_results.contextual)
            return missing("還沒有算語境向量", "no contextual vectors have been computed yet");
        return judgeContextualDiffers(*m_results.contextual, valueOr(a, "max_cosine", 0.99));
    }
    if (kind == "retrieval_beats") {
        if (!m_results.retrieval)
            return missing("還沒有建立檢索", "no retrieval has been built yet");
        return judgeRetrieval(*m_results.retrieval, QString::fromStdString(a["better"].get<std::string>()),
                              QString::fromStdString(a["worse"].get<std::string>()), valueOr(a, "k", 5));
    }
    if (kind == "translation_pretraining_helps" || kind == "beam_at_least_greedy" || kind == "cross_attention_aligns") {
        if (!m_results.translation)
            return missing("還沒有訓練編碼器–解碼器", "no encoder–decoder has been trained yet");
        if (kind == "translation_pretraining_helps")
            return judgeTranslationPretraining(*m_results.translation, valueOr(a, "margin", 0.0));
        if (kind == "beam_at_least_greedy")
            return judgeBeamAtLeastGreedy(*m_results.translation);
        return judgeCrossAttentionAligns(*m_results.translation, valueOr(a, "factor", 1.5));
    }
    if (kind == "corruption_kinds") {
        if (!m_results.corruption)
            return missing("還沒有破壞過文字", "no text has been corrupted yet");
        return judgeCorruptionKinds(*m_results.corruption);
    }
    if (kind == "zoo_generation_memory") {
        if (!m_results.zoo)
            return missing("還沒有並排比較", "no families have been compared yet");
        QStringList flat;
        for (const json &f : a["flat"])
            flat << QString::fromStdString(f.get<std::string>());
        return judgeGenerationMemory(*m_results.zoo, flat, QString::fromStdString(a["growing"].get<std::string>()));
    }
    return std::nullopt;
}
