#!/usr/bin/env bash
# Installs what `make test` needs on a fresh Debian machine with only Go:
# Debian's chromium (browser tests), nginx (the static export is served by
# it in tests), node and npm (to install the test parents' packages), and
# the npm packages in testdata/npm (pym.js, axe-core). Safe to run every
# time: it only installs what is missing. Never skips silently: when it
# cannot install something, it stops with a message naming the package.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
have() { command -v "$1" >/dev/null 2>&1; }

[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || need_apt+=(chromium)
have nginx || [ -x /usr/sbin/nginx ] || need_apt+=(nginx)
have node || need_apt+=(nodejs)
have npm || need_apt+=(npm)

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "deps: missing Debian packages: ${need_apt[*]}" >&2
    echo "deps: install them as root: apt-get install -y ${need_apt[*]}" >&2
    exit 1
  fi
  echo "deps: installing ${need_apt[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
echo "deps: chromium: $("${CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null | grep -o 'Chromium [0-9.]*' || echo present)"
echo "deps: nginx: $( (nginx -v 2>&1 || /usr/sbin/nginx -v 2>&1) | head -1)"
echo "deps: node $(node --version), npm $(npm --version)"

# npm packages for the test parents, installed from the lock file, only when
# missing or older than the lock file.
stamp=testdata/npm/node_modules/.installed
if [ ! -f "$stamp" ] || [ testdata/npm/package-lock.json -nt "$stamp" ]; then
  echo "deps: npm ci in testdata/npm"
  (cd testdata/npm && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  touch "$stamp"
fi
for f in testdata/npm/node_modules/pym.js/dist/pym.v1.min.js testdata/npm/node_modules/axe-core/axe.min.js; do
  [ -f "$f" ] || { echo "deps: $f missing after npm ci" >&2; exit 1; }
done
echo "deps: npm packages: pym.js $(node -p 'require("./testdata/npm/node_modules/pym.js/package.json").version'), axe-core $(node -p 'require("./testdata/npm/node_modules/axe-core/package.json").version')"
