#pragma once
// Autosave and resume. While a model trains, the training worker rewrites a checkpoint at
// Autosave::path() every few seconds and at a pause (TrainingRequest::autosavePath); the settings
// carry a mark, "a training may be unsaved", from the start of a training until it finishes, is
// cancelled or the window closes cleanly. A start that finds both the mark and the checkpoint
// knows LMScope ended during training (a crash, a kill) and may continue from the checkpoint.
#include <QString>

namespace Autosave {

// The checkpoint in the app's data folder; the folder is created when missing.
QString path();
// True when the last session was training when it ended and its checkpoint exists.
bool interrupted();
// The step the checkpoint holds; 0 when it is missing or unreadable.
int savedStep();
// Sets (a training starts) or clears (it ended) the mark, written to the settings at once.
void markTraining(bool on);
// Clears the mark and removes the checkpoint.
void discard();

} // namespace Autosave
