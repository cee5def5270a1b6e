#!/usr/bin/env bash
# A 3-member p2px cluster on this one host, and the server as its gateway, for trying cluster mode (each member in
# its own JVM, on loopback). Build first: mvn package -DskipTests.
#   run-cluster-local.sh all       members 0, 1 and 2, then the server as gateway 1 in the foreground; Ctrl-C stops all
#   run-cluster-local.sh start     starts the members only (logs and pids in data/cluster-local/)
#   run-cluster-local.sh gateway [N]  runs the server as gateway N (default 1) of running members, in the foreground
#   run-cluster-local.sh stop      stops the members (SIGTERM: each takes down its media driver cleanly)
# Gateways reach the members at ingress endpoints 0=localhost:20000,1=localhost:20010,2=localhost:20020; each
# follows member 0's journal (data/cluster-node-0/journal; P2PX_JOURNAL_MEMBER=1 for member 1's) and keeps its
# own files in ./data/cluster-gateway-N, but the keys (a token one gateway signs is checked by the others) and the
# attachments are shared, in ./data/cluster-gateways. Gateway N serves HTTP on port 8079 + N (8080, 8081, ...;
# P2PX_HTTP_PORT to change). Several gateways share one PostgreSQL database (a build with
# -Dp2px.db.kind=postgresql, and P2PX_DB_URL, P2PX_DB_USERNAME, P2PX_DB_PASSWORD in the environment); gateway 2
# and up refuse to start without P2PX_DB_URL, since each would otherwise keep its own H2 database
# (docs/operations.md, "Several gateways"). The members take their other settings from the environment as
# run-cluster-node.sh reads it (P2PX_CLUSTER_SNAPSHOT_INTERVAL, P2PX_CLUSTER_SNAPSHOTS_KEPT, ...).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="data/cluster-local"
mkdir -p "$run"

start_members() {
  for member in 0 1 2; do
    P2PX_CLUSTER_DIR="data/cluster-node-$member" "$here/run-cluster-node.sh" "$member" >"$run/node-$member.log" 2>&1 &
    echo $! >"$run/node-$member.pid"
    echo "member $member: pid $!, log $run/node-$member.log"
  done
}

stop_members() {
  for member in 0 1 2; do
    if [ -f "$run/node-$member.pid" ]; then
      kill "$(cat "$run/node-$member.pid")" 2>/dev/null || true
      rm -f "$run/node-$member.pid"
    fi
  done
}

run_gateway() {
  local id="${1:-1}"
  local journal="data/cluster-node-${P2PX_JOURNAL_MEMBER:-0}/journal"
  if ! [[ "$id" =~ ^[1-9][0-9]*$ ]]; then
    echo "gateway id: a number from 1, not $id" >&2
    return 2
  fi
  if [ "$id" -gt 1 ] && [ -z "${P2PX_DB_URL:-}" ]; then
    echo "gateway $id needs the database it shares with gateway 1: set P2PX_DB_URL (PostgreSQL; see the header)" >&2
    return 2
  fi
  for _ in $(seq 1 300); do
    [ -d "$journal" ] && break
    sleep 0.1
  done
  if [ ! -d "$journal" ]; then
    echo "no journal at $journal: is its member running? (see $run/node-${P2PX_JOURNAL_MEMBER:-0}.log)" >&2
    return 1
  fi
  JAVA_OPTS="${JAVA_OPTS:-} -Dp2px.engine.mode=cluster -Dp2px.cluster.gateway-id=$id \
    -Dp2px.cluster.hosts=localhost,localhost,localhost -Dp2px.cluster.port-base=20000 \
    -Dp2px.cluster.journal-dir=$journal -Dp2px.engine.data-dir=./data/cluster-gateway-$id \
    -Dp2px.auth.key-dir=./data/cluster-gateways/keys -Dp2px.attachments.directory=./data/cluster-gateways/attachments \
    -Dquarkus.http.port=${P2PX_HTTP_PORT:-$((8079 + id))}" \
    "$here/run-server.sh"
}

case "${1:-start}" in
  all)
    start_members
    trap stop_members EXIT
    run_gateway
    ;;
  start)
    start_members
    ;;
  gateway)
    run_gateway "${2:-1}"
    ;;
  stop)
    stop_members
    ;;
  *)
    echo "usage: run-cluster-local.sh all|start|gateway [N]|stop" >&2
    exit 2
    ;;
esac
