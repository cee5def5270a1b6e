#!/usr/bin/env bash
# Runs the packaged server (build it first with: mvn package -DskipTests).
# Agrona and Chronicle Queue need the JVM options in deploy/jvm.options on Java 17; they cannot go into the
# jar's manifest because Quarkus writes its own Add-Opens entry, so they are passed here.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app="${P2PX_APP:-$here/../target/quarkus-app/quarkus-run.jar}"
if [ ! -f "$app" ]; then
  echo "No packaged server at $app: run 'mvn package -DskipTests' first." >&2
  exit 1
fi
# The collector: Shenandoah, whose pauses stay under a millisecond, where G1's young pauses of 20 to 30 ms every 2 to
# 3 s set the p99.9 of every answer, and with the JVM's default heap its p99 too (docs/performance.md, "The take's
# tail and the collector"). Not when JAVA_OPTS names a collector, nor on a JVM built without Shenandoah (Oracle's).
collector="-XX:+UseShenandoahGC"
for option in ${JAVA_OPTS:-}; do
  [[ $option == -XX:+Use*GC ]] && collector=""
done
if [[ -n $collector ]] && ! java -XX:+UseShenandoahGC -version >/dev/null 2>&1; then
  collector=""
fi
exec java $collector ${JAVA_OPTS:-} @"$here/jvm.options" -jar "$app" "$@"
