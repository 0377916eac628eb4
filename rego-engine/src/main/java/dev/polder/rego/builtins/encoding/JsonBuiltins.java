package dev.polder.rego.builtins.encoding;

import static dev.polder.rego.builtins.operands.Operands.str;
import static dev.polder.rego.builtins.operands.Operands.string;
import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.B;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.fn;
import static dev.polder.rego.types.Types.objectOf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.List;

/** json.marshal/unmarshal/is_valid/marshal_with_options and yaml.marshal/unmarshal/is_valid. */
public final class JsonBuiltins {

  private JsonBuiltins() {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final ObjectMapper YAML =
      new ObjectMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  public static void register(BuiltinRegistry r) {
    r.register(Builtin.of("json.marshal", fn(S, A), (c, a) -> str(GoJson.marshal(a.get(0)))));
    r.register(
        Builtin.selfChecking(
            "json.marshal_with_options",
            fn(S, A, objectOf(S, A)),
            JsonBuiltins::marshalWithOptions));
    r.register(Builtin.of("json.unmarshal", fn(A, S), (c, a) -> parseJson(string(a, 1))));
    r.register(
        Builtin.of(
            "json.is_valid",
            fn(B, A),
            (c, a) -> BooleanValue.of(a.get(0) instanceof StringValue s && isJson(s.value()))));
    r.register(Builtin.of("yaml.marshal", fn(S, A), (c, a) -> str(yaml(a.get(0)))));
    r.register(Builtin.of("yaml.unmarshal", fn(A, S), (c, a) -> parseYaml(string(a, 1))));
    r.register(
        Builtin.of(
            "yaml.is_valid",
            fn(B, A),
            (c, a) -> {
              if (!(a.get(0) instanceof StringValue s)) {
                return BooleanValue.FALSE;
              }
              try {
                parseYaml(s.value());
                return BooleanValue.TRUE;
              } catch (BuiltinException e) {
                return BooleanValue.FALSE;
              }
            }));
  }

  private static Value marshalWithOptions(BuiltinContext c, List<Value> a) throws BuiltinException {
    ObjectValue options = Operands.object(a, 2);
    String prefix = "";
    String indent = "\t";
    boolean pretty = false;
    Boolean explicitPretty = null;
    for (Value k : options.sortedKeys()) {
      Value v = options.get(k);
      String key = k instanceof StringValue s ? s.value() : k.toString();
      switch (key) {
        case "prefix" -> {
          prefix = optionString(key, v);
          pretty = true;
        }
        case "indent" -> {
          indent = optionString(key, v);
          pretty = true;
        }
        case "pretty" -> {
          if (!(v instanceof BooleanValue b)) {
            throw BuiltinException.typeError(
                "operand 2 \"pretty\" must be boolean but got " + v.typeName());
          }
          explicitPretty = b.value();
        }
        default ->
            throw BuiltinException.typeError(
                "operand 2 object contained unknown key \"" + key + "\"");
      }
    }
    if (explicitPretty != null) {
      pretty = explicitPretty;
    }
    if (!pretty) {
      return str(GoJson.marshal(a.get(0)));
    }
    return str(prefix + GoJson.marshalIndent(a.get(0), prefix, indent));
  }

  private static String optionString(String key, Value v) throws BuiltinException {
    if (v instanceof StringValue s) {
      return s.value();
    }
    throw BuiltinException.typeError(
        "operand 2 \"" + key + "\" must be string but got " + v.typeName());
  }

  /** Parses JSON text to a value. */
  public static Value parseJson(String text) throws BuiltinException {
    try {
      return Value.fromJson(JSON.readTree(text));
    } catch (JsonProcessingException e) {
      throw BuiltinException.error(e.getOriginalMessage());
    }
  }

  static boolean isJson(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      return n != null && !n.isMissingNode();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static String yaml(Value v) throws BuiltinException {
    try {
      return YAML.writeValueAsString(v.toJson());
    } catch (JsonProcessingException e) {
      throw BuiltinException.error("yaml: " + e.getOriginalMessage());
    }
  }

  static Value parseYaml(String text) throws BuiltinException {
    try {
      JsonNode n = YAML.readTree(text);
      return n == null || n.isMissingNode() ? Value.nullValue() : Value.fromJson(n);
    } catch (JsonProcessingException e) {
      throw BuiltinException.error(YamlErrors.goMessage(e));
    }
  }
}
