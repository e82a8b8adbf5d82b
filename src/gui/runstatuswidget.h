// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/runstage.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;

// The status bar's run part: the stage and its count ("Scoring abstracts 120/866"), a progress bar and
// Cancel while a run is on; on the right, when the next run comes ("Running…" during a run).
class RunStatusWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunStatusWidget)

public:
    // Adds itself (left) and the next-run label (right, permanent) to the bar.
    explicit RunStatusWidget(QStatusBar *bar);

    QLabel *nextRunLabel() const { return m_nextRun; }
    bool isRunning() const { return m_running; }

public slots:
    void runStarted();
    void progress(RunStage stage, int done, int total);
    void runFinished();
    void setNextRun(const QDateTime &at);
    // The demo and a window without a controller never run.
    void setNextRunText(const QString &text);

signals:
    void cancelRequested();

private:
    void updateNextRun();

    QLabel *m_stage;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QLabel *m_nextRun;
    QDateTime m_nextRunAt;
    QString m_fixedText;
    bool m_running = false;
};
