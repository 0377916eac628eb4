package dev.polder.rego.builtins.jsonschema;

import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A JSON Schema (draft 4 to 7 keywords that policies use) checked and applied to Rego values, with
 * gojsonschema's error types and messages. Not covered: $ref to other documents, format checks
 * other than a few common ones, dependencies.
 */
public final class JsonSchema {

  private static final Set<String> TYPES =
      Set.of("array", "boolean", "integer", "number", "null", "object", "string");

  private final ObjectValue root;

  private JsonSchema(ObjectValue root) {
    this.root = root;
  }

  /**
   * Checks the schema's own structure.
   *
   * @throws InvalidSchemaException with gojsonschema's message, e.g. for an unknown type
   */
  public static JsonSchema compile(Value schema) throws InvalidSchemaException {
    if (schema instanceof BooleanValue b) {
      return new JsonSchema(
          b.value() ? ObjectValue.EMPTY : ObjectValue.ofStrings("not", ObjectValue.EMPTY));
    }
    if (!(schema instanceof ObjectValue o)) {
      throw new InvalidSchemaException("Invalid JSON, schema must be an object or a boolean");
    }
    check(o);
    return new JsonSchema(o);
  }

  private static void check(ObjectValue s) throws InvalidSchemaException {
    Value type = s.get("type");
    if (type != null) {
      List<Value> types = type instanceof ArrayValue a ? a.asList() : List.of(type);
      for (Value t : types) {
        if (!(t instanceof StringValue ts) || !TYPES.contains(ts.value())) {
          String given = t instanceof StringValue ts ? ts.value() : t.toString();
          throw new InvalidSchemaException(
              "has a primitive type that is NOT VALID -- given: /"
                  + given
                  + "/ Expected valid values are:[array boolean integer number null object string]");
        }
      }
    }
    Value required = s.get("required");
    if (required != null && !(required instanceof ArrayValue)) {
      throw new InvalidSchemaException("Invalid type. Expected: array of strings, given: required");
    }
    for (String key : List.of("properties", "patternProperties", "definitions", "$defs")) {
      if (s.get(key) instanceof ObjectValue props) {
        for (Value p : props.asMap().values()) {
          checkSub(p);
        }
      }
    }
    for (String key :
        List.of(
            "items",
            "additionalProperties",
            "not",
            "additionalItems",
            "if",
            "then",
            "else",
            "contains",
            "propertyNames")) {
      Value sub = s.get(key);
      if (sub instanceof ArrayValue a) {
        for (Value v : a) {
          checkSub(v);
        }
      } else if (sub != null) {
        checkSub(sub);
      }
    }
    for (String key : List.of("allOf", "anyOf", "oneOf")) {
      if (s.get(key) instanceof ArrayValue a) {
        for (Value v : a) {
          checkSub(v);
        }
      }
    }
  }

  private static void checkSub(Value sub) throws InvalidSchemaException {
    if (sub instanceof ObjectValue o) {
      check(o);
    } else if (!(sub instanceof BooleanValue)) {
      throw new InvalidSchemaException("Invalid type. Expected: object, given: " + sub.typeName());
    }
  }

  /** Validates {@code doc}; an empty list means valid. */
  public List<SchemaViolation> validate(Value doc) {
    List<SchemaViolation> out = new ArrayList<>();
    new Validator(root, out).validate(root, doc, new ArrayList<>());
    return out;
  }

  /** The JSON Schema type name of a value, as gojsonschema reports it ("integer" for 1). */
  static String typeOf(Value v) {
    if (v instanceof NumberValue n) {
      return n.isInteger() ? "integer" : "number";
    }
    return v.typeName().equals("set") ? "array" : v.typeName();
  }

  static boolean hasType(Value v, String type) {
    String actual = typeOf(v);
    return actual.equals(type) || (type.equals("number") && actual.equals("integer"));
  }

  static BigDecimal number(Value v) {
    return v instanceof NumberValue n ? n.asBigDecimal() : null;
  }
}
