// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digestexport.h"

#include <QObject>

class AppSettings;
class Database;
class QWidget;

// File ▸ Export and Copy as …: asks for a file (the format follows its extension), writes it with the core's
// digest writers, and says what it did. Which papers is the caller's choice (a day, a selection, the starred).
class PaperExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaperExporter)

public:
    PaperExporter(Database &database, AppSettings &settings, QWidget *parent);

    // The day's digest as the run built it (usage, counts, prompt); without a run, the day's relevant papers.
    Digest dayDigest(const QDate &day, const QList<qint64> &fallbackPaperIds) const;
    Digest papersDigest(const QList<qint64> &paperIds, const QDate &day) const;
    // Every starred paper of every day, newest day first.
    Digest starredDigest() const;

    // Shows the save dialog; false when cancelled or the file could not be written (failed() says why).
    bool exportToFile(const Digest &digest, const QString &suggestedName);
    void copy(const Digest &digest, DigestExport::Format format);

    // Tests drive Qt's own dialog; the platform's cannot be reached from QTest.
    static void setUseNativeDialog(bool native);

signals:
    void done(const QString &message);
    void failed(const QString &message);

private:
    Database &m_database;
    AppSettings &m_settings;
    QWidget *m_parent;
};
