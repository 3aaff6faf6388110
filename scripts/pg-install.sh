# Sourced by scripts/with-postgres.sh: locating and installing the PostgreSQL server binaries.
# shellcheck shell=bash

# Prints the directory holding initdb/pg_ctl/postgres ($PG_BINDIR when set, checked by the caller), or fails.
pg_find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then
    printf '%s\n' "$PG_BINDIR"
    return 0
  fi
  local dir
  # Debian layout: /usr/lib/postgresql/<major>/bin; prefer the newest major version.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -n -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      printf '%s\n' "$dir"
      return 0
    fi
  done
  local initdb
  initdb="$(command -v initdb || true)"
  if [ -n "$initdb" ]; then
    dir="$(dirname "$(readlink -f "$initdb")")"
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      printf '%s\n' "$dir"
      return 0
    fi
  fi
  return 1
}

# Installs Debian's postgresql package non-interactively (root, or passwordless sudo).
pg_install_package() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      printf '%s\n' "with-postgres: error: PostgreSQL server binaries (initdb) not found and not running as root." \
        "  Install them first: sudo apt-get install -y postgresql   (or set PG_BINDIR=/path/to/postgresql/bin)" >&2
      exit 1
    fi
  fi
  command -v apt-get >/dev/null 2>&1 || {
    printf 'with-postgres: error: initdb not found and apt-get is unavailable; install PostgreSQL or set PG_BINDIR\n' >&2
    exit 1
  }
  printf 'with-postgres: installing postgresql with apt-get\n' >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql </dev/null >&2
}
