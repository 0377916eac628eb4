#!/usr/bin/env bash
# Start-up time and idle memory of the gateway: starts it N times, pinned to core 0 like run.sh,
# and reports the median time from launch to the first 200 on GET /v1/models (demo key) and the
# median idle RSS 3 s after /q/health/ready is UP. Two set-ups: "core" (auth + routing:
# bench/load/routes-core, audit off, NER off) and "full" (the shipped routes, rules and
# policies, NER off unless FULL_NER=1).
# Needs: a built gateway (mvn -B -q -pl runtime -am package -DskipTests).
# Usage: bench/load/startup.sh [runs] [core|full|both]   (default 5 both)
# "ready" is the first 200 on GET /v1/models (what run.sh reports); "health" is the first UP on
# /q/health/ready (the policy bundle is active); "cpu" is the gateway's CPU time at "ready", which
# on one core is what the start-up costs, whatever else the machine runs.
# Env: LAUNCH ("polder", the default, starts it with `./polder run`, which records a class-data
#      archive on its first run: that run comes first and is not counted; "jar" runs plain
#      java -jar quarkus-run.jar), GATEWAY_OPTS (extra JVM/-D options), JAVA (java for LAUNCH=jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-5}"
WHICH="${2:-both}"
PORT="${GATEWAY_PORT:-18081}"
LAUNCH="${LAUNCH:-polder}"
OUT="$(mktemp -d)"
GW=""
cleanup() { [ -n "$GW" ] && kill "$GW" 2>/dev/null || true; }
trap cleanup EXIT

launch() { # extra -D options...
  if [ "$LAUNCH" = jar ]; then
    # shellcheck disable=SC2086 # GATEWAY_OPTS holds several options
    exec taskset -c 0 "${JAVA:-java}" ${GATEWAY_OPTS:-} "$@" -jar runtime/target/quarkus-app/quarkus-run.jar
  else
    # shellcheck disable=SC2086
    exec taskset -c 0 ./polder run ${GATEWAY_OPTS:-} "$@"
  fi
}

once() { # extra-options... -> "ready_ms health_ms cpu_ms rss_mb"
  local start
  start=$(date +%s%N)
  (launch -Dquarkus.http.port="$PORT" -Dpolder.audit.directory="$OUT/audit" "$@") \
    >"$OUT/gateway.log" 2>&1 &
  GW=$!
  until curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer polder-demo-key' \
      "http://127.0.0.1:$PORT/v1/models" 2>/dev/null | grep -q 200; do
    kill -0 "$GW" 2>/dev/null || { cat "$OUT/gateway.log" >&2; exit 1; }
    sleep 0.02
  done
  local ready=$(( ($(date +%s%N) - start) / 1000000 ))
  # The launcher execs java, so $GW is the JVM itself.
  local cpu=$(( $(awk '{print $14 + $15}' "/proc/$GW/stat") * 1000 / $(getconf CLK_TCK) ))
  until curl -s "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"'; do
    sleep 0.02
  done
  local health=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 3
  local rss=$(( $(awk '/VmRSS/ {print $2}' "/proc/$GW/status") / 1024 ))
  kill "$GW"; wait "$GW" 2>/dev/null || true
  GW=""
  echo "$ready $health $cpu $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() { # label extra-options...
  local label=$1; shift
  : >"$OUT/$label.txt"
  [ "$LAUNCH" = jar ] || once "$@" >/dev/null # records the class-data archive
  for _ in $(seq 1 "$RUNS"); do once "$@" >>"$OUT/$label.txt"; done
  col() { cut -d' ' -f"$1" "$OUT/$label.txt" | median; }
  echo "$label ($LAUNCH, $RUNS runs, medians): ready $(col 1) ms; health UP $(col 2) ms;" \
    "CPU at ready $(col 3) ms; idle RSS $(col 4) MB" \
    "(ready per run: $(cut -d' ' -f1 "$OUT/$label.txt" | tr '\n' ' ' | sed 's/ $//'))"
}

if [ "$WHICH" = core ] || [ "$WHICH" = both ]; then
  measure core -Dpolder.routes.path=bench/load/routes-core -Dpolder.audit.enabled=false \
    -Dpolder.detect.ner.enabled=false
fi
if [ "$WHICH" = full ] || [ "$WHICH" = both ]; then
  if [ -n "${FULL_NER:-}" ]; then measure full; else measure full -Dpolder.detect.ner.enabled=false; fi
fi
