#!/usr/bin/env bash
# Runs the whole test suite: unit, integration and browser tests, the integration tests a second
# time against a PostgreSQL server of its own, then the benchmark's smoke run. Installs what the
# tests need when it is missing (Debian's chromium, poppler-utils and postgresql), then ends with
# one line: "N passed, N failed" for the whole run.
set -uo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} for the tests..."
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq \
        && DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null \
        || { echo "Could not install ${missing[*]} with apt-get."; echo "0 passed, 1 failed"; exit 1; }
fi

log=$(mktemp)
source bench/postgres-server.sh
cleanup() {
    rm -f "$log"
    stop_postgres
}
trap cleanup EXIT
start=$(date +%s)
passed=0
failed=0
status=0

# Runs one dotnet test command and adds its summary ("succeeded: N", "failed: N") to the counts.
# When the build fails there is none, so a failed run with no failures counted counts as one.
count_run() {
    "$@" 2>&1 | tee "$log"
    local run_status=${PIPESTATUS[0]}
    local run_passed run_failed
    run_passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -n 1 | awk '{print $2 + 0}')
    run_failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -n 1 | awk '{print $2 + 0}')
    run_passed=${run_passed:-0}
    run_failed=${run_failed:-0}
    if [ "$run_status" -ne 0 ] && [ "$run_failed" -eq 0 ]; then
        run_failed=1
    fi
    passed=$((passed + run_passed))
    failed=$((failed + run_failed))
    [ "$run_status" -eq 0 ] || status=1
}

# Tests that need a PostgreSQL server (the trait Database=PostgreSql) wait for the second run.
count_run dotnet test --solution SecondOpinion.sln -- --filter-not-trait "Database=PostgreSql"

# The integration tests again, each test app on its own database of a PostgreSQL server; tests
# about SQLite itself carry the trait Database=Sqlite and are left out (see the README).
# No durability on this server (these runs check behaviour; the durability tests are SQLite's).
if start_postgres -c fsync=off -c synchronous_commit=off -c full_page_writes=off; then
    count_run env SECONDOPINION_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres" \
        dotnet test --project tests/SecondOpinion.IntegrationTests --no-build -- --filter-not-trait "Database=Sqlite"
else
    echo "Could not start PostgreSQL for the second integration run."
    failed=$((failed + 1))
    status=1
fi

# The benchmark's smoke run (one second per URL on a published build) counts as one test.
if bench/run.sh --smoke; then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
    status=1
fi
echo "Suite time: $(( $(date +%s) - start )) s"
echo "$passed passed, $failed failed"
exit "$status"
