# Shared by scripts/start.sh and scripts/test.sh: the project installs what it needs itself.

# npm ci when node_modules is missing or older than package-lock.json.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "[bevaka] installing npm dependencies (npm ci)..."
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# The temporal CLI (dev server) for the test suites, unless an existing Temporal is given.
ensure_temporal_cli() {
  if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
    echo "[bevaka] temporal CLI: $(node -r @swc-node/register scripts/ensure-temporal-cli.ts)"
  fi
}

# The Temporal server and its SQL tool for the cluster-mode suites (test/cluster) and
# `npm run cluster`: built with Go once per machine, like the CLI.
ensure_temporal_server() {
  echo "[bevaka] temporal server: $(node -r @swc-node/register scripts/ensure-temporal-server.ts)"
}

# `docker compose` (the CLI plugin) only parses docker-compose.yml here: no engine is needed.
# When the docker client has no compose plugin, build it once per machine with Go.
COMPOSE_VERSION=v2.29.7
ensure_docker_compose() {
  if docker compose version >/dev/null 2>&1; then return; fi
  local plugin_dir="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"
  local cache="${XDG_CACHE_HOME:-$HOME/.cache}/bevaka/compose-$COMPOSE_VERSION"
  if [ ! -x "$cache/cmd" ]; then
    if ! command -v go >/dev/null; then
      echo "[bevaka] docker compose is missing and Go is not installed to build it" >&2
      return 1
    fi
    echo "[bevaka] building the docker compose plugin $COMPOSE_VERSION with Go (once per machine)..."
    mkdir -p "$cache"
    GOBIN="$cache" CGO_ENABLED=0 go install "github.com/docker/compose/v2/cmd@$COMPOSE_VERSION"
  fi
  mkdir -p "$plugin_dir"
  ln -sf "$cache/cmd" "$plugin_dir/docker-compose"
}

# Debian's Chromium for the browser tests (nothing downloads a browser of its own).
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return; fi
  if [ "$(id -u)" != 0 ]; then
    echo "[bevaka] the browser tests need Debian's chromium: sudo apt-get install chromium" >&2
    return 1
  fi
  echo "[bevaka] installing Debian's chromium for the browser tests..."
  apt-get update -qq && apt-get install -y -qq chromium
}
