#!/usr/bin/env bash
# Issue 2's figures: the gateway core alone — authentication and routing, no detection,
# decisions, limits or audit — with the route folder bench/load/routes-core. Same workload and
# pinning as run.sh (gateway on core 0; wrk and the upstream on core 1).
# Usage: bench/load/core.sh [seconds-per-run]   (env as for run.sh)
cd "$(dirname "$0")/../.."
export GATEWAY_OPTS="-Dpolder.routes.path=bench/load/routes-core -Dpolder.audit.enabled=false \
-Dpolder.detect.ner.enabled=false ${GATEWAY_OPTS:-}"
exec bench/load/run.sh "$@"
