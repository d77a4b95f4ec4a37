#include "window/autosave.h"

#include "io/checkpoint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace {
const QString kSessionTraining = QStringLiteral("session/training"); // true while a training may be unsaved
} // namespace

namespace Autosave {

QString path()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/autosave.safetensors");
}

bool interrupted() { return QSettings().value(kSessionTraining, false).toBool() && QFileInfo::exists(path()); }

int savedStep()
{
    auto loaded = lm::loadCheckpoint(QFile::encodeName(path()).toStdString());
    return loaded ? loaded.value().training.value("steps", 0) : 0;
}

// A temporary QSettings syncs when it goes, so the mark survives a crash right after.
void markTraining(bool on) { QSettings().setValue(kSessionTraining, on); }

void discard()
{
    markTraining(false);
    QFile::remove(path());
}

} // namespace Autosave
