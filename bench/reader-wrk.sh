#!/usr/bin/env bash
# The chapter reader's throughput next to a trivial endpoint of the same app, in one run:
# wrk -t2 -c32 -d20s on loopback against a Release build seeded with seeds/.
# Usage: bench/reader-wrk.sh [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
port=5199
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null; }

out=bench/results/web
dotnet publish src/StudyPortal.Web -c Release -o "$out" --nologo -v q >/dev/null
data=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
Portal__DataDirectory="$data" Portal__SeedDirectory="$PWD/seeds" Serilog__MinimumLevel__Default=Warning \
    ASPNETCORE_ENVIRONMENT=Production dotnet "$out/StudyPortal.Web.dll" --contentRoot "$PWD/$out" --urls "http://127.0.0.1:$port" >"$data/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

key=$(curl -s "http://127.0.0.1:$port/documents/1" | grep -o '/read/[0-9a-f]\{12\}' | sed -n 3p)
trivial="http://127.0.0.1:$port/healthz"
reader="http://127.0.0.1:$port$key"
echo "# reader benchmark $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores; reader page $key ($(curl -s "$reader" | wc -c) bytes)"
wrk -t2 -c32 -d5s "$reader" >/dev/null; wrk -t2 -c32 -d5s "$trivial" >/dev/null   # warm-up: JIT, caches

run() { wrk -t2 -c32 -d"${seconds}s" --latency "$1"; }
summary() {
    local rps p50 p99 errors
    rps=$(grep 'Requests/sec' "$1" | awk '{print $2}')
    p50=$(grep -E '^ +50%' "$1" | awk '{print $2}')
    p99=$(grep -E '^ +99%' "$1" | awk '{print $2}')
    errors=$(grep -E 'Non-2xx|Socket errors' "$1" | tr '\n' ' ')
    echo "$rps $p50 $p99 ${errors:-none}"
}
run "$trivial" >"$data/trivial.txt"
run "$reader" >"$data/reader.txt"
read -r t_rps t_p50 t_p99 t_err <<<"$(summary "$data/trivial.txt")"
read -r r_rps r_p50 r_p99 r_err <<<"$(summary "$data/reader.txt")"
echo "| endpoint | requests/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
echo "| /healthz (trivial) | $t_rps | $t_p50 | $t_p99 | $t_err |"
echo "| /read/{key} | $r_rps | $r_p50 | $r_p99 | $r_err |"
echo "reader / trivial = $(awk -v r="$r_rps" -v t="$t_rps" 'BEGIN { printf "%.0f%%", 100 * r / t }')"
