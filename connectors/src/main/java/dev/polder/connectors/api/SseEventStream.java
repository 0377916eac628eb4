package dev.polder.connectors.api;

import io.vertx.core.streams.ReadStream;

/** The events of a relayed stream, with back-pressure, and a way to give up on them. */
public interface SseEventStream extends ReadStream<SseEvent> {

  /**
   * The caller went away (client disconnected, policy stopped the answer): abort the upstream call
   * and drop what is buffered. The stream's result then carries a {@code cancelled} error, which
   * does not count against the backend's circuit. Idempotent; no effect after the stream ended.
   */
  void cancel();
}
