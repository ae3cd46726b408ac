#!/usr/bin/env bash
# The registry's whole test suite, on a fresh Debian machine with the .NET SDK:
#   - installs the Debian packages the tests need when they are missing (as root): PostgreSQL 15,
#     Chromium, R with survival and readxl,
#   - starts a throwaway PostgreSQL 15 on a free loopback port in a temporary folder,
#   - runs every test project of MvdRegistry.sln against it and the embedded SQLite,
#   - stops the server and removes the folder, whether the tests pass or fail.
# Usage: tests/run.sh [extra dotnet test arguments, e.g. --filter Name~Import]
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

need_packages=()
[ -x "$PG_BIN/initdb" ] || need_packages+=(postgresql-15)
# The browser tests drive Debian's Chromium through Playwright (no browser download).
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
# The de-identified export's test runs the read_export.R it ships: R with survival, and readxl for the xlsx.
command -v Rscript >/dev/null || need_packages+=(r-base-core r-cran-survival r-cran-readxl)
if command -v Rscript >/dev/null; then
  Rscript -e 'library(survival)' >/dev/null 2>&1 || need_packages+=(r-cran-survival)
  Rscript -e 'library(readxl)' >/dev/null 2>&1 || need_packages+=(r-cran-readxl)
fi
if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages: ${need_packages[*]} (run as root to install them)" >&2
    exit 1
  fi
  echo "== installing ${need_packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/mvd-tests.XXXXXX)
as_pg() {
  # initdb and postgres refuse to run as root: run them as the postgres user when we are root.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_server() {
  as_pg "$PG_BIN/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop_server EXIT

port=""
for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 20000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "no free loopback port found" >&2; exit 1; }

mkdir -p "$work/data" "$work/socket"
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$work"
echo "== starting PostgreSQL on 127.0.0.1:$port ($work)"
as_pg "$PG_BIN/initdb" -D "$work/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work/socket -c fsync=off -c full_page_writes=off -c max_connections=500" start >/dev/null \
  || { cat "$work/server.log" >&2; exit 1; }

export MVD_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"

echo "== dotnet test"
dotnet tool restore >/dev/null
dotnet test MvdRegistry.sln --nologo -v q --logger "console;verbosity=minimal" "$@"
