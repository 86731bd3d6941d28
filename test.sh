#!/usr/bin/env bash
# Runs the whole test suite: unit, integration and browser tests, then the benchmark's smoke run.
# Installs what the tests need when it is missing (Debian's chromium and poppler-utils), then
# ends with one line: "N passed, N failed" for the whole run.
set -uo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} for the tests..."
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq \
        && DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null \
        || { echo "Could not install ${missing[*]} with apt-get."; echo "0 passed, 1 failed"; exit 1; }
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
dotnet test --solution SecondOpinion.sln 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test ends with one summary for the whole solution ("succeeded: N", "failed: N"). When
# the build fails there is none, so a failed run with no failures counted counts as one failure.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -n 1 | awk '{print $2 + 0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -n 1 | awk '{print $2 + 0}')
passed=${passed:-0}
failed=${failed:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
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
