#!/usr/bin/env bash
# npm start: install dependencies when missing or stale, build, then run the embedded stack.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh
ensure_node_modules
echo "[bevaka] building..."
npm run -s build
npm run -s build:web
exec node dist/apps/embedded/main.js
