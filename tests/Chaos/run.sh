#!/usr/bin/env bash
# The 2-minute chaos run (issue 25) in the form of a test suite, run by scripts/test: scripts/chaos --minutes 2, with its three node kills
# and its PostgreSQL restart; each invariant is a TAP line ("ok N - ..." / "not ok N - ..." naming what broke and
# the commands or cases involved), then "# pass N" / "# fail N", which scripts/test adds up. Exits non-zero on failure.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
status=0
./scripts/chaos --minutes "${CHAOS_MINUTES:-2}" || status=$?
if [ ! -s .data/chaos/report.txt ]; then
  # The run did not reach its checks (a node or the proxy would not start, the client crashed): one failed test.
  echo "not ok 1 - the chaos run reached its checks (see .data/chaos/*.log)"
  echo "# pass 0"
  echo "# fail 1"
  exit 1
fi
exit $status
