// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// The settings a daily run used, stored with its runs row (runs.settings_json; never a secret), so the
// digest of an old run is rebuilt with that run's categories, announce types and cutoffs even after
// the user changed the settings. A plain value: pipeline/runconfig.h makes one from AppSettings.
struct RunSettings
{
    QStringList categories;
    QStringList announceTypes;
    QString provider;
    QString model;
    QString reasoningEffort;
    QString serviceTier = QStringLiteral("standard"); // flex | standard (runs recorded before tiers existed: standard)
    int relevanceCutoff = 8;
    int noveltyCutoff = 7;
    bool titleFilter = true;
    bool authorMatch = true;
    bool hIndexFilter = false;
    int hIndexCutoff = 10;
    double dailyBudgetUsd = 0;

    QString toJson() const;
    // Missing or broken fields keep their defaults (an old or hand-edited row still gives a digest).
    static RunSettings fromJson(const QString &json);

    friend bool operator==(const RunSettings &, const RunSettings &) = default;
};
