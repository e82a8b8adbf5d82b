// SPDX-License-Identifier: GPL-3.0-or-later
// The embedded translations: English plural forms for every "%n thing(s)" text, the user's language on top.
#include "text/translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void englishPluralsAreRealWords();
    void everyPluralTextHasBothEnglishForms();
    void theUsersLanguageGoesOnTop();
};

void TestTranslations::englishPluralsAreRealWords()
{
    QCOMPARE(Translations::install(*QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedStates)), 1);
    auto tr = [](const char *context, const char *text, int n) { return QCoreApplication::translate(context, text, nullptr, n); };
    QCOMPARE(tr("SelectionRun", "no answer after %n attempt(s): %1", 1), u"no answer after 1 attempt: %1"_s);
    QCOMPARE(tr("SelectionRun", "no answer after %n attempt(s): %1", 4), u"no answer after 4 attempts: %1"_s);
    QCOMPARE(tr("SelectionRun", "no answer after %n attempt(s): %1", 0), u"no answer after 0 attempts: %1"_s);
    const QString one = tr("CriteriaEditorDialog", "the day's %n paper(s)", 1);
    QCOMPARE(one, u"the day's 1 paper"_s);
}

void TestTranslations::everyPluralTextHasBothEnglishForms()
{
    // What lrelease compiled from translations/papersieve_en.ts: each numerus message resolves, for 1 and
    // for 2, to text without the "(s)" placeholder, and the two forms differ where the source had one.
    QFile ts(QStringLiteral(PAPERSIEVE_SOURCE_DIR) + u"/translations/papersieve_en.ts"_s);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QTranslator english;
    QVERIFY(english.load(u":/i18n/papersieve_en.qm"_s));
    QXmlStreamReader xml(&ts);
    QString context;
    bool numerus = false;
    int checked = 0;
    static const QRegularExpression placeholder(u"\\((s|es)\\)"_s);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            numerus = xml.attributes().value(u"numerus"_s) == u"yes";
        } else if (xml.name() == u"source" && numerus) {
            const QString source = xml.readElementText();
            const QByteArray ctx = context.toUtf8();
            const QByteArray src = source.toUtf8();
            const QString singular = english.translate(ctx.constData(), src.constData(), nullptr, 1);
            const QString plural = english.translate(ctx.constData(), src.constData(), nullptr, 2);
            QVERIFY2(!singular.isEmpty() && !plural.isEmpty(), qPrintable(context + u": "_s + source));
            QVERIFY2(!singular.contains(placeholder) && !plural.contains(placeholder), qPrintable(source));
            if (source.contains(placeholder))
                QVERIFY2(singular != plural, qPrintable(source));
            ++checked;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(checked >= 15);
}

void TestTranslations::theUsersLanguageGoesOnTop()
{
    // German is shipped (papersieve_de); French is not, so only the English plurals are installed.
    QCOMPARE(Translations::install(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany)), 2);
    QCOMPARE(Translations::install(*QCoreApplication::instance(), QLocale(QLocale::French, QLocale::France)), 1);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
