# Starts the demo cluster and the production app in the background (sourced by demo.sh, test.sh and bench.sh).
# Inputs: STACK_DIR (state dir), SCENARIO, APP_PORT, optional DATABASE_URL, EXTRA_APP_ENV (space-separated K=V),
# OIDC=1 (tests only: also start the test OpenID provider, scripts/oidc-provider.ts, and point the app at it).
# Outputs: DEMO_PID, APP_PID, OIDC_PID, DEMO_URL, APP_URL, METRICS_URL, CONTROL_TOKEN. Logs in $STACK_DIR/*.log;
# METRICS_URL (the app's Prometheus endpoint on its own free port) also in $STACK_DIR/metrics-url for the tests.

# Starts scripts/oidc-provider.ts for $APP_URL and sets OIDC_ENV (the app's FLUXTOWER_OIDC_* and group mapping).
start_oidc_provider() {
  rm -f "$STACK_DIR/oidc.json"
  setsid npx tsx scripts/oidc-provider.ts --port 0 --state-dir "$STACK_DIR" --redirect-uri "$APP_URL/api/auth/oidc/callback" \
    >"$STACK_DIR/oidc-provider.log" 2>&1 &
  OIDC_PID=$!
  wait_for_file "$STACK_DIR/oidc.json" 60 "$OIDC_PID" || { tail -50 "$STACK_DIR/oidc-provider.log" >&2; return 1; }
  OIDC_ENV=$(node -p 'const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); `FLUXTOWER_OIDC_ISSUER=${s.issuer} FLUXTOWER_OIDC_CLIENT_ID=${s.clientId} FLUXTOWER_OIDC_CLIENT_SECRET=${s.clientSecret}`' "$STACK_DIR/oidc.json")
  OIDC_ENV="$OIDC_ENV FLUXTOWER_OIDC_SCOPES=openid,profile,email,groups FLUXTOWER_ADMIN_GROUPS=fluxtower-admins FLUXTOWER_OPERATOR_GROUPS=fluxtower-operators"
}

start_stack() {
  mkdir -p "$STACK_DIR"
  rm -f "$STACK_DIR/server.json"
  setsid npx tsx democluster/main.ts --scenario "${SCENARIO:-airflow}" --port "${DEMO_PORT:-0}" --state-dir "$STACK_DIR" ${DEMO_ARGS:-} \
    >"$STACK_DIR/democluster.log" 2>&1 &
  DEMO_PID=$!
  wait_for_file "$STACK_DIR/server.json" 60 "$DEMO_PID" || { tail -50 "$STACK_DIR/democluster.log" >&2; return 1; }
  DEMO_URL=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).url' "$STACK_DIR/server.json")
  CONTROL_TOKEN=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).controlToken' "$STACK_DIR/server.json")
  APP_URL="http://127.0.0.1:$APP_PORT"
  METRICS_PORT=$(free_port)
  METRICS_URL="http://127.0.0.1:$METRICS_PORT/metrics"
  echo "$METRICS_URL" >"$STACK_DIR/metrics-url"
  OIDC_ENV=""
  # Test stacks (OIDC=1) stand behind one simulated proxy: tests choose a client address per flow with
  # X-Forwarded-For, so one test's per-address limits do not spill into another's. The product default is 0 hops.
  PROXY_ENV=""
  if [ "${OIDC:-}" = 1 ]; then start_oidc_provider || return 1; PROXY_ENV="FLUXTOWER_TRUSTED_PROXY_HOPS=1"; fi
  # shellcheck disable=SC2086
  env KUBECONFIG="$STACK_DIR/fluxtower.kubeconfig" PORT="$APP_PORT" FLUXTOWER_PUBLIC_URL="$APP_URL" \
    FLUXTOWER_DEMO_MODE=true FLUXTOWER_METRICS_HOST=127.0.0.1 FLUXTOWER_METRICS_PORT="$METRICS_PORT" \
    ${DATABASE_URL:+DATABASE_URL="$DATABASE_URL"} ${OIDC_ENV} ${PROXY_ENV} ${EXTRA_APP_ENV:-} \
    setsid npx next start -H 127.0.0.1 -p "$APP_PORT" >"$STACK_DIR/app.log" 2>&1 &
  APP_PID=$!
  wait_for_url "$APP_URL/api/healthz" 90 "$APP_PID" || { tail -50 "$STACK_DIR/app.log" >&2; return 1; }
  export DEMO_PID APP_PID OIDC_PID DEMO_URL APP_URL METRICS_URL CONTROL_TOKEN
}

stop_stack() {
  stop_pid "${APP_PID:-}"
  stop_pid "${DEMO_PID:-}"
  stop_pid "${OIDC_PID:-}"
  APP_PID="" DEMO_PID="" OIDC_PID=""
}
