#!/usr/bin/env bash
# npm test: installs what the suites need, then type-checks and runs every jest suite (unit,
# integration, end-to-end; lint runs inside them) against real services started by globalSetup.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh
ensure_node_modules
ensure_temporal_cli
ensure_temporal_server
ensure_docker_compose
ensure_chromium

echo "[bevaka] building the web app..."
npm run -s build:web

echo "[bevaka] type-checking..."
npx tsc -p tsconfig.json --noEmit
npx tsc -p apps/web/tsconfig.json # the web app too: vite only strips its types

mkdir -p test-results
status=0
npx jest --ci --json --outputFile=test-results/jest.json "$@" || status=$?
# A plain closing line that any CI can read, whatever the runner prints above it.
node -e '
  const r = require("./test-results/jest.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' || true
exit $status
