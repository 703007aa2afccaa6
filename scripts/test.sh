#!/usr/bin/env bash
# Runs every test of the solution and ends with one line: "N passed, N failed".
#   1. the whole solution on SQLite (plus the tests that need PostgreSQL itself, such as migrate-data);
#   2. the web test suite again with the portal on PostgreSQL (STUDYPORTAL_TEST_PROVIDER=PostgreSQL), leaving out
#      the tests of SQLite-only behaviour (trait Provider=Sqlite: WAL mode, SQLite's read-only mode).
# PostgreSQL is a throwaway cluster on 127.0.0.1:55432 (scripts/postgres-cluster.sh), installed from Debian's packages
# when missing and removed on exit.
# Exits non-zero when a test failed, when `dotnet test` itself failed (a build error, a crashed test host)
# or when no test ran. Extra arguments (for example --filter) go to the first run, and then the second is not made.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/install-test-deps.sh || { echo "0 passed, 1 failed"; exit 1; }

results=$(mktemp -d)
scripts/postgres-cluster.sh stop
trap 'scripts/postgres-cluster.sh stop; rm -rf "$results"' EXIT
server=$(scripts/postgres-cluster.sh start | tail -n 1) || { echo "PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }
export STUDYPORTAL_TEST_POSTGRES="$server"

dotnet test StudyPortal.sln -c Release --logger trx --results-directory "$results/sqlite" "$@"
code=$?
if [ $# -eq 0 ]; then
    echo "--- the web tests with the portal on PostgreSQL"
    STUDYPORTAL_TEST_PROVIDER=PostgreSQL dotnet test tests/StudyPortal.Web.Tests -c Release --no-build --filter "Provider!=Sqlite" \
        --logger trx --results-directory "$results/postgres"
    code=$((code | $?))
fi

passed=0; failed=0; total=0; executed=0
for trx in "$results"/*/*.trx; do
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
