#!/usr/bin/env bash
# The reader's highlights request for a busy section: 1,000 highlights from 100 members of one group (every tenth
# with a note) in one section, asked for by a member of that group — signed in, default logging, Release, Production,
# wrk -t2 -c32 on loopback. The highlights are written straight into the SQLite database (sqlite3) after the portal
# has started on the seeds.
# Usage: bench/highlights-wrk.sh [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
port=5195
for tool in wrk sqlite3; do
    command -v $tool >/dev/null && continue
    [ "$(id -u)" -eq 0 ] || { echo "$tool is missing: apt-get install $tool" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $tool >/dev/null
done
out=bench/results/web
dotnet publish src/StudyPortal.Web -c Release -o "$out" --nologo -v q >/dev/null
data=$(mktemp -d)
pid=
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
Portal__DataDirectory="$data" Portal__SeedDirectory="$PWD/seeds" Portal__Admin__Password='Load-test-pass-1' Portal__Access__SecureCookies=false \
Portal__RateLimits__SignInPerMinute=10000000 ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$out/StudyPortal.Web.dll" --contentRoot "$PWD/$out" --urls "http://127.0.0.1:$port" >"$data/app.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do curl -sf "$base/healthz/ready" >/dev/null && break; sleep 0.5; done
jar="$data/cookies"
token=$(curl -s -c "$jar" "$base/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Form.UserName=admin" --data-urlencode "Form.Password=Load-test-pass-1" "$base/account/signin"
cookie=$(awk '$6 ~ /^studyportal/ { printf "%s=%s; ", $6, $7 }' "$jar")
db="$data/studyportal.db"
# The longest section of the library.
key=$(sqlite3 "$db" "SELECT s.Key FROM Sections s JOIN Paragraphs p ON p.SectionId = s.Id GROUP BY s.Id ORDER BY count(*) DESC LIMIT 1")
sqlite3 "$db" >/dev/null <<SQL
PRAGMA busy_timeout = 10000;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
INSERT INTO AspNetUsers (Id, DisplayName, IsDisabled, CreatedAtUtc, MustChangePassword, UserName, NormalizedUserName, EmailConfirmed,
    PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
SELECT 'bench-' || i, '成员' || i, 0, '2026-12-01 00:00:00', 0, 'bench' || i, 'BENCH' || i, 0, 0, 0, 0, 0 FROM n;
INSERT INTO StudyGroups (Name, CreatedAtUtc) VALUES ('基准小组', '2026-12-01 00:00:00');
INSERT INTO GroupMembers (GroupId, UserId, IsLeader, AddedAtUtc)
SELECT (SELECT max(Id) FROM StudyGroups), Id, 0, '2026-12-01 00:00:00' FROM AspNetUsers;
WITH RECURSIVE u(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM u WHERE i < 100),
     k(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM k WHERE j < 10),
     paras AS (SELECT p.Position AS pos, p.Text AS t, row_number() OVER (ORDER BY p.Position) - 1 AS r, count(*) OVER () AS c
               FROM Paragraphs p JOIN Sections s ON s.Id = p.SectionId WHERE s.Key = '$key' AND length(p.Text) > 12),
     picks AS (SELECT u.i, k.j, p.pos, p.t, (k.j * 13 + u.i) % (length(p.t) - 8) AS st FROM u, k JOIN paras p ON p.r = (u.i * 7 + k.j) % p.c)
INSERT INTO Highlights (UserId, DocumentId, SectionKey, Paragraph, Start, "End", Exact, Prefix, Suffix, Color, Note, GroupId, Named, CreatedAtUtc, UpdatedAtUtc)
SELECT 'bench-' || i, (SELECT DocumentId FROM Sections WHERE Key = '$key'), '$key', pos, st, st + 6, substr(t, st + 1, 6), '', '',
       'Yellow', CASE WHEN j = 1 THEN '第' || i || '位成员的笔记' END, (SELECT max(Id) FROM StudyGroups), 0, '2026-12-01 00:00:00', '2026-12-01 00:00:00'
FROM picks;
COMMIT;
SQL
count=$(sqlite3 "$db" "SELECT count(*) FROM Highlights WHERE SectionKey = '$key'")
curl -sf -b "$jar" "$base/api/highlights?section=$key" | grep -q '"count":' || { echo "no highlights served" >&2; exit 1; }
echo "# highlights request $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, signed in, default logging; section $key with $count highlights from 100 members, $(curl -s -b "$jar" "$base/api/highlights?section=$key" | wc -c) bytes"
wrk -t2 -c32 -d5s -H "Cookie: $cookie" "$base/api/highlights?section=$key" >/dev/null   # warm-up
echo "GET /api/highlights?section=…, 32 connections: $(wrk -t2 -c32 -d"${seconds}s" -s bench/latency.lua -H "Cookie: $cookie" "$base/api/highlights?section=$key" | tail -n 1)"
echo "GET /api/highlights?section=…, one at a time:   $(wrk -t1 -c1 -d"${seconds}s" -s bench/latency.lua -H "Cookie: $cookie" "$base/api/highlights?section=$key" | tail -n 1)"
