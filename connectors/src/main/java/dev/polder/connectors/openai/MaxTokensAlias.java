package dev.polder.connectors.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Newer OpenAI clients send {@code max_completion_tokens}; servers that document only {@code
 * max_tokens} (TGI's Messages API, Ollama's /v1) would ignore the limit. Rename it when {@code
 * max_tokens} is absent.
 */
final class MaxTokensAlias {
  private MaxTokensAlias() {}

  static void apply(ObjectNode body) {
    JsonNode limit = body.get("max_completion_tokens");
    if (limit != null && !body.has("max_tokens")) {
      body.remove("max_completion_tokens");
      body.set("max_tokens", limit);
    }
  }
}
