// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/criteria.h"

#include <QDate>
#include <QDateTime>
#include <QSettings>
#include <QStringList>
#include <QTime>

// Typed access to every setting, with its key and default declared once here. Takes the QSettings
// it works on, so tests use an .ini in a QTemporaryDir and `--config FILE` picks another file.
// API keys are NOT settings: they live in the SecretStore (system keychain).
class AppSettings final
{
public:
    explicit AppSettings(QSettings &settings);

    QSettings &raw() { return m_settings; }

    // Ingest
    QStringList categories() const;                  // default cs.LG, cs.AI
    void setCategories(const QStringList &value);
    QStringList announceTypes() const;               // default new, cross
    void setAnnounceTypes(const QStringList &value);
    QString arxivRssUrl() const;                     // empty: the built-in default
    void setArxivRssUrl(const QString &value);
    QString arxivApiUrl() const;
    void setArxivApiUrl(const QString &value);
    int arxivRequestSpacingMs() const;               // default 3000 (arXiv's terms of use)
    void setArxivRequestSpacingMs(int value);
    int arxivApiBatchSize() const;                   // ids per API metadata request; default 200
    void setArxivApiBatchSize(int value);
    int arxivCatchUpPageSize() const;                // entries per API page when catching up; default 1000
    void setArxivCatchUpPageSize(int value);
    int arxivTimeoutMs() const;                      // no byte for this long ends an arXiv request; default 60000
    void setArxivTimeoutMs(int value);

    // Selection
    QString provider() const;                        // openai | openai-compatible | anthropic | gemini
    void setProvider(const QString &value);
    QString model() const;                           // default gpt-5
    void setModel(const QString &value);
    QString llmBaseUrl() const;                      // empty: the provider's default
    void setLlmBaseUrl(const QString &value);
    QString reasoningEffort() const;                 // minimal | low | medium | high; default low
    void setReasoningEffort(const QString &value);
    QString serviceTier() const;                     // flex | standard; default flex (used where the model offers it)
    void setServiceTier(const QString &value);
    int relevanceCutoff() const;                     // default 8
    void setRelevanceCutoff(int value);
    int noveltyCutoff() const;                       // default 7
    void setNoveltyCutoff(int value);
    int titleBatchSize() const;                      // 0: automatic
    void setTitleBatchSize(int value);
    int abstractBatchSize() const;                   // 0: automatic
    void setAbstractBatchSize(int value);
    int concurrency() const;                         // default 4
    void setConcurrency(int value);
    bool titleFilterEnabled() const;                 // default true
    void setTitleFilterEnabled(bool value);
    bool authorMatchEnabled() const;                 // default true
    void setAuthorMatchEnabled(bool value);
    QStringList followedAuthors() const;             // "Name" or "Name, S2ID" lines
    void setFollowedAuthors(const QStringList &value);
    bool hIndexFilterEnabled() const;                // default false
    void setHIndexFilterEnabled(bool value);
    int hIndexCutoff() const;                        // default 10
    void setHIndexCutoff(int value);
    QString s2ApiUrl() const;
    void setS2ApiUrl(const QString &value);
    static constexpr double kDefaultDailyBudgetUsd = 1.0;
    double dailyBudgetUsd() const;                   // 0: no budget; default kDefaultDailyBudgetUsd
    void setDailyBudgetUsd(double value);
    // The research interests as the user edited them; a field never edited is the default text.
    Criteria criteria() const;
    void setCriteria(const Criteria &value);          // a field equal to the default is stored as "unset"

    // Every day
    bool scheduleEnabled() const;                    // default true
    void setScheduleEnabled(bool value);
    QTime scheduleTime() const;                      // local time; invalid: automatic (after the announcement)
    void setScheduleTime(const QTime &value);
    bool startAtLogin() const;
    void setStartAtLogin(bool value);
    QStringList arxivHolidays() const;               // "YYYY-MM-DD" feed days without an announcement
    void setArxivHolidays(const QStringList &value);
    bool trayHintShown() const;                      // "PaperSieve keeps running in the tray" said once
    void setTrayHintShown(bool value);
    // Bookkeeping of the schedule (schedule/schedulestate.h), not shown in the settings dialog.
    QDate scheduleLastDoneDay() const;
    void setScheduleLastDoneDay(const QDate &value);
    QDate scheduleAttemptDay() const;
    void setScheduleAttemptDay(const QDate &value);
    int scheduleAttempts() const;
    void setScheduleAttempts(int value);
    QDateTime scheduleLastAttemptAt() const;
    void setScheduleLastAttemptAt(const QDateTime &value);
    QDateTime scheduleArmedSince() const;
    void setScheduleArmedSince(const QDateTime &value);

    static QStringList defaultCategories();
    static QStringList defaultAnnounceTypes();

private:
    QVariant get(const QString &key, const QVariant &fallback) const;
    void set(const QString &key, const QVariant &value);

    QSettings &m_settings;
};
