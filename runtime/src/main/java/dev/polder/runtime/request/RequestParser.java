package dev.polder.runtime.request;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.pipeline.GatewayCall.Operation;
import java.io.IOException;

/**
 * Turns request bytes into the OpenAI request object and checks the little the gateway relies on: a
 * JSON object within the nesting limit, a string {@code model}, a boolean {@code stream}, and the
 * operation's input ({@code messages}, {@code prompt} or {@code input}). Every other field passes
 * through untouched.
 */
public final class RequestParser {

  private final ObjectMapper mapper;

  public RequestParser(int maxJsonDepth) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(maxJsonDepth).build())
            .build();
    this.mapper = new ObjectMapper(factory);
  }

  public ObjectNode parse(Operation operation, byte[] body) {
    JsonNode root = readJson(body);
    if (!root.isObject()) {
      throw GatewayException.badRequest(
          "invalid_json", null, "The request body must be a JSON object");
    }
    ObjectNode request = (ObjectNode) root;
    requireString(request, "model");
    JsonNode stream = request.get("stream");
    if (stream != null && !stream.isNull() && !stream.isBoolean()) {
      throw invalidType("stream", "a boolean");
    }
    switch (operation) {
      case CHAT_COMPLETIONS -> checkMessages(request);
      case COMPLETIONS -> requireStringOrArray(request, "prompt");
      case EMBEDDINGS -> {
        requireStringOrArray(request, "input");
        if (stream != null && stream.asBoolean(false)) {
          throw GatewayException.badRequest(
              "invalid_value", "stream", "Embeddings cannot be streamed");
        }
      }
      case MODELS -> {}
    }
    return request;
  }

  private JsonNode readJson(byte[] body) {
    if (body == null || body.length == 0) {
      throw GatewayException.badRequest(
          "invalid_json", null, "The request body is empty; a JSON object is required");
    }
    try {
      JsonNode root = mapper.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw GatewayException.badRequest(
            "invalid_json", null, "The request body is empty; a JSON object is required");
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw GatewayException.badRequest(
          "json_too_deep", null, "The request body is nested too deeply");
    } catch (JsonProcessingException e) {
      // The original message names line and column; the parser's own wording stays internal.
      throw GatewayException.badRequest(
          "invalid_json",
          null,
          "The request body is not valid JSON (UTF-8) at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr());
    } catch (IOException e) {
      throw GatewayException.badRequest("invalid_json", null, "The request body is unreadable");
    }
  }

  private static void checkMessages(ObjectNode request) {
    JsonNode messages = request.get("messages");
    if (messages == null || messages.isNull()) {
      throw missing("messages");
    }
    if (!messages.isArray()) {
      throw invalidType("messages", "an array");
    }
    if (messages.isEmpty()) {
      throw GatewayException.badRequest(
          "invalid_value", "messages", "'messages' must contain at least one message");
    }
    for (int i = 0; i < messages.size(); i++) {
      JsonNode message = messages.get(i);
      if (!message.isObject() || !message.path("role").isTextual()) {
        throw GatewayException.badRequest(
            "invalid_type",
            "messages[" + i + "]",
            "'messages[" + i + "]' must be an object with a string 'role'");
      }
    }
  }

  private static void requireString(ObjectNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      throw missing(field);
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw invalidType(field, "a non-empty string");
    }
  }

  private static void requireStringOrArray(ObjectNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      throw missing(field);
    }
    if (!value.isTextual() && !value.isArray()) {
      throw invalidType(field, "a string or an array");
    }
  }

  private static GatewayException missing(String field) {
    return GatewayException.badRequest(
        "missing_required_parameter", field, "Missing required parameter: '" + field + "'");
  }

  private static GatewayException invalidType(String field, String expected) {
    return GatewayException.badRequest(
        "invalid_type", field, "'" + field + "' must be " + expected);
  }
}
