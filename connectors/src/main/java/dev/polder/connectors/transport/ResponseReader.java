package dev.polder.connectors.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.UpstreamFailure;
import dev.polder.connectors.api.UpstreamFailure.Kind;
import dev.polder.connectors.api.UpstreamResponse;
import dev.polder.connectors.api.Usage;
import dev.polder.connectors.resilience.RetryAfter;
import dev.polder.connectors.stream.InvalidUpstreamData;
import dev.polder.connectors.stream.SseRelay;
import dev.polder.connectors.stream.StreamTranslator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Classifies a backend's answer: 429 and 5xx become retryable failures, other non-2xx answers are
 * passed to the caller as they are, 2xx bodies are parsed (and translated) or relayed as a stream.
 */
public final class ResponseReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final BackendSpec spec;
  private final Clock clock;

  public ResponseReader(Vertx vertx, BackendSpec spec, Clock clock) {
    this.vertx = vertx;
    this.spec = spec;
    this.clock = clock;
  }

  /**
   * Reads a complete JSON answer.
   *
   * @param translate turns the backend's 2xx JSON into the OpenAI shape (identity for OpenAI)
   * @param passBytes keep the backend's bytes as the body (OpenAI pass-through) instead of the
   *     translated JSON
   */
  public Future<UpstreamResponse> complete(
      UpstreamExchange exchange,
      HttpClientResponse response,
      CallContext call,
      UnaryOperator<ObjectNode> translate,
      boolean passBytes) {
    return exchange
        .readBody(response)
        .compose(
            body -> {
              int status = response.statusCode();
              UpstreamFailure failure = failureFor(response, body);
              if (failure != null) {
                return Future.failedFuture(failure);
              }
              ObjectNode json;
              try {
                json = parseObject(body);
              } catch (InvalidUpstreamData e) {
                if (status >= 200 && status < 300) {
                  return Future.failedFuture(invalid(e.getMessage()));
                }
                json = errorBody(status, body);
                return Future.succeededFuture(
                    complete(response, call, status, Buffer.buffer(json.toString()), json));
              }
              if (status >= 200 && status < 300) {
                ObjectNode translated;
                try {
                  translated = translate.apply(json);
                } catch (InvalidUpstreamData e) {
                  return Future.failedFuture(invalid(e.getMessage()));
                } catch (RuntimeException e) {
                  return Future.failedFuture(invalid("cannot be translated (" + e + ")"));
                }
                Buffer out = passBytes ? body : Buffer.buffer(translated.toString());
                return Future.succeededFuture(complete(response, call, status, out, translated));
              }
              return Future.succeededFuture(complete(response, call, status, body, json));
            });
  }

  /** Relays an SSE answer, or classifies a non-2xx / non-SSE answer. */
  public Future<UpstreamResponse> stream(
      UpstreamExchange exchange,
      HttpClientResponse response,
      CallContext call,
      long attemptStartNanos,
      StreamTranslator translator,
      boolean hideUsageOnlyChunks) {
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      return complete(exchange, response, call, UnaryOperator.identity(), true);
    }
    String contentType = response.getHeader("content-type");
    if (contentType == null || !contentType.toLowerCase().startsWith("text/event-stream")) {
      return exchange
          .readBody(response)
          .compose(
              body ->
                  Future.failedFuture(
                      invalid(
                          "a stream was requested but the answer is '"
                              + contentType
                              + "' ("
                              + body.length()
                              + " bytes), not text/event-stream")));
    }
    return new SseRelay(
            vertx,
            spec.name(),
            exchange,
            response,
            translator,
            hideUsageOnlyChunks,
            call,
            attemptStartNanos)
        .start();
  }

  /** Parses a JSON object or throws {@link InvalidUpstreamData}. */
  public static ObjectNode parseObject(Buffer body) {
    JsonNode node;
    try {
      node = JSON.readTree(body.getBytes());
    } catch (IOException e) {
      throw new InvalidUpstreamData("invalid JSON (" + firstLine(e.getMessage()) + ")");
    }
    if (node == null || !node.isObject()) {
      throw new InvalidUpstreamData("expected a JSON object");
    }
    return (ObjectNode) node;
  }

  public static ObjectMapper json() {
    return JSON;
  }

  private UpstreamFailure failureFor(HttpClientResponse response, Buffer body) {
    int status = response.statusCode();
    if (status != 429 && status < 500) {
      return null;
    }
    Duration retryAfter =
        RetryAfter.parse(response.getHeader("retry-after"), clock)
            .map(d -> d.compareTo(spec.retry().maxBackoff()) > 0 ? spec.retry().maxBackoff() : d)
            .orElse(null);
    String detail = upstreamMessage(body);
    return new UpstreamFailure(
        status == 429 ? Kind.RATE_LIMITED : Kind.UPSTREAM_SERVER_ERROR,
        spec.name(),
        "backend '"
            + spec.name()
            + "' answered "
            + status
            + (detail.isEmpty() ? "" : ": " + detail),
        true,
        status,
        retryAfter,
        null);
  }

  private static String upstreamMessage(Buffer body) {
    try {
      JsonNode error = parseObject(body).path("error");
      String message = error.isTextual() ? error.asText() : error.path("message").asText("");
      return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    } catch (InvalidUpstreamData e) {
      return "";
    }
  }

  private UpstreamFailure invalid(String detail) {
    return UpstreamFailure.of(
        Kind.INVALID_RESPONSE,
        spec.name(),
        "backend '" + spec.name() + "' sent an invalid response: " + detail);
  }

  private static ObjectNode errorBody(int status, Buffer body) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    String text = body.toString();
    error.put("message", text.length() > 500 ? text.substring(0, 500) + "…" : text);
    error.put(
        "type", status == 401 || status == 403 ? "authentication_error" : "invalid_request_error");
    error.put("code", "upstream_" + status);
    return root;
  }

  private UpstreamResponse complete(
      HttpClientResponse response, CallContext call, int status, Buffer body, ObjectNode json) {
    return new UpstreamResponse.Complete(
        spec.name(),
        call.attempt(),
        status,
        response.headers(),
        body,
        json,
        Usage.from(json.get("usage")),
        Duration.ofNanos(System.nanoTime() - call.callStartNanos()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
