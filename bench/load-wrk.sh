#!/usr/bin/env bash
# Load: the portal (Release, SQLite or PostgreSQL, seeded from seeds/) on loopback, driven by wrk for a while at 64 connections as
# a signed-in reader, mixing library, contents, reader, search and quotation pages (bench/load-mix.lua), with the default
# logging configuration (a request log line per request).
# The rate limits are raised for the run: this measures capacity, not the limiter.
# Usage: bench/load-wrk.sh [seconds=300] [connections=64] [sqlite|postgresql]
# postgresql runs the portal on a throwaway cluster from scripts/postgres-cluster.sh (stopped and removed afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
connections=${2:-64}
provider=${3:-sqlite}
port=5198
if ! command -v wrk >/dev/null; then
    [ "$(id -u)" -eq 0 ] || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

out=bench/results/web
dotnet publish src/StudyPortal.Web -c Release -o "$out" --nologo -v q >/dev/null
data=$(mktemp -d)
pid=
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"; [ "$provider" = postgresql ] && scripts/postgres-cluster.sh stop' EXIT
database=(Portal__Database__Provider=Sqlite)
if [ "$provider" = postgresql ]; then
    scripts/postgres-cluster.sh stop
    database=(Portal__Database__Provider=PostgreSQL "Portal__Database__ConnectionString=$(scripts/postgres-cluster.sh start | tail -n 1)")
fi
env "${database[@]}" Portal__DataDirectory="$data" Portal__SeedDirectory="$PWD/seeds" Portal__Admin__Password='Load-test-pass-1' \
Portal__RateLimits__SearchPerMinute=10000000 Portal__RateLimits__SignInPerMinute=10000000 Portal__Access__SecureCookies=false \
ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$out/StudyPortal.Web.dll" --contentRoot "$PWD/$out" --urls "http://127.0.0.1:$port" >"$data/app.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do curl -sf "$base/healthz/ready" >/dev/null && break; sleep 0.5; done

# Sign in as the admin through the form (token from the page, cookies in a jar), then keep the auth cookie.
jar="$data/cookies"
token=$(curl -s -c "$jar" "$base/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Form.UserName=admin" --data-urlencode "Form.Password=Load-test-pass-1" "$base/account/signin"
cookie=$(awk '$6 ~ /^studyportal/ { printf "%s=%s; ", $6, $7 }' "$jar")

# The mix: every reader page of every document, the contents pages, searches of 1-4 characters, quotations.
paths="$data/paths.lua"
{
    echo "return {"
    echo "'/', '/quotes', '/search?q=%E7%BD%91%E7%BB%9C', '/search?q=%E5%BC%BA%E5%9B%BD', '/search?q=%E5%AE%89%E5%85%A8%20%E5%8F%91%E5%B1%95', '/search?q=%E6%B0%91',"
    for id in 1 2 3 4 5; do
        echo "'/documents/$id',"
        curl -s -b "$jar" "$base/documents/$id" | grep -o '/read/[0-9a-f]\{12\}' | sort -u | sed "s/.*/'&',/"
    done
    curl -s -b "$jar" "$base/quotes" | grep -o '/quotes/[0-9]\+' | sort -u | head -20 | sed "s/.*/'&',/"
    echo "}"
} >"$paths"
count=$(grep -c "'" "$paths")
echo "# load $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, $provider, ${seconds}s, $connections connections, signed in, default logging, $count addresses in the mix"
COOKIE="$cookie" PATHS="$paths" wrk -t2 -c"$connections" -d5s -s bench/load-mix.lua "$base" >/dev/null   # warm-up
COOKIE="$cookie" PATHS="$paths" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/load-mix.lua "$base" | tee "$data/wrk.txt"
grep -q "Non-2xx" "$data/wrk.txt" && echo "NON-2XX RESPONSES SEEN" || echo "non-2xx responses: 0"
locked=$(grep -ci "database is locked" "$data/app.log" || true); echo "\"database is locked\" in the server log: $locked"
