// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchoutcome.h"

#include "scoreparser.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace {
Score row(const QString &id, ScoreStage stage, ScoreStatus status, const QString &reason = {})
{
    Score s;
    s.arxivId = id;
    s.stage = stage;
    s.status = status;
    s.reason = reason;
    return s;
}
} // namespace

BatchOutcome BatchOutcomes::fromTitleReply(const QStringList &ids, int round, const QString &text)
{
    BatchOutcome out;
    const TitleReply reply = ScoreParser::parseTitleReply(text, ids);
    out.problem = reply.problems.join(u"; "_s);
    // A first reply that drops a whole batch is not trusted (L8a): one paper's text may have told the
    // model to call every paper irrelevant, and drops are stored for good. Asked again in halves, the
    // paper that did it can reach only its own half; what the halves say is taken. Not "more than 90 %":
    // on a real day the pre-filter rightly drops about 89 % of titles, and many batches drop more
    // (2025-10-07 in bench_selection: a 90 % rule would re-ask 3 of the 4 default batches).
    const qsizetype n = ids.size();
    if (reply.ok && round == 0 && n >= kSuspectBatch && reply.drop.size() == n) {
        out.again = ids;
        out.problem
            = QCoreApplication::translate("BatchOutcomes", "the reply dropped %1 of %2 papers; asked again in halves")
                  .arg(reply.drop.size())
                  .arg(n);
        return out;
    }
    if (reply.ok) {
        const QSet<QString> drop(reply.drop.cbegin(), reply.drop.cend());
        for (const QString &id : ids) {
            const bool dropped = drop.contains(id);
            out.rows.append(row(id, ScoreStage::TitleFilter, dropped ? ScoreStatus::Dropped : ScoreStatus::Kept,
                dropped
                    ? QCoreApplication::translate("BatchOutcomes", "the title pre-filter found it outside the criteria")
                    : QString()));
        }
        return out;
    }
    out.status = u"parse_error"_s;
    if (round == 0) {
        out.again = ids;
    } else {
        // If in doubt, keep: the abstract stage decides (the pre-filter only drops sure misses). Not
        // stored, so the next run asks the pre-filter again.
        out.keptUnstored = ids;
    }
    return out;
}

BatchOutcome BatchOutcomes::fromAbstractReply(const QStringList &ids, int round, const QString &text, bool truncated)
{
    BatchOutcome out;
    const AbstractReply reply = ScoreParser::parseAbstractReply(text, ids);
    for (const ParsedScore &s : reply.scores) {
        Score r = row(s.arxivId, ScoreStage::Abstract, ScoreStatus::Scored);
        r.relevance = s.relevance;
        r.novelty = s.novelty;
        r.comment = s.comment;
        out.rows.append(r);
    }
    if (!reply.foundJson)
        out.status = u"parse_error"_s;
    out.problem = reply.problems.join(u"; "_s);
    if (truncated)
        out.problem = (out.problem.isEmpty() ? QString() : out.problem + u"; "_s)
            + QCoreApplication::translate("BatchOutcomes", "the answer was cut off at the output limit");
    if (round == 0) {
        out.again = reply.missing;
    } else {
        for (const QString &id : reply.missing)
            out.rows.append(row(id, ScoreStage::Abstract, ScoreStatus::Unscored,
                QCoreApplication::translate("BatchOutcomes", "asked twice, no usable answer: %1")
                    .arg(reply.whyMissing.value(id))));
    }
    return out;
}
