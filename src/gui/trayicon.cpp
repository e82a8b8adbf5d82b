// SPDX-License-Identifier: GPL-3.0-or-later
#include "trayicon.h"

#include "runtexts.h"

#include <QAction>
#include <QFont>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QSystemTrayIcon>

using namespace Qt::Literals::StringLiterals;

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
{
    m_open = m_menu->addAction(tr("&Open PaperSieve"));
    m_runNow = m_menu->addAction(tr("&Run now"));
    m_pause = m_menu->addAction(tr("&Pause schedule"));
    m_pause->setCheckable(true);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"));
    m_menu->setDefaultAction(m_open);
    m_tray->setContextMenu(m_menu);

    connect(m_open, &QAction::triggered, this, &TrayIcon::openRequested);
    connect(m_runNow, &QAction::triggered, this, &TrayIcon::runNowRequested);
    connect(m_pause, &QAction::toggled, this, &TrayIcon::pauseToggled);
    connect(m_quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::notificationClicked);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        // A left click (or double click) opens the window; the right click is the menu.
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit openRequested();
    });
    refresh();
}

TrayIcon::~TrayIcon()
{
    // The menu has no QObject parent (a QMenu wants a widget parent, and the tray is not one).
    delete m_menu;
}

bool TrayIcon::isAvailable() { return QSystemTrayIcon::isSystemTrayAvailable(); }
void TrayIcon::show() { m_tray->show(); }
void TrayIcon::hide() { m_tray->hide(); }
bool TrayIcon::isVisible() const { return m_tray->isVisible(); }

void TrayIcon::setCount(const QDate &day, int relevant)
{
    m_day = day;
    m_relevant = relevant;
    refresh();
}

void TrayIcon::setRunning(bool running)
{
    m_running = running;
    if (!running)
        m_stage.reset();
    refresh();
}

void TrayIcon::setProgress(RunStage stage, int done, int total)
{
    m_stage = stage;
    m_done = done;
    m_total = total;
    refresh();
}

void TrayIcon::setNextRun(const QDateTime &at)
{
    m_nextRun = at;
    refresh();
}

void TrayIcon::setPaused(bool paused)
{
    m_paused = paused;
    const QSignalBlocker block(m_pause); // reflecting state is not a user's toggle
    m_pause->setChecked(paused);
    refresh();
}

QString TrayIcon::toolTip() const
{
    QStringList lines{u"PaperSieve"_s};
    if (m_day.isValid() && m_relevant >= 0)
        lines << (m_relevant == 1 ? tr("1 relevant paper on %1") : tr("%1 relevant papers on %2").arg(m_relevant))
                     .arg(QLocale().toString(m_day, u"ddd d MMM"_s));
    if (m_running) {
        if (!m_stage)
            lines << tr("Running…");
        else if (m_total > 0)
            lines << tr("Running: %1 %2/%3").arg(RunTexts::stage(*m_stage)).arg(m_done).arg(m_total);
        else
            lines << tr("Running: %1").arg(RunTexts::stage(*m_stage));
    } else if (m_paused) {
        lines << tr("Schedule paused");
    } else if (m_nextRun.isValid()) {
        lines << tr("Next run: %1").arg(QLocale().toString(m_nextRun.toLocalTime(), u"ddd HH:mm"_s));
    }
    return lines.join(u'\n');
}

void TrayIcon::refresh()
{
    m_runNow->setEnabled(!m_running);
    m_runNow->setText(m_running ? tr("Running…") : tr("&Run now"));
    m_tray->setToolTip(toolTip());
    const int badge = m_day.isValid() && m_relevant >= 0 ? m_relevant : -1;
    if (badge != m_iconBadge) {
        m_iconBadge = badge;
        m_tray->setIcon(makeIcon(badge));
    }
}

QIcon TrayIcon::icon() const { return m_tray->icon(); }

QString TrayIcon::plainForNotification(const QString &text)
{
    // Qt's own balloon (XEmbed trays) shows text in a QLabel that guesses rich text, and freedesktop
    // notification servers may read a subset of HTML: a title like "<img src=...>" must stay text.
    QString out = text;
    out.replace(u'<', QChar(0x2039)).replace(u'>', QChar(0x203A)).replace(u'&', QChar(0xFF06));
    return out;
}

void TrayIcon::notify(const QString &title, const QString &text, bool isError)
{
    m_lastTitle = plainForNotification(title);
    m_lastText = plainForNotification(text);
    m_lastIsError = isError;
    ++m_notifications;
    m_tray->showMessage(m_lastTitle, m_lastText,
                        isError ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 15000);
}

QIcon TrayIcon::makeIcon(int badge)
{
    QIcon themed = QIcon::fromTheme(u"io.github.papersieve.PaperSieve"_s);
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pm = themed.isNull() ? QPixmap(size, size) : themed.pixmap(size, size);
        if (themed.isNull()) {
            // No installed icon: a sieve drawn here (a bowl with holes).
            pm.fill(Qt::transparent);
            QPainter p(&pm);
            p.setRenderHint(QPainter::Antialiasing);
            const qreal s = size;
            QPainterPath bowl;
            bowl.moveTo(s * 0.08, s * 0.30);
            bowl.lineTo(s * 0.92, s * 0.30);
            bowl.arcTo(QRectF(s * 0.08, -s * 0.12, s * 0.84, s * 0.84), 0, -180);
            p.fillPath(bowl, QColor(0x2b, 0x6c, 0xb0));
            p.setPen(Qt::NoPen);
            p.setBrush(Qt::white);
            const qreal r = std::max(1.0, s * 0.05);
            for (qreal x : {0.32, 0.5, 0.68})
                p.drawEllipse(QPointF(s * x, s * 0.45), r, r);
            for (qreal x : {0.41, 0.59})
                p.drawEllipse(QPointF(s * x, s * 0.58), r, r);
        }
        if (badge >= 0 && size >= 22) {
            QPainter p(&pm);
            p.setRenderHint(QPainter::Antialiasing);
            const QString label = badge > 99 ? u"99+"_s : QString::number(badge);
            QFont f = p.font();
            f.setPixelSize(std::max(8, size * 9 / 20));
            f.setBold(true);
            p.setFont(f);
            const qreal h = size * 0.5;
            const qreal w = std::max(h, qreal(p.fontMetrics().horizontalAdvance(label)) + size * 0.15);
            const QRectF r(size - w, size - h, w, h);
            p.setPen(Qt::NoPen);
            p.setBrush(badge > 0 ? QColor(0xc0, 0x39, 0x2b) : QColor(0x70, 0x70, 0x70));
            p.drawRoundedRect(r, h / 2, h / 2);
            p.setPen(Qt::white);
            p.drawText(r, Qt::AlignCenter, label);
        }
        icon.addPixmap(pm);
    }
    return icon;
}
