package dev.polder.runtime.error;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Renders errors in OpenAI's shape: {@code {"error":{"message","type","param","code"}}}. */
public final class OpenAiErrors {

  private OpenAiErrors() {}

  public static String body(GatewayException e) {
    return body(e.getMessage(), e.type(), e.param(), e.code());
  }

  public static String body(String message, String type, String param, String code) {
    StringBuilder json = new StringBuilder(96 + message.length());
    json.append("{\"error\":{\"message\":");
    string(json, message);
    json.append(",\"type\":");
    string(json, type);
    json.append(",\"param\":");
    string(json, param);
    json.append(",\"code\":");
    string(json, code);
    return json.append("}}").toString();
  }

  /** Error object as an SSE event, for failures after a stream has started. */
  public static String sseEvent(GatewayException e) {
    return "data: " + body(e) + "\n\n";
  }

  /** The standard error for an HTTP status the gateway produced itself (404, 405, 500, ...). */
  public static GatewayException forStatus(int status) {
    return switch (status) {
      case 400 -> GatewayException.badRequest("bad_request", null, "Bad request");
      case 404 ->
          new GatewayException(
              404, "invalid_request_error", "not_found", null, "Unknown path; see /v1/models");
      case 405 ->
          new GatewayException(
              405,
              "invalid_request_error",
              "method_not_allowed",
              null,
              "Method not allowed on this path");
      case 413 ->
          new GatewayException(
              413, "invalid_request_error", "request_too_large", null, "Request body too large");
      case 415 ->
          new GatewayException(
              415,
              "invalid_request_error",
              "unsupported_media_type",
              null,
              "Content-Type must be application/json");
      default ->
          new GatewayException(
              status,
              status >= 500 ? "server_error" : "invalid_request_error",
              status >= 500 ? "internal_error" : "error",
              null,
              status >= 500 ? "The gateway failed to handle the request" : "Request failed");
    };
  }

  private static void string(StringBuilder json, String value) {
    if (value == null) {
      json.append("null");
      return;
    }
    json.append('"');
    JsonStringEncoder.getInstance().quoteAsString(value, json);
    json.append('"');
  }
}
