#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server.
#
#   bash scripts/with-postgres.sh <command...>
#
# Starts PostgreSQL on 127.0.0.1 (a free port, unix socket in a temp dir, password auth over TCP), creates a
# least-privilege login role "fluxtower_app" (no superuser, CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS) and the
# database "fluxtower" owned by it (SECURITY.md S23: the app never connects as the superuser), and exports
#   DATABASE_URL=postgresql://fluxtower_app:<pw>@127.0.0.1:<port>/fluxtower?sslmode=disable
#     (plain text is explicit and on loopback, the only way lib/config/database-tls.ts accepts it)
#   FLUXTOWER_TEST_PG_ADMIN_URL=postgresql://postgres:<pw>@127.0.0.1:<port>/postgres?sslmode=disable
#     (the superuser, for tests that create and drop throwaway databases: tests/integration/db-test-database.ts)
# runs the command, then always stops the server and removes the temp dir (EXIT/INT/TERM) and exits
# with the command's exit code.
#
# PostgreSQL binaries: $PG_BINDIR, else the newest /usr/lib/postgresql/<version>/bin, else initdb on PATH.
# When none is found, Debian's `postgresql` package is installed with apt-get (root, or passwordless sudo).
# initdb and postgres refuse to run as root: as root they run as the `postgres` user (created by the
# package; created here as a system user if missing). Works without a TTY or stdin (CI=true).
set -euo pipefail
# runuser and PostgreSQL helpers live in /usr/sbin, which a minimal PATH (env -i, some CI runners) leaves out.
export PATH="$PATH:/usr/sbin:/sbin"

log() { printf 'with-postgres: %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

[ "$#" -gt 0 ] || die "usage: bash scripts/with-postgres.sh <command...>"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/pg-install.sh
. "$here/pg-install.sh"

if [ -n "${PG_BINDIR:-}" ] && [ ! -x "$PG_BINDIR/initdb" ]; then
  die "PG_BINDIR=$PG_BINDIR has no initdb"
fi
bindir="$(pg_find_bindir || true)"
if [ -z "$bindir" ]; then
  pg_install_package
  bindir="$(pg_find_bindir || true)"
  [ -n "$bindir" ] || die "postgresql was installed but initdb was not found under /usr/lib/postgresql/*/bin"
fi

pg_user=""
if [ "$(id -u)" -eq 0 ]; then
  pg_user="postgres"
  if ! id -u "$pg_user" >/dev/null 2>&1; then
    log "creating system user $pg_user (initdb and postgres refuse to run as root)"
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$pg_user"
  fi
fi

# Runs a PostgreSQL program as the unprivileged user, from the temp dir (the caller's cwd may be unreadable to it).
as_pg() {
  if [ -n "$pg_user" ]; then
    (cd "$tmp" && runuser -u "$pg_user" -- "$@")
  else
    (cd "$tmp" && "$@")
  fi
}

# The temp dir must be reachable by the postgres user, so as root it lives in /tmp, not $TMPDIR.
if [ -n "$pg_user" ]; then tmp_parent=/tmp; else tmp_parent="${TMPDIR:-/tmp}"; fi
tmp="$(mktemp -d "$tmp_parent/fluxtower-pg.XXXXXX")"
data="$tmp/data"
started=""
child=""

cleanup() {
  local rc=$?
  trap "" INT TERM HUP; trap - EXIT # a second signal must not cut the clean-up short
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  if [ -n "$started" ]; then
    if ! as_pg "$bindir/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null; then
      log "pg_ctl stop failed; server log follows"
      cat "$tmp/server.log" >&2 || true
      rc=$((rc == 0 ? 1 : rc))
    fi
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[ -z "$pg_user" ] || chown "$pg_user:" "$tmp"
chmod 700 "$tmp"

password="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(18).toString("hex"))')"
printf '%s\n' "$password" >"$tmp/pwfile"
[ -z "$pg_user" ] || chown "$pg_user:" "$tmp/pwfile"

if ! as_pg "$bindir/initdb" -D "$data" -U postgres --pwfile="$tmp/pwfile" --auth-local=trust \
  --auth-host=scram-sha-256 --encoding=UTF8 --locale=C --no-sync >"$tmp/initdb.log" 2>&1; then
  cat "$tmp/initdb.log" >&2
  die "initdb failed"
fi
rm -f "$tmp/pwfile"

# Pick a free port; retry if another process takes it before postgres binds.
port=""
for attempt in 1 2 3 4 5; do
  candidate="$(node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})')"
  opts="-c listen_addresses=127.0.0.1 -p $candidate -k '$tmp' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if as_pg "$bindir/pg_ctl" -D "$data" -l "$tmp/server.log" -w -t 60 -o "$opts" start >/dev/null; then
    port="$candidate"
    started=1
    break
  fi
  if ! grep -q -i -E "could not bind|address already in use" "$tmp/server.log" 2>/dev/null; then
    cat "$tmp/server.log" >&2 || true
    die "postgres did not start"
  fi
  log "port $candidate was taken (attempt $attempt), retrying"
done
[ -n "$port" ] || die "no free port after 5 attempts"

# The app's role owns the database it uses and nothing else: it may create tables there (the migrations), but not
# databases or roles, and it may not connect to the maintenance database. Hex passwords need no SQL quoting.
app_role="fluxtower_app"
app_password="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(18).toString("hex"))')"
psql_admin() { as_pg "$bindir/psql" -h "$tmp" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q -X -c "$1" >/dev/null; }
psql_admin "CREATE ROLE $app_role LOGIN PASSWORD '$app_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
psql_admin "CREATE DATABASE fluxtower OWNER $app_role"
psql_admin "REVOKE ALL ON DATABASE postgres FROM PUBLIC"

export DATABASE_URL="postgresql://$app_role:$app_password@127.0.0.1:$port/fluxtower?sslmode=disable"
export FLUXTOWER_TEST_PG_ADMIN_URL="postgresql://postgres:$password@127.0.0.1:$port/postgres?sslmode=disable"
log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, database fluxtower (role $app_role)"

# Run in the background (keeping stdin) so INT/TERM reach the trap while the command runs.
"$@" <&0 &
child=$!
set +e
wait "$child"
rc=$?
set -e
child=""
exit "$rc"
