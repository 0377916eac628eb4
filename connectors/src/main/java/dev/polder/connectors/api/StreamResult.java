package dev.polder.connectors.api;

import java.time.Duration;
import java.util.Optional;

/**
 * How a relayed stream ended; completes when the event stream has ended (also after an error).
 *
 * @param usage from the stream's usage chunk, when the backend sent one
 * @param finishReason of the first choice, as the backend reported it
 * @param timeToFirstByte from sending the (successful) attempt to its first event
 * @param duration from the first attempt to the end of the stream
 * @param events events handed to the caller (without {@code [DONE]})
 * @param error why the stream failed after the first byte; the stream carried an error event
 */
public record StreamResult(
    Optional<Usage> usage,
    Optional<String> finishReason,
    Duration timeToFirstByte,
    Duration duration,
    int events,
    Optional<UpstreamFailure> error) {

  public boolean succeeded() {
    return error.isEmpty();
  }
}
