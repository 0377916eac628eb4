package dev.polder.rego.builtins.jsonschema;

/**
 * One validation error, in the shape OPA's json.match_schema reports (from gojsonschema): {@code
 * field} ("(root)" or a dotted path), {@code type} (e.g. "invalid_type") and {@code desc}.
 */
public record SchemaViolation(String field, String type, String desc) {

  public String error() {
    return field + ": " + desc;
  }
}
