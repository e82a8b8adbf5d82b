// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/criteria.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <optional>

class Database;

struct CriteriaVersion
{
    qint64 id = 0;
    QDateTime created;      // UTC
    QByteArray contentHash;
    QString topicsPreview;  // first line of the topics text after its heading, for lists
};

// criteria_versions: one row per distinct criteria text (by content hash), so every score names the
// exact texts it was made with and edits never silently reuse old scores.
class CriteriaRepository final
{
public:
    explicit CriteriaRepository(Database &db);

    // The id of the row holding exactly these texts, inserting it first if it is new; 0 on error.
    qint64 saveIfNew(const Criteria &criteria, QString *error = nullptr);
    qint64 findByHash(const QByteArray &contentHash);
    std::optional<Criteria> load(qint64 id);
    QList<CriteriaVersion> versions(); // newest first
    std::optional<CriteriaVersion> latest();

private:
    Database &m_db;
};
