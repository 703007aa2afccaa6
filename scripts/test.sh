#!/usr/bin/env bash
# Runs every test of the solution and ends with one line: "N passed, N failed".
# Exits non-zero when a test failed, when `dotnet test` itself failed (a build error, a crashed test host)
# or when no test ran. Extra arguments go to `dotnet test` (for example --filter).
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/install-test-deps.sh || { echo "0 passed, 1 failed"; exit 1; }

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
dotnet test StudyPortal.sln -c Release --logger trx --results-directory "$results" "$@"
code=$?

passed=0; failed=0; total=0; executed=0
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
    passed=$((passed + $(value passed)))
    failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
    total=$((total + $(value total)))
    executed=$((executed + $(value executed)))
done
skipped=$((total - executed))

# dotnet test failing with no failed test means a build error or a crashed host: that is a failure too.
if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
