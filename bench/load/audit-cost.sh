#!/usr/bin/env bash
# What the audit log costs on the request path: bench/load/run.sh once per audit setting — off,
# fsync batch (the default: group commit), fsync always (one fsync per record) — at concurrency 1
# and 16, plain chat and streams. The added latency of audit = the gateway's p50/p99 with audit on
# minus with audit off (each run also measures the upstream direct, as a check on the machine).
# Needs what run.sh needs (wrk, a packaged gateway: mvn -B -o -q -pl runtime -am package -DskipTests).
# Usage: bench/load/audit-cost.sh [seconds-per-run]
# Env: AUDIT_MODES ("off batch always"; also "none"), BODIES, CONCURRENCIES ("1 16"),
#      WARMUP_SECONDS, AUDIT_BATCH_WINDOW (e.g. 0ms, default 1ms).
# Put the working directory on the disk the audit log will use in production: fsync is the disk's.
set -euo pipefail
cd "$(dirname "$0")/../.."
for mode in ${AUDIT_MODES:-off batch always}; do
  if [ "$mode" = off ]; then
    opts="-Dpolder.audit.enabled=false"
  else
    opts="-Dpolder.audit.fsync=$mode -Dpolder.audit.batch-window=${AUDIT_BATCH_WINDOW:-1ms}"
  fi
  echo "== audit: $mode"
  GATEWAY_OPTS="$opts ${GATEWAY_OPTS:-}" BODIES="${BODIES:-chat stream}" \
    CONCURRENCIES="${CONCURRENCIES:-1 16}" SKIP_TTFB=1 bench/load/run.sh "${1:-10}" \
    | grep -v '^time to ready'
done
