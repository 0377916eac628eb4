package dev.polder.rego.builtins.jsonschema;

import dev.polder.rego.builtins.testing.BuiltinTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonSchemaBuiltinsTest {

  private static final String ID_SCHEMA =
      "{\"properties\": {\"id\": {\"type\": \"integer\"}}, \"required\": [\"id\"]}";

  @ParameterizedTest(name = "match_schema({0}, {1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          {"id": 5}                   | ID  | [true, []]
          "{\\"id\\": 5}"             | ID  | [true, []]
          {"id": "foo"}               | ID  | [false, [{"desc": "Invalid type. Expected: integer, given: string", "error": "id: Invalid type. Expected: integer, given: string", "field": "id", "type": "invalid_type"}]]
          {}                          | ID  | [false, [{"desc": "id is required", "error": "(root): id is required", "field": "(root)", "type": "required"}]]
          {"a": "xy"}                 | {"properties": {"a": {"minLength": 3}}} | [false, [{"desc": "String length must be greater than or equal to 3", "error": "a: String length must be greater than or equal to 3", "field": "a", "type": "string_gte"}]]
          {"a": 1, "b": 2}            | {"properties": {"a": {}}, "additionalProperties": false} | [false, [{"desc": "Additional property b is not allowed", "error": "(root): Additional property b is not allowed", "field": "(root)", "type": "additional_property_not_allowed"}]]
          {"tags": ["a", 1]}          | {"properties": {"tags": {"type": "array", "items": {"type": "string"}}}} | [false, [{"desc": "Invalid type. Expected: string, given: integer", "error": "tags.1: Invalid type. Expected: string, given: integer", "field": "tags.1", "type": "invalid_type"}]]
          {"level": "secret"}         | {"properties": {"level": {"enum": ["public", "internal"]}}} | [false, [{"desc": "level must be one of the following: \\"public\\", \\"internal\\"", "error": "level: level must be one of the following: \\"public\\", \\"internal\\"", "field": "level", "type": "enum"}]]
          {"n": 11}                   | {"properties": {"n": {"maximum": 10}}} | [false, [{"desc": "Must be less than or equal to 10", "error": "n: Must be less than or equal to 10", "field": "n", "type": "number_lte"}]]
          {"n": 5}                    | {"definitions": {"small": {"maximum": 10}}, "properties": {"n": {"$ref": "#/definitions/small"}}} | [true, []]
          {"id": "foo"}               | {"properties": {"id": {"type": "unknown"}}} | error:json.match_schema: has a primitive type that is NOT VALID -- given: /unknown/ Expected valid values are:[array boolean integer number null object string]
          """)
  void matchSchema(String doc, String schema, String expected) {
    String s = schema.equals("ID") ? ID_SCHEMA : schema;
    BuiltinTable.check("json.match_schema", "[" + doc + ", " + s + "]", expected);
  }

  @ParameterizedTest(name = "verify_schema({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          "{\\"type\\": \\"boolean\\"}" | [true, null]
          {"type": "boolean"}           | [true, null]
          {"type": "unknown_type"}      | [false, "jsonschema: has a primitive type that is NOT VALID -- given: /unknown_type/ Expected valid values are:[array boolean integer number null object string]"]
          "{"                           | error:json.verify_schema:
          """)
  void verifySchema(String schema, String expected) {
    BuiltinTable.check("json.verify_schema", "[" + schema + "]", expected);
  }
}
