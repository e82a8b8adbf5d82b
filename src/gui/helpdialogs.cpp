// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpdialogs.h"

#include <QAction>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

QString ShortcutsDialog::keyText(const QKeySequence &key)
{
    const QString text = key.toString(QKeySequence::NativeText);
    return text.size() == 1 && text.at(0).isLetter() ? text.toLower() : text;
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    auto *table = new QTableWidget(this);
    table->setObjectName(u"shortcutsTable"_s);
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Key"), tr("Command")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->horizontalHeader()->setStretchLastSection(true);
    for (QAction *a : actions) {
        if (a->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys << keyText(k);
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(keys.join(u"  or  "_s)));
        table->setItem(row, 1, new QTableWidgetItem(a->text().remove(u'&')));
    }
    table->resizeColumnToContents(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(480, 640);
}

AboutDialog::AboutDialog(const QString &databasePath, const QString &settingsPath, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About PaperSieve"));
    auto *title = new QLabel(u"<h2>PaperSieve %1</h2>"_s.arg(QCoreApplication::applicationVersion().toHtmlEscaped()), this);
    auto *blurb = new QLabel(tr("arXiv's new papers every morning, ranked for your research interests by a language model."), this);
    blurb->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Version:"), new QLabel(QCoreApplication::applicationVersion(), this));
    form->addRow(tr("Qt:"), new QLabel(tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)), this));
    auto pathRow = [this, form](const QString &label, const QString &path, const QString &name) {
        auto *row = new QHBoxLayout;
        auto *text = new QLabel(QDir::toNativeSeparators(path), this);
        text->setObjectName(name);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *show = new QPushButton(tr("Show in folder"), this);
        show->setAutoDefault(false);
        connect(show, &QPushButton::clicked, this, [path] {
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
        });
        row->addWidget(text, 1);
        row->addWidget(show);
        form->addRow(label, row);
    };
    pathRow(tr("Library:"), databasePath, u"databasePath"_s);
    pathRow(tr("Settings:"), settingsPath, u"settingsPath"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(blurb);
    layout->addLayout(form);
    layout->addWidget(buttons);
}
