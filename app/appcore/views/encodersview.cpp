#include "views/encodersview.h"

#include "views/finetunepage.h"
#include "views/pretrainpage.h"

#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

EncodersView::EncodersView(QWidget *parent)
    : QWidget(parent), m_pages(new QTabWidget(this)), m_pretrain(new PretrainPage(m_pages)),
      m_finetune(new FinetunePage(m_pages))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_pretrain, tr("Pre-training"));
    m_pages->addTab(m_finetune, tr("Fine-tuning"));
    layout->addWidget(m_pages);
    connect(m_pretrain, &PretrainPage::encoderChosen, this, [this](const EncoderHandle &encoder) {
        m_finetune->setBaseEncoder(encoder);
        showFinetuning();
    });
    connect(m_pretrain, &PretrainPage::encoderReady, this, [this](const EncoderHandle &encoder) {
        if (!m_finetune->baseEncoder().valid())
            m_finetune->setBaseEncoder(encoder);
    });
    connect(m_finetune, &FinetunePage::taskPretrainingRequested, this,
            [this](const QString &language) { pretrainForTask(language); });
}

PretrainRequest EncodersView::taskPretraining(PretrainRequest base, const QString &language, int steps)
{
    base.corpusSpec = QStringLiteral("builtin:sentences_") + language;
    base.pair = PairObjective::None;
    base.train.steps = steps;
    base.train.seq = 32;
    base.train.batch = 64;
    base.train.lr = 1e-3f;
    base.options["dim"] = 128;
    base.options["layers"] = 4;
    base.options["heads"] = 4;
    base.options["dropout"] = 0.1;
    return base;
}

FinetuneRequest EncodersView::taskFinetuning(FinetuneRequest base)
{
    base.train.steps = 600;
    base.train.lr = 5e-4f;
    return base;
}

void EncodersView::pretrainForTask(const QString &language, int steps)
{
    if (m_pretrain->isTraining())
        return;
    m_pretrain->setRequest(taskPretraining(m_pretrain->request(), language, steps));
    showPretraining();
    auto *once = new QObject(this);
    connect(m_pretrain, &PretrainPage::trainingFinished, once, [this, once](bool ok) {
        once->deleteLater();
        if (ok) {
            m_finetune->setRequest(taskFinetuning(m_finetune->request()));
            m_pretrain->useForFinetuning();
        }
    });
    m_pretrain->startTraining();
}

void EncodersView::bringForward()
{
    // A tab page sits in the QStackedWidget inside its QTabWidget.
    auto *stack = qobject_cast<QStackedWidget *>(parentWidget());
    if (auto *tabs = stack ? qobject_cast<QTabWidget *>(stack->parentWidget()) : nullptr)
        tabs->setCurrentWidget(this);
}

void EncodersView::showPretraining()
{
    bringForward();
    m_pages->setCurrentWidget(m_pretrain);
}

void EncodersView::showFinetuning()
{
    bringForward();
    m_pages->setCurrentWidget(m_finetune);
}
