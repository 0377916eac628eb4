#!/usr/bin/env bash
# Cost of the limits check on the request path: reserve (4 counters: key rpm/tpm, team tpm/cost)
# plus settle, on one node alone and on a node of a 3-node loopback JGroups cluster, with 1 and 16
# callers, hot (all callers on one team's counters) and cold (a key each). Sample mode: p50/p99.
# Usage: bench/limits.sh [extra JMH options, e.g. -p nodes=3 -p hot=true]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_OFFLINE:--o} -pl runtime -am install -DskipTests
mvn -B -q ${MVN_OFFLINE:--o} -f bench/pom.xml compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt
# This worktree's runtime classes first: the SNAPSHOT jar in ~/.m2 may be another checkout's.
CP="bench/target/classes:runtime/target/classes:$(cat bench/target/classpath.txt)"
for threads in 1 16; do
  java -cp "$CP" org.openjdk.jmh.Main 'dev.polder.bench.limits.ClusterLimitBenchmark' \
    -t "$threads" -rf json -rff "bench/target/limits-t$threads.json" "$@"
done
