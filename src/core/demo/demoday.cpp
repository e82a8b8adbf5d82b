// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoday.h"

#include "domain/announcetype.h"
#include "domain/paper.h"
#include "domain/score.h"
#include "storage/announcementrepository.h"
#include "storage/criteriarepository.h"
#include "storage/database.h"
#include "storage/feeddayrepository.h"
#include "storage/llmrequestrepository.h"
#include "storage/paperrepository.h"
#include "storage/runrepository.h"
#include "storage/scorerepository.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace {

QStringList toStringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray())
        out << e.toString();
    return out;
}

} // namespace

QString DemoDay::resourcePath()
{
    return u":/demo/demo-day.json"_s;
}

bool DemoDay::load(const QString &path, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(DemoDay::tr("Cannot read the demo day %1: %2").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return fail(DemoDay::tr("The demo day %1 is not valid JSON: %2").arg(path, parseError.errorString()));
    const QJsonObject json = doc.object();
    if (json.value(u"format"_s).toInt() != 1)
        return fail(DemoDay::tr("The demo day %1 has an unknown format").arg(path));
    const QDate day = QDate::fromString(json.value(u"day"_s).toString(), Qt::ISODate);
    if (!day.isValid() || json.value(u"papers"_s).toArray().isEmpty())
        return fail(DemoDay::tr("The demo day %1 has no day or no papers").arg(path));
    m_json = json;
    m_day = day;
    m_model = json.value(u"model"_s).toString();
    return true;
}

int DemoDay::paperCount() const
{
    return int(m_json.value(u"papers"_s).toArray().size());
}

int DemoDay::announced() const
{
    return m_json.value(u"counts"_s).toObject().value(u"announced"_s).toInt();
}

int DemoDay::scanned() const
{
    return m_json.value(u"counts"_s).toObject().value(u"scanned"_s).toInt();
}

Criteria DemoDay::criteria() const
{
    Criteria c = Criteria::defaults();
    const QJsonObject j = m_json.value(u"criteria"_s).toObject();
    auto take = [&j](const QString &key, QString &field) {
        const QString text = j.value(key).toString();
        if (!text.isEmpty())
            field = text;
    };
    take(u"systemPrompt"_s, c.systemPrompt);
    take(u"topics"_s, c.topics);
    take(u"rubric"_s, c.rubric);
    take(u"titlePostfix"_s, c.titlePostfix);
    take(u"abstractPostfix"_s, c.abstractPostfix);
    return c;
}

bool DemoDay::writeTo(Database &db, QString *error) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = DemoDay::tr("Cannot build the demo library: %1").arg(message);
        return false;
    };
    if (m_json.isEmpty())
        return fail(DemoDay::tr("the demo day is not loaded"));

    Transaction tx(db.connection());
    if (!tx.isActive())
        return fail(tx.errorString());

    QString err;
    CriteriaRepository criteriaRepo(db);
    const qint64 criteriaId = criteriaRepo.saveIfNew(criteria(), &err);
    if (criteriaId == 0)
        return fail(err);

    // The reference run announced in the morning of its day (arXiv announces at 00:00 UTC).
    const QDateTime started(m_day, QTime(6, 0), QTimeZone::utc());
    const QStringList categories = toStringList(m_json.value(u"categories"_s));

    PaperRepository papers(db);
    AnnouncementRepository announcements(db);
    QList<Score> scores;
    const QJsonArray list = m_json.value(u"papers"_s).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        Paper p;
        if (!Paper::splitVersionedId(o.value(u"arxivId"_s).toString(), &p.arxivId, &p.version))
            return fail(DemoDay::tr("'%1' is not an arXiv id").arg(o.value(u"arxivId"_s).toString()));
        p.title = o.value(u"title"_s).toString();
        p.abstract = o.value(u"abstract"_s).toString();
        for (const QString &name : toStringList(o.value(u"authors"_s)))
            p.authors.append(Author{name, {}, -1});
        p.categories = toStringList(o.value(u"categories"_s));
        p.primaryCategory = o.value(u"primaryCategory"_s).toString();
        p.comment = o.value(u"arxivComment"_s).toString();
        p.published = started.addSecs(-86400);
        p.updated = p.published;
        const qint64 id = papers.upsert(p, started);
        if (id == 0)
            return fail(papers.errorString());
        // Listed under its primary category when that is one of the day's; else as a cross-list.
        const bool isNew = categories.contains(p.primaryCategory);
        const QString listedUnder = isNew ? p.primaryCategory : categories.value(0, p.primaryCategory);
        if (!announcements.add(id, m_day, listedUnder, isNew ? AnnounceType::New : AnnounceType::Cross, p.version))
            return fail(announcements.errorString());

        Score s;
        s.arxivId = p.arxivId;
        s.paperVersion = p.version;
        s.criteriaId = criteriaId;
        s.model = m_model;
        s.stage = ScoreStage::Abstract;
        s.status = ScoreStatus::Scored;
        s.relevance = o.value(u"relevance"_s).toInt();
        s.novelty = o.value(u"novelty"_s).toInt();
        s.comment = o.value(u"llmComment"_s).toString();
        s.reason = u""_s; // NOT NULL; ScoreRepository binds a null QString as NULL
        scores.append(s);
    }

    FeedDayRepository feedDays(db);
    FeedDayRepository::Entry feed;
    feed.day = m_day;
    QStringList sorted = categories;
    sorted.sort();
    feed.categories = sorted.join(u'+');
    feed.announced = announced();
    feed.kept = scanned();
    feed.fetchedAt = started;
    if (!feedDays.record(feed))
        return fail(feedDays.errorString());

    RunRepository runs(db);
    const qint64 runId = runs.create(m_day, u"{\"demo\":true}"_s, criteriaId, m_model, &err);
    if (runId == 0)
        return fail(err);

    // The reference digest gives the run's totals only, so the demo has one request row holding them.
    const QJsonObject usage = m_json.value(u"usage"_s).toObject();
    LlmRequestRecord request;
    request.runId = runId;
    request.stage = u"abstract"_s;
    request.provider = m_json.value(u"provider"_s).toString();
    request.model = m_model;
    request.started = started;
    request.paperCount = scanned();
    request.usage.promptTokens = usage.value(u"promptTokens"_s).toInteger();
    request.usage.completionTokens = usage.value(u"completionTokens"_s).toInteger();
    request.costUsd = usage.value(u"promptCostUsd"_s).toDouble() + usage.value(u"completionCostUsd"_s).toDouble();
    request.status = u"ok"_s;
    request.httpStatus = 200;
    // llm_requests.error is NOT NULL and LlmRequestRepository binds a null QString as NULL: pass an empty one.
    request.error = u""_s;
    const qint64 requestId = LlmRequestRepository(db).insert(request, &err);
    if (requestId == 0)
        return fail(err);

    // In digest order: the ranking breaks ties by arrival, so the demo keeps the reference's order.
    if (!ScoreRepository(db).save(scores, runId, requestId, &err))
        return fail(err);
    if (!runs.finish(runId, RunStatus::Finished, DemoDay::tr("Demo: the reference digest of %1").arg(m_day.toString(Qt::ISODate)),
                     announced(), scanned(), int(scores.size()), &err))
        return fail(err);
    if (!tx.commit())
        return fail(tx.errorString());
    return true;
}
