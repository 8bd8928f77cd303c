#!/usr/bin/env bash
# A local single-node Elasticsearch 8 for development and tests.
#
#   scripts/elasticsearch/es.sh start|stop|status
#
# The node is Elastic's integ-test-zip distribution from Maven Central plus the
# small plugin built from this folder (see pom.xml for why). Everything
# it writes stays under var/elasticsearch/ (ignored by git). The first start
# downloads the artifacts once into the Maven cache; later starts run offline.
#
# Environment:
#   ES_PORT           HTTP port on 127.0.0.1 (default 9200)
#   ES_HEAP           JVM heap, e.g. 512m or 1g (default 512m, at most 1g)
#   ES_START_TIMEOUT  seconds to wait for yellow health (default 180)
#   ES_STOP_TIMEOUT   seconds to wait for the node to exit (default 60)
#   ES_JAVA_HOME      Java 17+ to run the node (default: JAVA_HOME, else java on PATH)
#   ES_NODE_DIR       where this node keeps its data, logs, pid file and config (default
#                     var/elasticsearch, the development node's). Another directory, with
#                     another ES_PORT, runs a second node beside it on the same distribution
#                     (tests/search/test_outage_real_node.py starts and kills one that way).
#   ES_CLUSTER        cluster name (default pressroom-dev); also this node's name unless ES_NODE_NAME
#   ES_NODE_NAME      this node's name within a cluster of several
#   ES_TRANSPORT_PORT node-to-node port on 127.0.0.1 (default: Elasticsearch's, 9300 up)
#   ES_SEED_HOSTS     comma-separated host:port transport addresses of the other nodes: the node
#                     then forms or joins a cluster with them instead of running single-node;
#                     a node with ES_BOOTSTRAP=1 bootstraps that cluster (scripts/load/ starts two)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
ES_VERSION=$(sed -n 's:.*<elasticsearch.version>\(.*\)</elasticsearch.version>.*:\1:p' "$SCRIPT_DIR/pom.xml")
PLUGIN_NAME=pressroom-devnode
PLUGIN_VERSION=1.0.0 # the project <version> in pom.xml

ES_PORT=${ES_PORT:-9200}
ES_HEAP=${ES_HEAP:-512m}
ES_START_TIMEOUT=${ES_START_TIMEOUT:-180}
ES_STOP_TIMEOUT=${ES_STOP_TIMEOUT:-60}

VAR_DIR=$REPO_ROOT/var/elasticsearch
BUILD_DIR=$VAR_DIR/build
ES_HOME=$VAR_DIR/elasticsearch-$ES_VERSION
NODE_DIR=$(realpath -m "${ES_NODE_DIR:-$VAR_DIR}")
DATA_DIR=$NODE_DIR/data
LOG_DIR=$NODE_DIR/logs
RUN_DIR=$NODE_DIR/run
# The development node reads the distribution's own config folder; any other node a copy.
if [[ $NODE_DIR == "$(realpath -m "$VAR_DIR")" ]]; then CONF_DIR=$ES_HOME/config; else CONF_DIR=$NODE_DIR/config; fi
PID_FILE=$RUN_DIR/elasticsearch.pid
# Per node (the development node's is var/elasticsearch/es.lock): nodes of one cluster start
# side by side. Unpacking the shared distribution takes INSTALL_LOCK.
LOCK_FILE=$NODE_DIR/es.lock
INSTALL_LOCK=$VAR_DIR/install.lock
STARTUP_LOG=$LOG_DIR/startup.out
CLUSTER_NAME=${ES_CLUSTER:-pressroom-dev}
NODE_NAME=${ES_NODE_NAME:-$CLUSTER_NAME}
SERVER_LOG=$LOG_DIR/$CLUSTER_NAME.log
URL=http://127.0.0.1:$ES_PORT

die() {
    echo "es.sh: $*" >&2
    exit 1
}

# One start or stop at a time: a second `make test` must not clear the pid file of a start
# still in progress, nor stop a node that is coming up.
take_lock() {
    mkdir -p "$VAR_DIR" "$NODE_DIR"
    exec 8>>"$LOCK_FILE"
    flock 8
}

validate_env() {
    [[ $ES_PORT =~ ^[0-9]{2,5}$ ]] || die "ES_PORT must be a port number, got '$ES_PORT'"
    [[ $ES_HEAP =~ ^([0-9]+)([mMgG])$ ]] || die "ES_HEAP must look like 512m or 1g, got '$ES_HEAP'"
    local size=${BASH_REMATCH[1]} unit=${BASH_REMATCH[2]}
    [[ $unit == [gG] ]] && size=$((size * 1024))
    ((size >= 256 && size <= 1024)) || die "ES_HEAP must be between 256m and 1g, got '$ES_HEAP'"
    [[ $ES_START_TIMEOUT =~ ^[0-9]+$ ]] || die "ES_START_TIMEOUT must be a number of seconds"
    [[ $ES_STOP_TIMEOUT =~ ^[0-9]+$ ]] || die "ES_STOP_TIMEOUT must be a number of seconds"
    [[ -z ${ES_TRANSPORT_PORT:-} || $ES_TRANSPORT_PORT =~ ^[0-9]{2,5}$ ]] ||
        die "ES_TRANSPORT_PORT must be a port number, got '$ES_TRANSPORT_PORT'"
}

java_home() {
    if [[ -n ${ES_JAVA_HOME:-} ]]; then
        echo "$ES_JAVA_HOME"
    elif [[ -n ${JAVA_HOME:-} ]]; then
        echo "$JAVA_HOME"
    else
        local java
        java=$(command -v java) || die "no Java found: install Java 17+ or set ES_JAVA_HOME"
        dirname "$(dirname "$(readlink -f "$java")")"
    fi
}

# Prints the HTTP status of GET $1, or 000 when nothing answers.
http_code() {
    curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" || true
}

running_pid() {
    [[ -f $PID_FILE ]] || return 1
    local pid
    pid=$(<"$PID_FILE")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    # A stale pid file may name a recycled pid: only an Elasticsearch JVM counts.
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'org.elasticsearch' || return 1
    echo "$pid"
}

# Builds the plugin and unpacks the distribution; skipped while both are current.
install() {
    local plugin_dir=$ES_HOME/plugins/$PLUGIN_NAME
    local jar=$plugin_dir/$PLUGIN_NAME-$PLUGIN_VERSION.jar
    if [[ -x $ES_HOME/bin/elasticsearch && -f $jar ]] &&
        [[ $(ls "$ES_HOME/plugins" 2>/dev/null) == "$PLUGIN_NAME" ]] &&
        [[ -z $(find "$SCRIPT_DIR/pom.xml" "$SCRIPT_DIR/src" -newer "$jar" -print -quit) ]]; then
        return
    fi
    # The unpack goal remembers past unpacks; forget them when the node was removed.
    [[ -x $ES_HOME/bin/elasticsearch ]] || rm -rf "$BUILD_DIR/unpack-markers"
    local mvn=(mvn -B -q -Dstyle.color=never -f "$SCRIPT_DIR/pom.xml" "-Des.install.dir=$VAR_DIR" package)
    echo "es.sh: building $PLUGIN_NAME and unpacking Elasticsearch $ES_VERSION (downloaded on first use)"
    # Offline from the Maven cache when it has everything, else fetch what is missing.
    "${mvn[@]}" -o >/dev/null 2>&1 || "${mvn[@]}" || die "maven build failed (see output above)"
    # The distribution ships no plugins: anything there is a stale build of ours.
    rm -rf "$ES_HOME/plugins"
    mkdir -p "$plugin_dir"
    cp "$BUILD_DIR"/plugin/* "$plugin_dir/"
}

# Single-node unless seed hosts name other nodes; the bootstrapping node is the first master,
# the others join it (bootstrapping is ignored once the data folder holds a cluster).
discovery_config() {
    if [[ -z ${ES_SEED_HOSTS:-} ]]; then
        echo "discovery.type: single-node"
        return
    fi
    echo "discovery.seed_hosts: [${ES_SEED_HOSTS}]"
    if [[ ${ES_BOOTSTRAP:-} == 1 ]]; then echo "cluster.initial_master_nodes: [$NODE_NAME]"; fi
}

write_config() {
    if [[ $CONF_DIR != "$ES_HOME/config" ]]; then
        mkdir -p "$CONF_DIR"
        cp -r "$ES_HOME/config/." "$CONF_DIR/"
    fi
    cat >"$CONF_DIR/elasticsearch.yml" <<EOF
# Written by scripts/elasticsearch/es.sh on every start; edit the script instead.
cluster.name: $CLUSTER_NAME
node.name: $NODE_NAME
$(discovery_config)
network.host: 127.0.0.1
http.port: $ES_PORT
${ES_TRANSPORT_PORT:+transport.port: $ES_TRANSPORT_PORT}
path.data: $DATA_DIR
path.logs: $LOG_DIR
# Plain HTTP without users, as for a developer's own machine.
xpack.security.enabled: false
# Full developer disks must not turn indices read-only.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
}

# Prints the error and the tail of a log, without stack frames.
print_failure() {
    local message=$1 log=$2
    echo "es.sh: $message" >&2
    if [[ -s $log ]]; then
        echo "---- last lines of ${log#"$REPO_ROOT"/} ----" >&2
        grep -v '^[[:space:]]*at ' "$log" | tail -n 25 >&2
    fi
}

# Two nodes starting side by side must not unpack the distribution at the same time.
install_locked() {
    (
        flock 7
        install
    ) 7>>"$INSTALL_LOCK" || exit 1
}

cmd_start() {
    validate_env
    # An explicit start claims the node: a test run that started it (with-node.sh) leaves it up.
    [[ $CONF_DIR != "$ES_HOME/config" ]] || rm -f "$VAR_DIR/shared-runs/managed"
    if [[ $(http_code "$URL/_cluster/health") == 200 ]]; then
        echo "es.sh: a node already answers at $URL; nothing to do"
        return
    fi
    local started=$SECONDS
    install_locked
    mkdir -p "$DATA_DIR" "$LOG_DIR" "$RUN_DIR/tmp"
    write_config
    rm -f "$PID_FILE" "$STARTUP_LOG"

    # Elasticsearch refuses to run as root, so root hands the node to nobody.
    local run_as=()
    if ((EUID == 0)); then
        chown -R nobody:nogroup "$VAR_DIR" "$NODE_DIR"
        run_as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
        "${run_as[@]}" test -x "$ES_HOME/bin/elasticsearch" ||
            die "user nobody cannot reach $ES_HOME; run es.sh as a normal user instead"
    fi

    # -d returns once the node has started or failed; the pid file names the server JVM.
    # 8>&-: the daemon must not inherit (and so hold forever) the start/stop lock.
    (cd "$LOG_DIR" && "${run_as[@]}" env HOME="$RUN_DIR" ES_JAVA_HOME="$(java_home)" \
        ES_PATH_CONF="$CONF_DIR" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" ES_TMPDIR="$RUN_DIR/tmp" \
        "$ES_HOME/bin/elasticsearch" -d -p "$PID_FILE" >"$STARTUP_LOG" 2>&1 8>&-) || {
        print_failure "Elasticsearch failed to start" "$STARTUP_LOG"
        exit 1
    }

    local deadline=$((SECONDS + ES_START_TIMEOUT))
    until [[ $(http_code "$URL/_cluster/health?wait_for_status=yellow&timeout=5s") == 200 ]]; do
        if ! running_pid >/dev/null; then
            print_failure "Elasticsearch exited while starting" "$SERVER_LOG"
            exit 1
        fi
        if ((SECONDS >= deadline)); then
            print_failure "no yellow cluster health at $URL after ${ES_START_TIMEOUT}s; stop it with: $0 stop" "$SERVER_LOG"
            exit 1
        fi
        sleep 1
    done
    echo "es.sh: Elasticsearch $ES_VERSION up at $URL (pid $(running_pid), $((SECONDS - started))s)"
}

cmd_stop() {
    local pid
    if ! pid=$(running_pid); then
        rm -f "$PID_FILE"
        echo "es.sh: not running"
        return
    fi
    kill -TERM "$pid"
    local deadline=$((SECONDS + ES_STOP_TIMEOUT))
    while kill -0 "$pid" 2>/dev/null; do
        ((SECONDS < deadline)) || die "pid $pid still running after ${ES_STOP_TIMEOUT}s"
        sleep 1
    done
    rm -f "$PID_FILE"
    echo "es.sh: stopped (pid $pid)"
}

cmd_status() {
    local pid health
    health=$(curl -s -m 5 "$URL/_cluster/health" || true)
    if pid=$(running_pid); then
        echo "es.sh: running, pid $pid, $URL"
    elif [[ -n $health ]]; then
        echo "es.sh: a node not started by es.sh answers at $URL"
    else
        echo "es.sh: not running"
        return 3
    fi
    echo "$health"
}

case ${1:-} in
start)
    take_lock
    cmd_start
    ;;
stop)
    take_lock
    cmd_stop
    ;;
status) cmd_status ;;
*)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
