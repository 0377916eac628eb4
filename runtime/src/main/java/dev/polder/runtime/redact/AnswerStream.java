package dev.polder.runtime.redact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.SseEvent;
import dev.polder.pii.stream.BlockedContentException;
import dev.polder.pii.stream.StreamingRedactor;
import dev.polder.pii.stream.StreamingRestorer;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.error.OpenAiErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Scans one streamed answer event by event. Each text of a choice (content, completions text, the
 * arguments of each tool call) is a channel: its deltas pass through a {@link StreamingRedactor}
 * (which holds back a window so an entity split across chunks is caught) and a {@link
 * StreamingRestorer}. Every event is relayed at once, with the part of its text that is safe now;
 * what is held back is released with the choice's finish chunk, or in one extra chunk before {@code
 * [DONE]}. A type whose action is block ends the stream with an error event. Not thread-safe: one
 * per stream, used on its event loop.
 */
public final class AnswerStream {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT = "content";
  // Texts of a delta: the answer, and the reasoning some backends stream beside it (vLLM and
  // DeepSeek 'reasoning_content', others 'reasoning'); each is a channel of its own.
  private static final List<String> DELTA_TEXTS =
      List.of(CONTENT, "reasoning_content", "reasoning");
  private static final String TEXT = "text";
  private static final String TOOL = "tool/";

  /** One text of a choice: redaction, then restoration (either may be absent). */
  static final class Channel {
    private final StreamingRedactor redactor;
    private final StreamingRestorer restorer;

    Channel(StreamingRedactor redactor, StreamingRestorer restorer) {
      this.redactor = redactor;
      this.restorer = restorer;
    }

    String feed(String delta) {
      String safe = redactor == null ? delta : redactor.feed(delta);
      return restorer == null ? safe : restorer.feed(safe);
    }

    String flush() {
      String safe = redactor == null ? "" : redactor.flush();
      return restorer == null ? safe : restorer.feed(safe) + restorer.flush();
    }
  }

  private final Supplier<Channel> newChannel;
  private final Map<Integer, Map<String, Channel>> open = new TreeMap<>();
  private ObjectNode template;
  private boolean ended;

  AnswerStream(Supplier<Channel> newChannel) {
    this.newChannel = newChannel;
  }

  /** True once a blocked type ended the stream: drop what still arrives. */
  public boolean ended() {
    return ended;
  }

  /** The events to relay for one event of the backend, in order (may be none after a block). */
  public List<SseEvent> onEvent(SseEvent event) {
    if (ended) {
      return List.of();
    }
    try {
      return switch (event.kind()) {
        case CHUNK -> List.of(chunk(event));
        case DONE, ERROR -> {
          List<SseEvent> out = new ArrayList<>(flushAll());
          out.add(event);
          yield out;
        }
      };
    } catch (BlockedContentException e) {
      ended = true;
      return List.of(errorEvent(AnswerScanner.blocked(e)));
    }
  }

  /** The backend's stream ended (with or without {@code [DONE]}): what is still held back. */
  public List<SseEvent> onEnd() {
    if (ended) {
      return List.of();
    }
    try {
      return flushAll();
    } catch (BlockedContentException e) {
      ended = true;
      return List.of(errorEvent(AnswerScanner.blocked(e)));
    }
  }

  private SseEvent chunk(SseEvent event) {
    ObjectNode json = event.json().deepCopy();
    template = json;
    boolean changed = false;
    for (JsonNode node : json.path("choices")) {
      if (!(node instanceof ObjectNode choice)) {
        continue;
      }
      int index = choice.path("index").asInt(0);
      if (choice.get("delta") instanceof ObjectNode delta) {
        for (String key : DELTA_TEXTS) {
          if (delta.path(key).isTextual()) {
            delta.put(key, channel(index, key).feed(delta.get(key).asText()));
            changed = true;
          }
        }
        for (JsonNode call : delta.path("tool_calls")) {
          if (call.path("function") instanceof ObjectNode function
              && function.path("arguments").isTextual()) {
            String key = TOOL + call.path("index").asInt(0);
            function.put("arguments", channel(index, key).feed(function.get("arguments").asText()));
            changed = true;
          }
        }
      }
      if (choice.path(TEXT).isTextual()) {
        choice.put(TEXT, channel(index, TEXT).feed(choice.get(TEXT).asText()));
        changed = true;
      }
      JsonNode finish = choice.get("finish_reason");
      if (finish != null && !finish.isNull()) {
        changed |= flushChoice(index, choice);
      }
    }
    return changed ? SseEvent.chunk(json) : event;
  }

  private Channel channel(int choice, String key) {
    return open.computeIfAbsent(choice, i -> new LinkedHashMap<>())
        .computeIfAbsent(key, k -> newChannel.get());
  }

  /** Appends what the choice's channels still hold to {@code choice}; true if anything was. */
  private boolean flushChoice(int index, ObjectNode choice) {
    Map<String, Channel> channels = open.remove(index);
    if (channels == null) {
      return false;
    }
    boolean any = false;
    for (Map.Entry<String, Channel> entry : channels.entrySet()) {
      String rest = entry.getValue().flush();
      if (rest.isEmpty()) {
        continue;
      }
      any = true;
      String key = entry.getKey();
      if (key.equals(TEXT)) {
        choice.put(TEXT, choice.path(TEXT).asText("") + rest);
      } else {
        ObjectNode delta =
            choice.get("delta") instanceof ObjectNode d ? d : choice.putObject("delta");
        if (DELTA_TEXTS.contains(key)) {
          delta.put(key, delta.path(key).asText("") + rest);
        } else {
          appendToolArguments(delta, Integer.parseInt(key.substring(TOOL.length())), rest);
        }
      }
    }
    return any;
  }

  private static void appendToolArguments(ObjectNode delta, int toolIndex, String rest) {
    ArrayNode calls =
        delta.get("tool_calls") instanceof ArrayNode a ? a : delta.putArray("tool_calls");
    for (JsonNode call : calls) {
      if (call.path("index").asInt(0) == toolIndex && call instanceof ObjectNode c) {
        ObjectNode function =
            c.get("function") instanceof ObjectNode f ? f : c.putObject("function");
        function.put("arguments", function.path("arguments").asText("") + rest);
        return;
      }
    }
    calls.addObject().put("index", toolIndex).putObject("function").put("arguments", rest);
  }

  /** One extra chunk, shaped like the last one, carrying every choice's held-back text. */
  private List<SseEvent> flushAll() {
    if (open.isEmpty() || template == null) {
      open.clear();
      return List.of();
    }
    ObjectNode chunk = template.deepCopy();
    chunk.remove("usage");
    ArrayNode choices = chunk.putArray("choices");
    boolean any = false;
    for (Integer index : new ArrayList<>(open.keySet())) {
      ObjectNode choice = JSON.createObjectNode().put("index", index);
      if (flushChoice(index, choice)) {
        choice.putNull("finish_reason");
        choices.add(choice);
        any = true;
      }
    }
    return any ? List.of(SseEvent.chunk(chunk)) : List.of();
  }

  static SseEvent errorEvent(GatewayException error) {
    try {
      return SseEvent.error((ObjectNode) JSON.readTree(OpenAiErrors.body(error)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("OpenAiErrors writes JSON", e);
    }
  }
}
