# Sourced by the node suites' run.sh (Site.Browser, Subscriptions): a private database, the server built into its
# own artifacts folder, and the server started on a free loopback port, awaited, and stopped whatever happens.
# The caller sets root and log(); settings for the server go in the environment of server_start (CASES_...=x).

# server_build NAME DB: sets dll, exports the connection string to DB (dropped and created anew).
server_build() {
  local name=$1
  db=$2
  ./scripts/db start >&2
  ./scripts/db psql -d postgres -qX -c "drop database if exists $db with (force)" -c "create database $db" >&2
  log "building the server"
  dotnet build src/GraphQL -c Release --nologo -v q --artifacts-path "$root/artifacts/$name" >&2
  dll="$(find "$root/artifacts/$name/bin/Cases.GraphQL" -name Cases.GraphQL.dll -print -quit)"
  [ -n "$dll" ] || { echo "$name: Cases.GraphQL.dll not found under artifacts/$name" >&2; exit 1; }
  export CASES_ConnectionStrings__Cases="Host=127.0.0.1;Port=${CASES_PG_PORT:-55432};Username=postgres;Database=$db"
}

# server_start LOGNAME: sets url and server; the server's output goes to test-output/LOGNAME-server.log.
server_start() {
  local port
  port="$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
  url="http://127.0.0.1:$port"
  mkdir -p "$root/test-output"
  server_log="$root/test-output/$1-server.log"
  dotnet "$dll" serve --urls "$url" --contentRoot "$root/src/GraphQL" >"$server_log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true' EXIT
  log "waiting for $url to be ready and the projections to catch up"
  if ! SITE_URL="$url" SERVER_PID="$server" node "$root/tests/Site.Browser/wait-ready.mjs"; then
    echo "$1: the server did not get ready; its log:" >&2
    tail -n 50 "$server_log" >&2
    exit 1
  fi
}
