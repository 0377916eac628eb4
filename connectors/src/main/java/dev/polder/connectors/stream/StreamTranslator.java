package dev.polder.connectors.stream;

import dev.polder.connectors.api.SseEvent;
import dev.polder.connectors.sse.SseParser;
import java.util.List;

/**
 * Turns a backend's stream events into OpenAI-shaped events: one instance per stream. The OpenAI
 * pass-through keeps each event's data as received; protocol translations (Triton) build chunks.
 */
public interface StreamTranslator {

  /**
   * Translates one upstream event into zero or more OpenAI events.
   *
   * @throws InvalidUpstreamData for data that breaks the protocol (e.g. invalid JSON)
   */
  List<SseEvent> translate(SseParser.Event event);

  /**
   * The backend closed the body cleanly. Returns the closing events (e.g. the final chunk with a
   * finish reason and {@code [DONE]}), or throws when the stream was cut short.
   *
   * @param partialEventPending bytes of an unterminated event were left over
   * @throws InvalidUpstreamData when the stream is truncated
   */
  List<SseEvent> finish(boolean partialEventPending);
}
