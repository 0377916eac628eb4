#!/usr/bin/env bash
# Audit log append cost per fsync policy: records/s (throughput mode) and the latency an append
# adds to a request, p50/p99 (sample mode), at 1 and 16 concurrent appenders.
# Usage: bench/audit.sh [extra JMH options, e.g. -p batchWindowMicros=0,1000 -p fsync=BATCH]
# The log is written under $AUDIT_BENCH_DIR (default: the system temp dir): put it on the disk
# the gateway's audit log will use, since fsync cost is the disk's.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_OFFLINE:--o} -pl runtime -am install -DskipTests
mvn -B -q ${MVN_OFFLINE:--o} -f bench/pom.xml compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt
# This worktree's runtime classes first: the SNAPSHOT jar in ~/.m2 may be another checkout's.
CP="bench/target/classes:runtime/target/classes:$(cat bench/target/classpath.txt)"
DIR_OPT=()
if [[ -n "${AUDIT_BENCH_DIR:-}" ]]; then DIR_OPT=(-jvmArgsAppend "-Dpolder.bench.audit.dir=$AUDIT_BENCH_DIR"); fi
for threads in 1 16; do
  java -cp "$CP" org.openjdk.jmh.Main 'dev.polder.bench.audit.AuditAppendBenchmark' \
    -t "$threads" -rf json -rff "bench/target/audit-t$threads.json" "${DIR_OPT[@]}" "$@"
done
