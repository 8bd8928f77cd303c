#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium, where the browser tests launch it
# (Playwright drives it; Playwright's own browser downloads are out of reach here).
# Installs it with apt-get when missing, which needs root.
set -euo pipefail

readonly CHROMIUM=/usr/bin/chromium

[[ -x $CHROMIUM ]] && exit 0
if [[ $EUID -ne 0 ]]; then
    echo "chromium.sh: $CHROMIUM is missing; install it as root: apt-get install -y chromium" >&2
    exit 1
fi
echo "chromium.sh: installing Chromium from Debian's packages" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends chromium >&2
