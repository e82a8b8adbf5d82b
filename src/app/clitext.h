// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/runstage.h"

#include <QCoreApplication>
#include <QString>

// The headless commands' words for core values (progress lines on stderr).
class CliText final
{
    Q_DECLARE_TR_FUNCTIONS(CliText)

public:
    static QString stage(RunStage stage);
};
