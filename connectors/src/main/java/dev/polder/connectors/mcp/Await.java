package dev.polder.connectors.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** Waits for one request's answer; on time-out tells the server to stop working on it. */
final class Await {
  private Await() {}

  static JsonNode answer(
      JsonRpcPeer.Outgoing out, Duration timeout, String server, Consumer<JsonNode> send)
      throws McpUpstreamException {
    try {
      return out.answer().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      out.answer().cancel(false);
      ObjectNode params =
          JsonRpcPeer.JSON.createObjectNode().put("requestId", Long.parseLong(out.id()));
      params.put("reason", "timed out in the gateway");
      try {
        send.accept(JsonRpcPeer.notification("notifications/cancelled", params));
      } catch (RuntimeException ignored) {
        // The server is gone as well; the time-out is the news.
      }
      throw new McpUpstreamException(
          McpUpstreamException.Kind.TIMEOUT,
          "MCP server " + server + " did not answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof McpUpstreamException failure) {
        throw failure;
      }
      throw new McpUpstreamException(
          McpUpstreamException.Kind.PROTOCOL, String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpUpstreamException(McpUpstreamException.Kind.UNAVAILABLE, "interrupted");
    }
  }
}
