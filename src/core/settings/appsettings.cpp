// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include "domain/servicetier.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

AppSettings::AppSettings(QSettings &settings)
    : m_settings(settings)
{
}

QVariant AppSettings::get(const QString &key, const QVariant &fallback) const
{
    return m_settings.value(key, fallback);
}

void AppSettings::set(const QString &key, const QVariant &value)
{
    m_settings.setValue(key, value);
}

QStringList AppSettings::defaultCategories() { return {u"cs.LG"_s, u"cs.AI"_s}; }
QStringList AppSettings::defaultAnnounceTypes() { return {u"new"_s, u"cross"_s}; }

QStringList AppSettings::categories() const
{
    const QStringList v = get(u"ingest/categories"_s, defaultCategories()).toStringList();
    return v.isEmpty() ? defaultCategories() : v;
}
void AppSettings::setCategories(const QStringList &value) { set(u"ingest/categories"_s, value); }
QStringList AppSettings::announceTypes() const
{
    const QStringList v = get(u"ingest/announceTypes"_s, defaultAnnounceTypes()).toStringList();
    return v.isEmpty() ? defaultAnnounceTypes() : v;
}
void AppSettings::setAnnounceTypes(const QStringList &value) { set(u"ingest/announceTypes"_s, value); }
QString AppSettings::arxivRssUrl() const { return get(u"ingest/rssUrl"_s, QString()).toString(); }
void AppSettings::setArxivRssUrl(const QString &value) { set(u"ingest/rssUrl"_s, value); }
QString AppSettings::arxivApiUrl() const { return get(u"ingest/apiUrl"_s, QString()).toString(); }
void AppSettings::setArxivApiUrl(const QString &value) { set(u"ingest/apiUrl"_s, value); }
int AppSettings::arxivRequestSpacingMs() const
{
    // arXiv asks for one request every 3 s; a mirror or a test server may allow less.
    return std::max(0, get(u"ingest/requestSpacingMs"_s, 3000).toInt());
}
void AppSettings::setArxivRequestSpacingMs(int value) { set(u"ingest/requestSpacingMs"_s, value); }
// arXiv's API serves up to 2000 entries a request; larger batches mean fewer 3-second waits.
int AppSettings::arxivApiBatchSize() const { return std::clamp(get(u"ingest/apiBatchSize"_s, 200).toInt(), 1, 2000); }
void AppSettings::setArxivApiBatchSize(int value) { set(u"ingest/apiBatchSize"_s, value); }
int AppSettings::arxivCatchUpPageSize() const { return std::clamp(get(u"ingest/catchUpPageSize"_s, 1000).toInt(), 1, 2000); }
void AppSettings::setArxivCatchUpPageSize(int value) { set(u"ingest/catchUpPageSize"_s, value); }
int AppSettings::arxivTimeoutMs() const { return std::max(100, get(u"ingest/timeoutMs"_s, 60000).toInt()); }
void AppSettings::setArxivTimeoutMs(int value) { set(u"ingest/timeoutMs"_s, value); }

QString AppSettings::provider() const { return get(u"llm/provider"_s, u"openai"_s).toString(); }
void AppSettings::setProvider(const QString &value) { set(u"llm/provider"_s, value); }
QString AppSettings::model() const { return get(u"llm/model"_s, u"gpt-5"_s).toString(); }
void AppSettings::setModel(const QString &value) { set(u"llm/model"_s, value); }
QString AppSettings::llmBaseUrl() const { return get(u"llm/baseUrl"_s, QString()).toString(); }
void AppSettings::setLlmBaseUrl(const QString &value) { set(u"llm/baseUrl"_s, value); }
QString AppSettings::reasoningEffort() const { return get(u"llm/reasoningEffort"_s, u"low"_s).toString(); }
void AppSettings::setReasoningEffort(const QString &value) { set(u"llm/reasoningEffort"_s, value); }
// Flex by default: the daily digest is read in the morning, not watched while it runs, and half price
// is what a daily habit needs; a model or account without flex falls back to standard by itself.
QString AppSettings::serviceTier() const
{
    return ServiceTiers::name(ServiceTiers::fromName(get(u"llm/serviceTier"_s, u"flex"_s).toString()));
}
void AppSettings::setServiceTier(const QString &value) { set(u"llm/serviceTier"_s, value); }
int AppSettings::relevanceCutoff() const { return std::clamp(get(u"select/relevanceCutoff"_s, 8).toInt(), 1, 10); }
void AppSettings::setRelevanceCutoff(int value) { set(u"select/relevanceCutoff"_s, value); }
int AppSettings::noveltyCutoff() const { return std::clamp(get(u"select/noveltyCutoff"_s, 7).toInt(), 1, 10); }
void AppSettings::setNoveltyCutoff(int value) { set(u"select/noveltyCutoff"_s, value); }
int AppSettings::titleBatchSize() const { return std::max(0, get(u"select/titleBatchSize"_s, 0).toInt()); }
void AppSettings::setTitleBatchSize(int value) { set(u"select/titleBatchSize"_s, value); }
int AppSettings::abstractBatchSize() const { return std::max(0, get(u"select/abstractBatchSize"_s, 0).toInt()); }
void AppSettings::setAbstractBatchSize(int value) { set(u"select/abstractBatchSize"_s, value); }
int AppSettings::concurrency() const { return std::clamp(get(u"select/concurrency"_s, 4).toInt(), 1, 32); }
void AppSettings::setConcurrency(int value) { set(u"select/concurrency"_s, value); }
bool AppSettings::titleFilterEnabled() const { return get(u"select/titleFilter"_s, true).toBool(); }
void AppSettings::setTitleFilterEnabled(bool value) { set(u"select/titleFilter"_s, value); }
bool AppSettings::authorMatchEnabled() const { return get(u"select/authorMatch"_s, true).toBool(); }
void AppSettings::setAuthorMatchEnabled(bool value) { set(u"select/authorMatch"_s, value); }
QStringList AppSettings::followedAuthors() const { return get(u"select/followedAuthors"_s, QStringList()).toStringList(); }
void AppSettings::setFollowedAuthors(const QStringList &value) { set(u"select/followedAuthors"_s, value); }
bool AppSettings::hIndexFilterEnabled() const { return get(u"select/hIndexFilter"_s, false).toBool(); }
void AppSettings::setHIndexFilterEnabled(bool value) { set(u"select/hIndexFilter"_s, value); }
int AppSettings::hIndexCutoff() const { return std::max(0, get(u"select/hIndexCutoff"_s, 10).toInt()); }
void AppSettings::setHIndexCutoff(int value) { set(u"select/hIndexCutoff"_s, value); }
QString AppSettings::s2ApiUrl() const { return get(u"select/s2ApiUrl"_s, QString()).toString(); }
void AppSettings::setS2ApiUrl(const QString &value) { set(u"select/s2ApiUrl"_s, value); }
// A default ships (L17): a category typo or a broken mirror must not send thousands of papers unbounded.
// 0 (set by the user) means no budget.
double AppSettings::dailyBudgetUsd() const { return std::max(0.0, get(u"select/dailyBudgetUsd"_s, kDefaultDailyBudgetUsd).toDouble()); }
void AppSettings::setDailyBudgetUsd(double value) { set(u"select/dailyBudgetUsd"_s, value); }

bool AppSettings::scheduleEnabled() const { return get(u"daily/scheduleEnabled"_s, true).toBool(); }
void AppSettings::setScheduleEnabled(bool value) { set(u"daily/scheduleEnabled"_s, value); }
QTime AppSettings::scheduleTime() const
{
    return QTime::fromString(get(u"daily/scheduleTime"_s, QString()).toString(), u"HH:mm"_s);
}
void AppSettings::setScheduleTime(const QTime &value)
{
    set(u"daily/scheduleTime"_s, value.isValid() ? value.toString(u"HH:mm"_s) : QString());
}
bool AppSettings::startAtLogin() const { return get(u"daily/startAtLogin"_s, false).toBool(); }
void AppSettings::setStartAtLogin(bool value) { set(u"daily/startAtLogin"_s, value); }
QStringList AppSettings::arxivHolidays() const { return get(u"daily/arxivHolidays"_s, QStringList()).toStringList(); }
void AppSettings::setArxivHolidays(const QStringList &value) { set(u"daily/arxivHolidays"_s, value); }
bool AppSettings::trayHintShown() const { return get(u"daily/trayHintShown"_s, false).toBool(); }
void AppSettings::setTrayHintShown(bool value) { set(u"daily/trayHintShown"_s, value); }
// Dates and instants as ISO strings (UTC for instants) so the .ini stays readable and zone-independent.
QDate AppSettings::scheduleLastDoneDay() const
{
    return QDate::fromString(get(u"daily/state/lastDoneDay"_s, QString()).toString(), Qt::ISODate);
}
void AppSettings::setScheduleLastDoneDay(const QDate &value)
{
    set(u"daily/state/lastDoneDay"_s, value.isValid() ? value.toString(Qt::ISODate) : QString());
}
QDate AppSettings::scheduleAttemptDay() const
{
    return QDate::fromString(get(u"daily/state/attemptDay"_s, QString()).toString(), Qt::ISODate);
}
void AppSettings::setScheduleAttemptDay(const QDate &value)
{
    set(u"daily/state/attemptDay"_s, value.isValid() ? value.toString(Qt::ISODate) : QString());
}
int AppSettings::scheduleAttempts() const { return std::max(0, get(u"daily/state/attempts"_s, 0).toInt()); }
void AppSettings::setScheduleAttempts(int value) { set(u"daily/state/attempts"_s, value); }
QDateTime AppSettings::scheduleLastAttemptAt() const
{
    return QDateTime::fromString(get(u"daily/state/lastAttemptAt"_s, QString()).toString(), Qt::ISODateWithMs);
}
void AppSettings::setScheduleLastAttemptAt(const QDateTime &value)
{
    set(u"daily/state/lastAttemptAt"_s, value.isValid() ? value.toUTC().toString(Qt::ISODateWithMs) : QString());
}
QDateTime AppSettings::scheduleArmedSince() const
{
    return QDateTime::fromString(get(u"daily/state/armedSince"_s, QString()).toString(), Qt::ISODateWithMs);
}
void AppSettings::setScheduleArmedSince(const QDateTime &value)
{
    set(u"daily/state/armedSince"_s, value.isValid() ? value.toUTC().toString(Qt::ISODateWithMs) : QString());
}

namespace {
struct CriteriaField
{
    const char16_t *key;
    QString Criteria::*member;
};
constexpr CriteriaField kCriteriaFields[] = {
    {u"criteria/systemPrompt", &Criteria::systemPrompt},
    {u"criteria/topics", &Criteria::topics},
    {u"criteria/rubric", &Criteria::rubric},
    {u"criteria/titlePostfix", &Criteria::titlePostfix},
    {u"criteria/abstractPostfix", &Criteria::abstractPostfix},
};
} // namespace

Criteria AppSettings::criteria() const
{
    Criteria c = Criteria::defaults();
    for (const auto &field : kCriteriaFields) {
        const QString stored = m_settings.value(QString::fromUtf16(field.key)).toString();
        if (!stored.isEmpty())
            c.*field.member = stored;
    }
    return c;
}

void AppSettings::setCriteria(const Criteria &value)
{
    const Criteria defaults = Criteria::defaults();
    for (const auto &field : kCriteriaFields) {
        const QString key = QString::fromUtf16(field.key);
        // Keeping defaults unset means a later release's improved default reaches users who never edited it.
        if (value.*field.member == defaults.*field.member || (value.*field.member).trimmed().isEmpty())
            m_settings.remove(key);
        else
            m_settings.setValue(key, value.*field.member);
    }
}
