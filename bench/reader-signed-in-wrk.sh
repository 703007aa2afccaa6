#!/usr/bin/env bash
# The chapter reader as people use it, signed in, next to the trivial endpoint of the same process in the same run:
# wrk -t2 -c32 on loopback against a Release publish in Production with the DEFAULT logging configuration (a request
# log line per request), seeded with seeds/. Anonymous reading is switched on only so both cases can be compared.
# A second process of the same publish logs warnings only, for what the request log costs the trivial endpoint.
# Each figure is the median of three runs (this machine's runs vary by several per cent), taken in turn.
# Usage: bench/reader-signed-in-wrk.sh [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
if ! command -v wrk >/dev/null; then
    [ "$(id -u)" -eq 0 ] || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

out=bench/results/web
dotnet publish src/StudyPortal.Web -c Release -o "$out" --nologo -v q >/dev/null
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
start() {
    local port=$1; shift
    mkdir -p "$work/$port"
    env "$@" Portal__DataDirectory="$work/$port" Portal__SeedDirectory="$PWD/seeds" Portal__Admin__Password='Load-test-pass-1' \
    Portal__Access__AnonymousReading=true Portal__Access__SecureCookies=false \
    Portal__RateLimits__SignInPerMinute=10000000 Portal__RateLimits__SearchPerMinute=10000000 ASPNETCORE_ENVIRONMENT=Production \
        dotnet "$out/StudyPortal.Web.dll" --contentRoot "$PWD/$out" --urls "http://127.0.0.1:$port" >"$work/$port.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz/ready" >/dev/null && break; sleep 0.5; done
}
start 5197
start 5196 Serilog__MinimumLevel__Default=Warning
base="http://127.0.0.1:5197"
quiet="http://127.0.0.1:5196"

jar="$work/cookies"
token=$(curl -s -c "$jar" "$base/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Form.UserName=admin" --data-urlencode "Form.Password=Load-test-pass-1" "$base/account/signin"
cookie=$(awk '$6 ~ /^studyportal/ { printf "%s=%s; ", $6, $7 }' "$jar")
key=$(curl -s -b "$jar" "$base/documents/2" | grep -o '/read/[0-9a-f]\{12\}' | sed -n 3p)
curl -sf -b "$jar" "$base/api/me" | grep -q '"name"' || { echo "not signed in" >&2; exit 1; }
echo '%E7%BD%91%E7%BB%9C' >"$work/query"

# One line per run: requests/s p50 p99 errors.
once() {
    local file="$work/run.txt"
    wrk -t2 -c32 -d"${seconds}s" --latency "$@" >"$file"
    echo "$(grep 'Requests/sec' "$file" | awk '{print $2}') $(grep -E '^ +50%' "$file" | awk '{print $2}') $(grep -E '^ +99%' "$file" | awk '{print $2}') $(grep -cE 'Non-2xx|Socket errors' "$file")"
}
declare -A runs
cases=(t-anon t-signed r-anon r-signed s-signed t-quiet)
ask() { local url=$1; shift; if [ $# -gt 0 ]; then once "$url" -H "Cookie: $cookie"; else once "$url"; fi; }
measure() {
    case $1 in
        t-anon) ask "$base/healthz" ;; t-signed) ask "$base/healthz" signed ;;
        r-anon) ask "$base$key" ;; r-signed) ask "$base$key" signed ;;
        s-signed) ask "$base/search?q=%E7%BD%91%E7%BB%9C" signed ;; t-quiet) ask "$quiet/healthz" ;;
    esac
}
for c in "${cases[@]}"; do measure "$c" >/dev/null; done   # warm-up
for round in 1 2 3; do
    for c in "${cases[@]}"; do runs[$c]+="$(measure "$c")"$'\n'; done
done
median() { printf '%s' "${runs[$1]}" | sort -n | sed -n 2p; }
rate() { median "$1" | awk '{print $1}'; }

echo "# signed-in reader benchmark $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, default logging, median of 3 runs of ${seconds}s; page $key ($(curl -s -b "$jar" "$base$key" | wc -c) bytes)"
echo "| endpoint | requests/s | p50 | p99 | runs with errors |"
echo "|---|---|---|---|---|"
for c in t-anon:"/healthz, anonymous" t-signed:"/healthz, signed in" r-anon:"/read/{key}, anonymous" r-signed:"/read/{key}, signed in" \
         s-signed:"/search?q=网络, signed in (shared page)" t-quiet:"/healthz, anonymous, warnings only (second process)"; do
    read -r rps p50 p99 err <<<"$(median "${c%%:*}")"
    echo "| ${c#*:} | $rps | $p50 | $p99 | $err |"
done
# Search computed for every request (a counter the page ignores defeats the page cache; bench/search-mix.lua).
echo "| /search?q=网络, signed in, computed each time | $(QUERIES="$work/query" COOKIE="$cookie" wrk -t2 -c32 -d"${seconds}s" -s bench/search-mix.lua "$base" | tail -n 1) |"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }
echo "signed-in reader / signed-in trivial = $(ratio "$(rate r-signed)" "$(rate t-signed)")"
echo "signed-in trivial / anonymous trivial = $(ratio "$(rate t-signed)" "$(rate t-anon)")"
echo "default logging costs the trivial endpoint $(awk -v d="$(rate t-anon)" -v q="$(rate t-quiet)" 'BEGIN { printf "%.0f%%", 100 * (1 - d / q) }') of its rate"
