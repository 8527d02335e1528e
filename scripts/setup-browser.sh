#!/usr/bin/env bash
# Installs Debian's chromium, which the HTML report's test opens headless (HtmlReportBrowserTest).
# Idempotent: says what it found already there.
#
#   bash scripts/setup-browser.sh   # as root on Debian/Ubuntu: installs chromium where missing
set -euo pipefail

say() { printf '[setup-browser] %s\n' "$*"; }

for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then
    say "$candidate is installed: $("$candidate" --version 2>/dev/null || echo "$candidate")"
    exit 0
  fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing chromium"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  say "installed: $(chromium --version)"
else
  say "ERROR: no chromium, and this is not root on Debian/Ubuntu: install chromium (or Chrome) yourself" >&2
  exit 1
fi
