// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QTemporaryDir>

#include <memory>

class Database;

// A throw-away library holding the demo day: a SQLite file in a temporary folder that is deleted with this
// object. `papersieve --demo` and a first start without a key or data open the window on it, so the user's
// own database is never touched.
class DemoLibrary final
{
public:
    DemoLibrary();
    ~DemoLibrary();
    Q_DISABLE_COPY_MOVE(DemoLibrary)

    bool open(QString *error = nullptr);
    Database &database();
    QDate day() const { return m_day; }
    QString model() const { return m_model; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    QDate m_day;
    QString m_model;
};
