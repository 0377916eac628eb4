package dev.polder.runtime.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.identity.ManagedKeys;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks the body of {@code POST /admin/keys}; every mistake is a 400 naming its field.
 */
final class KeyRequests {

  private KeyRequests() {}

  static ManagedKeys.Spec parse(byte[] body, Set<String> models) {
    JsonNode json;
    try {
      json = body == null || body.length == 0 ? null : AdminReplies.JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw GatewayException.badRequest("invalid_json", null, "Request body is not valid JSON");
    }
    if (json == null || !json.isObject()) {
      throw GatewayException.badRequest("invalid_type", null, "Request body must be a JSON object");
    }
    String principal = text(json, "principal", null);
    if (principal == null || principal.isBlank()) {
      throw GatewayException.badRequest(
          "missing_required_parameter", "principal", "Missing required parameter: 'principal'");
    }
    List<String> keyModels = strings(json, "models", List.of("*"));
    for (String model : keyModels) {
      if (!model.equals("*") && !models.contains(model)) {
        throw GatewayException.badRequest(
            "invalid_value", "models", "Unknown virtual model '" + model + "'");
      }
    }
    JsonNode egress = json.get("egress");
    if (egress != null && !egress.isNull() && !egress.isBoolean()) {
      throw GatewayException.badRequest("invalid_type", "egress", "'egress' must be a boolean");
    }
    return new ManagedKeys.Spec(
        text(json, "name", principal),
        principal,
        text(json, "team", "default"),
        strings(json, "roles", List.of("app")),
        text(json, "environment", "dev"),
        keyModels,
        egress != null && egress.asBoolean(),
        expiry(json));
  }

  private static Instant expiry(JsonNode json) {
    String text = text(json, "expires_at", null);
    if (text == null) {
      return null;
    }
    Instant at;
    try {
      at = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw GatewayException.badRequest(
          "invalid_value", "expires_at", "'expires_at' must be an ISO-8601 instant");
    }
    if (!at.isAfter(Instant.now())) {
      throw GatewayException.badRequest(
          "invalid_value", "expires_at", "'expires_at' must be in the future");
    }
    return at;
  }

  private static String text(JsonNode json, String field, String otherwise) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return otherwise;
    }
    if (!value.isTextual()) {
      throw GatewayException.badRequest("invalid_type", field, "'" + field + "' must be a string");
    }
    return value.asText();
  }

  private static List<String> strings(JsonNode json, String field, List<String> otherwise) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return otherwise;
    }
    if (!value.isArray()) {
      throw GatewayException.badRequest(
          "invalid_type", field, "'" + field + "' must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual() || item.asText().isBlank()) {
        throw GatewayException.badRequest(
            "invalid_type", field, "'" + field + "' must be an array of non-empty strings");
      }
      out.add(item.asText());
    }
    return out;
  }
}
