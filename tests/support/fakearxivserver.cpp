// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakearxivserver.h"

#include "testdata.h"

#include "arxiv/arxivcalendar.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>
#include <QXmlStreamWriter>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString kAtomNs = u"http://www.w3.org/2005/Atom"_s;
const QString kArxivNs = u"http://arxiv.org/schemas/atom"_s;
const QString kOpenSearchNs = u"http://a9.com/-/spec/opensearch/1.1/"_s;
const QString kDcNs = u"http://purl.org/dc/elements/1.1/"_s;

// "Thu, 24 Sep 2026 00:00:00 -0400": midnight US Eastern of the announcement day, as arXiv writes it.
QString rfc2822Midnight(const QDate &day)
{
    const QDateTime midnight(day, QTime(0, 0), ArxivCalendar::easternTimeZone());
    const int offset = midnight.offsetFromUtc() / 60;
    const QString sign = offset < 0 ? u"-"_s : u"+"_s;
    const int abs = std::abs(offset);
    return QLocale::c().toString(day, u"ddd, dd MMM yyyy"_s) + u" 00:00:00 "_s + sign
        + u"%1%2"_s.arg(abs / 60, 2, 10, QChar(u'0')).arg(abs % 60, 2, 10, QChar(u'0'));
}

QString isoUtc(const QDateTime &dt)
{
    const QDateTime t = dt.isValid() ? dt : QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    return t.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s);
}

// arXiv's "YYYYMMDDHHMM" (GMT); 8 or 14 digits accepted too.
QDateTime parseArxivStamp(const QString &text)
{
    const QString t = text.trimmed();
    const QString fmt = t.size() == 8 ? u"yyyyMMdd"_s : t.size() == 14 ? u"yyyyMMddHHmmss"_s : u"yyyyMMddHHmm"_s;
    QDateTime dt = QDateTime::fromString(t, fmt);
    dt.setTimeZone(QTimeZone::utc());
    return dt;
}

QDateTime touched(const Paper &p)
{
    return p.updated.isValid() ? p.updated : p.published;
}
} // namespace

FakeArxivServer::FakeArxivServer(QObject *parent)
    : QObject(parent)
    , m_rssBody(defaultRss())
{
    m_http.route("GET", "/rss/", [this](const FakeRequest &r) { return answerRss(r); });
    m_http.route("GET", "/api/query", [this](const FakeRequest &r) { return answerApi(r); });
}

bool FakeArxivServer::listen()
{
    return m_http.listen();
}

QUrl FakeArxivServer::rssBaseUrl() const
{
    return m_http.url(u"/rss/"_s);
}

QUrl FakeArxivServer::apiUrl() const
{
    return m_http.url(u"/api/query"_s);
}

void FakeArxivServer::exportEnvironment() const
{
    qputenv("PAPERSIEVE_ARXIV_RSS_URL", rssBaseUrl().toString().toUtf8());
    qputenv("PAPERSIEVE_ARXIV_API_URL", apiUrl().toString().toUtf8());
}

void FakeArxivServer::clearEnvironment()
{
    qunsetenv("PAPERSIEVE_ARXIV_RSS_URL");
    qunsetenv("PAPERSIEVE_ARXIV_API_URL");
}

QByteArray FakeArxivServer::defaultRss()
{
    return TestData::read(u"arxiv/rss_multi_cat_2026-09-24.xml"_s);
}

void FakeArxivServer::setRssBody(const QByteArray &xml)
{
    m_rssBody = xml;
    m_useItems = false;
}

void FakeArxivServer::setDay(const QDate &day, const QList<FeedItem> &items)
{
    m_day = day;
    m_items = items;
    m_useItems = true;
}

void FakeArxivServer::setNoAnnouncement(const QDate &day)
{
    setDay(day, {});
}

void FakeArxivServer::addPaper(const Paper &paper)
{
    if (!m_papers.contains(paper.arxivId))
        m_order << paper.arxivId;
    m_papers.insert(paper.arxivId, paper);
}

void FakeArxivServer::addPapers(const QList<Paper> &papers)
{
    for (const Paper &p : papers)
        addPaper(p);
}

void FakeArxivServer::removePaper(const QString &arxivId)
{
    m_papers.remove(arxivId);
    m_order.removeAll(arxivId);
}

std::optional<Paper> FakeArxivServer::paper(const QString &arxivId) const
{
    const auto it = m_papers.constFind(arxivId);
    return it == m_papers.cend() ? std::nullopt : std::optional<Paper>(*it);
}

QList<Paper> FakeArxivServer::papers() const
{
    QList<Paper> out;
    out.reserve(m_order.size());
    for (const QString &id : m_order)
        out << m_papers.value(id);
    return out;
}

QList<Paper> FakeArxivServer::papersFromJsonl(const QByteArray &jsonl, const QDate &day)
{
    QList<Paper> out;
    const QList<QByteArray> lines = jsonl.split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        Paper p;
        int version = 0;
        if (!Paper::splitVersionedId(o.value("id"_L1).toString(), &p.arxivId, &version))
            continue;
        p.version = std::max(1, version);
        p.title = o.value("title"_L1).toString();
        p.abstract = o.value("summary"_L1).toString();
        p.comment = o.value("comment"_L1).toString();
        for (const QJsonValue &a : o.value("authors"_L1).toArray())
            p.authors.append(Author{a.toString(), {}, -1});
        for (const QJsonValue &c : o.value("categories"_L1).toArray())
            p.categories << c.toString();
        p.primaryCategory = p.categories.value(0);
        out << p;
    }
    // Submitted one after the other across the day's submission window, v1 only.
    const ArxivCalendar::Window window = ArxivCalendar::submissionWindow(day);
    const qint64 span = window.start.secsTo(window.end);
    for (qsizetype i = 0; i < out.size(); ++i) {
        out[i].published = window.start.addSecs(span * (i + 1) / (out.size() + 1));
        out[i].updated = out[i].published;
    }
    return out;
}

QList<FeedItem> FakeArxivServer::loadDayJsonl(const QByteArray &jsonl, const QDate &day, const QStringList &categories)
{
    const QList<Paper> records = papersFromJsonl(jsonl, day);
    QList<FeedItem> newItems, crossItems;
    for (const Paper &p : records) {
        FeedItem item;
        item.paper = p;
        item.type = categories.contains(p.primaryCategory) ? AnnounceType::New : AnnounceType::Cross;
        (item.type == AnnounceType::New ? newItems : crossItems) << item;
    }
    addPapers(records);
    const QList<FeedItem> items = newItems + crossItems;
    setDay(day, items);
    return items;
}

void FakeArxivServer::queueResponse(Service service, const FakeResponse &response, int times)
{
    for (int i = 0; i < times; ++i)
        m_queued[int(service)].enqueue(response);
}

void FakeArxivServer::setOverride(Service service, std::optional<FakeResponse> response)
{
    m_override[int(service)] = std::move(response);
}

std::optional<FakeResponse> FakeArxivServer::takeFault(Service service)
{
    if (!m_queued[int(service)].isEmpty())
        return m_queued[int(service)].dequeue();
    return m_override[int(service)];
}

QList<FakeRequest> FakeArxivServer::requests(Service service) const
{
    QList<FakeRequest> out;
    const QByteArray prefix = service == Service::Rss ? "/rss/" : "/api/query";
    for (const FakeRequest &r : m_http.requests()) {
        if (r.path.startsWith(prefix))
            out << r;
    }
    return out;
}

FakeResponse FakeArxivServer::answerRss(const FakeRequest &request)
{
    if (auto fault = takeFault(Service::Rss))
        return *fault;
    const QString cats = QUrl::fromPercentEncoding(request.path.mid(5));
    const QStringList requested = cats.split(u'+', Qt::SkipEmptyParts);
    if (requested.isEmpty())
        return FakeResponse::text("Not Found", 404);
    FakeResponse r;
    r.contentType = "application/rss+xml; charset=utf-8";
    if (!m_useItems) {
        r.body = m_rssBody;
        return r;
    }
    QList<FeedItem> listed;
    for (const FeedItem &item : std::as_const(m_items)) {
        if (std::any_of(item.paper.categories.cbegin(), item.paper.categories.cend(),
                        [&](const QString &c) { return requested.contains(c); }))
            listed << item;
    }
    r.body = buildRss(m_day, requested, listed);
    return r;
}

FakeResponse FakeArxivServer::answerApi(const FakeRequest &request)
{
    if (auto fault = takeFault(Service::Api))
        return *fault;
    const QString queryText = request.query.toString(QUrl::FullyDecoded);
    const QString idList = request.query.queryItemValue(u"id_list"_s, QUrl::FullyDecoded);
    if (!idList.trimmed().isEmpty())
        return answerIdList(idList, queryText);
    if (request.query.hasQueryItem(u"search_query"_s))
        return answerSearch(request, queryText);
    return FakeResponse::xml(buildAtom({}, 0, 0, 0, queryText));
}

FakeResponse FakeArxivServer::answerIdList(const QString &idList, const QString &queryText)
{
    QList<Paper> found;
    for (const QString &raw : idList.split(u',', Qt::SkipEmptyParts)) {
        QString id;
        int version = 0;
        if (!Paper::splitVersionedId(raw.trimmed(), &id, &version))
            return FakeResponse::xml(buildAtomError(raw.trimmed()), 400); // arXiv stops at the first bad id
        if (const auto p = paper(id))
            found << *p;
    }
    return FakeResponse::xml(buildAtom(found, int(found.size()), 0, int(found.size()), queryText));
}

FakeResponse FakeArxivServer::answerSearch(const FakeRequest &request, const QString &queryText)
{
    QString q = request.query.queryItemValue(u"search_query"_s, QUrl::FullyDecoded);
    q.replace(u'+', u' '); // a form-encoded space

    QStringList cats;
    static const QRegularExpression catRe(uR"(cat:([A-Za-z\-]+(?:\.[A-Za-z\-]+)?))"_s);
    for (auto it = catRe.globalMatch(q); it.hasNext();)
        cats << it.next().captured(1);

    struct Range
    {
        bool submitted;
        QDateTime from, to;
    };
    QList<Range> ranges;
    static const QRegularExpression rangeRe(uR"((submittedDate|lastUpdatedDate):\[\s*(\d+)\s+TO\s+(\d+)\s*\])"_s);
    for (auto it = rangeRe.globalMatch(q); it.hasNext();) {
        const auto m = it.next();
        // Minute resolution, both ends included.
        ranges << Range{m.captured(1) == u"submittedDate", parseArxivStamp(m.captured(2)),
                        parseArxivStamp(m.captured(3)).addSecs(59)};
    }

    QList<Paper> matches;
    for (const QString &id : std::as_const(m_order)) {
        const Paper &p = m_papers[id];
        if (!cats.isEmpty()
            && std::none_of(p.categories.cbegin(), p.categories.cend(), [&](const QString &c) { return cats.contains(c); }))
            continue;
        const bool inRanges = std::all_of(ranges.cbegin(), ranges.cend(), [&](const Range &r) {
            const QDateTime t = r.submitted ? p.published : touched(p);
            return t.isValid() && t >= r.from && t <= r.to;
        });
        if (inRanges)
            matches << p;
    }

    const QString sortBy = request.query.queryItemValue(u"sortBy"_s);
    const bool ascending = request.query.queryItemValue(u"sortOrder"_s) == u"ascending";
    if (sortBy == u"submittedDate" || sortBy == u"lastUpdatedDate") {
        const bool bySubmitted = sortBy == u"submittedDate";
        std::stable_sort(matches.begin(), matches.end(), [&](const Paper &a, const Paper &b) {
            const QDateTime ta = bySubmitted ? a.published : touched(a);
            const QDateTime tb = bySubmitted ? b.published : touched(b);
            return ascending ? ta < tb : tb < ta;
        });
    }

    bool ok = false;
    int start = request.query.queryItemValue(u"start"_s).toInt(&ok);
    if (!ok || start < 0)
        start = 0;
    int max = request.query.queryItemValue(u"max_results"_s).toInt(&ok);
    if (!ok || max < 0)
        max = 10; // the API's default
    const QList<Paper> page = matches.mid(start, max);
    return FakeResponse::xml(buildAtom(page, int(matches.size()), start, max, queryText));
}

QByteArray FakeArxivServer::buildRss(const QDate &day, const QStringList &categories, const QList<FeedItem> &items)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeNamespace(kArxivNs, u"arxiv"_s);
    w.writeNamespace(kDcNs, u"dc"_s);
    w.writeNamespace(kAtomNs, u"atom"_s);
    w.writeNamespace(u"http://purl.org/rss/1.0/modules/content/"_s, u"content"_s);
    w.writeStartElement(u"rss"_s);
    w.writeAttribute(u"version"_s, u"2.0"_s);
    w.writeStartElement(u"channel"_s);
    const QString joined = categories.join(u'+');
    w.writeTextElement(u"title"_s, categories.join(u", "_s) + u" updates on arXiv.org"_s);
    w.writeTextElement(u"link"_s, u"http://rss.arxiv.org/rss/"_s + joined);
    w.writeTextElement(u"description"_s, categories.join(u", "_s) + u" updates on the arXiv.org e-print archive."_s);
    w.writeEmptyElement(kAtomNs, u"link"_s);
    w.writeAttribute(u"href"_s, u"http://rss.arxiv.org/rss/"_s + joined);
    w.writeAttribute(u"rel"_s, u"self"_s);
    w.writeAttribute(u"type"_s, u"application/rss+xml"_s);
    w.writeTextElement(u"docs"_s, u"http://www.rssboard.org/rss-specification"_s);
    w.writeTextElement(u"language"_s, u"en-us"_s);
    const QString pubDate = rfc2822Midnight(day);
    w.writeTextElement(u"lastBuildDate"_s, pubDate);
    w.writeTextElement(u"managingEditor"_s, u"rss-help@arxiv.org"_s);
    w.writeTextElement(u"pubDate"_s, pubDate);
    w.writeStartElement(u"skipDays"_s);
    w.writeTextElement(u"day"_s, u"Sunday"_s);
    w.writeTextElement(u"day"_s, u"Saturday"_s);
    w.writeEndElement();
    for (const FeedItem &item : items) {
        const Paper &p = item.paper;
        const int version = item.announcedVersion > 0 ? item.announcedVersion : std::max(1, p.version);
        const QString vid = p.arxivId + u'v' + QString::number(version);
        const QString type = announceTypeToString(item.type);
        w.writeStartElement(u"item"_s);
        w.writeTextElement(u"title"_s, p.title);
        w.writeTextElement(u"link"_s, u"https://arxiv.org/abs/"_s + p.arxivId);
        w.writeTextElement(u"description"_s,
                           u"arXiv:"_s + vid + u" Announce Type: "_s + type + u" \nAbstract: "_s + p.abstract);
        w.writeStartElement(u"guid"_s);
        w.writeAttribute(u"isPermaLink"_s, u"false"_s);
        w.writeCharacters(u"oai:arXiv.org:"_s + vid);
        w.writeEndElement();
        for (const QString &c : p.categories)
            w.writeTextElement(u"category"_s, c);
        w.writeTextElement(u"pubDate"_s, pubDate);
        w.writeTextElement(kArxivNs, u"announce_type"_s, type);
        w.writeTextElement(kDcNs, u"rights"_s,
                           p.license.isEmpty() ? u"http://arxiv.org/licenses/nonexclusive-distrib/1.0/"_s : p.license);
        if (!p.journalRef.isEmpty())
            w.writeTextElement(kArxivNs, u"journal_reference"_s, p.journalRef);
        if (!p.doi.isEmpty())
            w.writeTextElement(kArxivNs, u"DOI"_s, p.doi);
        w.writeTextElement(kDcNs, u"creator"_s, p.authorsText());
        w.writeEndElement();
    }
    w.writeEndElement(); // channel
    w.writeEndElement(); // rss
    w.writeEndDocument();
    return out;
}

QByteArray FakeArxivServer::buildAtom(const QList<Paper> &papers, int totalResults, int startIndex, int itemsPerPage,
                                      const QString &queryText)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeNamespace(kOpenSearchNs, u"opensearch"_s);
    w.writeNamespace(kArxivNs, u"arxiv"_s);
    w.writeDefaultNamespace(kAtomNs);
    w.writeStartElement(kAtomNs, u"feed"_s);
    w.writeTextElement(kAtomNs, u"id"_s, u"https://arxiv.org/api/fake"_s);
    w.writeTextElement(kAtomNs, u"title"_s, u"arXiv Query: "_s + queryText);
    w.writeTextElement(kAtomNs, u"updated"_s, isoUtc(QDateTime::currentDateTimeUtc()));
    w.writeTextElement(kOpenSearchNs, u"itemsPerPage"_s, QString::number(itemsPerPage));
    w.writeTextElement(kOpenSearchNs, u"totalResults"_s, QString::number(totalResults));
    w.writeTextElement(kOpenSearchNs, u"startIndex"_s, QString::number(startIndex));
    for (const Paper &p : papers) {
        const QString vid = p.arxivId + u'v' + QString::number(std::max(1, p.version));
        w.writeStartElement(kAtomNs, u"entry"_s);
        w.writeTextElement(kAtomNs, u"id"_s, u"http://arxiv.org/abs/"_s + vid);
        w.writeTextElement(kAtomNs, u"title"_s, p.title);
        w.writeTextElement(kAtomNs, u"updated"_s, isoUtc(touched(p)));
        w.writeEmptyElement(kAtomNs, u"link"_s);
        w.writeAttribute(u"href"_s, u"https://arxiv.org/abs/"_s + vid);
        w.writeAttribute(u"rel"_s, u"alternate"_s);
        w.writeAttribute(u"type"_s, u"text/html"_s);
        w.writeEmptyElement(kAtomNs, u"link"_s);
        w.writeAttribute(u"href"_s, u"https://arxiv.org/pdf/"_s + vid);
        w.writeAttribute(u"rel"_s, u"related"_s);
        w.writeAttribute(u"type"_s, u"application/pdf"_s);
        w.writeAttribute(u"title"_s, u"pdf"_s);
        w.writeTextElement(kAtomNs, u"summary"_s, p.abstract);
        for (const QString &c : p.categories) {
            w.writeEmptyElement(kAtomNs, u"category"_s);
            w.writeAttribute(u"term"_s, c);
            w.writeAttribute(u"scheme"_s, u"http://arxiv.org/schemas/atom"_s);
        }
        w.writeTextElement(kAtomNs, u"published"_s, isoUtc(p.published));
        if (!p.comment.isEmpty())
            w.writeTextElement(kArxivNs, u"comment"_s, p.comment);
        if (!p.journalRef.isEmpty())
            w.writeTextElement(kArxivNs, u"journal_ref"_s, p.journalRef);
        if (!p.doi.isEmpty())
            w.writeTextElement(kArxivNs, u"doi"_s, p.doi);
        w.writeEmptyElement(kArxivNs, u"primary_category"_s);
        w.writeAttribute(u"term"_s, p.primaryCategory.isEmpty() ? p.categories.value(0) : p.primaryCategory);
        for (const Author &a : p.authors) {
            w.writeStartElement(kAtomNs, u"author"_s);
            w.writeTextElement(kAtomNs, u"name"_s, a.name);
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

QByteArray FakeArxivServer::buildAtomError(const QString &badId)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeNamespace(kOpenSearchNs, u"opensearch"_s);
    w.writeNamespace(kArxivNs, u"arxiv"_s);
    w.writeDefaultNamespace(kAtomNs);
    w.writeStartElement(kAtomNs, u"feed"_s);
    w.writeTextElement(kAtomNs, u"id"_s, u"https://arxiv.org/"_s);
    w.writeTextElement(kAtomNs, u"title"_s, u"arXiv Search Results"_s);
    const QString now = isoUtc(QDateTime::currentDateTimeUtc());
    w.writeTextElement(kAtomNs, u"updated"_s, now);
    w.writeTextElement(kOpenSearchNs, u"itemsPerPage"_s, u"1"_s);
    w.writeTextElement(kOpenSearchNs, u"totalResults"_s, u"1"_s);
    w.writeTextElement(kOpenSearchNs, u"startIndex"_s, u"0"_s);
    const QString errorId = u"https://arxiv.org/api/errors#incorrect_id_format_for_"_s + badId;
    w.writeStartElement(kAtomNs, u"entry"_s);
    w.writeTextElement(kAtomNs, u"id"_s, errorId);
    w.writeTextElement(kAtomNs, u"title"_s, u"Error"_s);
    w.writeTextElement(kAtomNs, u"updated"_s, now);
    w.writeEmptyElement(kAtomNs, u"link"_s);
    w.writeAttribute(u"href"_s, errorId);
    w.writeAttribute(u"rel"_s, u"alternate"_s);
    w.writeAttribute(u"type"_s, u"text/html"_s);
    w.writeTextElement(kAtomNs, u"summary"_s, u"incorrect id format for "_s + badId);
    w.writeStartElement(kAtomNs, u"author"_s);
    w.writeTextElement(kAtomNs, u"name"_s, u"arXiv api core"_s);
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}
