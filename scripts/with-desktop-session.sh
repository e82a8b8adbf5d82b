#!/usr/bin/env bash
# Runs a command inside a throw-away desktop session, as a user's machine would provide one:
# a private D-Bus session with an unlocked gnome-keyring (the real Secret Service, for the keychain
# test), an Xvfb display and an XEmbed system tray (trayer). Nothing outside the session is touched.
# Usage: scripts/with-desktop-session.sh COMMAND [ARGS...]
#
# Order matters: the D-Bus session is the outer layer and the keyring is unlocked before anything asks
# it; the X server comes inside. Otherwise libsecret's prompter waits on the invisible screen forever.
set -euo pipefail
self=$(readlink -f "$0")
case "${1:-}" in
  --stage-dbus)
    shift
    export HOME=$(mktemp -d)   # an isolated keyring and config, never the user's
    export PAPERSIEVE_IN_SESSION=1   # tests that need the real keyring/tray know they have one
    export XDG_RUNTIME_DIR=$HOME/run
    mkdir -m 700 -p "$XDG_RUNTIME_DIR"
    eval "$(printf 'papersieve-test-session' | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$self" --stage-x "$@"
    ;;
  --stage-x)
    shift
    trayer --edge top --align right --widthtype pixel --width 200 --heighttype pixel --height 24 >/dev/null 2>&1 &
    tray=$!
    sleep 1   # let the tray claim its selection before the first test asks for it
    set +e
    "$@"
    rc=$?
    kill "$tray" 2>/dev/null
    exit $rc
    ;;
esac
exec dbus-run-session -- "$self" --stage-dbus "$@" 2> >(grep -v 'Failed to set fd limit' >&2)
