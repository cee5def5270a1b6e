#!/usr/bin/env bash
# The operator's journal tool (docs/operations.md): dump, verify, recover, snapshots, backup. Uses the packaged
# server's classes (mvn package -DskipTests) and can run while the server runs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app="${P2PX_APP_DIR:-$here/../target/quarkus-app}"
if [ ! -d "$app/lib/main" ]; then
  echo "No packaged server at $app: run 'mvn package -DskipTests' first." >&2
  exit 2
fi
exec java @"$here/jvm.options" -cp "$app/app/*:$app/lib/main/*:$app/lib/boot/*" org.p2px.tools.JournalTool "$@"
