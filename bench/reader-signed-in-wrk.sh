#!/usr/bin/env bash
# The chapter reader as people use it, signed in, next to the trivial endpoint of the same process in the same run:
# wrk -t2 -c32 on loopback against a Release publish in Production with the DEFAULT logging configuration (a request
# log line per request), seeded with seeds/. Anonymous reading is switched on only so both cases can be compared.
# Then the same publish again with warnings only, for what the request log costs the trivial endpoint.
# Usage: bench/reader-signed-in-wrk.sh [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
port=5197
if ! command -v wrk >/dev/null; then
    [ "$(id -u)" -eq 0 ] || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

out=bench/results/web
dotnet publish src/StudyPortal.Web -c Release -o "$out" --nologo -v q >/dev/null
data=$(mktemp -d)
pid=
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
start() {
    env "$@" Portal__DataDirectory="$data" Portal__SeedDirectory="$PWD/seeds" Portal__Admin__Password='Load-test-pass-1' \
    Portal__Access__AnonymousReading=true Portal__Access__SecureCookies=false \
    Portal__RateLimits__SignInPerMinute=10000000 Portal__RateLimits__SearchPerMinute=10000000 ASPNETCORE_ENVIRONMENT=Production \
        dotnet "$out/StudyPortal.Web.dll" --contentRoot "$PWD/$out" --urls "http://127.0.0.1:$port" >>"$data/app.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz/ready" >/dev/null && break; sleep 0.5; done
}
start
base="http://127.0.0.1:$port"

jar="$data/cookies"
token=$(curl -s -c "$jar" "$base/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Form.UserName=admin" --data-urlencode "Form.Password=Load-test-pass-1" "$base/account/signin"
cookie=$(awk '$6 ~ /^studyportal/ { printf "%s=%s; ", $6, $7 }' "$jar")
key=$(curl -s -b "$jar" "$base/documents/2" | grep -o '/read/[0-9a-f]\{12\}' | sed -n 3p)
curl -sf -b "$jar" "$base/api/me" | grep -q '"name"' || { echo "not signed in" >&2; exit 1; }

run() { wrk -t2 -c32 -d"${seconds}s" --latency "$@"; }
summary() {
    local rps p50 p99 errors
    rps=$(grep 'Requests/sec' "$1" | awk '{print $2}')
    p50=$(grep -E '^ +50%' "$1" | awk '{print $2}')
    p99=$(grep -E '^ +99%' "$1" | awk '{print $2}')
    errors=$(grep -E 'Non-2xx|Socket errors' "$1" | tr '\n' ' ')
    echo "$rps $p50 $p99 ${errors:-none}"
}
echo "# signed-in reader benchmark $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, default logging; page $key ($(curl -s -b "$jar" "$base$key" | wc -c) bytes signed in)"
run "$base$key" -H "Cookie: $cookie" >/dev/null; run "$base/healthz" -H "Cookie: $cookie" >/dev/null   # warm-up
run "$base/healthz" >"$data/t-anon.txt"
run "$base/healthz" -H "Cookie: $cookie" >"$data/t-signed.txt"
run "$base$key" >"$data/r-anon.txt"
run "$base$key" -H "Cookie: $cookie" >"$data/r-signed.txt"
echo "| endpoint | requests/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
for f in t-anon:"/healthz, anonymous" t-signed:"/healthz, signed in" r-anon:"/read/{key}, anonymous" r-signed:"/read/{key}, signed in"; do
    read -r rps p50 p99 err <<<"$(summary "$data/${f%%:*}.txt")"
    echo "| ${f#*:} | $rps | $p50 | $p99 | $err |"
done
# Search on the seeds, signed in: a query many readers ask (its shared page), and computed for every request (a
# counter the page ignores defeats the cache; bench/search-mix.lua).
run "$base/search?q=%E7%BD%91%E7%BB%9C" -H "Cookie: $cookie" >"$data/s-signed.txt"
read -r rps p50 p99 err <<<"$(summary "$data/s-signed.txt")"
echo "| /search?q=网络, signed in (shared page) | $rps | $p50 | $p99 | $err |"
echo '%E7%BD%91%E7%BB%9C' >"$data/query"
echo "| /search?q=网络, signed in, computed each time | $(QUERIES="$data/query" COOKIE="$cookie" wrk -t2 -c32 -d"${seconds}s" -s bench/search-mix.lua "$base" | tail -n 1) |"
rate() { grep 'Requests/sec' "$data/$1.txt" | awk '{print $2}'; }
echo "signed-in reader / signed-in trivial = $(awk -v r="$(rate r-signed)" -v t="$(rate t-signed)" 'BEGIN { printf "%.0f%%", 100 * r / t }')"
echo "signed-in trivial / anonymous trivial = $(awk -v r="$(rate t-signed)" -v t="$(rate t-anon)" 'BEGIN { printf "%.0f%%", 100 * r / t }')"

# The request log's cost: the trivial endpoint with warnings only (no line per request), a second process on the same data.
kill $pid; wait $pid 2>/dev/null || true
start Serilog__MinimumLevel__Default=Warning
run "$base/healthz" >/dev/null   # warm-up
run "$base/healthz" >"$data/t-quiet.txt"
read -r rps p50 p99 err <<<"$(summary "$data/t-quiet.txt")"
echo "| /healthz, anonymous, warnings only | $rps | $p50 | $p99 | $err |"
echo "default logging costs the trivial endpoint $(awk -v d="$(rate t-anon)" -v q="$(rate t-quiet)" 'BEGIN { printf "%.0f%%", 100 * (1 - d / q) }') of its rate"
