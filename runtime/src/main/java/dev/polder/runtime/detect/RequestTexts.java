package dev.polder.runtime.detect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.polder.runtime.pipeline.GatewayCall.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the texts of an OpenAI request the detectors scan: message contents and text parts (prompt;
 * tool results count as tool), tool-call arguments (tool: each string value of the JSON arguments,
 * so redaction keeps them valid JSON), the completions {@code prompt} and the embeddings {@code
 * input}. Attachments come from the extract step.
 */
final class RequestTexts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestTexts() {}

  static List<TextSlot> of(Operation operation, ObjectNode request) {
    List<TextSlot> slots = new ArrayList<>();
    switch (operation) {
      case CHAT_COMPLETIONS -> messages(request.path("messages"), slots);
      case COMPLETIONS -> stringOrStrings(request, "prompt", slots);
      case EMBEDDINGS -> stringOrStrings(request, "input", slots);
      case MODELS -> {}
    }
    return slots;
  }

  private static void messages(JsonNode messages, List<TextSlot> slots) {
    for (int m = 0; m < messages.size(); m++) {
      if (!(messages.get(m) instanceof ObjectNode message)) {
        continue;
      }
      String role = message.path("role").asText("");
      String where =
          role.equals("tool") || role.equals("function") ? TextSlot.TOOL : TextSlot.PROMPT;
      String at = "messages[" + m + "]";
      JsonNode content = message.get("content");
      if (content != null && content.isTextual()) {
        slots.add(
            new TextSlot(
                where, at + ".content", content.asText(), text -> message.put("content", text)));
      } else if (content instanceof ArrayNode parts) {
        for (int p = 0; p < parts.size(); p++) {
          if (parts.get(p) instanceof ObjectNode part
              && part.path("text").isTextual()
              && part.path("type").asText("text").matches("text|input_text|output_text")) {
            slots.add(
                new TextSlot(
                    where,
                    at + ".content[" + p + "].text",
                    part.get("text").asText(),
                    text -> part.put("text", text)));
          }
        }
      }
      JsonNode calls = message.path("tool_calls");
      for (int c = 0; c < calls.size(); c++) {
        if (calls.get(c).path("function") instanceof ObjectNode function) {
          toolArguments(function, at + ".tool_calls[" + c + "].function.arguments", slots);
        }
      }
      if (message.path("function_call") instanceof ObjectNode legacy) {
        toolArguments(legacy, at + ".function_call.arguments", slots);
      }
    }
  }

  /**
   * Arguments are a JSON text: each string value is its own slot, written back by re-serialising,
   * so a replacement can never break the JSON. Arguments that are not JSON are one slot.
   */
  private static void toolArguments(ObjectNode function, String at, List<TextSlot> slots) {
    JsonNode raw = function.get("arguments");
    if (raw == null || !raw.isTextual()) {
      return;
    }
    JsonNode parsed;
    try {
      parsed = JSON.readTree(raw.asText());
    } catch (JsonProcessingException e) {
      parsed = null;
    }
    if (parsed == null || !parsed.isContainerNode()) {
      slots.add(
          new TextSlot(TextSlot.TOOL, at, raw.asText(), text -> function.put("arguments", text)));
      return;
    }
    JsonNode root = parsed;
    leaves(
        root,
        at,
        (location, value, setter) ->
            slots.add(
                new TextSlot(
                    TextSlot.TOOL,
                    location,
                    value,
                    text -> {
                      setter.accept(text);
                      function.put("arguments", root.toString());
                    })));
  }

  private interface LeafSink {
    void leaf(String location, String value, java.util.function.Consumer<String> setter);
  }

  private static void leaves(JsonNode node, String at, LeafSink sink) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = object.get(name);
        if (child.isTextual()) {
          sink.leaf(at + "." + name, child.asText(), text -> object.set(name, new TextNode(text)));
        } else {
          leaves(child, at + "." + name, sink);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        int index = i;
        JsonNode child = array.get(i);
        if (child.isTextual()) {
          sink.leaf(
              at + "[" + i + "]", child.asText(), text -> array.set(index, new TextNode(text)));
        } else {
          leaves(child, at + "[" + i + "]", sink);
        }
      }
    }
  }

  private static void stringOrStrings(ObjectNode request, String field, List<TextSlot> slots) {
    JsonNode value = request.get(field);
    if (value == null) {
      return;
    }
    if (value.isTextual()) {
      slots.add(
          new TextSlot(TextSlot.PROMPT, field, value.asText(), text -> request.put(field, text)));
    } else if (value instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        int index = i;
        if (array.get(i).isTextual()) {
          slots.add(
              new TextSlot(
                  TextSlot.PROMPT,
                  field + "[" + i + "]",
                  array.get(i).asText(),
                  text -> array.set(index, new TextNode(text))));
        }
      }
    }
  }
}
