#!/usr/bin/env bash
# npm test — lint, typecheck, unit tests, demo-cluster tests, integration tests over HTTP against the built app +
# demo cluster on SQLite and on a throwaway PostgreSQL, then Playwright e2e in Debian's Chromium.
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source scripts/start-stack.sh

ensure_deps || { echo "0 passed, 1 failed"; exit 1; }

RUN_DIR=$(mktemp -d /tmp/fluxtower-test.XXXXXX)
PASSED=0
FAILED=0
cleanup() { trap "" INT TERM HUP; stop_stack; rm -rf "$RUN_DIR"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# check <name> <command…>: a step that counts as one test.
check() {
  local name=$1; shift
  echo "── $name"
  if "$@"; then PASSED=$((PASSED + 1)); else FAILED=$((FAILED + 1)); echo "✗ $name failed"; fi
}

# counted <name> <command…>: a runner that prints "<runner>: N passed, N failed[, N skipped]".
counted() {
  local name=$1; shift
  local log="$RUN_DIR/$name.log"
  echo "── $name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local line p f
  line=$(grep -E '^(vitest|playwright): [0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
  if [ -n "$line" ]; then
    p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
    f=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) failed.*/\1/')
    PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then FAILED=$((FAILED + 1)); echo "✗ $name exited with $rc"; fi
  else
    FAILED=$((FAILED + 1)); echo "✗ $name produced no summary (exit $rc)"
  fi
}

VITEST_REPORT="--reporter=default --reporter=./scripts/vitest-summary-reporter.ts"

# S22 (SECURITY.md): no high or critical advisory in the production dependencies. npm's registry audit is asked
# first; when its advisory service cannot be reached or refuses the request (some registry proxies answer the bulk
# endpoint with 405), the offline check of package-lock.json stands in — the documented floors and known-compromised
# versions in lib/security/dependency-floors.ts. A real finding from npm audit always fails.
dependency_audit() {
  local out rc
  out=$(npm audit --omit=dev --audit-level=high 2>&1); rc=$?
  printf '%s\n' "$out" | tail -15
  [ "$rc" -eq 0 ] && return 0
  if printf '%s' "$out" | grep -qE 'audit endpoint returned an error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT'; then
    echo "npm audit: the registry's advisory service did not answer; checking package-lock.json offline instead"
    npx vitest run --project unit lib/security/dependency-floors.test.ts
    return $?
  fi
  return 1
}

check lint npx eslint . --max-warnings 0
check typecheck npx tsc --noEmit
check dependency-audit dependency_audit
counted unit npx vitest run --project unit $VITEST_REPORT
counted democluster npx vitest run --project democluster $VITEST_REPORT

if ! npx next build >"$RUN_DIR/build.log" 2>&1; then
  tail -40 "$RUN_DIR/build.log"; echo "✗ next build failed"; FAILED=$((FAILED + 1))
  echo "$PASSED passed, $FAILED failed"; exit 1
fi

# integration <label>: start a fresh stack on $DATABASE_URL and run the integration project against it.
integration() {
  local label=$1
  STACK_DIR="$RUN_DIR/stack-$label" SCENARIO=airflow APP_PORT=$(free_port) DEMO_ARGS="--time-scale 0.2" OIDC=1
  if ! start_stack; then FAILED=$((FAILED + 1)); echo "✗ could not start the stack ($label)"; stop_stack; return; fi
  FLUXTOWER_TEST_URL=$APP_URL FLUXTOWER_TEST_DEMO_DIR=$STACK_DIR FLUXTOWER_TEST_DB=$label \
    counted "integration-$label" npx vitest run --project integration $VITEST_REPORT
  stop_stack
}

export DATABASE_URL="file:$RUN_DIR/fluxtower.db"
integration sqlite

# The PostgreSQL run happens inside with-postgres.sh (it starts a throwaway server and exports DATABASE_URL).
PG_RESULT="$RUN_DIR/pg-result"
bash scripts/with-postgres.sh bash -c "source scripts/lib.sh; source scripts/start-stack.sh; $(declare -f check counted integration); \
  PASSED=0; FAILED=0; RUN_DIR='$RUN_DIR'; VITEST_REPORT='$VITEST_REPORT'; integration postgresql; echo \"\$PASSED \$FAILED\" > '$PG_RESULT'"
if [ -s "$PG_RESULT" ]; then
  read -r p f <"$PG_RESULT"; PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
else
  FAILED=$((FAILED + 1)); echo "✗ PostgreSQL integration run did not complete"
fi

# Browser tests against a fresh stack on SQLite.
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian chromium…"
  (DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null 2>&1 || \
   (apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null 2>&1)) || echo "could not install chromium"
fi
export DATABASE_URL="file:$RUN_DIR/e2e.db"
STACK_DIR="$RUN_DIR/stack-e2e" SCENARIO=airflow APP_PORT=$(free_port) DEMO_ARGS="--time-scale 0.2" OIDC=1
if start_stack; then
  FLUXTOWER_TEST_URL=$APP_URL FLUXTOWER_TEST_DEMO_DIR=$STACK_DIR counted e2e npx playwright test
  stop_stack
else
  FAILED=$((FAILED + 1)); echo "✗ could not start the stack (e2e)"
fi

# Browser tests that need the seeds' incidents (e2e/incidents-*.spec.ts) against a stack on the "incidents" scenario.
export DATABASE_URL="file:$RUN_DIR/e2e-incidents.db"
STACK_DIR="$RUN_DIR/stack-incidents" SCENARIO=incidents APP_PORT=$(free_port) DEMO_ARGS="--time-scale 0.2" OIDC=""
if start_stack; then
  FLUXTOWER_TEST_SCENARIO=incidents FLUXTOWER_TEST_URL=$APP_URL FLUXTOWER_TEST_DEMO_DIR=$STACK_DIR counted e2e-incidents npx playwright test
  stop_stack
else
  FAILED=$((FAILED + 1)); echo "✗ could not start the stack (incidents)"
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
