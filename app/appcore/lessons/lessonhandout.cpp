#include "lessons/lessonhandout.h"

#include <QFile>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlockFormat>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextImageFormat>
#include <QTextList>
#include <QUrl>

namespace {

// The handout's own words, in both languages (its content comes from the lesson).
QString say(bool chinese, const char *zh, const char *en) { return chinese ? QString::fromUtf8(zh) : QString::fromUtf8(en); }

} // namespace

QString writeLessonHandout(const Lesson &lesson, bool chinese, const std::map<int, HandoutFigure> &figures,
                           const QString &path)
{
    const auto t = [chinese](const LessonText &text) { return QString::fromStdString(text.in(chinese)); };
    QTextDocument doc;
    // An A4 page at 96 dots per inch; print() scales it onto the writer's page.
    constexpr qreal kPageWidth = 794, kPageHeight = 1123, kFigureWidth = 680;
    doc.setPageSize(QSizeF(kPageWidth, kPageHeight));
    doc.setDocumentMargin(48);
    QFont font = doc.defaultFont();
    font.setFamilies(chinese ? QStringList{QStringLiteral("Noto Sans CJK TC"), QStringLiteral("Noto Sans")}
                             : QStringList{QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")});
    doc.setDefaultFont(font);
    QTextCursor cursor(&doc);
    // Each piece starts in a plain block: not inside the list the piece before may end with.
    const auto plainBlock = [&] {
        cursor.movePosition(QTextCursor::End);
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        if (QTextList *list = cursor.currentList())
            list->remove(cursor.block());
        cursor.setBlockFormat(QTextBlockFormat());
    };
    const auto markdown = [&](const QString &text) {
        cursor.insertMarkdown(text, QTextDocument::MarkdownDialectGitHub);
        plainBlock();
    };
    markdown(QStringLiteral("# ") + t(lesson.title) + QStringLiteral("\n\n*") + t(lesson.summary) + QStringLiteral("*"));

    std::vector<int> asked;
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
        const LessonStep &step = lesson.steps[i];
        const int n = static_cast<int>(i) + 1;
        markdown(QStringLiteral("## %1. ").arg(n) + t(step.title) + QStringLiteral("\n\n") + t(step.text));
        if (const auto f = figures.find(static_cast<int>(i)); f != figures.end()) {
            if (!f->second.image.isNull()) {
                const QUrl name(QStringLiteral("figure-%1.png").arg(n));
                doc.addResource(QTextDocument::ImageResource, name, f->second.image);
                QTextImageFormat image;
                image.setName(name.toString());
                const qreal width = std::min<qreal>(kFigureWidth, f->second.image.width());
                image.setWidth(width);
                image.setHeight(width * f->second.image.height() / std::max(1, f->second.image.width()));
                cursor.insertImage(image);
                plainBlock();
            }
            QString lines = say(chinese, "*在這台電腦上做這一步時，檢查的結果：*\n\n", "*What the checks found when this step ran here:*\n\n");
            for (const QString &line : f->second.checks)
                lines += QStringLiteral("- ") + line + QLatin1Char('\n');
            if (!f->second.checks.isEmpty())
                markdown(lines);
        } else if (!step.checks.empty()) {
            markdown(say(chinese, "*（這一步還沒在這台電腦上做過，所以沒有圖。）*",
                         "*(This step has not been run on this machine yet, so there is no figure.)*"));
        }
        if (step.hasQuestion) {
            asked.push_back(static_cast<int>(i));
            QString q = QStringLiteral("**") + say(chinese, "問題：", "Question: ") + t(step.question.prompt) +
                        QStringLiteral("**\n\n");
            for (std::size_t c = 0; c < step.question.choices.size(); ++c)
                q += QStringLiteral("%1. ").arg(QChar(u'A' + static_cast<char16_t>(c))) + t(step.question.choices[c]) +
                     QStringLiteral("\n\n");
            markdown(q);
        }
    }
    if (!asked.empty()) {
        QString answers = QStringLiteral("## ") + say(chinese, "答案", "Answers") + QStringLiteral("\n\n");
        for (int i : asked) {
            const LessonQuestion &q = lesson.steps[static_cast<std::size_t>(i)].question;
            answers += QStringLiteral("- ") + say(chinese, "第 %1 步：", "Step %1: ").arg(i + 1) +
                       QChar(u'A' + static_cast<char16_t>(q.answer)) + QStringLiteral(". ") + t(q.explanation) +
                       QLatin1Char('\n');
        }
        markdown(answers);
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return say(chinese, "無法寫入 %1：%2", "cannot write %1: %2").arg(path, file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(t(lesson.title));
        writer.setCreator(QStringLiteral("LMScope"));
        doc.print(&writer);
    }
    if (!file.commit())
        return say(chinese, "無法寫入 %1：%2", "cannot write %1: %2").arg(path, file.errorString());
    return {};
}
