#!/usr/bin/env bash
# Install Debian's Chromium for the browser test (test/browser) when it is not there yet.
# Idempotent and silent on success; on failure it prints apt's output and exits non-zero, because a CI run that
# silently skipped the browser test would claim more than it checked.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo -n)
  else
    echo "install-browser: $CHROMIUM is missing and this user can neither install packages nor sudo" >&2
    exit 1
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { "${as_root[@]}" apt-get update -qq && "${as_root[@]}" apt-get install -y -qq chromium; } >"$log" 2>&1; then
  echo "install-browser: apt-get could not install chromium:" >&2
  cat "$log" >&2
  exit 1
fi
if [ ! -x "$CHROMIUM" ]; then
  echo "install-browser: the chromium package installed, but $CHROMIUM is still missing" >&2
  exit 1
fi
