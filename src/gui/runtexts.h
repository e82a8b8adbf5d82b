// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/runfailure.h"
#include "domain/runstage.h"

#include <QCoreApplication>
#include <QString>

// The window's and the tray's words for a run's stages and failures: made here, where they are shown,
// from the core's values (never by reading the core's message text), so they work in every language.
class RunTexts final
{
    Q_DECLARE_TR_FUNCTIONS(RunTexts)

public:
    static QString stage(RunStage stage);
    // What the reader can do about it; `canRetry`: a Retry button is offered beside it.
    static QString advice(RunFailureKind kind);
    // Whether pressing Retry can help with this failure (a rejected key or a bad setting needs a change first).
    static bool retryHelps(RunFailureKind kind);
};
