#!/usr/bin/env bash
# First-streamed-chunk forwarding delay: from the upstream writing a stream's first chunk to the
# client reading it, direct and through the gateway, at concurrency 1, 16 and 64 (FirstChunkDelay.java).
# The gateway is pinned to core 0; the measuring JVM (upstream + client, one clock) to core 1.
# Needs: a built gateway (mvn -B -o -q -pl runtime -am install -DskipTests).
# Usage: bench/load/first-chunk.sh [streams-per-run]   (default 2000)
# Env: CONCURRENCIES ("1,16,64"), DELAY_MS (2: pause between the SSE head and the first chunk),
#      GATEWAY_OPTS (extra JVM options).
set -euo pipefail
cd "$(dirname "$0")/../.."
STREAMS="${1:-2000}"
GATEWAY_PORT="${GATEWAY_PORT:-18081}"
UPSTREAM_PORT="${UPSTREAM_PORT:-19101}"
OUT="$(mktemp -d)"
JAR=runtime/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -o -q -pl runtime -am install -DskipTests" >&2; exit 1; }

mvn -B -o -q -pl connectors dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
GW=""
cleanup() { [ -n "$GW" ] && kill "$GW" 2>/dev/null || true; }
trap cleanup EXIT

# shellcheck disable=SC2086 # GATEWAY_OPTS holds several -D options
taskset -c 0 java ${GATEWAY_OPTS:-} \
  -Dquarkus.http.port="$GATEWAY_PORT" \
  -Dpolder.backends.mock.provider=vllm \
  -Dpolder.backends.mock.url="http://127.0.0.1:$UPSTREAM_PORT" \
  '-Dpolder.models.bench.targets[0].backend=mock' \
  -jar "$JAR" >"$OUT/gateway.log" 2>&1 &
GW=$!
until curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer polder-demo-key' \
    "http://127.0.0.1:$GATEWAY_PORT/v1/models" | grep -q 200; do
  kill -0 "$GW" 2>/dev/null || { cat "$OUT/gateway.log"; exit 1; }
  sleep 0.05
done

taskset -c 1 java -cp "$(cat "$OUT/cp.txt")" bench/load/FirstChunkDelay.java "$UPSTREAM_PORT" \
  "http://127.0.0.1:$GATEWAY_PORT" polder-demo-key "$STREAMS" "${CONCURRENCIES:-1,16,64}" \
  "${DELAY_MS:-2}"
grep -E 'ERROR' "$OUT/gateway.log" | head -5 || true
