package dev.polder.runtime.decision.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the decision input document from JSON (explain endpoint, tests, benchmarks). Every problem
 * becomes an {@link IllegalArgumentException} naming the field.
 */
public final class DecisionInputJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DecisionInputJson() {}

  public static DecisionInput parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "decision input is not valid JSON: " + e.getOriginalMessage());
    }
    return fromTree(root);
  }

  public static DecisionInput fromTree(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("decision input must be a JSON object");
    }
    JsonNode req = object(root, "request", true);
    List<Tool> tools = new ArrayList<>();
    for (JsonNode tool : array(req, "tools", "request.tools")) {
      tools.add(
          new Tool(
              text(tool, "name", "request.tools[].name"),
              text(tool, "server", "request.tools[].server"),
              strings(array(tool, "argument_names", "request.tools[].argument_names"))));
    }
    JsonNode maxTokens = req.get("max_tokens");
    if (maxTokens != null && !maxTokens.isNull() && !maxTokens.canConvertToInt()) {
      throw new IllegalArgumentException("request.max_tokens must be an integer");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    JsonNode meta = object(req, "metadata", false);
    if (meta != null) {
      meta.fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
    }
    Request request =
        new Request(
            text(req, "id", "request.id"),
            text(req, "endpoint", "request.endpoint"),
            text(req, "virtual_model", "request.virtual_model"),
            req.path("stream").asBoolean(false),
            maxTokens == null || maxTokens.isNull() ? null : maxTokens.intValue(),
            tools,
            strings(array(req, "attachment_media_types", "request.attachment_media_types")),
            metadata);

    JsonNode who = object(root, "principal", true);
    Principal principal =
        new Principal(
            text(who, "id", "principal.id"),
            text(who, "kind", "principal.kind"),
            text(who, "team", "principal.team"),
            strings(array(who, "roles", "principal.roles")),
            text(who, "environment", "principal.environment"),
            text(who, "source_address", "principal.source_address"));

    List<FindingSummary> findings = new ArrayList<>();
    JsonNode findingsNode = object(root, "findings", false);
    JsonNode byType = findingsNode == null ? null : object(findingsNode, "by_type", false);
    if (byType != null) {
      Iterator<Map.Entry<String, JsonNode>> it = byType.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String field = "findings.by_type." + e.getKey();
        if (!e.getValue().isObject()) {
          throw new IllegalArgumentException(field + " must be an object");
        }
        Set<String> where = new HashSet<>(strings(array(e.getValue(), "where", field + ".where")));
        findings.add(
            new FindingSummary(
                e.getKey(),
                e.getValue().path("count").asInt(0),
                e.getValue().path("max_score").asDouble(-1),
                where));
      }
    }

    Classification classification = null;
    JsonNode cls = object(root, "classification", false);
    if (cls != null) {
      String level = text(cls, "level", "classification.level");
      classification =
          new Classification(
              level == null ? Level.PUBLIC : Level.parse(level),
              new HashSet<>(strings(array(cls, "labels", "classification.labels"))));
    }

    List<Backend> candidates = new ArrayList<>();
    for (JsonNode backend : array(root, "candidates", "candidates")) {
      candidates.add(
          new Backend(
              text(backend, "name", "candidates[].name"),
              text(backend, "provider", "candidates[].provider"),
              text(backend, "location", "candidates[].location")));
    }
    return new DecisionInput(request, principal, findings, classification, candidates);
  }

  private static JsonNode object(JsonNode parent, String name, boolean required) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      if (required) {
        throw new IllegalArgumentException(name + " is required");
      }
      return null;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(name + " must be an object");
    }
    return node;
  }

  private static List<JsonNode> array(JsonNode parent, String name, String field) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(field + " must be an array");
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  private static String text(JsonNode parent, String name, String field) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return node.asText();
  }

  private static List<String> strings(List<JsonNode> nodes) {
    List<String> out = new ArrayList<>();
    for (JsonNode node : nodes) {
      if (!node.isTextual()) {
        throw new IllegalArgumentException("expected a list of strings, found " + node);
      }
      out.add(node.asText());
    }
    return out;
  }
}
