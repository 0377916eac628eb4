package dev.polder.connectors.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request to an upstream MCP server that did not produce a result. {@link Kind#ERROR} carries the
 * server's own JSON-RPC error; the other kinds are the gateway's verdict on the server.
 */
public final class McpUpstreamException extends Exception {

  public enum Kind {
    /** The server answered with a JSON-RPC error ({@link #code()}, {@link #data()}). */
    ERROR,
    /** No answer within the time allowed. */
    TIMEOUT,
    /** Could not be started or reached, or went away (process exit, connection refused). */
    UNAVAILABLE,
    /** A message larger than the configured limit. */
    TOO_LARGE,
    /** Something that is not MCP: unparseable JSON, wrong shape, unexpected HTTP status. */
    PROTOCOL
  }

  private final Kind kind;
  private final int code;
  private final transient JsonNode data;

  public McpUpstreamException(Kind kind, String message) {
    this(kind, 0, message, null);
  }

  public McpUpstreamException(Kind kind, int code, String message, JsonNode data) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.data = data;
  }

  public Kind kind() {
    return kind;
  }

  /** The JSON-RPC error code for {@link Kind#ERROR}, else 0. */
  public int code() {
    return code;
  }

  public JsonNode data() {
    return data;
  }
}
