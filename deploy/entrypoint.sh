#!/bin/sh
# Start Cluster Advisor: ingest, then serve. The container's ENTRYPOINT, and the script that
# tests/integration/test_wheel.py runs against a freshly installed wheel, so the two cannot drift.
#
#   CLUSTER_ADVISOR_INGEST  what to ingest before serving: "bundle" (default: the bundled corpus;
#                           its shipped vectors make the first start take seconds, and later starts
#                           find it unchanged), paths separated by spaces, or "none".
#
# Arguments go to `cluster-advisor serve` (e.g. `--workers 4`); a first argument that is another
# command runs that instead (`entrypoint.sh ask "Which open calls fund clusters?"`).
set -eu

case "${1:-serve}" in
  serve) if [ "$#" -gt 0 ]; then shift; fi ;;
  -*) ;;
  *) exec cluster-advisor "$@" ;;
esac

what="${CLUSTER_ADVISOR_INGEST:-bundle}"
case "$what" in
  none) ;;
  bundle) cluster-advisor ingest --no-progress ;;
  # Unquoted on purpose: several paths separated by spaces.
  *) cluster-advisor ingest --no-progress $what ;;
esac

exec cluster-advisor serve "$@"
