// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiresponse.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class QXmlStreamReader;

// Reads the arXiv API's Atom answers (both the 2026 layout and the older one that declares the
// arxiv and opensearch namespaces per element): per entry the id and version, title, abstract, every
// author in order, categories with the primary one first (arxiv:primary_category), comment, journal
// reference, DOI, published (v1 submitted) and updated (this version submitted). Entries whose id is
// https://arxiv.org/api/errors#... are the API's error reports and go to ApiResponse::errors.
class AtomParser final
{
    Q_DECLARE_TR_FUNCTIONS(AtomParser)

public:
    // On malformed or truncated XML returns an empty response and sets *error (one line).
    static ApiResponse parse(const QByteArray &xml, QString *error);

private:
    static void readEntry(QXmlStreamReader &xml, ApiResponse &response);
};
