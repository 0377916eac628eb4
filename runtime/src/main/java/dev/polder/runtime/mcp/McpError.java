package dev.polder.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC error answer of the MCP endpoint. Codes: the JSON-RPC ones (-32700 … -32603) and the
 * gateway's own in the server range: -32001 denied by policy, -32002 limit reached, -32003 upstream
 * failed, -32004 tool disabled, -32005 session problem, -32006 the gateway cannot govern the call
 * right now (limit counters unreachable, NER model not loaded).
 */
final class McpError extends RuntimeException {
  static final int PARSE = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int METHOD_NOT_FOUND = -32601;
  static final int INVALID_PARAMS = -32602;
  static final int INTERNAL = -32603;
  static final int DENIED = -32001;
  static final int LIMITED = -32002;
  static final int UPSTREAM = -32003;
  static final int DISABLED = -32004;
  static final int SESSION = -32005;
  static final int UNAVAILABLE = -32006;

  private final int code;
  private final transient JsonNode data;
  private final String status;

  McpError(int code, String message) {
    this(code, message, null, null);
  }

  /**
   * @param status short outcome for the audit record (e.g. {@code denied}, {@code rate_limited})
   */
  McpError(int code, String message, JsonNode data, String status) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
    this.status = status;
  }

  int code() {
    return code;
  }

  String status() {
    if (status != null) {
      return status;
    }
    return switch (code) {
      case DENIED -> "denied";
      case LIMITED -> "limited";
      case UPSTREAM -> "upstream_error";
      case DISABLED -> "disabled";
      case INVALID_PARAMS -> "invalid_arguments";
      default -> "error";
    };
  }

  ObjectNode toResponse(JsonNode id) {
    return response(id, code, getMessage(), data);
  }

  static ObjectNode response(JsonNode id, int code, String message, JsonNode data) {
    ObjectNode out = ToolSchemas.JSON.createObjectNode().put("jsonrpc", "2.0");
    out.set("id", id == null ? ToolSchemas.JSON.nullNode() : id);
    ObjectNode error = out.putObject("error").put("code", code).put("message", message);
    if (data != null) {
      error.set("data", data);
    }
    return out;
  }
}
