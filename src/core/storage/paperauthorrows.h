// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "preparedstatements.h"

#include "domain/author.h"
#include "domain/paper.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class Database;

// The authors and paper_authors rows of stored papers, in order (position 0-based). An author row is
// shared by name until the Semantic Scholar stage links a paper to one specific person (s2_id);
// rewriting a paper's author list keeps those links for the names that did not change.
class PaperAuthorRows final
{
public:
    explicit PaperAuthorRows(Database &db);
    Q_DISABLE_COPY_MOVE(PaperAuthorRows)

    // Authors of papers that have no author rows yet (just inserted), in two statements for the lot.
    bool link(const QList<qint64> &paperIds, const QList<const Paper *> &papers);
    // The paper's author list as given, keeping the rows of unchanged names.
    bool replace(qint64 paperId, const QList<Author> &authors);

    QString errorString() const { return m_sql.errorString(); }

private:
    // The shared (not S2-linked) author row of each name, made where missing.
    bool idsFor(const QStringList &names, QHash<QString, qint64> *ids);
    bool findIds(const QStringList &names, QHash<QString, qint64> *ids);
    qint64 idFor(const QString &name);

    PreparedStatements m_sql;
};
