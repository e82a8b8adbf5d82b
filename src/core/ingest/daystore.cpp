// SPDX-License-Identifier: GPL-3.0-or-later
#include "daystore.h"

#include "arxiv/arxivcategory.h"
#include "storage/announcementrepository.h"
#include "storage/database.h"
#include "storage/feeddayrepository.h"
#include "storage/paperrepository.h"
#include "storage/transaction.h"

#include <QCoreApplication>

DayStore::DayStore(Database &db)
    : m_db(db)
{
}

bool DayStore::store(const DayListing &listing, const QDateTime &nowUtc, int *stored)
{
    int count = 0;
    Transaction tx(m_db.connection());
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    PaperRepository papers(m_db);
    QList<Paper> records;
    records.reserve(listing.papers.size());
    for (const ListedPaper &lp : listing.papers)
        records << lp.paper;
    QList<qint64> ids;
    QList<PaperRepository::Change> changes;
    if (!papers.upsertMany(records, nowUtc, &ids, &changes)) {
        m_error = papers.errorString();
        return false;
    }
    QList<AnnouncementRepository::Announcement> announcements;
    for (qsizetype i = 0; i < listing.papers.size(); ++i) {
        const ListedPaper &lp = listing.papers.at(i);
        if (changes.at(i) != PaperRepository::Change::None)
            ++count;
        for (const ListedPaper::Listing &l : lp.listings)
            announcements.append({ids.at(i), l.category, l.type, lp.announcedVersion});
    }
    AnnouncementRepository listed(m_db);
    if (!listed.addMany(listing.day, announcements)) {
        m_error = listed.errorString();
        return false;
    }
    const IngestSummary s = listing.summary();
    FeedDayRepository days(m_db);
    FeedDayRepository::Entry entry;
    entry.day = listing.day;
    entry.categories = ArxivCategory::key(listing.categories);
    entry.source = listing.source;
    entry.announced = s.announced;
    entry.kept = s.kept;
    entry.fetchedAt = nowUtc;
    if (!days.record(entry)) {
        m_error = days.errorString();
        return false;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    if (stored)
        *stored = count;
    return true;
}

bool DayStore::completeMetadata(const ApiResponse &response, int *completed)
{
    int count = 0;
    Transaction tx(m_db.connection());
    if (!tx.isActive()) {
        m_error = tx.errorString();
        return false;
    }
    PaperRepository papers(m_db);
    for (const Paper &p : response.papers) {
        bool found = false;
        if (!papers.completeMetadata(p, &found)) {
            m_error = papers.errorString();
            return false;
        }
        if (found)
            ++count;
    }
    if (!tx.commit()) {
        m_error = tx.errorString();
        return false;
    }
    if (completed)
        *completed = count;
    return true;
}
