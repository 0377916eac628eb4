package dev.polder.rego.builtins.graphql;

import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.B;
import static dev.polder.rego.types.Types.OBJECT;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.anyOf;
import static dev.polder.rego.types.Types.arrayOf;
import static dev.polder.rego.types.Types.fn;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.types.Type;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.JsonConversion;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** OPA's graphql.* built-ins over our own GraphQL parser and (gqlparser-compatible) validator. */
public final class GraphQlBuiltins {

  private static final Type DOC = anyOf(S, OBJECT);
  private static final ObjectMapper JSON = new ObjectMapper();

  private GraphQlBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.register(
        Builtin.of("graphql.parse_query", fn(OBJECT, S), (c, a) -> ast(parseQuery(a.get(0)))));
    r.register(
        Builtin.of("graphql.parse_schema", fn(OBJECT, S), (c, a) -> ast(parseSchema(a.get(0)))));
    r.register(
        Builtin.of(
            "graphql.schema_is_valid",
            fn(B, DOC),
            (c, a) -> {
              try {
                schema(a.get(0));
                return BooleanValue.TRUE;
              } catch (GraphQlSyntaxException e) {
                return BooleanValue.FALSE;
              }
            }));
    r.register(
        Builtin.of(
            "graphql.is_valid",
            fn(B, DOC, DOC),
            (c, a) -> {
              try {
                Map<String, Object> query = document(a.get(0), true);
                QueryValidator.validate(query, schema(a.get(1)).schema());
                return BooleanValue.TRUE;
              } catch (GraphQlSyntaxException e) {
                return BooleanValue.FALSE;
              }
            }));
    r.register(
        Builtin.of(
            "graphql.parse",
            fn(arrayOf(OBJECT), DOC, DOC),
            (c, a) -> {
              try {
                QueryParser.Parsed query =
                    a.get(0) instanceof StringValue s
                        ? QueryParser.parseWithPositions(s.value())
                        : new QueryParser.Parsed(document(a.get(0), true), Map.of());
                LoadedSchema schema = schema(a.get(1));
                QueryValidator.validate(query.document(), query.positions(), schema.schema());
                return ArrayValue.of(ast(query.document()), schema.ast());
              } catch (GraphQlSyntaxException e) {
                throw BuiltinException.error(e.getMessage());
              }
            }));
    r.register(
        Builtin.of(
            "graphql.parse_and_verify",
            fn(arrayOf(A), DOC, DOC),
            (c, a) -> {
              try {
                Map<String, Object> query = document(a.get(0), true);
                LoadedSchema schema = schema(a.get(1));
                QueryValidator.validate(query, schema.schema());
                return ArrayValue.of(BooleanValue.TRUE, ast(query), schema.ast());
              } catch (GraphQlSyntaxException e) {
                return ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);
              }
            }));
  }

  /** A schema with its AST as a Rego value; never mutated once loaded, so it can be shared. */
  private record LoadedSchema(Value ast, Schema schema) {}

  /**
   * Policies usually pass the same schema text on every request: loaded schemas (and the error of
   * an invalid one) are kept in a bounded cache.
   */
  private static final Map<String, Object> SCHEMAS = new ConcurrentHashMap<>();

  private static final int MAX_CACHED_SCHEMAS = 1_000;

  private static LoadedSchema schema(Value v) throws GraphQlSyntaxException {
    if (!(v instanceof StringValue s)) {
      Map<String, Object> doc = document(v, false);
      return new LoadedSchema(v, Schema.load(doc));
    }
    Object cached = SCHEMAS.get(s.value());
    if (cached == null) {
      try {
        Map<String, Object> doc = SchemaParser.parse(s.value());
        cached = new LoadedSchema(ast(doc), Schema.load(doc));
      } catch (GraphQlSyntaxException e) {
        cached = e;
      }
      if (SCHEMAS.size() >= MAX_CACHED_SCHEMAS) {
        SCHEMAS.clear();
      }
      SCHEMAS.put(s.value(), cached);
    }
    if (cached instanceof GraphQlSyntaxException e) {
      throw e;
    }
    return (LoadedSchema) cached;
  }

  private static Map<String, Object> parseQuery(Value v) throws BuiltinException {
    try {
      return QueryParser.parse(((StringValue) v).value());
    } catch (GraphQlSyntaxException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  private static Map<String, Object> parseSchema(Value v) throws BuiltinException {
    try {
      return SchemaParser.parse(((StringValue) v).value());
    } catch (GraphQlSyntaxException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  /** A document given as GraphQL text is parsed; one given as an AST object is used as is. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> document(Value v, boolean query)
      throws GraphQlSyntaxException {
    if (v instanceof StringValue s) {
      return query ? QueryParser.parse(s.value()) : SchemaParser.parse(s.value());
    }
    return JSON.convertValue(JsonConversion.toJson(v), Map.class);
  }

  private static Value ast(Map<String, Object> document) {
    return JsonConversion.fromJava(document);
  }
}
