#!/usr/bin/env bash
# Runs one member of the p2px cluster (the trading core on Aeron Cluster) from the packaged build
# (mvn package -DskipTests). Usage: run-cluster-node.sh <member-id>
#
#   P2PX_CLUSTER_HOSTS      one host per member, comma-separated (default localhost,localhost,localhost);
#                           on three hosts: the three hosts' addresses, the same string on every host
#   P2PX_CLUSTER_PORT_BASE  member i listens on base + 10 i .. base + 10 i + 4 (default 20000)
#   P2PX_CLUSTER_DIR        archive, cluster and journal files (default data/cluster-node-<id>)
#   P2PX_CLUSTER_AERON_DIR  the embedded media driver's files (default /dev/shm/p2px-cluster-node-<id>)
#   P2PX_CLUSTER_SNAPSHOT_INTERVAL  how often the cluster takes a snapshot (default PT10M; PT0S: never by itself)
#   P2PX_CLUSTER_SNAPSHOTS_KEPT     snapshots kept (default 3)
#   P2PX_CLUSTER_PURGE_LOG          true: purge the log before the oldest kept snapshot (default false: kept
#                                   whole, so that a member rebuilt empty can catch up; docs/operations.md)
#   P2PX_CLUSTER_JOURNAL_RETENTION  when set, old journal files before the oldest kept snapshot are deleted (such
#                                   as P7D; unset: the journal is kept whole, which gateways need to start)
#   P2PX_CLUSTER_METRICS_PORT       the member's metrics for Prometheus, TCP (default base + 10 <id> + 5; 0: none)
#   JAVA_OPTS               more JVM options (such as -Xmx)
#
# A member killed with kill -9 can be started again after 10 s (Aeron's mark files count as live until then).
set -euo pipefail
member="${1:?usage: run-cluster-node.sh <member-id>}"
here="$(cd "$(dirname "$0")" && pwd)"
app="${P2PX_APP_DIR:-$here/../target/quarkus-app}"
if [ ! -d "$app/lib/main" ]; then
  echo "No packaged build at $app: run 'mvn package -DskipTests' first." >&2
  exit 1
fi
# The node needs no Quarkus; without it the JBoss log manager would swallow the log, so it is left out and the
# node logs through java.util.logging to stderr.
classpath="$(ls "$app"/app/*.jar "$app"/lib/main/*.jar | grep -v -e jboss-logmanager -e quarkus-ide-launcher | paste -sd:)"
exec java ${JAVA_OPTS:-} @"$here/jvm.options" -cp "$classpath" \
  -Dp2px.cluster.member-id="$member" \
  -Dp2px.cluster.hosts="${P2PX_CLUSTER_HOSTS:-localhost,localhost,localhost}" \
  -Dp2px.cluster.port-base="${P2PX_CLUSTER_PORT_BASE:-20000}" \
  -Dp2px.cluster.dir="${P2PX_CLUSTER_DIR:-data/cluster-node-$member}" \
  -Dp2px.cluster.aeron-dir="${P2PX_CLUSTER_AERON_DIR:-/dev/shm/p2px-cluster-node-$member}" \
  -Dp2px.cluster.snapshot-interval="${P2PX_CLUSTER_SNAPSHOT_INTERVAL:-PT10M}" \
  -Dp2px.cluster.snapshots-kept="${P2PX_CLUSTER_SNAPSHOTS_KEPT:-3}" \
  -Dp2px.cluster.purge-log="${P2PX_CLUSTER_PURGE_LOG:-false}" \
  ${P2PX_CLUSTER_JOURNAL_RETENTION:+-Dp2px.cluster.journal-retention="$P2PX_CLUSTER_JOURNAL_RETENTION"} \
  ${P2PX_CLUSTER_METRICS_PORT:+-Dp2px.cluster.metrics-port="$P2PX_CLUSTER_METRICS_PORT"} \
  org.p2px.cluster.ClusterNode
