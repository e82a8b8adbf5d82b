// SPDX-License-Identifier: GPL-3.0-or-later
#include "criteriarepository.h"

#include "database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace {
QString previewOf(const QString &topics)
{
    const QStringList lines = topics.split(u'\n');
    for (const QString &line : lines) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith(u'#'))
            return t.left(120);
    }
    return {};
}

CriteriaVersion versionFrom(const QSqlQuery &q)
{
    CriteriaVersion v;
    v.id = q.value(0).toLongLong();
    v.created = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    v.contentHash = q.value(2).toString().toLatin1();
    v.topicsPreview = previewOf(q.value(3).toString());
    return v;
}
} // namespace

CriteriaRepository::CriteriaRepository(Database &db)
    : m_db(db)
{
}

qint64 CriteriaRepository::findByHash(const QByteArray &contentHash)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id FROM criteria_versions WHERE content_hash = ?"_s);
    q.addBindValue(QString::fromLatin1(contentHash));
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return 0;
}

qint64 CriteriaRepository::saveIfNew(const Criteria &criteria, QString *error)
{
    const QByteArray hash = criteria.contentHash();
    if (const qint64 id = findByHash(hash))
        return id;
    QSqlQuery q(m_db.connection());
    // OR IGNORE: another process may have inserted the same texts between the look-up and here.
    q.prepare(uR"(INSERT OR IGNORE INTO criteria_versions
        (created, topics, system_prompt, rubric, title_postfix, abstract_postfix, content_hash)
        VALUES (?, ?, ?, ?, ?, ?, ?))"_s);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    q.addBindValue(criteria.topics);
    q.addBindValue(criteria.systemPrompt);
    q.addBindValue(criteria.rubric);
    q.addBindValue(criteria.titlePostfix);
    q.addBindValue(criteria.abstractPostfix);
    q.addBindValue(QString::fromLatin1(hash));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return 0;
    }
    return findByHash(hash);
}

std::optional<Criteria> CriteriaRepository::load(qint64 id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(uR"(SELECT system_prompt, topics, rubric, title_postfix, abstract_postfix
        FROM criteria_versions WHERE id = ?)"_s);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    Criteria c;
    c.systemPrompt = q.value(0).toString();
    c.topics = q.value(1).toString();
    c.rubric = q.value(2).toString();
    c.titlePostfix = q.value(3).toString();
    c.abstractPostfix = q.value(4).toString();
    return c;
}

QList<CriteriaVersion> CriteriaRepository::versions()
{
    QList<CriteriaVersion> out;
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT id, created, content_hash, topics FROM criteria_versions ORDER BY created DESC, id DESC"_s))
        return out;
    while (q.next())
        out.append(versionFrom(q));
    return out;
}

std::optional<CriteriaVersion> CriteriaRepository::latest()
{
    const QList<CriteriaVersion> all = versions();
    if (all.isEmpty())
        return std::nullopt;
    return all.first();
}
