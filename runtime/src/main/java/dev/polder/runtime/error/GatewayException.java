package dev.polder.runtime.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure that the client sees as an OpenAI-shaped error: HTTP status, error type, code and a
 * message that never carries internals such as stack traces.
 */
public class GatewayException extends RuntimeException {

  private final int status;
  private final String type;
  private final String code;
  private final String param;
  private final Map<String, String> headers = new LinkedHashMap<>(2);

  public GatewayException(int status, String type, String code, String param, String message) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
  }

  public static GatewayException badRequest(String code, String param, String message) {
    return new GatewayException(400, "invalid_request_error", code, param, message);
  }

  public static GatewayException unauthorized(String message) {
    return new GatewayException(401, "invalid_request_error", "invalid_api_key", null, message);
  }

  public static GatewayException forbidden(String code, String message) {
    return new GatewayException(403, "permission_error", code, null, message);
  }

  public static GatewayException modelNotFound(String model) {
    return new GatewayException(
        404,
        "invalid_request_error",
        "model_not_found",
        "model",
        "The model '" + model + "' does not exist");
  }

  public static GatewayException tooLarge(long limit) {
    return new GatewayException(
        413,
        "invalid_request_error",
        "request_too_large",
        null,
        "Request body is larger than the limit of " + limit + " bytes");
  }

  /** Adds a header to the error response, e.g. {@code Retry-After}; returns this. */
  public GatewayException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Headers to send with the error response. */
  public Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String code() {
    return code;
  }

  public String param() {
    return param;
  }
}
