// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakearxivserver.h"
#include "fakellmserver.h"

#include "settings/appsettings.h"
#include "settings/memorysecretstore.h"
#include "storage/database.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTimeZone>

#include <memory>

class DailyController;

// What a daily run needs, all real and local: a temporary SQLite file and settings file, FakeArxivServer
// serving the real 2026-09-24 RSS fixture (4 papers), FakeLlmServer (OpenAI format) expecting the key
// kept in a MemorySecretStore, and a fake clock (Berlin, before that day's 06:30 run). XDG_CONFIG_HOME
// points into the temporary folder (the autostart entry lands there).
struct DailyFixture
{
    static constexpr const char *kApiKey = "sk-from-keychain";
    static QDate feedDay() { return QDate(2026, 9, 24); }
    static QTimeZone zone() { return QTimeZone(QByteArrayLiteral("Europe/Berlin")); }

    DailyFixture();
    ~DailyFixture();
    bool isValid() const { return m_valid; }

    // A controller on the fixture's clock and zone.
    std::unique_ptr<DailyController> makeController();
    // The feed day before has run: the schedule waits for feedDay() 06:30 Berlin.
    void setLastDoneDay(const QDate &day);
    // Every paper gets relevance 9, novelty 9 (all relevant).
    void judgeAllRelevant();

    QTemporaryDir dir;
    FakeArxivServer arxiv;
    FakeLlmServer llm;
    std::unique_ptr<QSettings> ini;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<Database> db;
    MemorySecretStore secrets;
    QDateTime now;

private:
    bool m_valid = false;
};
