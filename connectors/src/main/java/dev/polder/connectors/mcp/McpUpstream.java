package dev.polder.connectors.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One upstream MCP server, connected on first use and reconnected (a stdio server restarted) after
 * it went away. Safe for concurrent requests.
 */
public interface McpUpstream extends AutoCloseable {

  String name();

  /**
   * Sends a JSON-RPC request and waits for its result.
   *
   * @param progress receives the {@code notifications/progress} messages of this request (with the
   *     gateway's own progress token in {@code params.progressToken}); null asks for none
   * @throws McpUpstreamException the server's error, a timeout, an oversized or garbled answer, or
   *     an unreachable server
   */
  JsonNode request(String method, JsonNode params, Duration timeout, Consumer<JsonNode> progress)
      throws McpUpstreamException;

  /**
   * The result of the last {@code initialize} (protocolVersion, capabilities, serverInfo); connects
   * if needed.
   */
  JsonNode initializeResult() throws McpUpstreamException;

  /** Receives the server's notifications that belong to no request (list changes, log messages). */
  void onNotification(Consumer<JsonNode> listener);

  /** How often the connection was established again after the first time (stdio: restarts). */
  int reconnects();

  @Override
  void close();

  static McpUpstream open(McpServerSpec spec) {
    return spec.stdio() ? new StdioMcpUpstream(spec) : new HttpMcpUpstream(spec);
  }
}
