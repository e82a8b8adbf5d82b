// SPDX-License-Identifier: GPL-3.0-or-later
#include "digestbuilder.h"

#include "arxiv/arxivcategory.h"
#include "domain/digestrule.h"
#include "domain/runsettings.h"
#include "llm/pricingtable.h"
#include "selection/promptbuilder.h"
#include "storage/criteriarepository.h"
#include "storage/database.h"
#include "storage/feeddayrepository.h"
#include "storage/llmrequestrepository.h"
#include "storage/paperrepository.h"
#include "storage/runrepository.h"
#include "storage/scorerepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

struct Decisions
{
    std::optional<Score> author, hindex, title, abstract;
};

DigestPaper toDigestPaper(const Paper &p)
{
    DigestPaper d;
    d.arxivId = p.arxivId;
    d.version = p.version;
    d.title = p.title;
    for (const Author &a : p.authors)
        d.authors << a.name;
    d.abstract = p.abstract;
    d.categories = p.categories;
    if (!p.primaryCategory.isEmpty()) {
        d.categories.removeAll(p.primaryCategory);
        d.categories.prepend(p.primaryCategory);
    }
    d.doi = p.doi;
    d.journalRef = p.journalRef;
    d.arxivComment = p.comment;
    d.published = p.published;
    return d;
}
} // namespace

DigestBuilder::DigestBuilder(Database &db, const PricingTable &prices)
    : m_db(db)
    , m_prices(prices)
{
}

QStringList DigestBuilder::candidates(const QDate &day, const QStringList &categories, const QStringList &announceTypes)
{
    QStringList cats;
    for (const QString &c : ArxivCategory::normalise(categories))
        cats << ArxivCategory::canonical(c);
    QStringList types;
    for (const QString &t : announceTypes)
        types << t.trimmed().toLower();
    QStringList ids;
    if (cats.isEmpty() || types.isEmpty())
        return ids;
    QStringList catMarks, typeMarks;
    catMarks.fill(u"?"_s, cats.size());
    typeMarks.fill(u"?"_s, types.size());
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT DISTINCT p.arxiv_id FROM announcements a JOIN papers p ON p.id = a.paper_id "
              u"WHERE a.day = ? AND a.category IN ("_s
              + catMarks.join(u',') + u") AND a.type IN ("_s + typeMarks.join(u',') + u") ORDER BY p.arxiv_id"_s);
    q.addBindValue(day.toString(Qt::ISODate));
    for (const QString &c : std::as_const(cats))
        q.addBindValue(c);
    for (const QString &t : std::as_const(types))
        q.addBindValue(t);
    if (!q.exec()) {
        qWarning("digest candidates: %s", qPrintable(q.lastError().text()));
        return ids;
    }
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

QList<DigestModelUsage> DigestBuilder::usageForDay(const QDate &day)
{
    QList<DigestModelUsage> out;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id FROM runs WHERE day = ? ORDER BY id"_s);
    q.addBindValue(day.toString(Qt::ISODate));
    if (!q.exec())
        return out;
    LlmRequestRepository requests(m_db);
    QHash<QString, qsizetype> index;
    while (q.next()) {
        for (const LlmModelTotals &t : requests.totalsForRun(q.value(0).toLongLong())) {
            qsizetype i = index.value(t.model, -1);
            if (i < 0) {
                i = out.size();
                index.insert(t.model, i);
                DigestModelUsage u;
                u.model = t.model;
                out.append(u);
            }
            DigestModelUsage &u = out[i];
            u.requests += t.requests;
            u.promptTokens += t.usage.promptTokens;
            u.cachedTokens += t.usage.cachedTokens;
            u.completionTokens += t.usage.completionTokens;
            u.reasoningTokens += t.usage.reasoningTokens;
            // Each tier at its own rates: a flex request cost half of a standard one.
            const ServiceTier tier = ServiceTiers::fromName(t.serviceTier);
            LlmUsage prompt;
            prompt.promptTokens = t.usage.promptTokens;
            prompt.cachedTokens = t.usage.cachedTokens;
            LlmUsage completion;
            completion.completionTokens = t.usage.completionTokens;
            completion.reasoningTokens = t.usage.reasoningTokens;
            const LlmCost promptCost = m_prices.cost(u.model, prompt, tier);
            const LlmCost completionCost = m_prices.cost(u.model, completion, tier);
            u.priceKnown = u.priceKnown && promptCost.priceKnown && completionCost.priceKnown;
            u.promptCostUsd += promptCost.usd;
            u.completionCostUsd += completionCost.usd;
        }
    }
    return out;
}

std::optional<Digest> DigestBuilder::latestForDay(const QDate &day, QString *error)
{
    RunRepository runs(m_db);
    const std::optional<Run> run = runs.latestForDay(day);
    if (!run) {
        setError(error, DigestBuilder::tr("There is no run for %1.").arg(day.toString(Qt::ISODate)));
        return std::nullopt;
    }
    return forRun(run->id, error);
}

std::optional<Digest> DigestBuilder::forRun(qint64 runId, QString *error)
{
    RunRepository runs(m_db);
    const std::optional<Run> run = runs.find(runId);
    if (!run) {
        setError(error, DigestBuilder::tr("There is no run %1.").arg(runId));
        return std::nullopt;
    }
    const RunSettings settings = RunSettings::fromJson(run->settingsJson);
    const QString model = run->model.isEmpty() ? settings.model : run->model;

    Digest d;
    d.day = run->day;
    d.runId = run->id;
    d.runStatus = RunRepository::statusToString(run->status);
    d.runMessage = run->message;
    d.categories = ArxivCategory::normalise(settings.categories);
    d.relevanceCutoff = settings.relevanceCutoff;
    d.noveltyCutoff = settings.noveltyCutoff;
    d.budgetReached = run->status == RunStatus::BudgetReached;
    d.usage = usageForDay(run->day);

    FeedDayRepository feedDays(m_db);
    if (const auto fd = feedDays.find(run->day, ArxivCategory::key(settings.categories))) {
        d.totalArxiv = fd->announced;
        d.totalScanned = fd->kept;
    }

    CriteriaRepository criteriaRepo(m_db);
    if (run->criteriaId > 0) {
        if (const std::optional<Criteria> c = criteriaRepo.load(run->criteriaId)) {
            d.systemPrompt = c->systemPrompt.trimmed();
            d.userPrompt = PromptBuilder::fixedAbstractPart(*c) + kPaperListMarker;
        }
    }

    const QStringList ids = candidates(run->day, settings.categories, settings.announceTypes);
    QHash<QString, Decisions> decisions;
    if (run->criteriaId > 0) {
        ScoreRepository scores(m_db);
        for (const Score &s : scores.forPapers(run->criteriaId, model, ids)) {
            Decisions &dec = decisions[s.arxivId];
            switch (s.stage) {
            case ScoreStage::AuthorMatch:
                dec.author = s;
                break;
            case ScoreStage::HIndex:
                dec.hindex = s;
                break;
            case ScoreStage::TitleFilter:
                dec.title = s;
                break;
            case ScoreStage::Abstract:
                dec.abstract = s;
                break;
            }
        }
    }

    PaperRepository papers(m_db);
    const DigestRule rule(d.relevanceCutoff, d.noveltyCutoff);
    struct Ranked
    {
        DigestPaper paper;
        DigestRule::Entry entry;
    };
    QList<Ranked> ranked;
    for (const QString &id : ids) {
        const Decisions dec = decisions.value(id);
        const bool author = dec.author && dec.author->status == ScoreStatus::Kept;
        const bool scored = dec.abstract && dec.abstract->status == ScoreStatus::Scored;
        if (rule.isRelevant(author, scored ? dec.abstract->relevance : 0, scored ? dec.abstract->novelty : 0)) {
            const std::optional<Paper> p = papers.find(id);
            if (!p)
                continue;
            Ranked r;
            r.paper = toDigestPaper(*p);
            r.entry.followedAuthor = author;
            r.entry.arxivId = r.paper.arxivId;
            if (author) {
                r.paper.authorMatch = true;
                r.paper.comment = dec.author->comment.isEmpty() ? u"Author match"_s : dec.author->comment;
                r.paper.followedAuthor = dec.author->reason;
            } else {
                r.paper.comment = dec.abstract->comment;
            }
            if (scored) {
                r.paper.relevance = dec.abstract->relevance;
                r.paper.novelty = dec.abstract->novelty;
                r.entry.relevance = dec.abstract->relevance;
                r.entry.novelty = dec.abstract->novelty;
            }
            ranked.append(r);
            continue;
        }
        if (scored || author)
            continue;
        const bool dropped = (dec.hindex && dec.hindex->status == ScoreStatus::Dropped)
                             || (dec.title && dec.title->status == ScoreStatus::Dropped);
        if (dropped)
            continue;
        // Neither dropped nor answered: say why, never leave it out silently.
        QString reason;
        if (dec.abstract && dec.abstract->status == ScoreStatus::Unscored)
            reason = dec.abstract->reason;
        else if (dec.title && dec.title->status == ScoreStatus::Unscored)
            reason = dec.title->reason;
        else if (run->status == RunStatus::BudgetReached)
            reason = DigestBuilder::tr("not scored: the daily budget was reached");
        else if (run->status == RunStatus::Cancelled)
            reason = DigestBuilder::tr("not scored: the run was cancelled");
        else if (run->status == RunStatus::Running)
            reason = DigestBuilder::tr("not scored yet: the run is still going");
        else
            reason = DigestBuilder::tr("not scored: the run did not reach it");
        if (reason.isEmpty())
            reason = DigestBuilder::tr("no usable answer from the model");
        const std::optional<Paper> p = papers.find(id);
        d.unscored.append({id, p ? p->title : QString(), reason});
    }
    std::sort(ranked.begin(), ranked.end(),
              [&rule](const Ranked &a, const Ranked &b) { return rule.ranksBefore(a.entry, b.entry); });
    for (const Ranked &r : std::as_const(ranked))
        d.papers.append(r.paper);
    d.totalRelevant = int(d.papers.size());
    return d;
}
