#pragma once
// A model's Trace travels between threads as a shared, read-only value; every header whose
// signals or slots carry one includes this first, so Qt's meta-type is declared once.
#include "inspect/trace.h"

#include <QMetaType>

#include <memory>

Q_DECLARE_METATYPE(std::shared_ptr<const lm::Trace>)
