#!/usr/bin/env bash
# Crash test of the whole gateway: SIGKILL it under load, then check that every request that got an
# answer (its x-polder-request-id, collected by wrk) has its audit record, and that the chain
# verifies (a torn last line, as a crash leaves, is allowed: the next start sets it aside).
# Needs: wrk, a packaged gateway (mvn -B -o -q -pl runtime -am package -DskipTests).
# Usage: bench/load/audit-crash.sh   Env: FSYNC (batch; always, none), KILL_AFTER (8 s),
#        CONCURRENCY (16), BODY (chat; or stream).
set -euo pipefail
cd "$(dirname "$0")/../.."
GATEWAY_PORT="${GATEWAY_PORT:-18080}"
UPSTREAM_PORT="${UPSTREAM_PORT:-19100}"
OUT="$(mktemp -d)"
JAR=runtime/target/quarkus-app/quarkus-run.jar
CP_APP='runtime/target/quarkus-app/app/*:runtime/target/quarkus-app/lib/main/*'
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -o -q -pl runtime -am package -DskipTests" >&2; exit 1; }
mvn -B -o -q -pl connectors dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
java -cp "$(cat "$OUT/cp.txt")" bench/load/MockUpstream.java "$UPSTREAM_PORT" >"$OUT/upstream.log" 2>&1 &
PIDS+=($!)
PROMPT=$(head -c 1000 /dev/zero | tr '\0' 'a')
printf '{"model":"bench","messages":[{"role":"user","content":"%s"}]}' "$PROMPT" >"$OUT/chat.json"
printf '{"model":"bench","stream":true,"messages":[{"role":"user","content":"%s"}]}' "$PROMPT" >"$OUT/stream.json"
java -Dquarkus.http.port="$GATEWAY_PORT" \
  -Dpolder.audit.directory="$OUT/audit" -Dpolder.audit.fsync="${FSYNC:-batch}" \
  -Dpolder.backends.mock.provider=vllm -Dpolder.backends.mock.url="http://127.0.0.1:$UPSTREAM_PORT" \
  '-Dpolder.models.bench.targets[0].backend=mock' -jar "$JAR" >"$OUT/gateway.log" 2>&1 &
GW=$!
PIDS+=($GW)
until curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer polder-demo-key' \
    "http://127.0.0.1:$GATEWAY_PORT/v1/models" | grep -q 200; do
  kill -0 "$GW" 2>/dev/null || { cat "$OUT/gateway.log"; exit 1; }
  sleep 0.1
done
: >"$OUT/ids.txt"
BODY_FILE="$OUT/${BODY:-chat}.json" IDS_FILE="$OUT/ids.txt" wrk -t1 -c"${CONCURRENCY:-16}" \
  -d"$(( ${KILL_AFTER:-8} + 3 ))s" -s bench/load/post-ids.lua \
  "http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions" >"$OUT/wrk.log" 2>&1 &
WRK=$!
sleep "${KILL_AFTER:-8}"
kill -9 "$GW"
wait "$WRK" || true
answered=$(sort -u "$OUT/ids.txt" | wc -l)
grep -ho '"requestId":"[^"]*"' "$OUT"/audit/*.jsonl | cut -d'"' -f4 | sort -u >"$OUT/recorded.txt"
missing=$(sort -u "$OUT/ids.txt" | comm -23 - "$OUT/recorded.txt" | wc -l)
set +e
verdict=$(java -cp "$CP_APP" dev.polder.runtime.audit.AuditVerifyCommand verify "$OUT/audit" 2>&1 | head -1)
set -e
echo "fsync ${FSYNC:-batch}: killed after ${KILL_AFTER:-8} s; answered $answered, recorded $(wc -l <"$OUT/recorded.txt"), answered without a record: $missing"
echo "verify: $verdict"
[ "$missing" -eq 0 ] && [[ "$verdict" == OK:* || "$verdict" == TORN:* ]] || { echo "CRASH TEST FAILED (files in $OUT)"; exit 1; }
echo "crash test passed"
