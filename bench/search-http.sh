#!/usr/bin/env bash
# Search over HTTP as a signed-in reader, end to end, on the 100 MB corpus of the import benchmark: the portal (Release,
# Production, default logging) opens that database and wrk asks the engine benchmark's 200 queries in turn, each with a
# counter the page ignores, so every answer is computed (none comes from the shared page cache): first one at a time
# (latency, as the engine benchmark measures it), then at 32 connections; then one query asked again and again
# (a query many readers ask: the shared page).
# Needs bench/results/work/bench.db: dotnet run -c Release --project bench/StudyPortal.Benchmarks -- import 100
# Usage: bench/search-http.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=5199
work=bench/results/work
[ -f "$work/bench.db" ] || { echo "no $work/bench.db: run the import benchmark first (see above)" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
    [ "$(id -u)" -eq 0 ] || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
dotnet build bench/StudyPortal.Benchmarks -c Release --nologo -v q >/dev/null
queries=$(mktemp)
dotnet run -c Release --no-build --project bench/StudyPortal.Benchmarks -- queries >"$queries"

out=bench/results/web
dotnet publish src/StudyPortal.Web -c Release -o "$out" --nologo -v q >/dev/null
data=$(mktemp -d)
pid=
trap 'kill $pid 2>/dev/null || true; rm -rf "$data" "$queries"' EXIT
sqlite3 "$work/bench.db" ".backup '$data/studyportal.db'" 2>/dev/null || cp "$work/bench.db" "$data/studyportal.db"
mkdir "$data/no-seeds"
Portal__DataDirectory="$data" Portal__SeedDirectory="$data/no-seeds" Portal__Admin__Password='Load-test-pass-1' Portal__Access__SecureCookies=false \
Portal__RateLimits__SignInPerMinute=10000000 Portal__RateLimits__SearchPerMinute=10000000 ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$out/StudyPortal.Web.dll" --contentRoot "$PWD/$out" --urls "http://127.0.0.1:$port" >"$data/app.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 240); do curl -sf "$base/healthz/ready" >/dev/null && break; sleep 0.5; done
jar="$data/cookies"
token=$(curl -s -c "$jar" "$base/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Form.UserName=admin" --data-urlencode "Form.Password=Load-test-pass-1" "$base/account/signin"
curl -sf -b "$jar" "$base/api/me" | grep -q '"name"' || { echo "not signed in" >&2; exit 1; }

python3 -c 'import sys, urllib.parse
for line in open(sys.argv[1], encoding="utf-8"): print(urllib.parse.quote(line.rstrip("\n")))' "$queries" >"$queries.enc"
cookie=$(awk '$6 ~ /^studyportal/ { printf "%s=%s; ", $6, $7 }' "$jar")
export QUERIES="$queries.enc" COOKIE="$cookie"
wrk -t1 -c1 -d10s -s bench/search-mix.lua "$base" >/dev/null   # warm-up
echo "# search over HTTP $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, signed in, default logging, $(du -h "$data/studyportal.db" | cut -f1) database, 200 queries"
echo "computed, one at a time:   $(wrk -t1 -c1 -d30s -s bench/search-mix.lua "$base" | tail -n 1)"
echo "computed, 32 connections:  $(wrk -t2 -c32 -d30s -s bench/search-mix.lua "$base" | tail -n 1)"
wrk -t2 -c32 -d20s --latency "$base/search?q=%E7%BD%91%E7%BB%9C" -H "Cookie: $cookie" >"$data/shared.txt"
echo "one query again and again (shared page), 32 connections: $(grep Requests/sec "$data/shared.txt" | awk '{print $2}') requests/s, p99 $(grep -E '^ +99%' "$data/shared.txt" | awk '{print $2}')"
