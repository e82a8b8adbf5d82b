// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

enum class RunStatus { Running, Finished, Failed, Cancelled, BudgetReached };

struct Run
{
    qint64 id = 0;
    QDate day;
    QDateTime started;
    QDateTime finished;
    RunStatus status = RunStatus::Running;
    QString message;
    QString settingsJson; // snapshot of the settings the run used
    qint64 criteriaId = 0;
    QString model;
    int announced = 0;
    int scanned = 0;
    int relevant = 0;
};
