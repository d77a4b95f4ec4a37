#include "base/application.h"

#include "models/architecture.h"

#include <QColor>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QStringList>
#include <QTranslator>

namespace {
// The translators applyLanguage installed last, removed when the language changes again.
QPointer<QTranslator> g_ours, g_qt;
QString g_language = QStringLiteral("en");
} // namespace

void initApplication(QCoreApplication &app, const QString &language)
{
    QCoreApplication::setOrganizationName(QStringLiteral("LMScope"));
    QCoreApplication::setApplicationName(QStringLiteral("LMScope"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QString lang = language;
    if (lang.isEmpty())
        lang = QSettings().value(QStringLiteral("ui/language")).toString();
    if (lang.isEmpty())
        lang = QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_TW") : QStringLiteral("en");
    applyLanguage(app, lang);
}

void applyLanguage(QCoreApplication &app, const QString &language)
{
    for (QPointer<QTranslator> *t : {&g_ours, &g_qt})
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete t->data();
        }
    if (language != QStringLiteral("zh_TW")) {
        g_language = QStringLiteral("en");
        QLocale::setDefault(QLocale::system().language() == QLocale::Chinese ? QLocale(QLocale::English) : QLocale::system());
        return;
    }
    g_language = language;
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::TraditionalHanScript, QLocale::Taiwan));
    g_ours = new QTranslator(&app);
    if (g_ours->load(QStringLiteral(":/i18n/lmscope_zh_TW.qm")))
        QCoreApplication::installTranslator(g_ours);
    g_qt = new QTranslator(&app); // Qt's own dialogs and buttons
    if (g_qt->load(QStringLiteral("qtbase_zh_TW"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(g_qt);
}

QString currentLanguage() { return g_language; }

QString familiesFeeding(lm::View view)
{
    QStringList names;
    for (const lm::Architecture *a : lm::architectures())
        if (a->feeds(view))
            names << QString::fromStdString(a->displayName.in(g_language.toStdString()));
    return QLocale().createSeparatedList(names);
}

QString familyDisplayName(const std::string &arch)
{
    const lm::Architecture *family = lm::findArchitecture(arch);
    return family ? QString::fromStdString(family->displayName.in(currentLanguage().toStdString())) : QString::fromStdString(arch);
}

QColor familyColour(const std::string &arch)
{
    const lm::Architecture *family = lm::findArchitecture(arch);
    return family ? QColor(QRgb(family->colour)) : QColor();
}
