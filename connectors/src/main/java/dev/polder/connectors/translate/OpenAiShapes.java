package dev.polder.connectors.translate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.Endpoint;
import dev.polder.connectors.api.Usage;

/** Builders for OpenAI response and chunk objects, used by backends that do not speak OpenAI. */
public final class OpenAiShapes {
  private OpenAiShapes() {}

  /** A complete {@code chat.completion} or {@code text_completion} with one choice. */
  public static ObjectNode completion(
      Endpoint endpoint,
      String id,
      long created,
      String model,
      String text,
      String finishReason,
      Usage usage) {
    ObjectNode root = header(endpoint, id, created, model, false);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    if (endpoint == Endpoint.CHAT_COMPLETIONS) {
      ObjectNode message = choice.putObject("message");
      message.put("role", "assistant");
      message.put("content", text);
    } else {
      choice.put("text", text);
    }
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    if (usage != null) {
      usage.toJson(root.putObject("usage"));
    }
    return root;
  }

  /**
   * A stream chunk with one choice carrying {@code text} (chat: as {@code delta.content}, with
   * {@code delta.role} on the first chunk) and an optional finish reason.
   */
  public static ObjectNode chunk(
      Endpoint endpoint,
      String id,
      long created,
      String model,
      String text,
      boolean first,
      String finishReason) {
    ObjectNode root = header(endpoint, id, created, model, true);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    if (endpoint == Endpoint.CHAT_COMPLETIONS) {
      ObjectNode delta = choice.putObject("delta");
      if (first) {
        delta.put("role", "assistant");
      }
      if (text != null) {
        delta.put("content", text);
      }
    } else {
      choice.put("text", text == null ? "" : text);
    }
    choice.putNull("logprobs");
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return root;
  }

  /** The usage-only chunk OpenAI sends last with {@code stream_options.include_usage}. */
  public static ObjectNode usageChunk(
      Endpoint endpoint, String id, long created, String model, Usage usage) {
    ObjectNode root = header(endpoint, id, created, model, true);
    root.putArray("choices");
    usage.toJson(root.putObject("usage"));
    return root;
  }

  private static ObjectNode header(
      Endpoint endpoint, String id, long created, String model, boolean chunk) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("id", id);
    String object =
        endpoint == Endpoint.CHAT_COMPLETIONS
            ? (chunk ? "chat.completion.chunk" : "chat.completion")
            : "text_completion";
    root.put("object", object);
    root.put("created", created);
    root.put("model", model);
    return root;
  }
}
