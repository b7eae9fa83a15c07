#!/usr/bin/env bash
# Live updates (issue 12) with the real npm clients: graphql-ws (graphql-transport-ws over WebSocket) and
# graphql-sse (distinct connections), against a real server on a private database (cases_subscriptions, a few
# demo cases) with small subscription limits. Prints node's TAP output (the "# pass N" / "# fail N" lines
# scripts/test adds up); exits non-zero on failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
started=$SECONDS
log() { echo "subscriptions: $* ($((SECONDS - started)) s)" >&2; }

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)

db=cases_subscriptions
./scripts/db start >&2
./scripts/db psql -d postgres -qX -c "drop database if exists $db with (force)" -c "create database $db" >&2
log "building the server"
dotnet build src/GraphQL -c Release --nologo -v q --artifacts-path "$root/artifacts/subscriptions" >&2
dll="$(find "$root/artifacts/subscriptions/bin/Cases.GraphQL" -name Cases.GraphQL.dll -print -quit)"
[ -n "$dll" ] || { echo "subscriptions: Cases.GraphQL.dll not found under artifacts/subscriptions" >&2; exit 1; }
export CASES_ConnectionStrings__Cases="Host=127.0.0.1;Port=${CASES_PG_PORT:-55432};Username=postgres;Database=$db"
log "seeding $db"
dotnet "$dll" seed --cases 30 --seed 11 >&2
key() { dotnet "$dll" keys create "$@" | sed -n 's/^key: *//p'; }
agency_a="$(./scripts/db psql -d $db -qtAX -c "select id from cases.agencies order by id limit 1")"
agency_b="$(./scripts/db psql -d $db -qtAX -c "select id from cases.agencies order by id offset 1 limit 1")"
export OPERATOR_KEY="$(key --role operator --name subscriptions-tests)"
export AGENCY_A="$agency_a" AGENCY_A_KEY="$(key --role agency --agency "$agency_a" --name a)"
export AGENCY_B="$agency_b"

port="$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
url="http://127.0.0.1:$port"
mkdir -p "$root/test-output"
server_log="$root/test-output/subscriptions-server.log"
# Small bounds so the tests can reach them: 3 subscriptions per connection, 8 per client (all tests are one client).
CASES_GraphQL__Live__MaxSubscriptionsPerConnection=3 CASES_GraphQL__Live__MaxSubscriptionsPerClient=8 \
CASES_Submissions__PerMinute=1000 \
  dotnet "$dll" serve --urls "$url" --contentRoot "$root/src/GraphQL" >"$server_log" 2>&1 &
server=$!
stop() { kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; }
trap stop EXIT
log "waiting for $url"
if ! SITE_URL="$url" SERVER_PID="$server" node "$root/tests/Site.Browser/wait-ready.mjs"; then
  echo "subscriptions: the server did not get ready; its log:" >&2
  tail -n 50 "$server_log" >&2
  exit 1
fi

log "running the subscription tests"
status=0
(cd "$here" && SITE_URL="$url" node --test --test-reporter=tap --test-concurrency=1 --test-timeout=120000 test/*.test.mjs) || status=$?
log "done, exit $status"
exit $status
