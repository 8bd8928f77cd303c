#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster, then removes the cluster.
#
#   scripts/postgres.sh COMMAND [ARG...]
#
# The cluster lives in a temporary directory, listens on 127.0.0.1 only, on a free port
# from 54329 up (never the system's 5432), and is stopped and deleted when this script
# exits, whether the command passed, failed or was interrupted. The command sees
# DATABASE_URL pointing at a fresh database whose role may create the test database, and
# PRESSROOM_PG_DATA and PRESSROOM_PG_BINDIR, for a command that restarts the cluster with
# pg_ctl (the load rehearsal does). PRESSROOM_PG_MAX_CONNECTIONS sets max_connections (30).
# Its exit status is this script's exit status.
#
# PostgreSQL comes from Debian's packages: if its server binaries are missing and we are
# root, they are installed with apt-get. The server refuses to run as root, so as root
# the cluster runs as the `postgres` OS user.
set -euo pipefail

readonly FIRST_PORT=${PRESSROOM_PG_PORT:-54329}
readonly PORT_ATTEMPTS=40
# Not $TMPDIR: the postgres OS user must be able to reach it, and socket paths are short.
readonly TMP_ROOT=/tmp
readonly PREFIX=pressroom-pg.
readonly DB_NAME=pressroom
readonly DB_USER=pressroom
readonly DB_PASSWORD=pressroom

log() { printf '[postgres] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 2; }

(($# > 0)) || die "usage: $0 COMMAND [ARG...]"

find_bindir() {
    local dir
    # Newest major version first; PATH is not trusted to point at the server binaries.
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
        if [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

install_postgres() {
    [[ $EUID -eq 0 ]] || die "PostgreSQL is not installed; run as root or: apt-get install -y postgresql"
    log "installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
}

BINDIR=$(find_bindir) || { install_postgres; BINDIR=$(find_bindir) || die "no initdb/pg_ctl under /usr/lib/postgresql/*/bin after installing"; }

# As root, run the server and its tools as `postgres`; otherwise as ourselves.
if [[ $EUID -eq 0 ]]; then
    id -u postgres >/dev/null 2>&1 || die "the postgres OS user is missing (reinstall the postgresql package)"
    RUN_AS=(runuser -u postgres --)
else
    RUN_AS=()
fi
as_pg() { "${RUN_AS[@]}" "$@"; }

stop_cluster() {
    local dir=$1
    if [[ -f $dir/data/postmaster.pid ]]; then
        as_pg "$BINDIR/pg_ctl" -D "$dir/data" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
    fi
    rm -rf -- "$dir"
}

# A zombie (killed, not yet reaped by its parent) is as good as gone.
process_alive() { [[ -n $1 && -r /proc/$1/stat ]] && ! grep -q '^[0-9]* (.*) Z' "/proc/$1/stat" 2>/dev/null; }

# A run that was killed outright (SIGKILL, a lost terminal) leaves its cluster behind.
# Remove those whose owning process is gone; clusters of runs still going are left alone.
reap_stale_clusters() {
    local dir owner
    for dir in "$TMP_ROOT/$PREFIX"*; do
        [[ -d $dir ]] || continue
        owner=$(cat "$dir/owner" 2>/dev/null || true)
        if ! process_alive "$owner"; then
            log "removing a cluster left behind by an earlier run: $dir"
            stop_cluster "$dir"
        fi
    done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

reap_stale_clusters

WORKDIR=$(mktemp -d "$TMP_ROOT/${PREFIX}XXXXXX")
echo $$ >"$WORKDIR/owner"
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    log "stopping and deleting the cluster"
    stop_cluster "$WORKDIR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ $EUID -eq 0 ]]; then chown postgres: "$WORKDIR"; fi
chmod 0700 "$WORKDIR"

as_pg "$BINDIR/initdb" --pgdata="$WORKDIR/data" --username=postgres --encoding=UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 --no-sync --no-instructions >"$WORKDIR/initdb.log" 2>&1 \
    || { cat "$WORKDIR/initdb.log" >&2; die "initdb failed"; }

# Durability is worthless for a cluster deleted minutes later; dropping it makes tests faster.
SERVER_OPTIONS="-c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORKDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=${PRESSROOM_PG_MAX_CONNECTIONS:-30}"
PORT=
for ((port = FIRST_PORT; port < FIRST_PORT + PORT_ATTEMPTS; port++)); do
    port_in_use "$port" && continue
    # Another run may take the port between the probe and the start: then try the next one.
    if as_pg "$BINDIR/pg_ctl" -D "$WORKDIR/data" -l "$WORKDIR/server.log" -w -t 30 \
        -o "$SERVER_OPTIONS -p $port" start >/dev/null 2>&1; then
        PORT=$port
        break
    fi
done
[[ -n $PORT ]] || { cat "$WORKDIR/server.log" >&2 || true; die "could not start PostgreSQL on any port from $FIRST_PORT"; }

as_pg "$BINDIR/psql" -X -q -h "$WORKDIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'" \
    -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" >/dev/null

VERSION=$("$BINDIR/postgres" --version)
log "running on $VERSION at 127.0.0.1:$PORT (cluster in $WORKDIR)"

export DATABASE_URL="postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME"
export PRESSROOM_PG_DATA=$WORKDIR/data PRESSROOM_PG_BINDIR=$BINDIR
"$@"
