#!/usr/bin/env bash
# The full fuzz run: 10,000 generated bad inputs (the suite posts 1,500) to every form of a
# seeded plan. Prints the test's result; the figure goes in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
FUZZ_COUNT=${FUZZ_COUNT:-10000} FUZZ_INPUTS=${FUZZ_COUNT:-10000} dotnet test --project tests/SecondOpinion.IntegrationTests -- --filter-class "*FuzzTests"
echo "Fuzzed ${FUZZ_COUNT:-10000} inputs in $(( $(date +%s) - start )) s"
