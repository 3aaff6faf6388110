# Starts the demo cluster and the production app in the background (sourced by demo.sh, test.sh and bench.sh).
# Inputs: STACK_DIR (state dir), SCENARIO, APP_PORT, optional DATABASE_URL, EXTRA_APP_ENV (space-separated K=V).
# Outputs: DEMO_PID, APP_PID, DEMO_URL, APP_URL, CONTROL_TOKEN. Logs in $STACK_DIR/*.log.

start_stack() {
  mkdir -p "$STACK_DIR"
  rm -f "$STACK_DIR/server.json"
  setsid npx tsx democluster/main.ts --scenario "${SCENARIO:-airflow}" --port "${DEMO_PORT:-0}" --state-dir "$STACK_DIR" ${DEMO_ARGS:-} \
    >"$STACK_DIR/democluster.log" 2>&1 &
  DEMO_PID=$!
  wait_for_file "$STACK_DIR/server.json" 60 "$DEMO_PID" || { tail -50 "$STACK_DIR/democluster.log" >&2; return 1; }
  DEMO_URL=$(node -p 'require(process.argv[1]).url' "$STACK_DIR/server.json")
  CONTROL_TOKEN=$(node -p 'require(process.argv[1]).controlToken' "$STACK_DIR/server.json")
  APP_URL="http://127.0.0.1:$APP_PORT"
  # shellcheck disable=SC2086
  env KUBECONFIG="$STACK_DIR/fluxtower.kubeconfig" PORT="$APP_PORT" FLUXTOWER_PUBLIC_URL="$APP_URL" \
    FLUXTOWER_DEMO_MODE=true ${DATABASE_URL:+DATABASE_URL="$DATABASE_URL"} ${EXTRA_APP_ENV:-} \
    setsid npx next start -H 127.0.0.1 -p "$APP_PORT" >"$STACK_DIR/app.log" 2>&1 &
  APP_PID=$!
  wait_for_url "$APP_URL/api/healthz" 90 "$APP_PID" || { tail -50 "$STACK_DIR/app.log" >&2; return 1; }
  export DEMO_PID APP_PID DEMO_URL APP_URL CONTROL_TOKEN
}

stop_stack() {
  stop_pid "${APP_PID:-}"
  stop_pid "${DEMO_PID:-}"
  APP_PID="" DEMO_PID=""
}
