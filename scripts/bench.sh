#!/usr/bin/env bash
# npm run bench — starts the demo cluster with the `large` scenario (5,000 HelmReleases, 5,000 Kustomizations,
# 2,000 ExternalSecrets, 20,000 pods) and the production build on port 3500, then measures (scripts/bench/*.ts) and
# prints every figure next to a baseline measured in the same run; writes .data/bench/latest.json.
# Speed is measured here, never asserted in tests.
# Knobs: BENCH_PARAMS (scenario params, space-separated k=v), BENCH_TIME_SCALE (demo controller time scale, default
# 1 = realistic intervals: the settled cluster then only runs interval timers and stays quiet).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source scripts/start-stack.sh

APP_PORT=3500
BENCH_PARAMS=${BENCH_PARAMS:-"namespaces=50 releasesPerNamespace=100 podsPerRelease=4 kustomizations=5000 externalSecrets=2000"}
BENCH_TIME_SCALE=${BENCH_TIME_SCALE:-1}

if (exec 3<>"/dev/tcp/127.0.0.1/$APP_PORT") 2>/dev/null; then
  echo "port $APP_PORT is in use; stop whatever listens there and run again" >&2
  exit 1
fi

ensure_deps
ensure_build

STACK_DIR="$PWD/.data/bench/stack" # absolute: start_stack require()s server.json
rm -rf "$STACK_DIR"
mkdir -p "$STACK_DIR"
READY_FILE="$STACK_DIR/ready.json"
SCENARIO=large
DEMO_ARGS="--time-scale $BENCH_TIME_SCALE"
for p in $BENCH_PARAMS; do DEMO_ARGS="$DEMO_ARGS --param $p"; done
export DATABASE_URL="file:$STACK_DIR/fluxtower.db"

POLL_PID=""
cleanup() {
  trap "" INT TERM HUP; trap - EXIT # a second signal must not cut the clean-up short
  stop_pid "$POLL_PID"
  stop_stack
}
trap cleanup EXIT
trap 'echo; echo "Interrupted; stopping…" >&2; exit 130' INT TERM

echo "Starting the demo cluster (scenario large: $BENCH_PARAMS; time scale $BENCH_TIME_SCALE) and the app on :$APP_PORT…"
# The readiness poller runs before the app starts so the cache sync time is not cut short by start-up waits.
setsid npx tsx scripts/bench/wait-ready.ts "http://127.0.0.1:$APP_PORT" "$READY_FILE" 900 >"$STACK_DIR/wait-ready.log" 2>&1 &
POLL_PID=$!
start_stack
echo "Waiting for every cache to sync (/api/readyz)…"
if ! wait "$POLL_PID"; then
  POLL_PID=""
  cat "$STACK_DIR/wait-ready.log" >&2
  tail -30 "$STACK_DIR/app.log" >&2
  exit 1
fi
POLL_PID=""

STACK_DIR="$STACK_DIR" APP_URL="$APP_URL" APP_PID="$APP_PID" DEMO_PID="$DEMO_PID" READY_FILE="$READY_FILE" \
  BENCH_OUT=.data/bench/latest.json BENCH_PARAMS="$BENCH_PARAMS" \
  npx tsx scripts/bench/main.ts
