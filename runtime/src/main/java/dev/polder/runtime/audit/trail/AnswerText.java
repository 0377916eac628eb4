package dev.polder.runtime.audit.trail;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer's text as the caller received it, for records whose log mode keeps it: the content of
 * the first choice ({@code message.content} or {@code text}), or of a stream's chunks ({@code
 * delta.content} or {@code text}) in order. Embeddings have no answer text.
 */
public final class AnswerText {

  private final StringBuilder text = new StringBuilder();
  private boolean any;

  /** The text of a complete answer, or null when it has none. */
  public static String of(JsonNode body) {
    AnswerText answer = new AnswerText();
    JsonNode choice = body == null ? null : body.path("choices").path(0);
    if (choice != null) {
      answer.add(choice.path("message").path("content"));
      answer.add(choice.path("text"));
    }
    return answer.text();
  }

  /** Adds one streamed chunk. */
  public void chunk(JsonNode chunk) {
    JsonNode choice = chunk == null ? null : chunk.path("choices").path(0);
    if (choice != null && choice.path("index").asInt(0) == 0) {
      add(choice.path("delta").path("content"));
      add(choice.path("text"));
    }
  }

  /** The text so far, or null when no chunk carried any. */
  public String text() {
    return any ? text.toString() : null;
  }

  private void add(JsonNode node) {
    if (node != null && node.isTextual()) {
      text.append(node.asText());
      any = true;
    }
  }
}
