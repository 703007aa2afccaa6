#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a loopback port, for tests against the PostgreSQL provider (issue 7).
#   scripts/postgres-cluster.sh start [port=55432]   installs PostgreSQL from Debian's packages if missing (as root),
#                                                     initialises a cluster in a temporary folder as the unprivileged
#                                                     user "postgres", starts it on 127.0.0.1:PORT (UTF-8, with pg_trgm
#                                                     available), and prints the connection string on its last line
#   scripts/postgres-cluster.sh stop                  stops the cluster and removes its folder
# The state (folder, port) is kept in /tmp/studyportal-pg.env between the two.
set -euo pipefail
state=/tmp/studyportal-pg.env

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install() {
    [ -n "$(pg_bin)" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then echo "PostgreSQL is missing: apt-get install postgresql postgresql-contrib (as root)" >&2; exit 1; fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
    # Debian starts a system cluster on install; tests use their own, so that one is stopped.
    command -v pg_ctlcluster >/dev/null && for c in $(ls /etc/postgresql 2>/dev/null); do pg_ctlcluster "$c" main stop 2>/dev/null || true; done
}

as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }

case "${1:-}" in
start)
    port=${2:-55432}
    install
    bin=$(pg_bin)
    dir=$(mktemp -d /tmp/studyportal-pg.XXXXXX)
    chown postgres: "$dir"
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE studyportal ENCODING 'UTF8' TEMPLATE template0;"
    as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d studyportal -q -c "CREATE EXTENSION IF NOT EXISTS pg_trgm;"
    printf 'dir=%s\nport=%s\nbin=%s\n' "$dir" "$port" "$bin" >"$state"
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=studyportal"
    ;;
stop)
    [ -f "$state" ] || exit 0
    # shellcheck disable=SC1090
    . "$state"
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir" "$state"
    ;;
*)
    echo "usage: $0 start [port] | stop" >&2
    exit 2
    ;;
esac
