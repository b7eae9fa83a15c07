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

. "$root/tests/server.sh"
server_build subscriptions cases_subscriptions
log "seeding $db"
dotnet "$dll" seed --cases 30 --seed 11 >&2
key() { dotnet "$dll" keys create "$@" | sed -n 's/^key: *//p'; }
agency_a="$(./scripts/db psql -d $db -qtAX -c "select id from cases.agencies order by id limit 1")"
agency_b="$(./scripts/db psql -d $db -qtAX -c "select id from cases.agencies order by id offset 1 limit 1")"
export OPERATOR_KEY="$(key --role operator --name subscriptions-tests)"
export AGENCY_A="$agency_a" AGENCY_A_KEY="$(key --role agency --agency "$agency_a" --name a)"
export AGENCY_B="$agency_b"

# Small bounds so the tests can reach them: 3 subscriptions per connection, 8 per client (all tests are one client).
CASES_GraphQL__Live__MaxSubscriptionsPerConnection=3 CASES_GraphQL__Live__MaxSubscriptionsPerClient=8 \
CASES_Submissions__PerMinute=1000 \
  server_start subscriptions

log "running the subscription tests"
status=0
(cd "$here" && SITE_URL="$url" node --test --test-reporter=tap --test-concurrency=1 --test-timeout=120000 test/*.test.mjs) || status=$?
log "done, exit $status"
exit $status
