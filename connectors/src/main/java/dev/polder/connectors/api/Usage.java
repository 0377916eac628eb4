package dev.polder.connectors.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Token counts as the backend reported them (OpenAI {@code usage} object). */
public record Usage(long promptTokens, long completionTokens, long totalTokens) {

  /** Reads an OpenAI {@code usage} object; empty if absent, null or not an object. */
  public static Optional<Usage> from(JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return Optional.empty();
    }
    long prompt = usage.path("prompt_tokens").asLong(0);
    long completion = usage.path("completion_tokens").asLong(0);
    long total = usage.path("total_tokens").asLong(prompt + completion);
    return Optional.of(new Usage(prompt, completion, total));
  }

  public ObjectNode toJson(ObjectNode target) {
    target.put("prompt_tokens", promptTokens);
    target.put("completion_tokens", completionTokens);
    target.put("total_tokens", totalTokens);
    return target;
  }
}
