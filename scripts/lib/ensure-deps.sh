# Shared by scripts/start.sh and scripts/test.sh: the project installs what it needs itself.

# npm ci when node_modules is missing or older than package-lock.json.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "[bevaka] installing npm dependencies (npm ci)..."
    npm ci --no-audit --no-fund --loglevel=error
  fi
}
