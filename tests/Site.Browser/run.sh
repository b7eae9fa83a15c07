#!/usr/bin/env bash
# Browser tests of the public transparency site and the staff console (src/GraphQL/wwwroot) against a real server on a
# private database (cases_browser, seeded with 400 demo cases), driving Debian's Chromium headless.
# Prints node's TAP output (the "# pass N" / "# fail N" lines scripts/test adds up); exits non-zero on failure.
# Screenshots of every page go to test-output/screenshots/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
started=$SECONDS
log() { echo "site-browser: $* ($((SECONDS - started)) s)" >&2; }

# 1. Chromium and the Node packages.
if [ ! -x /usr/bin/chromium ]; then
  log "installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium >&2
fi
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)

# 2. The front end (persisted documents, the GraphiQL bundle), a private database, the server built, and demo data.
./scripts/frontend >&2
. "$root/tests/server.sh"
server_build browser cases_browser
log "seeding $db"
dotnet "$dll" seed --cases 400 --seed 7 >&2
# An operator's key: the explorer test types it into GraphiQL's headers; the live test changes a case with it.
SITE_OPERATOR_KEY="$(dotnet "$dll" keys create --role operator --name browser-tests | sed -n 's/^key: *//p')"
export SITE_OPERATOR_KEY OPERATOR_KEY="$SITE_OPERATOR_KEY"
# Staff accounts for the console's tests (test/staff.mjs names them), through the CLI as an admin would.
export CONSOLE_PASSWORD="console-test-password-7"
staff() { printf '%s' "$CONSOLE_PASSWORD" | dotnet "$dll" users create --password-stdin "$@" >&2; }
staff --login console-operator --name "Điều hành viên thử nghiệm" --role operator
staff --login console-hepco --name "Cán bộ HEPCO thử nghiệm" --role agency --agency hepco
staff --login console-xay-dung --name "Cán bộ Sở Xây dựng thử nghiệm" --role agency --agency so-xay-dung
staff --login console-auditor --name "Kiểm toán viên thử nghiệm" --role auditor
staff --login console-admin --name "Quản trị viên thử nghiệm" --role admin
staff --login console-lockable --name "Tài khoản thử khóa" --role operator
staff --login console-expiring --name "Tài khoản thử hết phiên" --role operator
staff --login console-disabled --name "Tài khoản đã nghỉ" --role operator
dotnet "$dll" users disable console-disabled >&2

# 3. The server on a free loopback port, stopped whatever happens.
# Tiles from a loopback port nothing listens on: the tests run offline, and the maps must work without tiles.
# The console polls only once an hour without its live connection, so a list that changes in a test changed live;
# its live connection checks its session every 2 s, so a session ended in a test ends the page's subscriptions soon.
# E-mail notifications go to a real SMTP server, smtp4dev (installed by scripts/test into .tools), read back by
# notifications.test.mjs through its REST API at SMTP4DEV_URL.
[ -x "$root/.tools/smtp4dev/smtp4dev" ] || dotnet tool install Rnwood.Smtp4dev --version 3.15.0 --tool-path "$root/.tools/smtp4dev" >&2
free_port() { node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
smtp_port="$(free_port)"; smtp_web="$(free_port)"
smtp_data="$(mktemp -d)"; mkdir -p "$root/test-output"
"$root/.tools/smtp4dev/smtp4dev" --db= --smtpport="$smtp_port" --imapport= --pop3port= --urls="http://127.0.0.1:$smtp_web" \
  --bindaddress=127.0.0.1 --disableipv6 --baseappdatapath="$smtp_data" --tlsmode=None >"$root/test-output/smtp4dev.log" 2>&1 &
smtp4dev=$!
export SMTP4DEV_URL="http://127.0.0.1:$smtp_web"
CASES_Map__TileUrl="http://127.0.0.1:9/tiles/{z}/{x}/{y}.png" CASES_Console__PollSeconds=3600 CASES_Authentication__LiveSessionCheckSeconds=2 \
  CASES_Notifications__Smtp__Host=127.0.0.1 CASES_Notifications__Smtp__Port="$smtp_port" CASES_Notifications__Smtp__Tls=None \
  CASES_Notifications__CoalesceSeconds=2 \
  server_start site-browser
# server_start's trap stops the server; smtp4dev too.
trap 'kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; kill "$smtp4dev" 2>/dev/null || true; rm -rf "$smtp_data"' EXIT

# 4. The tests, one file at a time (2 cores), TAP on stdout.
rm -rf "$root/test-output/screenshots"
log "running the browser tests"
status=0
# Arguments name test files (relative to this folder); none runs them all.
(cd "$here" && { [ $# -gt 0 ] || set -- test/*.test.mjs; } &&
  SITE_URL="$url" SITE_DB="$db" SITE_DLL="$dll" node --test --test-reporter=tap --test-concurrency=1 "$@") || status=$?
log "done, exit $status"
exit $status
