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
