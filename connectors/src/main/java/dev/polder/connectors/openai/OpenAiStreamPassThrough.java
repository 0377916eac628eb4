package dev.polder.connectors.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.SseEvent;
import dev.polder.connectors.sse.SseParser;
import dev.polder.connectors.stream.InvalidUpstreamData;
import dev.polder.connectors.stream.StreamTranslator;
import dev.polder.connectors.transport.ResponseReader;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * OpenAI streams pass through as they are: each event keeps its data bytes; {@code [DONE]} ends the
 * stream; an {@code {"error":...}} event marks a failure. A body that ends without {@code [DONE]}
 * was truncated.
 */
final class OpenAiStreamPassThrough implements StreamTranslator {

  @Override
  public List<SseEvent> translate(SseParser.Event event) {
    String data = event.data();
    if (data.trim().equals("[DONE]")) {
      return List.of(SseEvent.DONE_EVENT);
    }
    ObjectNode json = ResponseReader.parseObject(Buffer.buffer(data));
    if (json.has("error") && !json.has("choices")) {
      return List.of(new SseEvent(SseEvent.Kind.ERROR, data, json));
    }
    return List.of(new SseEvent(SseEvent.Kind.CHUNK, data, json));
  }

  @Override
  public List<SseEvent> finish(boolean partialEventPending) {
    throw new InvalidUpstreamData(
        partialEventPending
            ? "the stream was cut off in the middle of an event"
            : "the stream ended without data: [DONE]");
  }
}
