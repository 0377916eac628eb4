package dev.polder.connectors.kserve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Renders OpenAI chat messages into the single {@code text_input} string of Triton's generate
 * extension, which has no notion of messages. The chat template belongs to the model, so the format
 * is chosen per backend (option {@code kserve.prompt-format}).
 */
public enum PromptRenderer {
  /** {@code role: content} lines, then {@code assistant:}. */
  PLAIN,
  /** ChatML: {@code <|im_start|>role\ncontent<|im_end|>} blocks, then an open assistant block. */
  CHATML;

  public static PromptRenderer parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "options.kserve.prompt-format must be plain or chatml, was '" + value + "'");
    }
  }

  public String render(JsonNode messages) {
    if (messages == null || !messages.isArray() || messages.isEmpty()) {
      throw new IllegalArgumentException("messages is required and must be a non-empty array");
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode message : messages) {
      String role = message.path("role").asText("user");
      String content = contentText(message.get("content"));
      if (this == CHATML) {
        text.append("<|im_start|>")
            .append(role)
            .append('\n')
            .append(content)
            .append("<|im_end|>\n");
      } else {
        text.append(role).append(": ").append(content).append('\n');
      }
    }
    text.append(this == CHATML ? "<|im_start|>assistant\n" : "assistant:");
    return text.toString();
  }

  /** A string content, or the text parts of a content array joined by newlines. */
  static String contentText(JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : content) {
        if ("text".equals(part.path("type").asText()) && part.has("text")) {
          if (text.length() > 0) {
            text.append('\n');
          }
          text.append(part.path("text").asText());
        } else {
          throw new IllegalArgumentException(
              "content part of type '"
                  + part.path("type").asText()
                  + "' cannot be sent to a text-only generate endpoint");
        }
      }
      return text.toString();
    }
    throw new IllegalArgumentException("message content must be a string or an array of parts");
  }
}
