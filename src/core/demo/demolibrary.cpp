// SPDX-License-Identifier: GPL-3.0-or-later
#include "demolibrary.h"

#include "demoday.h"
#include "storage/database.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

DemoLibrary::DemoLibrary() = default;
DemoLibrary::~DemoLibrary() = default;

bool DemoLibrary::open(QString *error)
{
    if (!m_dir.isValid()) {
        if (error)
            *error = QCoreApplication::translate("DemoLibrary", "Cannot create a temporary folder for the demo: %1")
                         .arg(m_dir.errorString());
        return false;
    }
    DemoDay demo;
    if (!demo.load(DemoDay::resourcePath(), error))
        return false;
    m_database = std::make_unique<Database>(m_dir.filePath(u"demo.sqlite"_s));
    if (!m_database->open()) {
        if (error)
            *error = m_database->errorString();
        return false;
    }
    if (!demo.writeTo(*m_database, error))
        return false;
    m_day = demo.day();
    m_model = demo.model();
    return true;
}

Database &DemoLibrary::database()
{
    Q_ASSERT(m_database);
    return *m_database;
}
