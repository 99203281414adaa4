#!/usr/bin/env bash
# Run a command beside a throw-away PostgreSQL server (tests, benchmarks):
#   bash packaging/scratch_postgres.sh COMMAND [ARGS...]
# The server lives in a temporary folder, listens on 127.0.0.1 only, on a free port, and the
# command finds it in DUGOUT_TEST_PG_URL. At exit, whatever the command's result, the server is
# stopped and its folder removed; the command's exit status is kept.
# Without PostgreSQL (or when it cannot start) the command runs alone and says so on stderr:
# the PostgreSQL cases then skip, or fail under CI=true.
set -euo pipefail

[ $# -gt 0 ] || { echo "usage: bash packaging/scratch_postgres.sh COMMAND [ARGS...]" >&2; exit 2; }

if [ -n "${DUGOUT_TEST_PG_URL:-}" ]; then
  exec "$@"  # a server chosen from outside
fi

bindir=""
for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$dir/initdb" ]; then bindir="$dir"; break; fi
done
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then
  bindir="$(dirname "$(command -v initdb)")"
fi
if [ -z "$bindir" ]; then
  echo "PostgreSQL is not installed: its test cases are skipped (Debian: apt-get install postgresql)" >&2
  exec "$@"
fi

# initdb refuses to run as root: as root the server belongs to the postgres user.
owner=()
if [ "$(id -u)" = 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "No postgres user to run the test server as: PostgreSQL test cases are skipped" >&2
    exec "$@"
  fi
  owner=(runuser -u postgres --)
fi

folder="$(mktemp -d "${TMPDIR:-/tmp}/dugout-pg.XXXXXX")"
data="$folder/data"

stop_server() {
  if [ -f "$data/postmaster.pid" ]; then
    "${owner[@]}" "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$folder"
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[ ${#owner[@]} -eq 0 ] || chown postgres: "$folder"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

started=""
if "${owner[@]}" "$bindir/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$folder/initdb.log" 2>&1; then
  # The superuser connects without a password (tests make databases); every other role
  # needs one, so the tests can check wrong passwords, ~/.pgpass and PGPASSWORD.
  cat >"$data/pg_hba.conf" <<EOF
local all all trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
EOF
  for _ in 1 2 3; do  # another program may take the free port first: try another
    port="$(free_port)"
    cat >>"$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$folder'
# Throw-away data: no need to survive a power cut.
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    if "${owner[@]}" "$bindir/pg_ctl" -D "$data" -l "$folder/server.log" -w -t 60 start >/dev/null 2>&1; then
      started="$port"
      break
    fi
  done
fi

if [ -z "$started" ]; then
  echo "Could not start a test PostgreSQL server: its test cases are skipped" >&2
  tail -n 5 "$folder/initdb.log" "$folder/server.log" 2>/dev/null >&2 || true
else
  export DUGOUT_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$started/postgres"
  echo "Test PostgreSQL server ($("$bindir/postgres" --version | sed 's/^[^0-9]*//')) on 127.0.0.1:$started" >&2
fi

status=0
"$@" || status=$?
exit "$status"
