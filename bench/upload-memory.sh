#!/bin/bash
# Peak memory of the web process during one upload and its preview (docs/performance.md, issue 12 item 7).
# usage: FILE=path/to/file.txt bench/upload-memory.sh [ENV=VALUE ...]
# Needs a Release build (dotnet build -c Release); starts the portal on 127.0.0.1:5399 with a fresh data folder,
# signs in as admin, uploads FILE, opens its preview three times, prints VmHWM/VmRSS, and stops the portal.
set -u
FILE=$(realpath "$FILE")
D=$(mktemp -d); root=$(cd "$(dirname "$0")/.." && pwd); seeds="$root/seeds"; cd "$root/src/StudyPortal.Web/bin/Release/net10.0"
env "$@" ASPNETCORE_ENVIRONMENT=Production Portal__Access__SecureCookies=false Portal__DataDirectory=$D Portal__SeedDirectory="$seeds" Portal__Admin__Password='Admin-pass-2026' Serilog__MinimumLevel__Default=Warning dotnet StudyPortal.Web.dll --urls http://127.0.0.1:5399 > "$D/web.log" 2>&1 & echo $! > "$D/web.pid"
for i in $(seq 1 60); do curl -s -o /dev/null http://127.0.0.1:5399/healthz && break; sleep 1; done
sleep 5
J="$D/jar.txt"; rm -f $J; B=http://127.0.0.1:5399
tok() { curl -s -b $J -c $J "$B$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
T=$(tok /account/signin); curl -s -o /dev/null -b $J -c $J -d "Form.UserName=admin&Form.Password=Admin-pass-2026&__RequestVerificationToken=$T" $B/account/signin
echo "before: $(grep VmHWM /proc/$(cat "$D/web.pid")/status)"
T=$(tok /admin/upload)
curl -s -b $J -c $J -F "__RequestVerificationToken=$T" -F "files=@$FILE;type=text/plain" $B/admin/upload -o "$D/up.html" -w "upload %{http_code} %{time_total}s\n"
echo "after upload: $(grep VmHWM /proc/$(cat "$D/web.pid")/status)"
P=$(grep -o 'href="/admin/upload/[0-9a-f-]*"' "$D/up.html" | head -1 | sed 's/href="//;s/"//')
for i in 1 2 3; do curl -s -b $J -o /dev/null -w "preview %{http_code} %{time_total}s\n" $B$P; done
grep -E "VmRSS|VmHWM" /proc/$(cat "$D/web.pid")/status
kill "$(cat "$D/web.pid")"
