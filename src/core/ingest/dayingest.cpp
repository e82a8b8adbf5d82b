// SPDX-License-Identifier: GPL-3.0-or-later
#include "dayingest.h"

#include "arxiv/arxivcalendar.h"
#include "arxiv/arxivcategory.h"
#include "arxiv/arxivurls.h"
#include "arxiv/catchupclassifier.h"
#include "arxiv/rssparser.h"
#include "arxivfailure.h"
#include "catchupfetcher.h"
#include "daystore.h"
#include "metadatacompleter.h"
#include "net/requestqueue.h"
#include "net/spacingledger.h"
#include "net/urlpolicy.h"
#include "storage/database.h"
#include "storage/paperrepository.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int kAttempts = 4;           // per request, the first included
constexpr int kMaxRetryAfterMs = 120000; // a longer Retry-After is reported, not waited for
} // namespace

DayIngest::DayIngest(Database &db, HttpClient &http, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_http(http)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    qRegisterMetaType<IngestSummary>();
}

DayIngest::~DayIngest()
{
    // Callbacks that still arrive find a stale generation and do nothing.
    ++m_generation;
    m_running = false;
    if (m_metadata) {
        m_metadata->disconnect(this);
        m_metadata->cancel();
    }
    if (m_catchUp) {
        m_catchUp->disconnect(this);
        m_catchUp->cancel();
    }
    if (m_queue)
        m_queue->cancelAll(this);
}

int DayIngest::attempts() const
{
    return kAttempts;
}

void DayIngest::start(const IngestConfig &config, const QDate &day)
{
    if (m_running) {
        qWarning("DayIngest::start: already running");
        return;
    }
    m_running = true;
    m_finishing = false;
    m_cancelled = false;
    ++m_generation;
    m_summary = IngestSummary{};
    m_summary.day = day;

    m_config = config;
    m_categories = ArxivCategory::normalise(config.categories);
    if (m_categories.isEmpty()) {
        fail(RunFailureKind::BadSettings, tr("no arXiv categories are configured"));
        return;
    }
    for (const QString &c : std::as_const(m_categories)) {
        if (!ArxivCategory::isWellFormed(c)) {
            fail(RunFailureKind::BadSettings, tr("\"%1\" is not an arXiv category (they look like cs.LG or math.OC)").arg(c));
            return;
        }
    }
    for (const QUrl &url : {m_config.rssBase, m_config.apiBase}) {
        if (const QString why = UrlPolicy::problemWith(url); !why.isEmpty()) {
            fail(RunFailureKind::BadSettings, tr("arXiv address not usable: %1").arg(why));
            return;
        }
    }

    m_queue = RequestQueue::shared(m_http, u"arxiv"_s);
    const int spacing = m_config.requestSpacingMs;
    m_queue->setSpacingMs(spacing);
    // arXiv asks for 3 s between requests from one machine: every process on this database (the
    // window, cron's `papersieve run`, a `fetch`) shares the time of the last request, with a margin.
    m_queue->setSpacingMarginMs(250);
    if (const QString db = m_db.filePath(); !db.isEmpty() && !db.startsWith(u':'))
        m_queue->setSpacingLedger(std::make_shared<SpacingLedger>(db + u".arxiv-spacing"_s));
    RetryPolicy policy;
    policy.maxAttempts = kAttempts;
    policy.baseDelayMs = std::max(50, spacing); // backoff never faster than the polite rate
    policy.maxDelayMs = kMaxRetryAfterMs;
    m_queue->setRetryPolicy(policy);
    connect(m_queue, &RequestQueue::retryScheduled, this, &DayIngest::onRetry, Qt::UniqueConnection);

    if (!day.isValid()) {
        fetchFeed({});
        return;
    }
    const QDate today = ArxivCalendar::easternDateAt(m_now());
    const QString dayText = day.toString(Qt::ISODate);
    if (day > today) {
        fail(RunFailureKind::BadSettings, tr("%1 is in the future: arXiv has not announced it yet").arg(dayText));
    } else if (day < today.addDays(-kMaxCatchUpDays)) {
        fail(RunFailureKind::BadSettings, tr("%1 is too far back: catching up reaches back %2 days (to %3)")
                 .arg(dayText)
                 .arg(kMaxCatchUpDays)
                 .arg(today.addDays(-kMaxCatchUpDays).toString(Qt::ISODate)));
    } else if (!ArxivCalendar::isWeekday(day) || (day < today && m_config.calendar.isHoliday(day))) {
        // arXiv's feed is empty on Saturday and Sunday, and on the holidays the settings know of
        // (a past one: the API would list its submission window, which arXiv announced a day later).
        m_summary.noAnnouncement = true;
        finishLater();
    } else if (day == today) {
        fetchFeed(day);
    } else {
        catchUp(day);
    }
}

void DayIngest::cancel()
{
    if (!m_running || m_finishing)
        return;
    m_cancelled = true;
    if (m_metadata)
        m_metadata->cancel();
    if (m_catchUp)
        m_catchUp->cancel();
    if (m_queue)
        m_queue->cancelAll(this);
    fail(RunFailureKind::Cancelled, tr("Cancelled.")); // a no-op when a cancelled request already ended the run
}

void DayIngest::fetchFeed(const QDate &requestedDay)
{
    emit progress(RunStage::Feed, 0, 1);
    HttpRequest request;
    request.url = ArxivUrls::rssFeed(m_config.rssBase, m_categories);
    request.timeoutMs = m_config.timeoutMs;
    request.maxBytes = kArxivMaxBytes;
    const quint64 generation = m_generation;
    m_queue->enqueue(request, this, [this, generation, requestedDay](const HttpResult &result) {
        if (generation == m_generation && m_running)
            onFeed(requestedDay, result);
    });
}

void DayIngest::onFeed(const QDate &requestedDay, const HttpResult &result)
{
    if (!result.isSuccess() && !result.isCutOff()) { // a cut-off feed: the parser says where it broke off
        fail(RunFailureKind::ArxivUnavailable, ArxivFailure::describe(tr("arXiv's feed"), result, attempts()));
        return;
    }
    QString error;
    const RssFeed feed = RssParser::parse(result.body, &error);
    if (!error.isEmpty()) {
        fail(RunFailureKind::FeedUnreadable, tr("arXiv's feed could not be read, nothing was stored: %1").arg(error));
        return;
    }
    const QDate day = feed.day.isValid() ? feed.day : ArxivCalendar::easternDateAt(m_now());
    if (requestedDay.isValid() && day != requestedDay && !feed.isNoAnnouncement()) {
        emit notice(tr("arXiv's feed is for %1, not %2: fetching %2 through the arXiv API instead")
                        .arg(day.toString(Qt::ISODate), requestedDay.toString(Qt::ISODate)));
        catchUp(requestedDay);
        return;
    }
    emit progress(RunStage::Feed, 1, 1);
    if (feed.isNoAnnouncement()) {
        m_summary.day = requestedDay.isValid() ? requestedDay : day;
        m_summary.noAnnouncement = true;
        finishLater();
        return;
    }
    const DayListing listing = DayListing::build(day, m_categories, feed.items, m_config.announceTypes, u"rss"_s);
    storeListing(listing);
    if (m_finishing)
        return;
    // Kept papers first: they are the ones selection reads.
    QStringList ids = m_summary.keptArxivIds;
    for (const ListedPaper &lp : listing.papers) {
        if (!listing.isKept(lp.type))
            ids << lp.paper.arxivId;
    }
    completeMetadata(ids);
}

void DayIngest::storeListing(const DayListing &listing)
{
    DayStore store(m_db);
    int stored = 0;
    if (!store.store(listing, m_now(), &stored)) {
        fail(RunFailureKind::Database, tr("could not store %1 in the database, nothing was stored: %2")
                 .arg(listing.day.toString(Qt::ISODate), store.errorString()));
        return;
    }
    m_summary = listing.summary();
    m_summary.stored = stored;
    emit feedStored(m_summary);
}

void DayIngest::completeMetadata(const QStringList &orderedIds)
{
    PaperRepository papers(m_db);
    const QStringList todo = papers.incompleteAmong(orderedIds);
    if (todo.isEmpty()) {
        finishLater();
        return;
    }
    m_metadata = new MetadataCompleter(m_db, *m_queue, this);
    connect(m_metadata, &MetadataCompleter::progress, this,
            [this](int done, int total) { emit progress(RunStage::Metadata, done, total); });
    connect(m_metadata, &MetadataCompleter::finished, this, &DayIngest::onMetadataDone);
    m_metadata->start(m_config.apiBase, todo, m_config.apiBatchSize, m_config.timeoutMs, attempts());
}

void DayIngest::onMetadataDone(const QString &error)
{
    MetadataCompleter *completer = m_metadata;
    m_metadata = nullptr;
    if (!completer)
        return;
    completer->deleteLater();
    if (m_cancelled) {
        fail(RunFailureKind::Cancelled, tr("Cancelled."));
        return;
    }
    const QStringList missing = completer->missing();
    const QStringList apiErrors = completer->apiErrors();
    if (!missing.isEmpty() && error.isEmpty())
        emit notice(tr("the arXiv API did not return %n paper(s) (e.g. %1); they keep the feed's metadata and are "
                       "asked for again next time", nullptr, int(missing.size()))
                        .arg(missing.first()));
    if (!error.isEmpty()) {
        fail(RunFailureKind::ArxivUnavailable, tr("the feed's %n paper(s) are stored, but completing their metadata failed: %1", nullptr,
                m_summary.announced)
                 .arg(error));
    } else if (!apiErrors.isEmpty()) {
        fail(RunFailureKind::ArxivUnavailable, tr("the arXiv API rejected %n request(s) for metadata: %1", nullptr, int(apiErrors.size()))
                 .arg(apiErrors.first()));
    } else {
        finishLater();
    }
}

void DayIngest::catchUp(const QDate &day)
{
    m_catchUpDay = day;
    m_summary.day = day;
    emit progress(RunStage::Feed, 0, 0);
    m_catchUp = new CatchUpFetcher(*m_queue, this);
    connect(m_catchUp, &CatchUpFetcher::progress, this,
            [this](int fetched, int total) { emit progress(RunStage::Feed, fetched, std::max(fetched, total)); });
    connect(m_catchUp, &CatchUpFetcher::finished, this, &DayIngest::onCatchUpDone);
    // Replacements cost a walk through everything newer than the day: only when they are kept.
    const QStringList kept = m_config.announceTypes;
    const bool replacements = std::any_of(kept.cbegin(), kept.cend(), [](const QString &t) {
        const auto type = announceTypeFromString(t);
        return type == AnnounceType::Replace || type == AnnounceType::ReplaceCross;
    });
    m_catchUpReplacements = replacements;
    m_catchUp->start(m_config.apiBase, m_categories, ArxivCalendar::submissionWindow(day), replacements,
                     m_config.catchUpPageSize, m_config.timeoutMs, attempts());
}

void DayIngest::onCatchUpDone(const QString &error)
{
    CatchUpFetcher *fetcher = m_catchUp;
    m_catchUp = nullptr;
    if (!fetcher)
        return;
    fetcher->deleteLater();
    if (m_cancelled) {
        fail(RunFailureKind::Cancelled, tr("Cancelled."));
        return;
    }
    const QString dayText = m_catchUpDay.toString(Qt::ISODate);
    if (!error.isEmpty()) {
        fail(RunFailureKind::ArxivUnavailable, tr("catching up %1 through the arXiv API failed, nothing was stored: %2").arg(dayText, error));
        return;
    }
    const QList<FeedItem> items =
        CatchUpClassifier::classify(fetcher->papers(), ArxivCalendar::submissionWindow(m_catchUpDay), m_categories);
    if (items.isEmpty()) {
        // A weekday without papers in its window: an arXiv holiday.
        m_summary.day = m_catchUpDay;
        m_summary.noAnnouncement = true;
        finishLater();
        return;
    }
    if (!m_catchUpReplacements)
        emit notice(tr("%1 was caught up through the arXiv API: its new submissions and cross-lists are listed, "
                       "replacements are not (they are not kept for scanning)")
                        .arg(dayText));
    storeListing(DayListing::build(m_catchUpDay, m_categories, items, m_config.announceTypes, u"api"_s));
    finishLater(); // API records are complete: no metadata stage
}

void DayIngest::onRetry(const QUrl &url, int attempt, int maxAttempts, int delayMs, const QString &reason)
{
    if (!m_running || m_finishing)
        return;
    emit notice(tr("%1: %2; trying again in %3 s (attempt %4 of %5)")
                    .arg(url.host(), reason)
                    .arg(delayMs / 1000.0, 0, 'f', 1)
                    .arg(attempt)
                    .arg(maxAttempts));
}

void DayIngest::fail(RunFailureKind kind, const QString &message)
{
    if (m_finishing)
        return;
    m_summary.error = message;
    m_summary.failure = kind;
    finishLater();
}

void DayIngest::finishLater()
{
    if (m_finishing)
        return;
    m_finishing = true;
    const quint64 generation = m_generation;
    // Queued: finished() never fires inside start(), so a caller can start() before exec().
    QMetaObject::invokeMethod(
        this,
        [this, generation] {
            if (generation != m_generation)
                return;
            m_running = false;
            emit finished(m_summary);
        },
        Qt::QueuedConnection);
}
