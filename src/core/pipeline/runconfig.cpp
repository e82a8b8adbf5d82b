// SPDX-License-Identifier: GPL-3.0-or-later
#include "runconfig.h"

#include "s2/followedauthor.h"
#include "settings/appsettings.h"
#include "settings/endpoints.h"

namespace RunConfig {

RunSettings runSettings(const AppSettings &s)
{
    RunSettings r;
    r.categories = s.categories();
    r.announceTypes = s.announceTypes();
    r.provider = s.provider();
    r.model = s.model();
    r.reasoningEffort = s.reasoningEffort();
    r.serviceTier = s.serviceTier();
    r.relevanceCutoff = s.relevanceCutoff();
    r.noveltyCutoff = s.noveltyCutoff();
    r.titleFilter = s.titleFilterEnabled();
    r.authorMatch = s.authorMatchEnabled();
    r.hIndexFilter = s.hIndexFilterEnabled();
    r.hIndexCutoff = s.hIndexCutoff();
    r.dailyBudgetUsd = s.dailyBudgetUsd();
    return r;
}

SelectionConfig selectionConfig(const RunSettings &run, const AppSettings &settings)
{
    SelectionConfig config;
    config.criteria = settings.criteria();
    config.provider = run.provider;
    config.model = run.model;
    config.reasoningEffort = run.reasoningEffort;
    config.serviceTier = ServiceTiers::fromName(run.serviceTier);
    config.relevanceCutoff = run.relevanceCutoff;
    config.noveltyCutoff = run.noveltyCutoff;
    config.titleBatchSize = settings.titleBatchSize();
    config.abstractBatchSize = settings.abstractBatchSize();
    config.concurrency = settings.concurrency();
    config.titleFilter = run.titleFilter;
    return config;
}

AuthorStage::Config authorConfig(const RunSettings &run, const AppSettings &settings)
{
    AuthorStage::Config c;
    c.authorMatch = run.authorMatch;
    c.followed = FollowedAuthor::parseLines(settings.followedAuthors());
    c.hIndexFilter = run.hIndexFilter;
    c.hIndexCutoff = run.hIndexCutoff;
    c.s2BaseUrl = Endpoints::resolve(settings).s2Api;
    c.model = run.model;
    return c;
}

IngestConfig ingestConfig(const AppSettings &settings, const QStringList &categories)
{
    IngestConfig c;
    c.categories = categories.isEmpty() ? settings.categories() : categories;
    c.announceTypes = settings.announceTypes();
    const Endpoints endpoints = Endpoints::resolve(settings);
    c.rssBase = endpoints.arxivRss;
    c.apiBase = endpoints.arxivApi;
    c.requestSpacingMs = settings.arxivRequestSpacingMs();
    c.timeoutMs = settings.arxivTimeoutMs();
    c.apiBatchSize = settings.arxivApiBatchSize();
    c.catchUpPageSize = settings.arxivCatchUpPageSize();
    // Malformed entries are reported by the schedule (DailyController); here they are just skipped.
    c.calendar.setHolidays(ArxivCalendar::parseHolidays(settings.arxivHolidays()));
    return c;
}

} // namespace RunConfig
