package dev.polder.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.polder.runtime.identity.ApiKeyRegistry;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema work for tools (networknt json-schema-validator): compiling a tool's input schema,
 * checking arguments against it and against policy constraints, and the schema's fingerprint that
 * registry pins compare with.
 */
final class ToolSchemas {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  // Tools declare their dialect with $schema (usually draft-07); 2020-12 where they do not.
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private ToolSchemas() {}

  static Schema compile(JsonNode schema) {
    return REGISTRY.getSchema(schema);
  }

  /** Problems of the arguments, each as "{@code <location>: <message>}"; empty when valid. */
  static List<String> problems(Schema schema, JsonNode arguments) {
    List<Error> errors = schema.validate(arguments);
    return errors.stream().map(Error::toString).distinct().limit(10).toList();
  }

  /**
   * A schema requiring each argument (when present) to satisfy every fragment given for it: the
   * constraints of the tool-access decision and of the registry.
   */
  static Schema constraints(Map<String, List<JsonNode>> byArgument) {
    ObjectNode schema = JSON.createObjectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    byArgument.forEach(
        (argument, fragments) -> {
          ArrayNode all = properties.putObject(argument).putArray("allOf");
          fragments.forEach(all::add);
        });
    return compile(schema);
  }

  /** SHA-256 (hex) of the schema with object keys sorted: stable across key order and spacing. */
  static String fingerprint(JsonNode schema) {
    try {
      Object plain = JSON.treeToValue(schema == null ? JSON.nullNode() : schema, Object.class);
      return HexFormat.of().formatHex(ApiKeyRegistry.sha256(CANONICAL.writeValueAsString(plain)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
