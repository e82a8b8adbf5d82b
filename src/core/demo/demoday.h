// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/criteria.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>

class Database;

// The bundled demo day (resources/demo/demo-day.json, made from the reference digest by
// scripts/make-demo-day.py): 70 real papers with the LLM's comments and scores, the run's counts and token
// figures. writeTo() stores it as one finished run in a database through the ordinary repositories, so the
// window shows it exactly as it would show a real day.
class DemoDay final
{
    Q_DECLARE_TR_FUNCTIONS(DemoDay)

public:
    static QString resourcePath(); // ":/demo/demo-day.json"

    // Reads and checks the resource (or another file with the same format). False with *error when broken.
    bool load(const QString &path = resourcePath(), QString *error = nullptr);

    QDate day() const { return m_day; }
    QString model() const { return m_model; }
    int paperCount() const;
    int announced() const;
    int scanned() const;
    Criteria criteria() const; // the reference's texts; fields it does not carry keep our defaults

    // Writes papers, announcements, criteria, the run, its LLM usage and the scores into db, in one
    // transaction. db should be empty (a temporary file: never the user's library).
    bool writeTo(Database &db, QString *error = nullptr) const;

private:
    QJsonObject m_json;
    QDate m_day;
    QString m_model;
};
