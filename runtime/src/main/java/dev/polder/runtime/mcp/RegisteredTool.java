package dev.polder.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One upstream tool as the gateway offers it: its definition under the namespaced name, its
 * compiled input schema, the schema's fingerprint, the registry's constraints and limits, and why
 * it is disabled (null: enabled).
 */
record RegisteredTool(
    String server,
    String name,
    ObjectNode definition,
    Schema schema,
    String fingerprint,
    Map<String, List<JsonNode>> constraints,
    ToolLimiter limiter,
    Duration timeout,
    String disabledReason) {

  static final String SEPARATOR = "__";

  String namespaced() {
    return server + SEPARATOR + name;
  }

  boolean enabled() {
    return disabledReason == null;
  }

  List<String> argumentNames() {
    List<String> names = new java.util.ArrayList<>();
    definition.path("inputSchema").path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }
}
