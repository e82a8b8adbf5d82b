// SPDX-License-Identifier: GPL-3.0-or-later
#include "runstatuswidget.h"

#include "runtexts.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

RunStatusWidget::RunStatusWidget(QStatusBar *bar)
    : QWidget(bar)
    , m_stage(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
    , m_nextRun(new QLabel(bar))
{
    setObjectName(QStringLiteral("runStatus"));
    m_nextRun->setObjectName(QStringLiteral("nextRunLabel"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stage);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    m_stage->setTextFormat(Qt::PlainText); // run errors and stage text may carry feed or provider text
    m_nextRun->setTextFormat(Qt::PlainText);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the run; what was already scored is kept"));
    connect(m_cancel, &QToolButton::clicked, this, &RunStatusWidget::cancelRequested);
    bar->addWidget(this);
    bar->addPermanentWidget(m_nextRun);
    hide();
}

void RunStatusWidget::runStarted()
{
    m_running = true;
    m_stage->setText(tr("Starting…"));
    m_progress->setRange(0, 0);
    show();
    updateNextRun();
}

void RunStatusWidget::progress(RunStage stage, int done, int total)
{
    m_stage->setText(total > 0 ? tr("%1 %2/%3").arg(RunTexts::stage(stage)).arg(done).arg(total) : RunTexts::stage(stage));
    if (total > 0) {
        m_progress->setRange(0, total);
        m_progress->setValue(std::min(done, total));
    } else {
        m_progress->setRange(0, 0);
    }
}

void RunStatusWidget::runFinished()
{
    m_running = false;
    hide();
    updateNextRun();
}

void RunStatusWidget::setNextRun(const QDateTime &at)
{
    m_nextRunAt = at;
    m_fixedText.clear();
    updateNextRun();
}

void RunStatusWidget::setNextRunText(const QString &text)
{
    m_fixedText = text;
    updateNextRun();
}

void RunStatusWidget::updateNextRun()
{
    if (!m_fixedText.isEmpty())
        m_nextRun->setText(m_fixedText);
    else if (m_running)
        m_nextRun->setText(tr("Running…")); // the schedule has no next run while one is on: not "paused"
    else
        m_nextRun->setText(m_nextRunAt.isValid()
                               ? tr("Next run: %1").arg(QLocale().toString(m_nextRunAt.toLocalTime(), QLocale::ShortFormat))
                               : tr("Daily run paused"));
}
