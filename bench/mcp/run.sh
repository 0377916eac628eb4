#!/usr/bin/env bash
# The MCP gateway's cost: added latency of a tools/call (server-everything's echo) through the
# gateway vs direct to the same server, over stdio and Streamable HTTP, at c=1 and c=16 (p50/p99);
# then how many MCP sessions one node holds and its RSS at 1k/5k/10k sessions.
# The gateway is pinned to core 0; the MCP servers and the load client share core 1.
# Needs: node 18+, `npm ci --prefix mcp-servers`, a packaged gateway
#   (mvn -B -q -ntp -pl runtime -am package -DskipTests; never `install`).
# Usage: bench/mcp/run.sh [seconds-per-run]   (from anywhere; default 10 s, total ~3-4 min)
# Env: WARMUP_SECONDS (20, per transport, through the gateway), CONCURRENCIES ("1 16"),
#      TRANSPORTS ("stdio http"), SESSIONS ("1000,5000,10000"; empty skips), STREAMS=1 (sessions
#      also hold their GET notification stream), GATEWAY_OPTS (extra JVM options, e.g.
#      -Dpolder.detect.ner.enabled=false to see the NER scan's share of the added latency).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN="${1:-10}"
GATEWAY_PORT="${GATEWAY_PORT:-18090}"
HTTP_PORT="${HTTP_PORT:-19310}"
OUT="$(mktemp -d)"
JAR=runtime/target/quarkus-app/quarkus-run.jar
EVERYTHING="$PWD/mcp-servers/node_modules/@modelcontextprotocol/server-everything/dist/index.js"
CLIENT=bench/mcp/client.mjs
KEY=polder-bench-mcp-key
command -v node >/dev/null || { echo "node is missing" >&2; exit 1; }
[ -f "$EVERYTHING" ] || { echo "$EVERYTHING is missing: npm ci --prefix mcp-servers" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -ntp -pl runtime -am package -DskipTests" >&2; exit 1; }

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# server-everything over Streamable HTTP on core 1 (the gateway's HTTP upstream and the direct one).
PORT="$HTTP_PORT" taskset -c 1 node "$EVERYTHING" streamableHttp >"$OUT/http-server.log" 2>&1 &
PIDS+=($!)
until curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/mcp" 2>/dev/null; do sleep 0.1; done

# The gateway on core 0: echo of both servers allowed for the bench key (role developer in the
# shipped tool-access policy), no rate limit, concurrency 16; its stdio server runs on core 1.
KEY_SHA=$(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)
START_NS=$(date +%s%N)
# shellcheck disable=SC2086 # GATEWAY_OPTS holds several -D options
taskset -c 0 java -Dpolder.audit.directory="$OUT/audit" ${GATEWAY_OPTS:-} \
  -Dquarkus.http.port="$GATEWAY_PORT" \
  -Dpolder.auth.keys.bench.sha256="$KEY_SHA" -Dpolder.auth.keys.bench.principal=bench \
  -Dpolder.auth.keys.bench.roles=developer -Dpolder.auth.keys.bench.environment=dev \
  -Dpolder.mcp.max-sessions=20000 \
  -Dpolder.mcp.servers.stdio.command=taskset \
  '-Dpolder.mcp.servers.stdio.args[0]=-c' '-Dpolder.mcp.servers.stdio.args[1]=1' \
  '-Dpolder.mcp.servers.stdio.args[2]=node' "-Dpolder.mcp.servers.stdio.args[3]=$EVERYTHING" \
  '-Dpolder.mcp.servers.stdio.args[4]=stdio' \
  -Dpolder.mcp.servers.stdio.tools.echo.concurrency=16 \
  -Dpolder.mcp.servers.http.url="http://127.0.0.1:$HTTP_PORT/mcp" \
  -Dpolder.mcp.servers.http.tools.echo.concurrency=16 \
  -jar "$JAR" >"$OUT/gateway.log" 2>&1 &
GW=$!
PIDS+=($GW)
until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$GATEWAY_PORT/q/health/ready" \
    | grep -q 200; do
  kill -0 "$GW" 2>/dev/null || { cat "$OUT/gateway.log"; exit 1; }
  sleep 0.05
done
echo "gateway ready in $(( ($(date +%s%N) - START_NS) / 1000000 )) ms;" \
  "idle RSS $(( $(awk '/VmRSS/ {print $2}' /proc/$GW/status) / 1024 )) MB"

GW_URL="http://127.0.0.1:$GATEWAY_PORT/mcp"
target() { # transport via -> client target
  case "$1/$2" in
    stdio/direct) echo "stdio:taskset -c 1 node $EVERYTHING stdio" ;;
    stdio/gateway) echo "http:$GW_URL@$KEY" ;;
    http/direct) echo "http:http://127.0.0.1:$HTTP_PORT/mcp" ;;
    http/gateway) echo "http:$GW_URL@$KEY" ;;
  esac
}
tool() { if [ "$2" = gateway ]; then echo "$1__echo"; else echo echo; fi; }

WARMUP="${WARMUP_SECONDS:-20}"
for transport in ${TRANSPORTS:-stdio http}; do
  # JIT warm-up of the gateway path, not reported.
  TOOL=$(tool "$transport" gateway) taskset -c 1 node "$CLIENT" latency \
    "$(target "$transport" gateway)" 16 "$WARMUP" >/dev/null
  for c in ${CONCURRENCIES:-1 16}; do
    for via in direct gateway; do
      result=$(TOOL=$(tool "$transport" "$via") taskset -c 1 node "$CLIENT" latency \
        "$(target "$transport" "$via")" "$c" "$SECONDS_PER_RUN" 2 | grep '^RESULT')
      echo "$transport c=$c $via: ${result#RESULT }"
    done
  done
done

if [ -n "${SESSIONS-1000,5000,10000}" ]; then
  taskset -c 1 node "$CLIENT" sessions "$GW_URL" "$KEY" "$GW" "${SESSIONS-1000,5000,10000}"
fi
echo "tool-call audit records: $(cat "$OUT"/audit/*.jsonl 2>/dev/null | grep -c 'mcp/tools/call' || true)"
grep -E ' ERROR ' "$OUT/gateway.log" | head -5 || true
