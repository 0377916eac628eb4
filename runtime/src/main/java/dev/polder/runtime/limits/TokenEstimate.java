package dev.polder.runtime.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tokens a request may use, estimated before the call: its prompt at about four characters a token
 * (plus a few per message for the chat template), and the completion at its {@code max_tokens} (or
 * the configured default) times {@code n}. Reconciled with the backend's usage afterwards.
 */
public final class TokenEstimate {

  private static final String[] PROMPT_FIELDS = {
    "messages", "prompt", "input", "suffix", "tools", "functions"
  };

  private TokenEstimate() {}

  public static long promptTokens(ObjectNode request) {
    if (request == null) {
      return 0;
    }
    long chars = 0;
    long parts = 0;
    for (String field : PROMPT_FIELDS) {
      JsonNode value = request.get(field);
      if (value != null) {
        long[] counted = count(value, new long[2]);
        chars += counted[0];
        parts += counted[1];
      }
    }
    JsonNode messages = request.path("messages");
    long overhead = messages.isArray() ? 4L * messages.size() + 3 : 0;
    return (chars + 3) / 4 + parts + overhead;
  }

  /** Completion tokens to reserve: {@code max_completion_tokens}/{@code max_tokens} × n. */
  public static long completionTokens(ObjectNode request, boolean embeddings, int defaultMax) {
    if (request == null || embeddings) {
      return 0;
    }
    JsonNode max = request.get("max_completion_tokens");
    if (max == null || !max.canConvertToLong()) {
      max = request.get("max_tokens");
    }
    long perChoice = max != null && max.canConvertToLong() ? max.asLong() : defaultMax;
    long n = Math.max(1, request.path("n").asLong(1));
    return Math.max(0, perChoice) * n;
  }

  /** [characters of text, token ids given as numbers]. */
  private static long[] count(JsonNode node, long[] acc) {
    if (node.isTextual()) {
      acc[0] += node.textValue().length();
    } else if (node.isNumber()) {
      acc[1] += 1; // pre-tokenised input: one token id each
    } else if (node.isContainerNode()) {
      for (JsonNode child : node) {
        count(child, acc);
      }
    }
    return acc;
  }
}
