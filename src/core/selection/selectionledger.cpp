// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectionledger.h"

#include "storage/criteriarepository.h"
#include "storage/database.h"
#include "storage/llmrequestrepository.h"
#include "storage/paperrepository.h"
#include "storage/scorerepository.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QSet>

SelectionLedger::SelectionLedger(Database &db)
    : m_db(db)
{
}

qint64 SelectionLedger::criteriaVersion(const Criteria &criteria, QString *error)
{
    return CriteriaRepository(m_db).saveIfNew(criteria, error);
}

std::optional<QList<Paper>> SelectionLedger::papers(const QStringList &ids, int *missing, QString *error)
{
    QSet<QString> seen;
    PaperRepository repo(m_db);
    QList<Paper> out;
    bool any = false;
    for (const QString &id : ids) {
        if (id.isEmpty() || seen.contains(id))
            continue;
        seen.insert(id);
        any = true;
        if (const std::optional<Paper> p = repo.find(id))
            out.append(*p);
        else
            ++*missing;
    }
    if (out.isEmpty() && any && !repo.errorString().isEmpty()) {
        *error = QCoreApplication::translate("SelectionLedger", "Cannot read the papers from the database: %1")
                     .arg(repo.errorString());
        return std::nullopt;
    }
    return out;
}

std::optional<SelectionLedger::Earlier> SelectionLedger::earlier(qint64 criteriaId, const QString &model,
                                                                 const QStringList &ids, bool titles, QString *error)
{
    ScoreRepository scores(m_db);
    std::optional<QHash<QString, Score>> abstracts = scores.existing(criteriaId, model, ScoreStage::Abstract, ids);
    std::optional<QHash<QString, Score>> titleRows =
        titles && abstracts ? scores.existing(criteriaId, model, ScoreStage::TitleFilter, ids) : QHash<QString, Score>();
    if (!abstracts || !titleRows) {
        // Taken for "nothing answered yet", this would send and pay for every paper again.
        *error = QCoreApplication::translate("SelectionLedger", "Cannot read earlier answers; nothing was sent: %1")
                     .arg(scores.errorString());
        return std::nullopt;
    }
    return Earlier{std::move(*abstracts), std::move(*titleRows)};
}

bool SelectionLedger::record(const LlmRequestRecord &request, const QList<Score> &scores, QString *error)
{
    Transaction tx(m_db.connection());
    const qint64 requestId = LlmRequestRepository(m_db).insert(request, error);
    if (requestId <= 0 || !ScoreRepository(m_db).save(scores, request.runId, requestId, error))
        return false;
    if (!tx.commit()) {
        *error = tx.errorString();
        return false;
    }
    return true;
}

bool SelectionLedger::storeUnsent(const QList<Score> &scores, qint64 runId, QString *error)
{
    if (scores.isEmpty())
        return true;
    Transaction tx(m_db.connection());
    if (!ScoreRepository(m_db).save(scores, runId, 0, error))
        return false;
    if (!tx.commit()) {
        *error = tx.errorString();
        return false;
    }
    return true;
}
