#!/usr/bin/env bash
# The production rehearsal (make load, make load-faults; docs/load.md).
#
#   scripts/load/run.sh [--quick] [--faults a,b,c,d,e|all] [--no-steps]
#
# Runs the driver (scripts/load/rehearsal.py) inside a throwaway PostgreSQL cluster
# (scripts/postgres.sh, which deletes it at the end); the driver starts and stops everything
# else. Ctrl-C or a failure anywhere still stops every process and deletes every file the
# run made. LOAD_N sets the number of releases (default 100000; 2000 with --quick).
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PYTHON=${LOAD_PYTHON:-$REPO_ROOT/.venv/bin/python}
export LOAD_PYTHON=$PYTHON

# Connections: five gunicorn workers, two task workers, the publisher and the driver's
# commands, plus room for a restart's stragglers.
export PRESSROOM_PG_MAX_CONNECTIONS=${PRESSROOM_PG_MAX_CONNECTIONS:-100}
cd "$REPO_ROOT"
exec bash scripts/postgres.sh "$PYTHON" scripts/load/rehearsal.py "$@"
