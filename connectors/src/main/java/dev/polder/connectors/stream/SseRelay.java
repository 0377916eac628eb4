package dev.polder.connectors.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polder.connectors.api.SseEvent;
import dev.polder.connectors.api.StreamResult;
import dev.polder.connectors.api.UpstreamFailure;
import dev.polder.connectors.api.UpstreamFailure.Kind;
import dev.polder.connectors.api.UpstreamResponse;
import dev.polder.connectors.api.Usage;
import dev.polder.connectors.sse.SseParser;
import dev.polder.connectors.transport.CallContext;
import dev.polder.connectors.transport.UpstreamExchange;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Relays one upstream SSE body chunk by chunk: parses, translates, captures usage and finish
 * reason, and feeds an {@link EventQueue} whose back-pressure pauses the upstream socket. The
 * {@link UpstreamResponse.Streaming} is handed out with the first event; a failure before it fails
 * that future (retry / failover are safe), a failure after it ends the stream with an error event.
 */
public final class SseRelay {

  /** Events buffered before the upstream socket is paused. */
  private static final int HIGH_WATERMARK = 64;

  private final String backend;
  private final UpstreamExchange exchange;
  private final HttpClientResponse response;
  private final StreamTranslator translator;
  private final boolean hideUsageOnlyChunks;
  private final CallContext call;
  private final long attemptStartNanos;
  private final SseParser parser = new SseParser();
  private final Promise<UpstreamResponse> first = Promise.promise();
  private final Promise<StreamResult> result = Promise.promise();
  private final EventQueue queue;
  private Usage usage;
  private String finishReason;
  private Duration timeToFirstByte;
  private int events;
  private boolean doneSeen;
  private boolean ended;

  /**
   * @param hideUsageOnlyChunks drop usage-only chunks (no choices) from the relayed events, after
   *     capturing them: the gateway asked for usage, the caller did not
   */
  public SseRelay(
      Vertx vertx,
      String backend,
      UpstreamExchange exchange,
      HttpClientResponse response,
      StreamTranslator translator,
      boolean hideUsageOnlyChunks,
      CallContext call,
      long attemptStartNanos) {
    this.backend = backend;
    this.exchange = exchange;
    this.response = response;
    this.translator = translator;
    this.hideUsageOnlyChunks = hideUsageOnlyChunks;
    this.call = call;
    this.attemptStartNanos = attemptStartNanos;
    this.queue =
        new EventQueue(vertx.getOrCreateContext(), HIGH_WATERMARK)
            .backPressure(
                () -> {
                  response.pause();
                  exchange.suspendIdle();
                },
                () -> {
                  response.resume();
                  exchange.touch();
                })
            .onCancel(
                () ->
                    exchange.fail(
                        new UpstreamFailure(
                            Kind.CANCELLED,
                            backend,
                            "the caller cancelled the stream from backend '" + backend + "'",
                            false,
                            null,
                            null,
                            null)));
  }

  /** Starts reading; completes with the stream once its first event arrived. */
  public Future<UpstreamResponse> start() {
    exchange.onFailure(this::failed);
    response.exceptionHandler(
        e ->
            exchange.fail(
                new UpstreamFailure(
                    Kind.CONNECTION_RESET,
                    backend,
                    "stream from backend '" + backend + "' broke: " + e.getMessage(),
                    true,
                    null,
                    null,
                    e)));
    response.handler(
        chunk -> {
          if (exchange.isDone()) {
            return;
          }
          exchange.touch();
          try {
            for (SseParser.Event event : parser.feed(chunk)) {
              for (SseEvent out : translator.translate(event)) {
                emit(out);
              }
            }
          } catch (InvalidUpstreamData | IllegalStateException e) {
            exchange.fail(Kind.INVALID_RESPONSE, invalid(e.getMessage()));
          } catch (RuntimeException e) {
            // A translation bug must not leave the stream hanging: end it like garbage.
            exchange.fail(Kind.INVALID_RESPONSE, invalid("cannot be translated (" + e + ")"));
          }
        });
    response.endHandler(
        v -> {
          if (exchange.isDone()) {
            return;
          }
          if (!doneSeen) {
            try {
              for (SseEvent out : translator.finish(parser.hasPartialEvent())) {
                emit(out);
              }
            } catch (RuntimeException e) {
              exchange.fail(Kind.INVALID_RESPONSE, invalid(e.getMessage()));
              return;
            }
          }
          if (!doneSeen) {
            exchange.fail(Kind.INVALID_RESPONSE, invalid("the stream ended without data: [DONE]"));
            return;
          }
          exchange.finish();
          end(null);
        });
    response.resume(); // paused by UpstreamExchange until the handlers above were in place
    return first.future();
  }

  private String invalid(String detail) {
    return "backend '" + backend + "' sent an invalid stream: " + detail;
  }

  private void emit(SseEvent event) {
    if (doneSeen || exchange.isDone()) {
      return;
    }
    switch (event.kind()) {
      case DONE -> doneSeen = true;
      case ERROR -> {
        exchange.fail(
            new UpstreamFailure(
                Kind.UPSTREAM_SERVER_ERROR,
                backend,
                "backend '" + backend + "' reported an error in the stream: " + errorMessage(event),
                true,
                null,
                null,
                null));
        return;
      }
      case CHUNK -> {
        capture(event.json());
        if (hideUsageOnlyChunks && isUsageOnly(event.json())) {
          return;
        }
      }
    }
    if (timeToFirstByte == null) {
      timeToFirstByte = Duration.ofNanos(System.nanoTime() - attemptStartNanos);
      exchange.firstByteReceived();
      first.complete(
          new UpstreamResponse.Streaming(
              backend,
              call.attempt(),
              response.statusCode(),
              response.headers(),
              queue,
              result.future(),
              timeToFirstByte));
    }
    if (event.kind() == SseEvent.Kind.CHUNK) {
      events++;
    }
    queue.push(event);
  }

  private static String errorMessage(SseEvent event) {
    JsonNode error = event.json().path("error");
    String message = error.isTextual() ? error.asText() : error.path("message").asText("");
    return message.isEmpty() ? event.data() : message;
  }

  private void capture(JsonNode chunk) {
    Usage.from(chunk.get("usage")).ifPresent(u -> usage = u);
    JsonNode choices = chunk.path("choices");
    if (choices.isArray()) {
      for (JsonNode choice : choices) {
        JsonNode reason = choice.get("finish_reason");
        if (reason != null && reason.isTextual() && choice.path("index").asInt(0) == 0) {
          finishReason = reason.asText();
        }
      }
    }
  }

  private static boolean isUsageOnly(JsonNode chunk) {
    JsonNode choices = chunk.path("choices");
    return chunk.path("usage").isObject() && choices.isArray() && choices.isEmpty();
  }

  private void failed(UpstreamFailure failure) {
    if (timeToFirstByte == null) {
      first.tryFail(failure);
      return;
    }
    UpstreamFailure after = failure.afterFirstByte();
    queue.push(SseEvent.error(after.toErrorBody()));
    end(after);
  }

  private void end(UpstreamFailure error) {
    if (ended) {
      return;
    }
    ended = true;
    queue.end();
    result.complete(
        new StreamResult(
            Optional.ofNullable(usage),
            Optional.ofNullable(finishReason),
            timeToFirstByte,
            Duration.ofNanos(System.nanoTime() - call.callStartNanos()),
            events,
            Optional.ofNullable(error)));
  }
}
