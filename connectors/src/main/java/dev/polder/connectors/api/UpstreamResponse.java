package dev.polder.connectors.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Optional;

/** What a backend answered: a complete body, or a stream of OpenAI-shaped events. */
public sealed interface UpstreamResponse
    permits UpstreamResponse.Complete, UpstreamResponse.Streaming {

  /** The backend that answered. */
  String backend();

  /** Attempts it took (1 = no retry). */
  int attempts();

  /**
   * A complete OpenAI-shaped JSON answer. Also used for a backend's own 4xx answers (e.g. 400 for a
   * bad request), which are the caller's business, not a backend failure.
   *
   * @param status the backend's status (translated backends: 200 or the mapped error status)
   * @param headers the backend's response headers
   * @param body the JSON bytes exactly as received (OpenAI-compatible) or as translated (KServe)
   * @param json the parsed body
   * @param usage from {@code body.usage}
   * @param latency from the first attempt to the last byte
   */
  record Complete(
      String backend,
      int attempts,
      int status,
      MultiMap headers,
      Buffer body,
      ObjectNode json,
      Optional<Usage> usage,
      Duration latency)
      implements UpstreamResponse {

    public boolean isSuccess() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * A stream that already delivered its first event (so failures before it were retried or reported
   * as {@link UpstreamFailure} with {@code beforeFirstByte}). Relay {@link #events()} with
   * back-pressure (e.g. {@code events().pipeTo(...)} after mapping with {@link
   * SseEvent#toBuffer()}, or pause/resume); it ends after {@code [DONE]}, or after an error event
   * if the backend failed mid-stream. {@link #result()} completes (never fails) when the stream has
   * ended.
   */
  record Streaming(
      String backend,
      int attempts,
      int status,
      MultiMap headers,
      SseEventStream events,
      Future<StreamResult> result,
      Duration timeToFirstByte)
      implements UpstreamResponse {}
}
