// SPDX-License-Identifier: GPL-3.0-or-later
#include "guifixture.h"

#include "domain/announcetype.h"
#include "domain/paper.h"
#include "domain/score.h"
#include "storage/announcementrepository.h"
#include "storage/criteriarepository.h"
#include "storage/database.h"
#include "storage/paperrepository.h"
#include "storage/scorerepository.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

qint64 GuiFixture::addPaper(Database &db, const TestPaper &t)
{
    Paper p;
    p.arxivId = t.arxivId;
    p.title = t.title;
    p.abstract = t.abstract;
    for (const QString &a : t.authors)
        p.authors.append(Author{a, {}, -1});
    p.categories = t.categories;
    p.primaryCategory = t.categories.value(0);
    PaperRepository papers(db);
    const qint64 id = papers.upsert(p, QDateTime::currentDateTimeUtc());
    AnnouncementRepository announcements(db);
    if (id == 0 || !announcements.add(id, t.day, p.primaryCategory, AnnounceType::New, 1)) {
        qWarning("GuiFixture: cannot store %s: %s", qPrintable(t.arxivId),
                 qPrintable(id == 0 ? papers.errorString() : announcements.errorString()));
        return 0;
    }
    if (t.relevance > 0) {
        const qint64 criteriaId = CriteriaRepository(db).saveIfNew(Criteria::defaults());
        Score s;
        s.arxivId = t.arxivId;
        s.criteriaId = criteriaId;
        s.model = u"gpt-5"_s;
        s.relevance = t.relevance;
        s.novelty = t.novelty;
        s.comment = t.llmComment.isNull() ? u""_s : t.llmComment;
        s.reason = u""_s; // NOT NULL; ScoreRepository binds a null QString as NULL
        QString error;
        if (!ScoreRepository(db).save({s}, 0, 0, &error)) {
            qWarning("GuiFixture: cannot score %s: %s", qPrintable(t.arxivId), qPrintable(error));
            return 0;
        }
    }
    return id;
}
