#!/usr/bin/env bash
# A 3-member p2px cluster on this one host, for trying cluster mode (each member in its own JVM, on loopback).
#   run-cluster-local.sh start   starts members 0, 1 and 2 (logs and pids in data/cluster-local/)
#   run-cluster-local.sh stop    stops them (SIGTERM: each takes down its media driver cleanly)
# Gateways reach them at ingress endpoints 0=localhost:20000,1=localhost:20010,2=localhost:20020.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="data/cluster-local"
mkdir -p "$run"
case "${1:-start}" in
  start)
    for member in 0 1 2; do
      P2PX_CLUSTER_DIR="data/cluster-node-$member" "$here/run-cluster-node.sh" "$member" >"$run/node-$member.log" 2>&1 &
      echo $! >"$run/node-$member.pid"
      echo "member $member: pid $!, log $run/node-$member.log"
    done
    ;;
  stop)
    for member in 0 1 2; do
      if [ -f "$run/node-$member.pid" ]; then
        kill "$(cat "$run/node-$member.pid")" 2>/dev/null || true
        rm -f "$run/node-$member.pid"
      fi
    done
    ;;
  *)
    echo "usage: run-cluster-local.sh start|stop" >&2
    exit 2
    ;;
esac
