// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

class AppSettings;
class SecretStore;

// The empty library's first screen: the four steps before a first useful digest, each with its link and a
// tick once done (categories chosen, a key stored, interests no longer the shipped example, a first run).
// Links: "settings", "model", "interests", "run".
class FirstRunChecklist final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunChecklist)

public:
    FirstRunChecklist(AppSettings &settings, SecretStore &secrets, QWidget *parent = nullptr);

    // Reads the settings and the keychain again (after Settings or the interests editor were saved).
    void refresh();
    bool hasKey() const { return m_hasKey; }

private:
    void render();

    AppSettings &m_settings;
    SecretStore &m_secrets;
    bool m_hasKey = false;
};
