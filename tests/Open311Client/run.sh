#!/usr/bin/env bash
# A third-party Open311 client (issue 23): Code for America's node-open311 (npm open311 0.0.12) against a real
# server on a private database (cases_open311). The package needs two shims on current Node (shims/, wired by
# package.json's overrides): its sparkxml dependency is a git URL the registry cannot serve, and its xml2json 0.2.4
# builds node-expat natively, which fails on current Node. Both are required at load time but used only for XML, so
# the shims throw if called and the tests speak JSON. Prints node's TAP output; exits non-zero on failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
started=$SECONDS
log() { echo "open311-client: $* ($((SECONDS - started)) s)" >&2; }

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)

. "$root/tests/server.sh"
server_build open311-client cases_open311
dotnet "$dll" migrate >&2
export PARTNER_KEY="$(dotnet "$dll" keys create --role partner --name node-open311 | sed -n 's/^key: *//p')"
[ -n "$PARTNER_KEY" ] || { echo "open311-client: keys create --role partner printed no key" >&2; exit 1; }
server_start open311-client

log "running the node-open311 tests"
status=0
(cd "$here" && SITE_URL="$url" node --test --test-reporter=tap --test-concurrency=1 --test-timeout=60000 test/*.test.mjs) || status=$?
log "done, exit $status"
exit $status
