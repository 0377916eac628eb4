package dev.polder.connectors.translate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The {@code input} of an OpenAI embeddings request as a list of texts. */
public final class EmbeddingInputs {
  private EmbeddingInputs() {}

  /**
   * A string, an array of strings, or token arrays (kept as their JSON text, since a text-only
   * backend cannot take token ids).
   *
   * @throws IllegalArgumentException naming {@code input} when it is missing or malformed
   */
  public static List<String> texts(JsonNode body) {
    JsonNode input = body.get("input");
    List<String> texts = new ArrayList<>();
    if (input == null || input.isNull()) {
      throw new IllegalArgumentException("input is required");
    }
    if (input.isTextual()) {
      texts.add(input.asText());
    } else if (input.isArray() && !input.isEmpty()) {
      if (input.get(0).isNumber()) {
        texts.add(input.toString());
      } else {
        for (JsonNode item : input) {
          if (item.isTextual()) {
            texts.add(item.asText());
          } else if (item.isArray()) {
            texts.add(item.toString());
          } else {
            throw new IllegalArgumentException("input items must be strings or token arrays");
          }
        }
      }
    } else {
      throw new IllegalArgumentException("input must be a string or a non-empty array");
    }
    return texts;
  }
}
