// SPDX-License-Identifier: GPL-3.0-or-later
#include "costchartwidget.h"
#include "criteriaeditordialog.h"
#include "demo/demolibrary.h"
#include "models/arxivcategorymodel.h"
#include "models/requesttablemodel.h"
#include "runcostsdialog.h"
#include "settings/appsettings.h"
#include "settings/memorysecretstore.h"
#include "settingsdialog.h"
#include "storage/criteriarepository.h"
#include "storage/database.h"

#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTextBlock>
#include <QTextLayout>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestGuiDialogs : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void criteriaEditorPreviewsThePromptAsSent();
    void criteriaEditorRestoresDefaultAndVersions();
    void criteriaEditorEstimatesCost();
    void settingsValidateAsTheUserTypes();
    void settingsSaveAndKeepTheKeyInTheSecretStore();
    void settingsSayWhenTheKeychainRefusesTheKey();
    void runCostsShowTheReferenceTable();
    void settingsEnterInAFieldDoesNotClose();
    void settingsShowScalesAndGroupAdvanced();
    void settingsProviderBringsItsModel();
    void settingsKeyCanBeShown();
    void settingsSayWhenTheEnvironmentOverridesTheBaseUrl();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<DemoLibrary> m_demo;
};

void TestGuiDialogs::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_qsettings = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_settings = std::make_unique<AppSettings>(*m_qsettings);
    m_demo = std::make_unique<DemoLibrary>();
    QVERIFY(m_demo->open());
}

void TestGuiDialogs::cleanup()
{
    m_demo.reset();
    m_settings.reset();
    m_qsettings.reset();
    m_dir.reset();
}

void TestGuiDialogs::criteriaEditorPreviewsThePromptAsSent()
{
    CriteriaEditorDialog dialog(m_demo->database(), *m_settings, m_demo->day());
    const QString prompt = dialog.promptView()->toPlainText();
    QVERIFY(prompt.contains(Criteria::defaults().systemPrompt.left(40)));
    // The sample batch holds real papers of the day, fenced as data.
    QVERIFY(prompt.contains(u"<paper id="_s));
    // Typing updates the preview.
    dialog.topicsEdit()->setPlainText(u"## Relevant Topics\n\nZebra-striped mixture of experts"_s);
    QTRY_VERIFY(dialog.promptView()->toPlainText().contains(u"Zebra-striped mixture of experts"_s));
    dialog.accept();
    QCOMPARE(m_settings->criteria().topics, u"## Relevant Topics\n\nZebra-striped mixture of experts"_s);
}

void TestGuiDialogs::criteriaEditorRestoresDefaultAndVersions()
{
    Criteria older = Criteria::defaults();
    older.topics = u"## Relevant Topics\n\nAn earlier interest in spiking networks"_s;
    QVERIFY(CriteriaRepository(m_demo->database()).saveIfNew(older) > 0);

    CriteriaEditorDialog dialog(m_demo->database(), *m_settings, m_demo->day());
    // The topics are highlighted as Markdown: the heading line carries a bold, coloured format.
    const QTextBlock heading = dialog.topicsEdit()->document()->firstBlock();
    QVERIFY(heading.text().startsWith(u"## "_s));
    bool headingStyled = false;
    for (const QTextLayout::FormatRange &range : heading.layout()->formats())
        headingStyled = headingStyled || (range.format.fontWeight() == QFont::Bold && range.format.hasProperty(QTextFormat::ForegroundBrush));
    QVERIFY2(headingStyled, "the Markdown heading is highlighted");
    dialog.topicsEdit()->setPlainText(u"something else"_s);
    dialog.restoreDefault();
    QCOMPARE(dialog.topicsEdit()->toPlainText(), Criteria::defaults().topics);

    // The demo's criteria and the older one are listed; restoring brings the older text back.
    QListWidget *list = dialog.versionList();
    QVERIFY(list->count() >= 2);
    int row = -1;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->text().contains(u"spiking"_s))
            row = i;
    }
    QVERIFY2(row >= 0, "the earlier version is listed by its topics");
    list->setCurrentRow(row);
    dialog.restoreSelectedVersion();
    QCOMPARE(dialog.topicsEdit()->toPlainText(), older.topics);
    QCOMPARE(dialog.criteria(), older);
}

void TestGuiDialogs::criteriaEditorEstimatesCost()
{
    // The estimate is the one a run announces before it starts (CostEstimator), with the settings' model,
    // tier and batching.
    m_settings->setModel(u"gpt-5"_s);
    m_settings->setServiceTier(u"standard"_s);
    const CostEstimate e = CriteriaEditorDialog::estimate(Criteria::defaults(), 866, *m_settings);
    QCOMPARE(e.papers, 866);
    QVERIFY(e.requests() >= 2);
    QVERIFY(e.usage.promptTokens > 866 * 20);
    QVERIFY(e.priceKnown);
    QCOMPARE(e.tier, ServiceTier::Standard);
    QVERIFY(e.usd > 0.05 && e.usd < 5);
    QCOMPARE(CriteriaEditorDialog::estimate(Criteria::defaults(), 0, *m_settings).usage.promptTokens, 0);
    // At the flex tier the same tokens cost half.
    m_settings->setServiceTier(u"flex"_s);
    const CostEstimate flex = CriteriaEditorDialog::estimate(Criteria::defaults(), 866, *m_settings);
    QCOMPARE(flex.usage, e.usage);
    QCOMPARE(flex.tier, ServiceTier::Flex);
    QCOMPARE(flex.usd * 2, e.usd);
    m_settings->setModel(u"no-such-model"_s);
    QVERIFY(!CriteriaEditorDialog::estimate(Criteria::defaults(), 10, *m_settings).priceKnown);
    m_settings->setModel(u"gpt-5"_s);

    CriteriaEditorDialog dialog(m_demo->database(), *m_settings, m_demo->day());
    QVERIFY2(dialog.estimateLabel()->text().contains(u"866"_s), qPrintable(dialog.estimateLabel()->text()));
    QVERIFY(dialog.estimateLabel()->text().contains(u"$"_s));
}

void TestGuiDialogs::settingsValidateAsTheUserTypes()
{
    MemorySecretStore secrets;
    SettingsDialog dialog(*m_settings, secrets);
    QVERIFY2(dialog.validationError().isEmpty(), qPrintable(dialog.validationError()));
    QVERIFY(dialog.saveButton()->isEnabled());

    QTest::keyClicks(dialog.categoryEntry(), u"cs.XY"_s);
    QVERIFY(dialog.validationError().contains(u"cs.XY"_s));
    QVERIFY(!dialog.saveButton()->isEnabled());
    dialog.categoryEntry()->setText(u"CS.lg"_s);
    QVERIFY(dialog.validationError().contains(u"cs.LG"_s)); // "did you mean"
    dialog.categoryEntry()->setText(u"math.OC"_s);
    QVERIFY(dialog.validationError().isEmpty());
    QTest::keyClick(dialog.categoryEntry(), Qt::Key_Return);
    QVERIFY(dialog.categoryModel()->selected().contains(u"math.OC"_s));
    QVERIFY(dialog.categoryEntry()->text().isEmpty());

    dialog.baseUrlEdit()->setText(u"http://llm.example.com/v1"_s);
    QVERIFY(dialog.validationError().contains(u"https"_s));
    QVERIFY(!dialog.saveButton()->isEnabled());
    dialog.baseUrlEdit()->setText(u"http://127.0.0.1:8080/v1"_s);
    QVERIFY(dialog.validationError().isEmpty());
    dialog.baseUrlEdit()->setText(u"https://llm.example.com/v1"_s);
    QVERIFY(dialog.validationError().isEmpty());

    dialog.modelEdit()->clear();
    QVERIFY(!dialog.validationError().isEmpty());
    dialog.modelEdit()->setText(u"gpt-5-mini"_s);
    QVERIFY(dialog.validationError().isEmpty());

    dialog.categoryModel()->setSelected({});
    QVERIFY(dialog.validationError().contains(u"category"_s));
}

void TestGuiDialogs::settingsSaveAndKeepTheKeyInTheSecretStore()
{
    MemorySecretStore secrets;
    {
        SettingsDialog dialog(*m_settings, secrets);
        // The key field fills from the store asynchronously, like the system keychain.
        QTRY_VERIFY(dialog.apiKeyEdit()->placeholderText().contains(u"Paste"_s));
        dialog.apiKeyEdit()->setText(u"sk-test-123"_s);
        dialog.modelEdit()->setText(u"gpt-5-mini"_s);
        dialog.categoryModel()->setSelected({u"cs.CL"_s, u"stat.ML"_s});
        auto *tier = dialog.findChild<QComboBox *>(u"serviceTier"_s);
        QVERIFY(tier);
        QCOMPARE(tier->currentData().toString(), u"flex"_s); // the default
        QVERIFY(tier->isEnabled());
        tier->setCurrentIndex(tier->findData(u"standard"_s));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QCOMPARE(m_settings->model(), u"gpt-5-mini"_s);
    QCOMPARE(m_settings->serviceTier(), u"standard"_s);
    QCOMPARE(m_settings->categories(), QStringList({u"cs.CL"_s, u"stat.ML"_s}));
    m_qsettings->sync();
    QFile ini(m_dir->filePath(u"settings.ini"_s));
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY2(!ini.readAll().contains("sk-test-123"), "the key must never reach the settings file");

    QString stored;
    bool done = false;
    QObject context;
    secrets.read(u"openai"_s, &context, [&](bool ok, const QString &value, const QString &) {
        done = ok;
        stored = value;
    });
    QTRY_VERIFY(done);
    QCOMPARE(stored, u"sk-test-123"_s);

    // Opening again shows the stored key.
    SettingsDialog again(*m_settings, secrets);
    QTRY_COMPARE(again.apiKeyEdit()->text(), u"sk-test-123"_s);
}

void TestGuiDialogs::settingsSayWhenTheKeychainRefusesTheKey()
{
    MemorySecretStore secrets;
    QWidget window;
    {
        SettingsDialog dialog(*m_settings, secrets, &window);
        QTRY_VERIFY(dialog.apiKeyEdit()->placeholderText().contains(u"Paste"_s));
        secrets.setFailure(u"The keyring is locked"_s);
        dialog.apiKeyEdit()->setText(u"sk-test-456"_s);
        dialog.accept();
    }
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(u"keychainError"_s)) != nullptr);
    QVERIFY2(box->text().contains(u"The keyring is locked"_s), qPrintable(box->text()));
    m_qsettings->sync();
    QFile ini(m_dir->filePath(u"settings.ini"_s));
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY2(!ini.readAll().contains("sk-test-456"), "a refused key must not fall back to the settings file");
}

void TestGuiDialogs::runCostsShowTheReferenceTable()
{
    RunCostsDialog dialog(m_demo->database(), m_demo->day());
    QCOMPARE(dialog.runView()->model()->rowCount(), 1);
    QTableWidget *usage = dialog.usageTable();
    QCOMPARE(usage->rowCount(), 2);
    QCOMPARE(usage->item(0, 1)->text(), u"109,658"_s);
    QCOMPARE(usage->item(0, 2)->text(), u"106,795"_s);
    QCOMPARE(usage->item(0, 3)->text(), u"216,453"_s);
    QCOMPARE(usage->item(1, 1)->text(), u"$0.14"_s);
    QCOMPARE(usage->item(1, 2)->text(), u"$1.07"_s);
    QCOMPARE(usage->item(1, 3)->text(), u"$1.21"_s);
    QVERIFY(dialog.countsLabel()->text().contains(u"1,350"_s));
    QVERIFY(dialog.countsLabel()->text().contains(u"866"_s));
    QCOMPARE(dialog.requestView()->model()->rowCount(), 1);
    const QAbstractItemModel *requests = dialog.requestView()->model();
    QCOMPARE(requests->headerData(RequestTableModel::TierColumn, Qt::Horizontal).toString(), u"Tier"_s);
    QCOMPARE(requests->index(0, RequestTableModel::TierColumn).data().toString(), u"Standard"_s);
    const auto &costs = dialog.chart()->costs();
    QCOMPARE(costs.size(), 30);
    QCOMPARE(costs.last().first, m_demo->day());
    QVERIFY(costs.last().second > 1.2);
    QCOMPARE(costs.first().second, 0.0);
    dialog.chart()->resize(600, 160);
    QCOMPARE(dialog.chart()->barAt(QPoint(585, 100)), 29);
}

void TestGuiDialogs::settingsEnterInAFieldDoesNotClose()
{
    MemorySecretStore secrets;
    SettingsDialog dialog(*m_settings, secrets);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.saveButton()->isEnabled());
    dialog.categoryEntry()->setFocus();
    QTest::keyClicks(dialog.categoryEntry(), u"cs.CV"_s);
    QTest::keyClick(dialog.categoryEntry(), Qt::Key_Return);
    // The category is added; the dialog stays open and nothing was saved.
    QVERIFY(dialog.categoryModel()->selected().contains(u"cs.CV"_s));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!m_settings->categories().contains(u"cs.CV"_s));
    // Nor does Enter in the key field.
    dialog.apiKeyEdit()->setFocus();
    QTest::keyClick(dialog.apiKeyEdit(), Qt::Key_Return);
    QVERIFY(dialog.isVisible());
}

void TestGuiDialogs::settingsShowScalesAndGroupAdvanced()
{
    MemorySecretStore secrets;
    SettingsDialog dialog(*m_settings, secrets);
    for (const QString &name : {u"relevanceCutoff"_s, u"noveltyCutoff"_s}) {
        auto *spin = dialog.findChild<QSpinBox *>(name);
        QVERIFY(spin);
        QVERIFY2(spin->text().endsWith(u" / 10"_s), qPrintable(spin->text()));
    }
    auto *advanced = dialog.findChild<QGroupBox *>(u"advanced"_s);
    QVERIFY(advanced);
    for (const QString &name : {u"serviceTier"_s, u"titleBatch"_s, u"abstractBatch"_s, u"concurrency"_s}) {
        QWidget *w = dialog.findChild<QWidget *>(name);
        QVERIFY2(w && advanced->isAncestorOf(w), qPrintable(name));
    }
    QVERIFY(!advanced->isAncestorOf(dialog.apiKeyEdit()));
}

void TestGuiDialogs::settingsProviderBringsItsModel()
{
    MemorySecretStore secrets;
    SettingsDialog dialog(*m_settings, secrets);
    auto *provider = dialog.findChild<QComboBox *>(u"provider"_s);
    auto *model = dialog.findChild<QComboBox *>(u"model"_s);
    QVERIFY(provider && model);
    QCOMPARE(dialog.modelEdit()->text(), u"gpt-5"_s);
    QVERIFY(model->isEditable());
    QVERIFY(model->findText(u"gpt-5-mini"_s) >= 0);
    QCOMPARE(model->findText(u"claude-sonnet-4-5"_s), -1);

    provider->setCurrentIndex(provider->findData(u"anthropic"_s));
    QVERIFY2(dialog.modelEdit()->text().startsWith(u"claude"_s), qPrintable(dialog.modelEdit()->text()));
    for (int i = 0; i < model->count(); ++i)
        QVERIFY(model->itemText(i).startsWith(u"claude"_s));
    QVERIFY(model->itemData(0, Qt::ToolTipRole).toString().contains(u"per million tokens"_s));
    provider->setCurrentIndex(provider->findData(u"gemini"_s));
    QVERIFY(dialog.modelEdit()->text().startsWith(u"gemini"_s));
    // A model the user typed that belongs to no known family stays.
    dialog.modelEdit()->setText(u"my-finetune"_s);
    provider->setCurrentIndex(provider->findData(u"openai"_s));
    QCOMPARE(dialog.modelEdit()->text(), u"my-finetune"_s);
    provider->setCurrentIndex(provider->findData(u"anthropic"_s));
    QCOMPARE(dialog.modelEdit()->text(), u"my-finetune"_s);
    dialog.modelEdit()->setText(u"claude-haiku-4-5"_s);
    provider->setCurrentIndex(provider->findData(u"openai"_s));
    QCOMPARE(dialog.modelEdit()->text(), u"gpt-5"_s);
}

void TestGuiDialogs::settingsKeyCanBeShown()
{
    MemorySecretStore secrets;
    SettingsDialog dialog(*m_settings, secrets);
    auto *show = dialog.findChild<QAction *>(u"showKey"_s);
    QVERIFY(show);
    QVERIFY(dialog.apiKeyEdit()->actions().contains(show));
    QCOMPARE(dialog.apiKeyEdit()->echoMode(), QLineEdit::Password);
    show->trigger();
    QCOMPARE(dialog.apiKeyEdit()->echoMode(), QLineEdit::Normal);
    show->trigger();
    QCOMPARE(dialog.apiKeyEdit()->echoMode(), QLineEdit::Password);
}

void TestGuiDialogs::settingsSayWhenTheEnvironmentOverridesTheBaseUrl()
{
    MemorySecretStore secrets;
    {
        SettingsDialog dialog(*m_settings, secrets);
        QVERIFY(!dialog.findChild<QLabel *>(u"baseUrlOverride"_s));
    }
    qputenv("PAPERSIEVE_LLM_BASE_URL", "http://127.0.0.1:8080/v1");
    SettingsDialog dialog(*m_settings, secrets);
    qunsetenv("PAPERSIEVE_LLM_BASE_URL");
    auto *note = dialog.findChild<QLabel *>(u"baseUrlOverride"_s);
    QVERIFY(note);
    QVERIFY(note->text().contains(u"http://127.0.0.1:8080/v1"_s));
    QVERIFY(dialog.baseUrlEdit()->placeholderText().contains(u"PAPERSIEVE_LLM_BASE_URL"_s));
}

QTEST_MAIN(TestGuiDialogs)
#include "tst_guidialogs.moc"
