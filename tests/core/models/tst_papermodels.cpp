// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demolibrary.h"
#include "guifixture.h"
#include "models/daylistmodel.h"
#include "models/paperfilterproxymodel.h"
#include "models/papertablemodel.h"
#include "models/requesttablemodel.h"
#include "models/runtablemodel.h"
#include "storage/database.h"
#include "storage/libraryrepository.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <numeric>

using namespace Qt::Literals::StringLiterals;

namespace {
// Feed or LLM text that Qt's rich-text guess (QToolTip, Qt::AutoText) would render as markup.
const QString kHostile = u"The <s>token</s> <font size=7 color=red>X</font> <img src=x>"_s;

// A tooltip must be rich text (so Qt does not guess) whose text is the input, character for character.
void verifyShownLiterally(const QVariant &tip, const QString &text)
{
    const QString html = tip.toString();
    QVERIFY2(html.startsWith(u"<qt>"_s) && html.endsWith(u"</qt>"_s), qPrintable(html));
    QString inner = html.mid(4, html.size() - 9);
    inner.replace(u"<br>"_s, u"\n"_s);
    QVERIFY2(!inner.contains(u'<'), qPrintable(html)); // no markup but the line breaks
    inner.replace(u"&lt;"_s, u"<"_s).replace(u"&gt;"_s, u">"_s).replace(u"&quot;"_s, u"\""_s).replace(u"&#39;"_s, u"'"_s);
    inner.replace(u"&amp;"_s, u"&"_s);
    QCOMPARE(inner, text);
}
} // namespace

// The window's models against real SQLite: the demo library (the reference day's 70 papers) plus papers
// written by the test.
class TestPaperModels : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rowsFollowTheDigestRanking();
    void rolesAndDisplay();
    void sortingByColumns();
    void sortFollowsChanges();
    void proxyFilters();
    void scopeHidesUnscoredPapers();
    void starAndReadAreStored();
    void searchSpansTheWholeHistory();
    void searchTreatsOperatorsAsWords();
    void searchOrdersShortPrefixesByNewest();
    void dayListHasTodayFirst();
    void paperToolTipsShowFeedTextLiterally();
    void runAndRequestToolTipsShowTextLiterally();

private:
    QJsonArray reference() const;
    int countWhere(const std::function<bool(const QJsonObject &)> &pred) const;

    std::unique_ptr<DemoLibrary> m_demo;
};

void TestPaperModels::init()
{
    m_demo = std::make_unique<DemoLibrary>();
    QString error;
    QVERIFY2(m_demo->open(&error), qPrintable(error));
}

void TestPaperModels::cleanup()
{
    m_demo.reset();
}

QJsonArray TestPaperModels::reference() const
{
    QFile f(u":/demo/demo-day.json"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(u"papers"_s).toArray();
}

int TestPaperModels::countWhere(const std::function<bool(const QJsonObject &)> &pred) const
{
    int n = 0;
    for (const QJsonValue &v : reference())
        n += pred(v.toObject()) ? 1 : 0;
    return n;
}

void TestPaperModels::rowsFollowTheDigestRanking()
{
    PaperTableModel model(m_demo->database());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.showDay(m_demo->day());
    QCOMPARE(model.rowCount(), 70);
    QCOMPARE(model.columnCount(), int(PaperTableModel::ColumnCount));
    // Rank n has the scores of the reference digest's n-th paper (the reference tool's ranking), and
    // papers that tie on them come in arXiv-id order (DigestRule: the digest's own tie-break).
    const QJsonArray ref = reference();
    QStringList expected, actual;
    QList<int> ranks;
    for (int row = 0; row < model.rowCount(); ++row)
        ranks.append(model.rankAt(row));
    for (int rank = 1; rank <= 70; ++rank) {
        const int row = int(ranks.indexOf(rank));
        QVERIFY2(row >= 0, qPrintable(u"no row has rank %1"_s.arg(rank)));
        const LibraryPaper *p = model.paperAt(row);
        const QJsonObject r = ref.at(rank - 1).toObject();
        QCOMPARE(p->relevance, r.value(u"relevance"_s).toInt());
        QCOMPARE(p->novelty, r.value(u"novelty"_s).toInt());
        if (rank > 1) {
            const LibraryPaper *before = model.paperAt(int(ranks.indexOf(rank - 1)));
            if (before->relevance == p->relevance && before->novelty == p->novelty && before->authorMatch == p->authorMatch)
                QVERIFY2(before->arxivId < p->arxivId, qPrintable(before->arxivId + u" before "_s + p->arxivId));
        }
        actual << p->arxivId;
        expected << r.value(u"arxivId"_s).toString().section(u'v', 0, 0);
    }
    std::sort(actual.begin(), actual.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(actual, expected);
}

void TestPaperModels::rolesAndDisplay()
{
    PaperTableModel model(m_demo->database());
    model.showDay(m_demo->day());
    int row = -1;
    for (int i = 0; i < model.rowCount(); ++i) {
        if (model.paperAt(i)->title.startsWith(u"StructPrune"_s))
            row = i;
    }
    QVERIFY(row >= 0);
    // $\mathcal{O}(\sqrt{N})$ reads as Unicode in the table.
    const QString title = model.index(row, PaperTableModel::TitleColumn).data().toString();
    QVERIFY2(title.contains(u"√"_s) && !title.contains(u"\\sqrt"_s), qPrintable(title));
    QCOMPARE(model.index(row, 0).data(PaperTableModel::RelevantRole).toBool(), true);
    QCOMPARE(model.index(row, 0).data(PaperTableModel::ReadRole).toBool(), false);
    QCOMPARE(model.index(row, 0).data(PaperTableModel::DayRole).toDate(), m_demo->day());
    QVERIFY(model.index(row, PaperTableModel::RelevanceColumn).data().toInt() >= 8);
    const QString authors = model.index(row, PaperTableModel::AuthorsColumn).data().toString();
    QVERIFY(authors.endsWith(u" et al."_s) || authors.count(u',') <= 1);
    // Followed authors are matched by name.
    const QString firstAuthor = model.paperAt(row)->authorsText.section(u", "_s, 0, 0);
    QCOMPARE(model.index(row, 0).data(PaperTableModel::FollowedRole).toBool(), false);
    model.setFollowedAuthors({firstAuthor.toUpper() + u", 12345"_s});
    QCOMPARE(model.index(row, 0).data(PaperTableModel::FollowedRole).toBool(), true);
}

void TestPaperModels::sortingByColumns()
{
    PaperTableModel model(m_demo->database());
    PaperFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    model.showDay(m_demo->day());
    proxy.sort(PaperTableModel::RelevanceColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.rowCount(), 70);
    int previous = 11;
    for (int r = 0; r < proxy.rowCount(); ++r) {
        const int rel = proxy.index(r, 0).data(PaperTableModel::RelevanceRole).toInt();
        QVERIFY(rel <= previous);
        previous = rel;
    }
    QCOMPARE(proxy.index(0, 0).data(PaperTableModel::RelevanceRole).toInt(), 10);

    proxy.sort(PaperTableModel::TitleColumn, Qt::AscendingOrder);
    for (int r = 1; r < proxy.rowCount(); ++r) {
        const QString a = model.paperAt(proxy.mapToSource(proxy.index(r - 1, 0)).row())->title;
        const QString b = model.paperAt(proxy.mapToSource(proxy.index(r, 0)).row())->title;
        QVERIFY2(a.compare(b, Qt::CaseInsensitive) <= 0, qPrintable(a + u" / "_s + b));
    }
    proxy.sort(PaperTableModel::RankColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data(PaperTableModel::RankRole).toInt(), 1);
    QCOMPARE(proxy.index(69, 0).data(PaperTableModel::RankRole).toInt(), 70);
}

// The model sorts its own rows (the proxy keeps that order and filters): the order must match the column's
// comparison, follow a star, new cutoffs and new rows, keep a selected paper selected, and the filters must
// still see each paper's own categories after its row moved.
void TestPaperModels::sortFollowsChanges()
{
    // Titles and names whose case folding is not plain ASCII: the sort folds each text once and must order
    // them exactly as QString::compare(Qt::CaseInsensitive) does.
    const QStringList odd = {u"STRASSE of Σ-algebras"_s, u"straße of ς-algebras"_s, u"İstanbul ǅemal learning"_s,
                             u"istanbul ǆemal learning"_s, u"Ａttention ｆullwidth"_s, u"attention 𝐁old"_s};
    for (qsizetype i = 0; i < odd.size(); ++i) {
        GuiFixture::TestPaper paper;
        paper.arxivId = u"2510.9910%1"_s.arg(i);
        paper.title = odd.at(i);
        paper.authors = {odd.at(odd.size() - 1 - i)};
        paper.day = m_demo->day();
        paper.relevance = 5;
        paper.novelty = 5;
        QVERIFY(GuiFixture::addPaper(m_demo->database(), paper) > 0);
    }
    PaperTableModel model(m_demo->database());
    PaperFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setScope(PaperFilterProxyModel::Scope::All);
    model.showDay(m_demo->day());
    auto idAt = [&](int proxyRow) { return model.paperAt(proxy.mapToSource(proxy.index(proxyRow, 0)).row())->id; };
    auto proxyOrder = [&] {
        QList<qint64> ids;
        for (int r = 0; r < proxy.rowCount(); ++r)
            ids << idAt(r);
        return ids;
    };
    auto directOrder = [&](int column, Qt::SortOrder order) {
        QList<int> rows(model.rowCount());
        std::iota(rows.begin(), rows.end(), 0);
        std::sort(rows.begin(), rows.end(), [&](int a, int b) {
            return order == Qt::AscendingOrder ? model.rowLessThan(a, b, column) : model.rowLessThan(b, a, column);
        });
        QList<qint64> ids;
        for (int row : rows)
            ids << model.paperAt(row)->id;
        return ids;
    };
    const QPersistentModelIndex selected = proxy.index(5, PaperTableModel::TitleColumn);
    const qint64 selectedId = idAt(5);
    for (int column = 0; column < PaperTableModel::ColumnCount; ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            proxy.sort(column, order);
            QCOMPARE(proxyOrder(), directOrder(column, order));
            QVERIFY(selected.isValid());
            QCOMPARE(idAt(selected.row()), selectedId);
            QCOMPARE(selected.column(), int(PaperTableModel::TitleColumn));
        }
    }
    proxy.sort(-1);
    const QList<LibraryPaper> stored = LibraryRepository(m_demo->database()).papersForDay(m_demo->day());
    QList<qint64> readOrder;
    for (const LibraryPaper &p : stored)
        readOrder << p.id;
    QCOMPARE(proxyOrder(), readOrder);

    // Starred first when sorted by the star column: a newly starred paper moves up at once.
    proxy.sort(PaperTableModel::StarColumn, Qt::DescendingOrder);
    const qint64 last = proxyOrder().last();
    QVERIFY(model.setStarred(model.rowOfPaper(last), true));
    QCOMPARE(proxyOrder().first(), last);

    // Stricter cutoffs re-rank: the rank column's order follows.
    proxy.sort(PaperTableModel::RankColumn, Qt::AscendingOrder);
    const QList<qint64> before = proxyOrder();
    model.setCutoffs(10, 1); // relevance 10 with low novelty now ranks above 9 / 9
    QList<int> ranks;
    for (int r = 0; r < proxy.rowCount(); ++r)
        ranks << proxy.index(r, 0).data(PaperTableModel::RankRole).toInt();
    const int ranked = int(std::count_if(ranks.cbegin(), ranks.cend(), [](int rank) { return rank > 0; }));
    for (int r = 0; r < ranked; ++r)
        QCOMPARE(ranks.at(r), r + 1);
    QVERIFY(proxyOrder() != before);
    QCOMPARE(proxyOrder(), directOrder(PaperTableModel::RankColumn, Qt::AscendingOrder));

    // Each paper keeps its own categories wherever its row went; a filter keeps the sorted order.
    auto hasCl = [](const LibraryPaper &p) { return p.categories.split(u' ').contains(u"cs.CL"_s); };
    proxy.sort(PaperTableModel::TitleColumn, Qt::DescendingOrder);
    proxy.setCategory(u"cs.CL"_s);
    QList<qint64> expected;
    for (const qint64 id : directOrder(PaperTableModel::TitleColumn, Qt::DescendingOrder)) {
        if (hasCl(*model.paperAt(model.rowOfPaper(id))))
            expected << id;
    }
    QVERIFY(!expected.isEmpty());
    QCOMPARE(proxyOrder(), expected);

    // A category number belongs to one load: after a search, the filter still finds the category.
    model.showSearch(u"language"_s);
    QVERIFY(model.rowCount() > 0);
    int inSearch = 0;
    for (int r = 0; r < model.rowCount(); ++r)
        inSearch += hasCl(*model.paperAt(r)) ? 1 : 0;
    QVERIFY(inSearch > 0);
    QCOMPARE(proxy.rowCount(), inSearch);
    proxy.setCategory(u"no.SUCH"_s);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestPaperModels::proxyFilters()
{
    PaperTableModel model(m_demo->database());
    PaperFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.showDay(m_demo->day());
    QCOMPARE(proxy.rowCount(), 70);

    proxy.setMinRelevance(10);
    QCOMPARE(proxy.rowCount(), countWhere([](const QJsonObject &o) { return o.value(u"relevance"_s).toInt() >= 10; }));
    proxy.setMinNovelty(9);
    QCOMPARE(proxy.rowCount(), countWhere([](const QJsonObject &o) {
                 return o.value(u"relevance"_s).toInt() >= 10 && o.value(u"novelty"_s).toInt() >= 9;
             }));
    QCOMPARE(proxy.hiddenCount(), 70 - proxy.rowCount());
    proxy.setMinRelevance(0);
    proxy.setMinNovelty(0);
    QCOMPARE(proxy.rowCount(), 70);

    // A category matches primary categories and cross-lists.
    proxy.setCategory(u"cs.CL"_s);
    const int cl = countWhere([](const QJsonObject &o) {
        for (const QJsonValue &c : o.value(u"categories"_s).toArray()) {
            if (c.toString() == u"cs.CL"_s)
                return true;
        }
        return false;
    });
    QVERIFY(cl > 0);
    QCOMPARE(proxy.rowCount(), cl);
    proxy.setCategory({});

    QVERIFY(model.setStarred(3, true));
    QVERIFY(model.setStarred(7, true));
    proxy.setStarredOnly(true);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setStarredOnly(false);
    for (int r = 0; r < 5; ++r)
        QVERIFY(model.setRead(r, true));
    proxy.setUnreadOnly(true);
    QCOMPARE(proxy.rowCount(), 65);
}

void TestPaperModels::scopeHidesUnscoredPapers()
{
    GuiFixture::TestPaper unscored;
    unscored.arxivId = u"2510.99001"_s;
    unscored.title = u"A paper nobody scored"_s;
    unscored.day = m_demo->day();
    QVERIFY(GuiFixture::addPaper(m_demo->database(), unscored) > 0);
    GuiFixture::TestPaper low = unscored;
    low.arxivId = u"2510.99002"_s;
    low.title = u"Scored below the cutoffs"_s;
    low.relevance = 5;
    low.novelty = 9;
    QVERIFY(GuiFixture::addPaper(m_demo->database(), low) > 0);

    PaperTableModel model(m_demo->database());
    PaperFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    model.showDay(m_demo->day());
    QCOMPARE(model.rowCount(), 72);
    QCOMPARE(proxy.rowCount(), 70); // the digest
    proxy.setScope(PaperFilterProxyModel::Scope::Scored);
    QCOMPARE(proxy.rowCount(), 71);
    proxy.setScope(PaperFilterProxyModel::Scope::All);
    QCOMPARE(proxy.rowCount(), 72);
    // Raising the cutoffs shrinks the digest.
    model.setCutoffs(10, 8);
    proxy.setScope(PaperFilterProxyModel::Scope::Relevant);
    QCOMPARE(proxy.rowCount(), countWhere([](const QJsonObject &o) {
                 return o.value(u"relevance"_s).toInt() >= 10 && o.value(u"novelty"_s).toInt() >= 8;
             }));
}

void TestPaperModels::starAndReadAreStored()
{
    qint64 id = 0;
    {
        PaperTableModel model(m_demo->database());
        model.showDay(m_demo->day());
        id = model.paperAt(0)->id;
        QVERIFY(model.setData(model.index(0, PaperTableModel::StarColumn), true, PaperTableModel::StarredRole));
        QVERIFY(model.setRead(0, true));
        QCOMPARE(model.index(0, PaperTableModel::StarColumn).data().toString(), u"★"_s);
    }
    PaperTableModel again(m_demo->database());
    again.showDay(m_demo->day());
    const int row = again.rowOfPaper(id);
    QVERIFY(row >= 0);
    QCOMPARE(again.index(row, 0).data(PaperTableModel::StarredRole).toBool(), true);
    QCOMPARE(again.index(row, 0).data(PaperTableModel::ReadRole).toBool(), true);
}

void TestPaperModels::searchSpansTheWholeHistory()
{
    GuiFixture::TestPaper older;
    older.arxivId = u"2509.00042"_s;
    older.title = u"Quantization of sparse experts, a month earlier"_s;
    older.day = QDate(2025, 9, 2);
    older.abstract = u"We study zebrafish-inspired routing."_s;
    QVERIFY(GuiFixture::addPaper(m_demo->database(), older) > 0);

    PaperTableModel model(m_demo->database());
    model.showSearch(u"zebrafish"_s);
    QCOMPARE(model.source(), PaperTableModel::Source::Search);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.paperAt(0)->arxivId, u"2509.00042"_s);
    QCOMPARE(model.paperAt(0)->day, QDate(2025, 9, 2));

    // As you type: an unfinished word matches as a prefix, across both days.
    model.showSearch(u"quantiz"_s);
    QVERIFY(model.rowCount() >= 2);
    QSet<QDate> days;
    for (int r = 0; r < model.rowCount(); ++r)
        days.insert(model.paperAt(r)->day);
    QVERIFY(days.contains(QDate(2025, 9, 2)));
    QVERIFY(days.contains(m_demo->day()));
    QCOMPARE(model.rankAt(0), 1); // best match first

    // Authors and the LLM-free comment are searched too.
    model.showSearch(u"Lovelace"_s);
    QCOMPARE(model.rowCount(), 1);
    model.showSearch(QString());
    QCOMPARE(model.rowCount(), 0);
}

void TestPaperModels::searchTreatsOperatorsAsWords()
{
    PaperTableModel model(m_demo->database());
    for (const QString &text : {u"\"unbalanced"_s, u"AND OR NOT"_s, u"title:(x"_s, u"* ^ -"_s, u"NEAR(a b"_s}) {
        model.showSearch(text);
        QVERIFY2(model.lastError().isEmpty(), qPrintable(text + u": "_s + model.lastError()));
    }
}

void TestPaperModels::searchOrdersShortPrefixesByNewest()
{
    // The oldest paper is the best match (the word three times in its title).
    const QStringList titles = {u"Zyxwvut zyxwvut zyxwvut routing"_s, u"On zyxwvut"_s, u"Zyxwvut again"_s};
    QList<qint64> ids;
    for (qsizetype i = 0; i < titles.size(); ++i) {
        GuiFixture::TestPaper p;
        p.arxivId = u"2510.9910%1"_s.arg(i);
        p.title = titles.at(i);
        p.abstract = u"Filler text about something else entirely, long enough to weigh on bm25."_s;
        p.day = m_demo->day();
        ids << GuiFixture::addPaper(m_demo->database(), p);
        QVERIFY(ids.last() > 0);
    }
    PaperTableModel model(m_demo->database());
    model.showSearch(u"zyxwvut"_s); // a finished long word: best match first
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.paperAt(0)->id, ids.first());
    model.showSearch(u"zyx"_s); // a short unfinished word: newest first, without ranking everything
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.paperAt(0)->id, ids.last());
    QCOMPARE(model.paperAt(2)->id, ids.first());
    model.showSearch(u"zy"_s); // two letters: a whole word only
    QCOMPARE(model.rowCount(), 0);
}

void TestPaperModels::dayListHasTodayFirst()
{
    DayListModel days(m_demo->database());
    QAbstractItemModelTester tester(&days, QAbstractItemModelTester::FailureReportingMode::QtTest);
    days.setToday(QDate(2025, 10, 8));
    days.reload();
    QCOMPARE(days.rowCount(), 2);
    QCOMPARE(days.dayAt(0), QDate(2025, 10, 8));
    QCOMPARE(days.index(0).data(DayListModel::IsTodayRole).toBool(), true);
    QCOMPARE(days.index(0).data(DayListModel::SummaryRole).toString(), u"Not run yet"_s);
    QCOMPARE(days.dayAt(1), m_demo->day());
    QCOMPARE(days.index(1).data(DayListModel::RelevantRole).toInt(), 70);
    QCOMPARE(days.index(1).data(DayListModel::SummaryRole).toString(), u"70 relevant · $1.21"_s);

    QVERIFY(days.index(0).data(Qt::DisplayRole).toString().startsWith(u"Today, "_s));

    // The demo pins its own day and does not call it today.
    days.setToday(m_demo->day());
    days.setTodayCaption(u"Demo day"_s);
    days.reload();
    QCOMPARE(days.rowCount(), 1);
    const QString caption = days.index(0).data(Qt::DisplayRole).toString();
    QVERIFY2(caption.startsWith(u"Demo day, "_s) && caption.contains(u"2025"_s), qPrintable(caption));
}

void TestPaperModels::paperToolTipsShowFeedTextLiterally()
{
    GuiFixture::TestPaper p;
    p.arxivId = u"2510.99123"_s;
    p.title = kHostile;
    p.authors = {u"<b>Ada</b> Lovelace"_s, u"&lt;i&gt;Bob"_s};
    p.categories = {u"cs.LG<img src=y>"_s};
    p.day = m_demo->day();
    const qint64 id = GuiFixture::addPaper(m_demo->database(), p);
    QVERIFY(id > 0);
    PaperTableModel model(m_demo->database());
    model.showDay(m_demo->day());
    const int row = model.rowOfPaper(id);
    QVERIFY(row >= 0);
    const LibraryPaper *paper = model.paperAt(row);
    verifyShownLiterally(model.index(row, PaperTableModel::TitleColumn).data(Qt::ToolTipRole), kHostile);
    verifyShownLiterally(model.index(row, PaperTableModel::AuthorsColumn).data(Qt::ToolTipRole), paper->authorsText);
    QVERIFY(paper->authorsText.contains(u"&lt;i&gt;"_s)); // an entity in the feed is shown as one, not as "<i>"
    verifyShownLiterally(model.index(row, PaperTableModel::CategoryColumn).data(Qt::ToolTipRole), paper->categories);
    QVERIFY(paper->categories.contains(u"<img src=y>"_s));
    // A followed author's note is on a line of its own.
    model.setFollowedAuthors({u"<b>Ada</b> Lovelace, 1"_s});
    verifyShownLiterally(model.index(row, PaperTableModel::AuthorsColumn).data(Qt::ToolTipRole),
                         paper->authorsText + u"\n(a followed author)"_s);
}

void TestPaperModels::runAndRequestToolTipsShowTextLiterally()
{
    // A run's message and a request's error carry provider messages ({"error":{"message":"<h1>.."}}).
    QSqlQuery q(m_demo->database().connection());
    QVERIFY(q.prepare(u"UPDATE runs SET status = 'failed', message = ?"_s));
    q.addBindValue(kHostile);
    QVERIFY(q.exec());
    QVERIFY(q.prepare(u"UPDATE llm_requests SET error = ?"_s));
    q.addBindValue(kHostile);
    QVERIFY(q.exec());

    RunTableModel runs(m_demo->database());
    runs.reload();
    QCOMPARE(runs.rowCount(), 1);
    verifyShownLiterally(runs.index(0, RunTableModel::StatusColumn).data(Qt::ToolTipRole), kHostile);

    RequestTableModel requests(m_demo->database());
    requests.showRun(runs.index(0, 0).data(RunTableModel::RunIdRole).toLongLong());
    QCOMPARE(requests.rowCount(), 1);
    verifyShownLiterally(requests.index(0, RequestTableModel::StatusColumn).data(Qt::ToolTipRole), kHostile);
}

QTEST_GUILESS_MAIN(TestPaperModels)
#include "tst_papermodels.moc"
