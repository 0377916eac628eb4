package dev.polder.rego.builtins.jsonschema;

import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.B;
import static dev.polder.rego.types.Types.OBJECT;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.anyOf;
import static dev.polder.rego.types.Types.arrayOf;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.encoding.JsonBuiltins;
import dev.polder.rego.types.Type;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/** json.verify_schema and json.match_schema. Schemas and documents may be JSON strings. */
public final class JsonSchemaBuiltins {

  private JsonSchemaBuiltins() {}

  private static final Type DOC = anyOf(S, OBJECT, B, A);

  public static void register(BuiltinRegistry r) {
    r.register(
        Builtin.of(
            "json.verify_schema",
            fn(arrayOf(A), anyOf(S, OBJECT, B)),
            (c, a) -> {
              try {
                JsonSchema.compile(parse(a.get(0)));
                return ArrayValue.of(BooleanValue.TRUE, Value.nullValue());
              } catch (InvalidSchemaException e) {
                return ArrayValue.of(
                    BooleanValue.FALSE, StringValue.of("jsonschema: " + e.getMessage()));
              }
            }));
    r.register(
        Builtin.of(
            "json.match_schema",
            fn(arrayOf(A), DOC, anyOf(S, OBJECT, B)),
            (c, a) -> {
              JsonSchema schema;
              try {
                schema = JsonSchema.compile(parse(a.get(1)));
              } catch (InvalidSchemaException e) {
                throw BuiltinException.error(e.getMessage());
              }
              List<Value> errors = new ArrayList<>();
              for (SchemaViolation v : schema.validate(parse(a.get(0)))) {
                errors.add(
                    ObjectValue.ofStrings(
                        "error", StringValue.of(v.error()),
                        "type", StringValue.of(v.type()),
                        "field", StringValue.of(v.field()),
                        "desc", StringValue.of(v.desc())));
              }
              return ArrayValue.of(BooleanValue.of(errors.isEmpty()), ArrayValue.of(errors));
            }));
  }

  /** A JSON string is parsed; any other value is taken as the document itself. */
  private static Value parse(Value v) throws BuiltinException {
    return v instanceof StringValue s ? JsonBuiltins.parseJson(s.value()) : v;
  }
}
