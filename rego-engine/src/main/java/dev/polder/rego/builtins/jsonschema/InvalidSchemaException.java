package dev.polder.rego.builtins.jsonschema;

/** The schema itself is not a valid JSON Schema; the message follows gojsonschema's wording. */
public final class InvalidSchemaException extends Exception {
  public InvalidSchemaException(String message) {
    super(message);
  }
}
