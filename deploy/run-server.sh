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
exec java ${JAVA_OPTS:-} @"$here/jvm.options" -jar "$app" "$@"
