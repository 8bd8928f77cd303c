#!/usr/bin/env bash
# Runs a command with the local Elasticsearch node up, e.g. the test suite:
#
#   scripts/elasticsearch/with-node.sh COMMAND [ARG...]
#
# Starts the node (es.sh start) unless one already answers, exports ELASTICSEARCH_URL and
# PRESSROOM_REQUIRE_ELASTICSEARCH=1 (search tests then fail instead of skipping), runs the
# command, and afterwards stops the node if this script, or another run of it still sharing
# the node, started it: runs at the same time share one node, the last one out stops it.
# A node the developer started (make es-start) is never stopped. The command's exit status
# is this script's exit status.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
ES=$SCRIPT_DIR/es.sh
ES_PORT=${ES_PORT:-9200}
URL=http://127.0.0.1:$ES_PORT

# Bookkeeping lives next to es.sh's own files; es.sh start removes MANAGED (see there).
STATE_DIR=$REPO_ROOT/var/elasticsearch/shared-runs
MANAGED=$STATE_DIR/managed
USERS_DIR=$STATE_DIR/users

(($# > 0)) || {
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
}

mkdir -p "$USERS_DIR"
exec 9>>"$STATE_DIR/lock"

answers() {
    [[ $(curl -s -o /dev/null -m 5 -w '%{http_code}' "$URL/_cluster/health" || true) == 200 ]]
}

# Forgets runs that were killed without cleaning up after themselves.
prune_users() {
    local entry
    for entry in "$USERS_DIR"/*; do
        [[ -e $entry ]] || continue
        kill -0 "${entry##*/}" 2>/dev/null || rm -f "$entry"
    done
}

release() {
    local status=$?
    trap - EXIT INT TERM
    flock 9
    rm -f "$USERS_DIR/$$"
    prune_users
    if [[ -f $MANAGED && -z $(ls -A "$USERS_DIR") ]]; then
        "$ES" stop 9>&- || true
        rm -f "$MANAGED"
    fi
    flock -u 9
    exit "$status"
}

flock 9
prune_users
if ! answers; then
    "$ES" start 9>&-
    touch "$MANAGED"
fi
touch "$USERS_DIR/$$"
trap release EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
flock -u 9

export ELASTICSEARCH_URL=$URL PRESSROOM_REQUIRE_ELASTICSEARCH=1
"$@" 9>&-
