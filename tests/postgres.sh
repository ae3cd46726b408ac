# A throwaway PostgreSQL 15 for tests/run.sh and tests/bench.sh (sourced, not run):
#   pg_start FOLDER   initdb in FOLDER/data, start on a free port bound to 127.0.0.1 only (socket in
#                     FOLDER/socket, fsync off); sets PG_PORT
#   pg_stop           stop it and remove FOLDER (call it from the caller's EXIT trap)
# PG_BIN (default /usr/lib/postgresql/15/bin) names the server binaries.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_FOLDER=""
PG_PORT=""

as_pg() {
  # initdb and postgres refuse to run as root: run them as the postgres user when we are root.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A free loopback port (50 tries at most).
free_port() {
  local candidate
  for _ in $(seq 1 50); do
    candidate=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  echo "no free loopback port found" >&2
  return 1
}

pg_start() {
  PG_FOLDER=$1
  PG_PORT=$(free_port)
  mkdir -p "$PG_FOLDER/data" "$PG_FOLDER/socket"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$PG_FOLDER"
  echo "== starting PostgreSQL on 127.0.0.1:$PG_PORT ($PG_FOLDER)"
  as_pg "$PG_BIN/initdb" -D "$PG_FOLDER/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >"$PG_FOLDER/initdb.log" 2>&1 \
    || { cat "$PG_FOLDER/initdb.log" >&2; return 1; }
  as_pg "$PG_BIN/pg_ctl" -D "$PG_FOLDER/data" -l "$PG_FOLDER/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_FOLDER/socket -c fsync=off -c full_page_writes=off -c max_connections=500" start >/dev/null \
    || { cat "$PG_FOLDER/server.log" >&2; return 1; }
}

pg_stop() {
  [ -n "$PG_FOLDER" ] || return 0
  as_pg "$PG_BIN/pg_ctl" -D "$PG_FOLDER/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_FOLDER"
}
