// SPDX-License-Identifier: GPL-3.0-or-later
// A separate process running one SelectionRun, so tst_selectionkill can SIGKILL it mid-run.
// Usage: selection_child <database> <openai base url> <comma-separated arXiv ids>
#include "llm/pricingtable.h"
#include "net/httpclient.h"
#include "selection/selectionrun.h"
#include "storage/database.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4)
        return 2;
    Database db(args.at(1));
    if (!db.open())
        return 3;
    SelectionConfig config;
    config.criteria = Criteria::defaults();
    config.provider = u"openai"_s;
    config.model = u"gpt-5"_s;
    config.baseUrl = QUrl(args.at(2));
    config.apiKey = u"child-key"_s;
    config.titleFilter = false;
    config.abstractBatchSize = 2;
    config.concurrency = 2;
    HttpClient http;
    const PricingTable prices = PricingTable::builtin();
    SelectionRun run(db, http, prices, config);
    QObject::connect(&run, &SelectionRun::finished, &app, [](const SelectionSummary &) { QCoreApplication::exit(0); });
    run.start(0, args.at(3).split(u','));
    return app.exec();
}
