#pragma once
// A lesson: steps of bilingual text, each with actions the app performs (choose a corpus and a
// model, train, trace a text, open a view, select a head …), checks on what those actions
// produced (the loss fell below a value, a head attends to the previous token, a memory slope
// lies in a range …) and an optional multiple-choice question. Lessons are JSON files in
// lessons/; lessons/README.md documents the schema, and loadLesson enforces it field by field.
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

// The same text in both interface languages. Light Markdown (emphasis, lists, code) is allowed;
// formulas are written in plain Unicode (softmax(QKᵀ/√d)·V).
struct LessonText {
    std::string zh; // "zh-TW"
    std::string en; // "en"
    const std::string &in(bool chinese) const { return chinese ? zh : en; }
};

// One thing a step does. `kind` is the JSON "do" field; `args` keeps the validated fields
// (each kind's fields and ranges are listed in lessons/README.md).
struct LessonAction {
    std::string kind; // corpus | model | train | generate | trace | embed | forecast | tag |
                      // gradients | memory | pretrain | finetune | contextual | retrieve |
                      // translate | corrupt | zoo | open | select | highlight
    nlohmann::json args;
};

// One observable claim about the state after the step's actions. `kind` is the JSON "expect"
// field.
struct LessonCheck {
    std::string kind; // loss_below | loss_fell | analogy | neighbor | previous_token_head |
                      // attention_is_causal | memory_slope | memory_prediction | forecast_beats_baseline |
                      // tagger_accuracy | gradient_reach | same_seed_same_text | greedy_is_argmax |
                      // greedy_repeats | temperature_raises_entropy | top_k_respected | gates_vary |
                      // sequential_steps | masked_words_learnt | topic_solves_nsp | sop_head_reads_order |
                      // fewer_parameters | pretrained_beats_scratch | contextual_differs |
                      // retrieval_beats | translation_pretraining_helps | beam_at_least_greedy |
                      // cross_attention_aligns | corruption_kinds | zoo_generation_memory
    nlohmann::json args;
};

struct LessonQuestion {
    LessonText prompt;
    std::vector<LessonText> choices; // 2..6
    int answer = 0;                  // index into choices
    LessonText explanation;
};

struct LessonStep {
    LessonText title;
    LessonText text;
    std::vector<LessonAction> actions;
    std::vector<LessonCheck> checks;
    bool hasQuestion = false;
    LessonQuestion question;
    std::vector<std::string> teaches; // ids of lessonIdeas() (lessons/lessonideas.h) this step shows live
};

struct Lesson {
    std::string id;   // file-name-like, e.g. "03-attention"
    LessonText title;
    LessonText summary;
    std::vector<LessonStep> steps; // at least one
};

// Parses and validates a lesson. Errors are one line naming where and what:
// "FILE: step 3, action 2 (train): 'steps' must be an integer from 1 to 20000".
lm::Result<Lesson> parseLesson(const std::string &json, const std::string &source);
// Reads FILE (at most 1 MB, UTF-8) and parses it; the error starts with the path.
lm::Result<Lesson> loadLesson(const std::string &path);

// The views a lesson can open (the main window's tabs): lm, vectors, recurrent, attention, memory,
// encoders, retrieval, translation, compare.
const std::vector<std::string> &lessonViews();

// The family options of a `model` action: every field but "do", "arch" and the run's own
// (tokenizer, seq, batch, lr, seed), by name, for the architecture table to check and apply.
nlohmann::json modelActionOptions(const nlohmann::json &action);
// The regions a `highlight` may name (lessons/README.md lists what each is).
const std::vector<std::string> &lessonRegions();
