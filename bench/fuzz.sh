#!/usr/bin/env bash
# The full fuzz run: 10,000 generated bad inputs (the suite posts 1,500) to every form and
# handler of a seeded plan and of the account pages. Prints the test's result; the figure goes in
# docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=${FUZZ_INPUTS:-10000}
start=$(date +%s)
FUZZ_INPUTS=$inputs dotnet test --project tests/SecondOpinion.IntegrationTests -- --filter-class "*FuzzTests"
echo "Fuzzed $inputs inputs in $(( $(date +%s) - start )) s"
