#!/usr/bin/env bash
# A 3-member p2px cluster on this one host, and the server as its gateway, for trying cluster mode (each member in
# its own JVM, on loopback). Build first: mvn package -DskipTests.
#   run-cluster-local.sh all       members 0, 1 and 2, then the server as gateway 1 in the foreground; Ctrl-C stops all
#   run-cluster-local.sh start     starts the members only (logs and pids in data/cluster-local/)
#   run-cluster-local.sh gateway   runs the server as gateway 1 of running members, in the foreground
#   run-cluster-local.sh stop      stops the members (SIGTERM: each takes down its media driver cleanly)
# Gateways reach the members at ingress endpoints 0=localhost:20000,1=localhost:20010,2=localhost:20020; the server
# follows member 0's journal (data/cluster-node-0/journal) and keeps its own files (database, keys, attachments) in
# ./data/cluster-gateway-1. Its HTTP port is the server's usual one (8080; JAVA_OPTS=-Dquarkus.http.port=... to change).
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
  local journal="data/cluster-node-0/journal"
  for _ in $(seq 1 300); do
    [ -d "$journal" ] && break
    sleep 0.1
  done
  if [ ! -d "$journal" ]; then
    echo "member 0 has no journal at $journal: is it running? (see $run/node-0.log)" >&2
    return 1
  fi
  JAVA_OPTS="${JAVA_OPTS:-} -Dp2px.engine.mode=cluster -Dp2px.cluster.gateway-id=1 \
    -Dp2px.cluster.hosts=localhost,localhost,localhost -Dp2px.cluster.port-base=20000 \
    -Dp2px.cluster.journal-dir=$journal -Dp2px.engine.data-dir=./data/cluster-gateway-1" \
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
    run_gateway
    ;;
  stop)
    stop_members
    ;;
  *)
    echo "usage: run-cluster-local.sh all|start|gateway|stop" >&2
    exit 2
    ;;
esac
