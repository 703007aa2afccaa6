#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: Debian's Chromium and a CJK font for the browser tests, and
# LibreOffice (Writer, headless) with poppler-utils to render the generated Word files (学习台账) to PDF and PNG.
# Idempotent: does nothing when everything is present. Runs apt-get as root (CI) or through sudo.
set -euo pipefail

packages=(chromium fonts-noto-cjk libreoffice-writer-nogui poppler-utils)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then apt=(apt-get); elif command -v sudo >/dev/null; then apt=(sudo apt-get); else
    echo "install-test-deps: missing ${missing[*]} and not root; install them with apt-get" >&2
    exit 1
fi
echo "install-test-deps: installing ${missing[*]}"
"${apt[@]}" update -qq
DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
