#!/usr/bin/env bash
# npm run demo — installs what is missing, builds, starts the demo cluster (scenario "airflow" unless
# SCENARIO=…) and the app at http://127.0.0.1:3000, and stops both on Ctrl-C or SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source scripts/start-stack.sh

ensure_deps
ensure_build

STACK_DIR=.data/demo
SCENARIO=${SCENARIO:-airflow}
APP_PORT=${PORT:-3000}

# A second signal (npm forwards the one the terminal or timeout already sent) must not cut the clean-up short.
cleanup() { trap "" INT TERM HUP; trap - EXIT; echo; echo "Stopping…"; stop_stack; exit 0; }
trap cleanup EXIT INT TERM

start_stack
cat <<MSG

  Fluxtower is running at $APP_URL   (scenario: $SCENARIO)

  Sign in as admin, operator or viewer — password: ${FLUXTOWER_DEMO_PASSWORD:-demo}
  Demo cluster API: $DEMO_URL
  kubectl:          kubectl --kubeconfig .data/demo/kubeconfig get helmreleases -A
  Logs:             .data/demo/app.log, .data/demo/democluster.log

  Press Ctrl-C to stop.
MSG
# Stay in the foreground until either process exits or a signal arrives.
while kill -0 "$APP_PID" 2>/dev/null && kill -0 "$DEMO_PID" 2>/dev/null; do sleep 1; done
echo "A process exited; see .data/demo/*.log" >&2
exit 1
