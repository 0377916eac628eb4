#!/usr/bin/env bash
# End-to-end overhead of the gateway: the same workload direct to a mock upstream and through the
# gateway, interleaved, at concurrency 1, 16 and 64; non-streaming 1 KB chat prompts and streams.
# The gateway is pinned to core 0; wrk and the upstream share core 1.
# Needs: wrk (apt-get install -y wrk), a built gateway (mvn -B -o -q -pl runtime -am install -DskipTests).
# Usage: bench/load/run.sh [seconds-per-run]   (from anywhere; default 10 s)
# Env: WARMUP_SECONDS (30), BODIES ("chat stream"), CONCURRENCIES ("1 16 64"), SKIP_TTFB=1,
#      GATEWAY_OPTS (extra JVM options, e.g. -Dpolder.routes.on-event-loop=true or
#      -Dpolder.audit.fsync=always; bench/load/audit-cost.sh compares the audit settings),
#      THREAD_CPU=1 (after each gateway run, CPU per request by thread name).
# The audit log goes to a temporary folder; its chain is verified after the runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN="${1:-10}"
GATEWAY_PORT="${GATEWAY_PORT:-18080}"
UPSTREAM_PORT="${UPSTREAM_PORT:-19100}"
OUT="$(mktemp -d)"
JAR=runtime/target/quarkus-app/quarkus-run.jar
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -o -q -pl runtime -am install -DskipTests" >&2; exit 1; }

mvn -B -o -q -pl connectors dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

taskset -c 1 java -cp "$(cat "$OUT/cp.txt")" bench/load/MockUpstream.java "$UPSTREAM_PORT" \
  >"$OUT/upstream.log" 2>&1 &
PIDS+=($!)

# Bodies: a 1 KB prompt, plain and streamed.
PROMPT=$(head -c 1000 /dev/zero | tr '\0' 'a')
printf '{"model":"bench","messages":[{"role":"user","content":"%s"}]}' "$PROMPT" >"$OUT/chat.json"
printf '{"model":"bench","stream":true,"messages":[{"role":"user","content":"%s"}]}' "$PROMPT" >"$OUT/stream.json"

for i in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$UPSTREAM_PORT/" && break; sleep 0.1
done

START_NS=$(date +%s%N)
# shellcheck disable=SC2086 # GATEWAY_OPTS holds several -D options
taskset -c 0 java -Dpolder.audit.directory="$OUT/audit" ${GATEWAY_OPTS:-} \
  -Dquarkus.http.port="$GATEWAY_PORT" \
  -Dpolder.backends.mock.provider=vllm \
  -Dpolder.backends.mock.url="http://127.0.0.1:$UPSTREAM_PORT" \
  '-Dpolder.models.bench.targets[0].backend=mock' \
  -jar "$JAR" >"$OUT/gateway.log" 2>&1 &
GW=$!
PIDS+=($GW)
until curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer polder-demo-key' \
    "http://127.0.0.1:$GATEWAY_PORT/v1/models" | grep -q 200; do
  kill -0 "$GW" 2>/dev/null || { cat "$OUT/gateway.log"; exit 1; }
  sleep 0.05
done
READY_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
sleep 2
IDLE_RSS_MB=$(( $(awk '/VmRSS/ {print $2}' /proc/$GW/status) / 1024 ))
echo "time to ready: ${READY_MS} ms; idle RSS: ${IDLE_RSS_MB} MB"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$GW/stat"; }
# Per-thread CPU ticks as "tid name ticks" lines (THREAD_CPU=1): where a request's CPU goes.
thread_ticks() {
  for t in /proc/"$GW"/task/*; do
    { read -r name <"$t/comm"
      awk -v id="${t##*/}" -v n="$name" '{sub(/^.*\) /, ""); print id "\t" n "\t" $12 + $13}' "$t/stat"
    } 2>/dev/null || true
  done
}
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))

run() { # target body concurrency -> RESULT line (+ cpu_us_per_req for the gateway)
  local target=$1 body=$2 c=$3 url
  if [ "$target" = gateway ]; then url="http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions";
  else url="http://127.0.0.1:$UPSTREAM_PORT/v1/chat/completions"; fi
  local before after
  before=$(cpu_ticks)
  [ -n "${THREAD_CPU:-}" ] && [ "$target" = gateway ] && thread_ticks >"$OUT/threads.before"
  local result
  result=$(BODY_FILE="$OUT/$body.json" taskset -c 1 wrk -t1 -c"$c" -d"${SECONDS_PER_RUN}s" \
    -s bench/load/post.lua "$url" | grep '^RESULT')
  after=$(cpu_ticks)
  local requests
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$result")
  local cpu=""
  if [ "$target" = gateway ] && [ "$requests" -gt 0 ]; then
    cpu=" gateway_cpu_us_per_req=$(( (after - before) * TICK_US / requests ))"
  fi
  echo "$body c=$c $target: ${result#RESULT }$cpu"
  if [ -n "${THREAD_CPU:-}" ] && [ "$target" = gateway ] && [ "$requests" -gt 0 ]; then
    thread_ticks >"$OUT/threads.after"
    # Threads are grouped by name without digits; printed as µs of CPU per request.
    awk -F'\t' -v tick="$TICK_US" -v n="$requests" '
      { name = $2; gsub(/[0-9]+/, "#", name) }
      FNR == NR { before[$1] = $3; next }
      { used[name] += $3 - before[$1] }
      END { for (k in used) if (used[k] > 0) printf "  %6d us/req  %s\n", used[k] * tick / n, k }' \
      "$OUT/threads.before" "$OUT/threads.after" | sort -n -r | head -12
  fi
}

# Warm-up (JIT), not reported: on one contended core C2 needs tens of thousands of requests.
WARMUP="${WARMUP_SECONDS:-30}"
for body in ${BODIES:-chat stream}; do
  BODY_FILE="$OUT/$body.json" taskset -c 1 wrk -t1 -c16 -d"${WARMUP}s" -s bench/load/post.lua \
    "http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions" >/dev/null
done

for body in ${BODIES:-chat stream}; do
  for c in ${CONCURRENCIES:-1 16 64}; do
    run direct "$body" "$c"
    run gateway "$body" "$c"
  done
done

# Every request left one record, and the chain verifies (skipped when audit is off).
if [ -d "$OUT/audit" ]; then
  echo "audit records: $(cat "$OUT"/audit/*.jsonl 2>/dev/null | wc -l)"
  java -cp 'runtime/target/quarkus-app/app/*:runtime/target/quarkus-app/lib/main/*' \
    dev.polder.runtime.audit.AuditVerifyCommand verify "$OUT/audit" 2>&1 | head -1 || true
fi

[ -n "${SKIP_TTFB:-}" ] && exit 0
# Time to first streamed byte, direct vs through the gateway (median of 200 at c=1).
ttfb() {
  for i in $(seq 1 200); do
    curl -s -o /dev/null -w '%{time_starttransfer}\n' -H 'Authorization: Bearer polder-demo-key' \
      -H 'Content-Type: application/json' --data-binary @"$OUT/stream.json" "$1"
  done | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int(NR/2)] * 1000}'
}
D=$(ttfb "http://127.0.0.1:$UPSTREAM_PORT/v1/chat/completions")
G=$(ttfb "http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions")
echo "stream time to first byte (median ms): direct $D, gateway $G"
grep -E 'ERROR' "$OUT/gateway.log" | head -5 || true
