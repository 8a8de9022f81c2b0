#!/usr/bin/env bash
# The browser suite drives Debian's chromium; install it when missing (needs root, as on CI).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "chromium is missing: run 'sudo apt-get install -y chromium' (the browser tests need /usr/bin/chromium)" >&2
  exit 1
fi
echo "installing Debian's chromium for the browser tests..." >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
