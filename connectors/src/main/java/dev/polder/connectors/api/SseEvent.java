package dev.polder.connectors.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.util.Objects;

/**
 * One OpenAI-shaped Server-Sent Event, ready to relay.
 *
 * <p>{@link #data()} is the event's data exactly as the backend sent it (or as a translation built
 * it); {@link #json()} is its parsed form for inspection. To change an event (redaction, pseudonym
 * restoration) build a new one with {@link #chunk(ObjectNode)} rather than mutating {@code json()}:
 * {@link #toBuffer()} writes {@code data()}.
 */
public record SseEvent(Kind kind, String data, ObjectNode json) {

  public enum Kind {
    /** A {@code chat.completion.chunk} or {@code text_completion} chunk. */
    CHUNK,
    /** The terminating {@code data: [DONE]}. */
    DONE,
    /** An error in OpenAI's shape {@code {"error":{...}}}; the stream ends after it. */
    ERROR
  }

  public static final SseEvent DONE_EVENT = new SseEvent(Kind.DONE, "[DONE]", null);

  public SseEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(data, "data");
    if (kind != Kind.DONE) {
      Objects.requireNonNull(json, "json");
    }
  }

  public static SseEvent chunk(ObjectNode json) {
    return new SseEvent(Kind.CHUNK, json.toString(), json);
  }

  public static SseEvent error(ObjectNode errorBody) {
    return new SseEvent(Kind.ERROR, errorBody.toString(), errorBody);
  }

  /** The event as it goes on the wire: {@code data: <data>\n\n}. */
  public Buffer toBuffer() {
    return Buffer.buffer("data: " + data + "\n\n");
  }
}
