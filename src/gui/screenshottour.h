// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class AppSettings;
class Database;
class MainWindow;
class SecretStore;

// Development hook for docs/screenshots: with PAPERSIEVE_SCREENSHOT_DIR set, the app grabs the main window
// and each dialog (QWidget::grab, so no window manager is needed under Xvfb) into that folder, then quits.
namespace ScreenshotTour {

void start(MainWindow *window, Database &database, AppSettings &settings, SecretStore &secrets, const QString &dir);

} // namespace ScreenshotTour
