package dev.polder.connectors.kserve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.Endpoint;
import dev.polder.connectors.api.SseEvent;
import dev.polder.connectors.api.Usage;
import dev.polder.connectors.sse.SseParser;
import dev.polder.connectors.stream.InvalidUpstreamData;
import dev.polder.connectors.stream.StreamTranslator;
import dev.polder.connectors.translate.OpenAiShapes;
import dev.polder.connectors.transport.ResponseReader;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Triton {@code generate_stream} events ({@code data: {"text_output": <delta>, ...}}) → OpenAI
 * chunks. Triton has no end marker: a body that closes cleanly ends the generation, and the
 * translator then adds the final chunk with its finish reason, the usage chunk (when counts were
 * reported) and {@code [DONE]}. An {@code {"error": "..."}} event becomes an error.
 */
final class TritonStreamTranslator implements StreamTranslator {

  private final Endpoint endpoint;
  private final JsonNode requestBody;
  private final String id;
  private final long created;
  private final String model;
  private boolean first = true;
  private long inputTokens = -1;
  private long outputTokens = -1;

  TritonStreamTranslator(
      Endpoint endpoint, JsonNode requestBody, String id, long created, String model) {
    this.endpoint = endpoint;
    this.requestBody = requestBody;
    this.id = id;
    this.created = created;
    this.model = model;
  }

  @Override
  public List<SseEvent> translate(SseParser.Event event) {
    ObjectNode json = ResponseReader.parseObject(Buffer.buffer(event.data()));
    if (json.has("error")) {
      JsonNode error = json.get("error");
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      ObjectNode inner = body.putObject("error");
      inner.put("message", error.isTextual() ? error.asText() : error.toString());
      inner.put("type", "upstream_error");
      inner.put("code", "upstream_stream_error");
      return List.of(SseEvent.error(body));
    }
    String text = TritonGenerate.textOutput(json);
    Usage usage = TritonGenerate.usage(json);
    if (usage != null) {
      // Counts are read as running totals: the largest seen is the answer's count.
      inputTokens = Math.max(inputTokens, usage.promptTokens());
      outputTokens =
          outputTokens < 0
              ? usage.completionTokens()
              : Math.max(outputTokens, usage.completionTokens());
    }
    ObjectNode chunk = OpenAiShapes.chunk(endpoint, id, created, model, text, first, null);
    first = false;
    return List.of(SseEvent.chunk(chunk));
  }

  @Override
  public List<SseEvent> finish(boolean partialEventPending) {
    if (partialEventPending) {
      throw new InvalidUpstreamData("the stream was cut off in the middle of an event");
    }
    if (first) {
      throw new InvalidUpstreamData("the stream ended without any generated output");
    }
    List<SseEvent> closing = new ArrayList<>(3);
    String finish =
        outputTokens < 0 ? "stop" : TritonGenerate.finishReason(outputTokens, requestBody);
    ObjectNode last = OpenAiShapes.chunk(endpoint, id, created, model, null, false, finish);
    closing.add(SseEvent.chunk(last));
    if (inputTokens >= 0) {
      // Always sent; the relay hides it (after capturing it) when the caller did not ask for usage.
      Usage usage = new Usage(inputTokens, outputTokens, inputTokens + outputTokens);
      closing.add(SseEvent.chunk(OpenAiShapes.usageChunk(endpoint, id, created, model, usage)));
    }
    closing.add(SseEvent.DONE_EVENT);
    return closing;
  }
}
