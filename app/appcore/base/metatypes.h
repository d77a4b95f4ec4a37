#pragma once
// The engine values that travel between threads in signals: a model's Trace (as a shared,
// read-only value) and the trainer's StepReport. Every header whose signals or slots carry one
// includes this first, so each Qt meta-type is declared once, before any use.
#include "core/trace.h"
#include "train/trainer.h"

#include <QMetaType>

#include <memory>

Q_DECLARE_METATYPE(std::shared_ptr<const lm::Trace>)
Q_DECLARE_METATYPE(lm::StepReport)
