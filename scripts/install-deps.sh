#!/usr/bin/env bash
# install-deps.sh - idempotent dependency installer for PaperSieve
# (Debian 12 bookworm, run as root).
#
# Installs:
#   * Qt 6.4 dev packages (Widgets, Network, Sql+SQLite, Test, LinguistTools),
#     QtKeychain (Qt6), CMake/compiler, extra-cmake-modules
#   * clang 14 with libFuzzer and the sanitizer runtimes, for the fuzz targets (scripts/fuzz.sh)
#   * headless test helpers: xvfb, xauth, imagemagick, dbus, gnome-keyring,
#     libsecret, trayer (XEmbed system tray)
#   * KSyntaxHighlighting built against Qt6 into $KSH_PREFIX (default /opt/ksh-qt6).
#     Bookworm only ships the Qt5 build, so the KF5 5.116 source tarball (Debian's
#     trixie pool, same archive as this machine's apt source) is built with
#     -DBUILD_WITH_QT6=ON. The archive URI is read from the existing apt sources
#     at run time (no host names in this script).
#
# Re-running is a no-op (package check + stamp file). Prints timings.
# Env: KSH_PREFIX (default /opt/ksh-qt6), JOBS (default nproc), KSH_KEEP_BUILD=1.
set -euo pipefail

T0=$(date +%s)
KSH_PREFIX=${KSH_PREFIX:-/opt/ksh-qt6}
JOBS=${JOBS:-$(nproc)}
export DEBIAN_FRONTEND=noninteractive

# KSyntaxHighlighting source: KF5 5.116.0 (trixie), verified by sha256 from Debian's Sources index.
KSH_VERSION=5.116.0
KSH_TARBALL=ksyntax-highlighting_${KSH_VERSION}.orig.tar.xz
KSH_POOL=pool/main/k/ksyntax-highlighting
KSH_SHA256=6f8ccacebd0dc9ce050b2b23b715750c97938b3336fbbb80967920cb8c1dfaa7
KSH_STAMP="$KSH_PREFIX/.ksh-qt6-installed"
KSH_STAMP_CONTENT="ksyntax-highlighting ${KSH_VERSION} qt6 ecm-patched libdir=lib"

PACKAGES=(
  # toolchain
  build-essential cmake pkg-config perl xz-utils ccache
  # fuzz targets (scripts/fuzz.sh): clang with libFuzzer and the ASan/UBSan runtimes
  clang-14 libclang-rt-14-dev
  # Qt 6.4
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libgl-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  # QtKeychain (Qt6 build)
  qtkeychain-qt6-dev
  # for building KSyntaxHighlighting
  extra-cmake-modules
  # headless GUI tests / screenshots
  xvfb xauth imagemagick fonts-dejavu-core
  # headless keychain round-trips (Secret Service via gnome-keyring)
  dbus gnome-keyring libsecret-1-0   # NOT dbus-x11: its dbus-launch autolaunch makes keychain calls hang under Xvfb
  # headless system tray (XEmbed)
  trayer
)

log() { printf '[install-deps %4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }

# Re-run as root through sudo when needed (apt and /opt need it).
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps.sh needs root (or sudo)" >&2; exit 1; }
  exec sudo -E "$0" "$@"
fi

# ---------------------------------------------------------------- apt packages
missing=()
for p in "${PACKAGES[@]}"; do
  st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$st" = "installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  log "apt: all ${#PACKAGES[@]} packages already installed"
else
  log "apt: installing ${#missing[@]} missing: ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
  log "apt: done"
fi

# -------------------------------------------- archive URI from existing sources
codename() { . /etc/os-release; echo "${VERSION_CODENAME:-bookworm}"; }
debian_uri() {
  local cn; cn=$(codename)
  local uri=""
  # deb822 *.sources: first URI of a "deb" stanza whose Suites contain the bare codename
  if compgen -G "/etc/apt/sources.list.d/*.sources" >/dev/null; then
    uri=$(awk -v cn="$cn" '
      function flush() { if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " cn " ") && uris != "" && out == "") { split(uris, a, " "); out = a[1] } types = suites = uris = "" }
      /^[ \t]*$/ { flush(); next }
      /^Types:/  { sub(/^Types:[ \t]*/, "");  types = $0 }
      /^Suites:/ { sub(/^Suites:[ \t]*/, ""); suites = $0 }
      /^URIs:/   { sub(/^URIs:[ \t]*/, "");   uris = $0 }
      END { flush(); print out }' /etc/apt/sources.list.d/*.sources)
  fi
  # one-line format fallback
  if [ -z "$uri" ]; then
    uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
      sed -E 's/\[[^]]*\]//' | awk -v cn="$cn" '$1 == "deb" && $3 == cn { print $2; exit }')
  fi
  [ -n "$uri" ] || { echo "cannot derive Debian archive URI from apt sources" >&2; return 1; }
  echo "${uri%/}"
}

# ------------------------------------------------ KSyntaxHighlighting for Qt6
ksh_installed() {
  [ -f "$KSH_STAMP" ] && [ "$(cat "$KSH_STAMP")" = "$KSH_STAMP_CONTENT" ] &&
  [ -f "$KSH_PREFIX/lib/cmake/KF5SyntaxHighlighting/KF5SyntaxHighlightingConfig.cmake" ] &&
  [ -e "$KSH_PREFIX/lib/libKF5SyntaxHighlighting.so.5" ]
}

if ksh_installed; then
  log "ksh: KSyntaxHighlighting $KSH_VERSION (Qt6) already in $KSH_PREFIX"
else
  URI=$(debian_uri)
  WORK=$(mktemp -d /var/tmp/ksh-qt6-build.XXXXXX)
  log "ksh: downloading $KSH_TARBALL from the configured Debian archive ($KSH_POOL)"
  # apt-helper uses apt's own transport/proxy config and checks the sha256
  if ! out=$(/usr/lib/apt/apt-helper download-file "$URI/$KSH_POOL/$KSH_TARBALL" "$WORK/$KSH_TARBALL" "SHA256:$KSH_SHA256" 2>&1); then
    echo "$out" >&2; echo "download of $KSH_TARBALL failed" >&2; exit 1
  fi
  tar -C "$WORK" -xf "$WORK/$KSH_TARBALL"
  SRC="$WORK/syntax-highlighting-$KSH_VERSION"
  # bookworm has ECM 5.103; 5.116 only *requests* 5.116 and configures/builds fine with 5.103.
  ecm_ver=$(dpkg-query -W -f='${Version}' extra-cmake-modules | cut -d- -f1)
  sed -i "s/find_package(ECM ${KSH_VERSION} REQUIRED NO_MODULE)/find_package(ECM ${ecm_ver} REQUIRED NO_MODULE)/" "$SRC/CMakeLists.txt"
  log "ksh: configuring (Qt6, ECM $ecm_ver)"
  cmake -S "$SRC" -B "$WORK/build" -Wno-dev \
    -DCMAKE_BUILD_TYPE=Release \
    -DBUILD_WITH_QT6=ON \
    -DCMAKE_INSTALL_PREFIX="$KSH_PREFIX" \
    -DKDE_INSTALL_LIBDIR=lib -DLIB_INSTALL_DIR=lib \
    -DBUILD_TESTING=OFF -DBUILD_QCH=OFF >"$WORK/configure.log" 2>&1 ||
    { tail -40 "$WORK/configure.log"; exit 1; }
  log "ksh: building with $JOBS jobs"
  cmake --build "$WORK/build" -j "$JOBS" >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; exit 1; }
  cmake --install "$WORK/build" >"$WORK/install.log" 2>&1 || { tail -40 "$WORK/install.log"; exit 1; }
  echo "$KSH_STAMP_CONTENT" >"$KSH_STAMP"
  [ "${KSH_KEEP_BUILD:-0}" = 1 ] && log "ksh: build dir kept at $WORK" || rm -rf "$WORK"
  "$KSH_PREFIX/bin/kate-syntax-highlighter" --version >/dev/null
  log "ksh: installed into $KSH_PREFIX"
fi

log "done in $(( $(date +%s) - T0 ))s  (use: cmake -DCMAKE_PREFIX_PATH=$KSH_PREFIX ...; find_package(KF5SyntaxHighlighting) -> KF5::SyntaxHighlighting)"
