#!/usr/bin/env bash
# Every test of the project, in the order that fails fastest: types, lint, unit tests, the
# production build (which validates all content), checks over the built files, then the
# browser tests against the built site. `npm test` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1

current=""
step() { current="$1"; printf '\n\033[1m== %s\033[0m\n' "$1"; }
# CI reads the last line. If a step before the browser tests fails, say so in the same format.
trap 'rc=$?; if [ "$rc" != 0 ] && [ "$current" != "end-to-end tests (Chromium)" ]; then echo "e2e: 0 passed, 0 failed (not run: \"$current\" failed)"; fi' EXIT

step "astro check (zero warnings)"
npx astro check --minimumSeverity warning

step "lint and format"
npx eslint . --max-warnings 0
npx prettier --check . --log-level warn

step "unit tests"
npx vitest run

step "production build"
npm run build --silent

step "build under a sub-path (BASE_PATH=/k8s-workloads/)"
rm -rf .tmp/subpath
BASE_PATH=/k8s-workloads/ npx astro build --outDir .tmp/subpath/k8s-workloads >/dev/null
npx pagefind --site .tmp/subpath/k8s-workloads >/dev/null

step "checks over dist/: ids and registry, budgets, HTML validity, links"
node scripts/check-dist.ts

step "end-to-end tests (Chromium)"
mkdir -p reports
rc=0
npx playwright test || rc=$?
node -e 'const s=require("./reports/e2e.json").stats;console.log(`e2e: ${s.expected+s.flaky} passed, ${s.unexpected} failed`)'
exit "$rc"
