// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QMainWindow>

#include <memory>

class AppSettings;
class Database;
class DailyController;
class DayListModel;
class FirstRunChecklist;
class PaperDetailView;
class PaperFilterProxyModel;
class PaperTableModel;
class MainActions;
class MessageBar;
class PaperCommands;
class PaperFilterBar;
class PaperListController;
class QLabel;
class QLineEdit;
class QListView;
class QTableView;
class RunStatusWidget;
class SearchField;
class SecretStore;
struct RunSummary;

namespace Ui {
class MainWindow;
}

// The window a researcher opens every morning: days on the left, the day's ranked papers (or a search over
// the whole history) in the middle, the selected paper below, run controls in the tool bar and status bar.
// Closing it only hides it (the tray's DesktopShell decides about quitting).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // daily may be null (the demo library): then nothing can be run.
    MainWindow(Database &database, AppSettings &settings, SecretStore &secrets, DailyController *daily,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows a banner saying this is the bundled demo day; "today" becomes that day.
    void setDemoDay(const QDate &day, const QString &model);
    bool isDemo() const { return m_demoDay.isValid(); }

    // For tests and the screenshot hook.
    PaperTableModel *paperModel() const { return m_papers; }
    PaperFilterProxyModel *proxyModel() const { return m_proxy; }
    DayListModel *dayModel() const { return m_days; }
    QTableView *paperView() const;
    QListView *dayView() const;
    PaperDetailView *detailView() const;
    QLineEdit *searchField() const;
    QLabel *messageLabel() const;
    bool isMessageVisible() const;
    QDate currentDay() const { return m_currentDay; }

public slots:
    void showDay(const QDate &day);
    void runNow();
    void openSettings();
    void openCriteriaEditor();
    void openRunCosts();
    void reloadAll(); // after a run or a settings change
    // A non-modal message above the papers: what went wrong and what to do about it.
    void showMessage(const QString &text, bool isError = true);
    void hideMessage();

signals:
    // The user wants to leave the demo day for their own library (after adding an API key, or from the
    // banner). Whoever opened the demo (GuiSession) swaps the window; this one is then closed.
    void leaveDemoRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void connectActions();
    void buildCentral();
    void connectDaily();
    void applySettings();
    void applyFilter();
    void runSearch();
    void showPaper(int sourceRow);
    void pageAbstract();
    void updateCountLabel();
    void saveState();
    void restoreState();
    void onRunStarted(const QDate &day);
    void onRunFinished(const RunSummary &summary);
    void offerToLeaveDemo();
    void openSettingsAt(int page);

    std::unique_ptr<Ui::MainWindow> m_ui; // the static layout: ui/mainwindow.ui
    Database &m_database;
    AppSettings &m_settings;
    SecretStore &m_secrets;
    DailyController *m_daily; // not owned; outlives the window (guimain)
    QDate m_demoDay;
    QString m_demoModel;
    QDate m_currentDay;

    DayListModel *m_days;
    PaperTableModel *m_papers;
    PaperFilterProxyModel *m_proxy;

    MainActions *m_actions = nullptr;
    MessageBar *m_message = nullptr;
    PaperFilterBar *m_filterBar = nullptr;
    PaperListController *m_list = nullptr;
    RunStatusWidget *m_runStatus = nullptr;
    PaperCommands *m_commands = nullptr;
    QDate m_runDay; // the day the running run was started for (invalid: the newest announcement)
    SearchField *m_search = nullptr;
    FirstRunChecklist *m_checklist = nullptr;
};
