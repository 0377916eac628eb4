package dev.polder.connectors.testing;

import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** Ready-made {@link Behaviour}s, including every failure a backend can show. */
public final class Behaviours {
  private Behaviours() {}

  /** Any body with a status and content type. */
  public static Behaviour raw(int status, String contentType, String body) {
    return exchange ->
        exchange.response().setStatusCode(status).putHeader("content-type", contentType).end(body);
  }

  public static Behaviour json(int status, String body) {
    return raw(status, "application/json", body);
  }

  /** An OpenAI-shaped error answer with the given status. */
  public static Behaviour error(int status, String message) {
    return json(
        status,
        "{\"error\":{\"message\":\"" + message + "\",\"type\":\"server_error\",\"code\":null}}");
  }

  /** An error answer with a {@code Retry-After} header (seconds or HTTP-date). */
  public static Behaviour retryAfter(int status, String retryAfter) {
    return exchange ->
        exchange
            .response()
            .setStatusCode(status)
            .putHeader("content-type", "application/json")
            .putHeader("retry-after", retryAfter)
            .end("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}");
  }

  /** Text that is not what was asked for (e.g. HTML where JSON or SSE was expected). */
  public static Behaviour garbage(String contentType, String body) {
    return raw(200, contentType, body);
  }

  /**
   * SSE: each item as one {@code data:} event, then the response ends. Include "[DONE]" yourself.
   */
  public static Behaviour sse(String... data) {
    return exchange -> {
      HttpServerResponse response = sseHead(exchange);
      for (String item : data) {
        response.write(event(item));
      }
      response.end();
    };
  }

  /** SSE with a pause between events (an answer that trickles in). */
  public static Behaviour sseSlow(Duration between, String... data) {
    return exchange -> {
      HttpServerResponse response = sseHead(exchange);
      writeSlowly(exchange, response, List.of(data), 0, between, true);
    };
  }

  /**
   * SSE that sends {@code first}, then waits for {@code gate} before the rest: a test completes the
   * gate only after it observed the first event, proving chunk-by-chunk relay.
   */
  public static Behaviour sseGated(String first, CompletionStage<?> gate, String... rest) {
    return exchange -> {
      HttpServerResponse response = sseHead(exchange);
      response.write(event(first));
      gate.whenComplete(
          (v, e) ->
              exchange
                  .vertx()
                  .runOnContext(
                      x -> {
                        for (String item : rest) {
                          response.write(event(item));
                        }
                        response.end();
                      }));
    };
  }

  /** SSE events, then the TCP connection is closed mid-body (no terminating chunk). */
  public static Behaviour sseThenCloseConnection(String... data) {
    return exchange -> {
      HttpServerResponse response = sseHead(exchange);
      for (String item : data) {
        response.write(event(item));
      }
      exchange.vertx().setTimer(50, t -> exchange.request().connection().close());
    };
  }

  /** SSE events, then silence with the connection open (a hang mid-stream). */
  public static Behaviour sseThenStall(String... data) {
    return exchange -> {
      HttpServerResponse response = sseHead(exchange);
      for (String item : data) {
        response.write(event(item));
      }
    };
  }

  /** Raw bytes as an SSE body (for half events and other broken framing). */
  public static Behaviour sseRaw(String body) {
    return exchange -> sseHead(exchange).end(body);
  }

  /**
   * SSE of {@code events} chat chunks of about {@code contentBytes} each, then {@code [DONE]},
   * written as fast as the connection takes them (respecting the server's write queue). {@code
   * written} counts the events handed to the socket, so a test can see the backend being held back
   * by a consumer that does not read.
   */
  public static Behaviour sseFlood(int events, int contentBytes, AtomicInteger written) {
    String payload =
        "{\"id\":\"flood\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
            + "x".repeat(contentBytes)
            + "\"},\"finish_reason\":null}]}";
    return exchange -> {
      HttpServerResponse response = sseHead(exchange);
      Runnable[] pump = new Runnable[1];
      pump[0] =
          () -> {
            while (written.get() < events) {
              if (response.writeQueueFull()) {
                response.drainHandler(v -> pump[0].run());
                return;
              }
              response.write(event(payload));
              written.incrementAndGet();
            }
            response.end(event("[DONE]"));
          };
      pump[0].run();
    };
  }

  /** Never answers (the connection stays open). */
  public static Behaviour stall() {
    return exchange -> {};
  }

  /** Sends the SSE response head and then nothing. */
  public static Behaviour stallAfterHead() {
    return exchange -> sseHead(exchange).write("");
  }

  /** Closes the connection without any answer. */
  public static Behaviour reset() {
    return exchange -> exchange.request().connection().close();
  }

  /** Waits, then behaves as {@code then}. */
  public static Behaviour slow(Duration delay, Behaviour then) {
    return exchange -> exchange.vertx().setTimer(delay.toMillis(), t -> then.answer(exchange));
  }

  /** Status 200 and the SSE content type, chunked; write events with {@link #event}. */
  public static HttpServerResponse sseHead(Exchange exchange) {
    HttpServerResponse response = exchange.response();
    response.setStatusCode(200).setChunked(true).putHeader("content-type", "text/event-stream");
    return response;
  }

  /** One {@code data:} event. */
  public static String event(String data) {
    return "data: " + data + "\n\n";
  }

  private static void writeSlowly(
      Exchange exchange,
      HttpServerResponse response,
      List<String> data,
      int index,
      Duration between,
      boolean end) {
    if (index >= data.size()) {
      if (end) {
        response.end();
      }
      return;
    }
    response.write(event(data.get(index)));
    exchange
        .vertx()
        .setTimer(
            Math.max(1, between.toMillis()),
            t -> writeSlowly(exchange, response, data, index + 1, between, end));
  }
}
