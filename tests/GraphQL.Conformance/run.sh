#!/usr/bin/env bash
# GraphQL conformance: builds and starts the sample-schema server on a free loopback port, then runs every node
# test (graphql-http audit, graphql-js differential corpora, HTTP and hostile-input checks) against it.
# Exits non-zero on any failure. Node packages come from the committed package-lock.json (npm ci).
#
#   tests/GraphQL.Conformance/run.sh            # everything
#   tests/GraphQL.Conformance/run.sh test/audit.test.mjs   # some test files only
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"

# A private build output, so this never fights over obj/ with a solution build running beside it.
artifacts="${CONFORMANCE_ARTIFACTS:-$repo/artifacts/conformance}"
log="$artifacts/server.log"
mkdir -p "$artifacts"

echo "== npm ci"
npm ci --no-audit --no-fund --prefer-offline --loglevel=error

echo "== building the conformance server"
dotnet build Server -c Release --artifacts-path "$artifacts" -nologo -v quiet
dll="$(find "$artifacts/bin/Cases.GraphQL.Conformance.Server" -name Cases.GraphQL.Conformance.Server.dll -path '*release*' | head -n 1)"
[[ -f "$dll" ]] || { echo "server build output not found under $artifacts" >&2; exit 1; }

port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
export GRAPHQL_URL="http://127.0.0.1:$port/graphql"

echo "== starting the server at $GRAPHQL_URL (log: $log)"
ASPNETCORE_ENVIRONMENT=Production dotnet "$dll" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
server_pid=$!
stop_server() {
  if kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap stop_server EXIT

# Ready when /health answers; give up after 60 s or as soon as the server process dies.
node -e "
const deadline = Date.now() + 60_000;
(async () => {
  while (Date.now() < deadline) {
    try {
      const r = await fetch('http://127.0.0.1:$port/health', { signal: AbortSignal.timeout(2000) });
      if (r.ok) process.exit(0);
    } catch {}
    try { process.kill($server_pid, 0); } catch { console.error('the server exited'); process.exit(1); }
    await new Promise((r) => setTimeout(r, 250));
  }
  console.error('the server did not become ready within 60 s');
  process.exit(1);
})();
" || { echo "---- server log"; tail -n 50 "$log"; exit 1; }

echo "== node --test"
status=0
if [[ $# -gt 0 ]]; then
  node --test "$@" || status=$?
else
  node --test test/*.test.mjs || status=$?
fi

if [[ $status -ne 0 ]]; then
  echo "---- server log (last 40 lines)"
  tail -n 40 "$log"
fi
exit $status
