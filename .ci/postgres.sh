#!/usr/bin/env bash
# Start (or reuse) a throwaway PostgreSQL server for the client-book tests and print the URL to export as
# CORESAT_TEST_PG_URL. Idempotent: a second call finds the running server and prints the same URL.
#   eval "$(bash .ci/postgres.sh)"      # sets CORESAT_TEST_PG_URL
# Installs the Debian package when it is missing (root only). The cluster lives in $CORESAT_PG_DIR
# (default /tmp/coresat-ci-pg), owned by the postgres user, listening on 127.0.0.1:$CORESAT_PG_PORT (55432).
set -euo pipefail
dir="${CORESAT_PG_DIR:-/tmp/coresat-ci-pg}"
port="${CORESAT_PG_PORT:-55432}"
url="postgresql://coresat:coresat@127.0.0.1:${port}/coresat_test"

bindir=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
if [ -z "$bindir" ]; then
    if [ "$(id -u)" != "0" ]; then echo "postgres.sh: PostgreSQL is not installed and this is not root" >&2; exit 1; fi
    echo "postgres.sh: installing postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
fi

as_pg() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ ! -f "$dir/PG_VERSION" ]; then
    mkdir -p "$dir"
    [ "$(id -u)" = "0" ] && chown postgres:postgres "$dir"
    chmod 700 "$dir"
    as_pg "$bindir/initdb" -D "$dir" -U postgres -A trust --no-sync -E UTF8 >/dev/null
fi
if ! as_pg "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    as_pg "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
fi
psql_() { as_pg psql -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_ -c "select 1 from pg_roles where rolname='coresat'")" != "1" ]; then
    psql_ -c "create role coresat login password 'coresat'" >/dev/null
fi
if [ "$(psql_ -c "select 1 from pg_database where datname='coresat_test'")" != "1" ]; then
    psql_ -c "create database coresat_test owner coresat" >/dev/null
fi
echo "export CORESAT_TEST_PG_URL=$url"
