package dev.polder.rego.builtins.graphql;

import dev.polder.rego.builtins.graphql.Lexer.Kind;
import dev.polder.rego.builtins.graphql.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses a type-system (schema) document into gqlparser's SchemaDocument JSON shape. */
final class SchemaParser extends Parser {

  private static final Set<String> DIRECTIVE_LOCATIONS =
      Set.of(
          "QUERY",
          "MUTATION",
          "SUBSCRIPTION",
          "FIELD",
          "FRAGMENT_DEFINITION",
          "FRAGMENT_SPREAD",
          "INLINE_FRAGMENT",
          "VARIABLE_DEFINITION",
          "SCHEMA",
          "SCALAR",
          "OBJECT",
          "FIELD_DEFINITION",
          "ARGUMENT_DEFINITION",
          "INTERFACE",
          "UNION",
          "ENUM",
          "ENUM_VALUE",
          "INPUT_OBJECT",
          "INPUT_FIELD_DEFINITION");

  private final List<Map<String, Object>> schema = new ArrayList<>();
  private final List<Map<String, Object>> schemaExtensions = new ArrayList<>();
  private final List<Map<String, Object>> directives = new ArrayList<>();
  private final List<Map<String, Object>> definitions = new ArrayList<>();
  private final List<Map<String, Object>> extensions = new ArrayList<>();

  private SchemaParser(String source) {
    super(source);
  }

  static Map<String, Object> parse(String source) throws GraphQlSyntaxException {
    SchemaParser p = new SchemaParser(source);
    while (!p.atEof()) {
      p.definition();
    }
    return node(
        "Definitions", p.definitions,
        "Directives", p.directives,
        "Extensions", p.extensions,
        "Schema", p.schema,
        "SchemaExtension", p.schemaExtensions);
  }

  private void definition() throws GraphQlSyntaxException {
    Token descriptionToken = peek();
    String description = description();
    Token t = peek();
    if (t.kind() != Kind.NAME) {
      throw unexpected();
    }
    switch (t.value()) {
      case "schema" -> {
        advance();
        List<Map<String, Object>> dirs = directives(true);
        schema.add(
            node(
                "Description", description,
                "Directives", dirs,
                "OperationTypes", some("{", this::operationType, "}")));
      }
      case "scalar", "type", "interface", "union", "enum", "input" ->
          definitions.add(typeDefinition(description, false));
      case "directive" -> directives.add(directiveDefinition(description));
      case "extend" -> {
        if (descriptionToken != t) {
          throw unexpected(descriptionToken);
        }
        advance();
        if (skipKeyword("schema")) {
          List<Map<String, Object>> dirs = directives(true);
          List<Map<String, Object>> ops = some("{", this::operationType, "}");
          if (dirs.isEmpty() && ops.isEmpty()) {
            throw unexpected();
          }
          schemaExtensions.add(node("Description", "", "Directives", dirs, "OperationTypes", ops));
        } else {
          extensions.add(typeDefinition("", true));
        }
      }
      default -> throw unexpected();
    }
  }

  private Map<String, Object> operationType() throws GraphQlSyntaxException {
    Token t = peek();
    String operation = name();
    if (!operation.equals("query")
        && !operation.equals("mutation")
        && !operation.equals("subscription")) {
      throw unexpected(t);
    }
    expect(":");
    return node("Operation", operation, "Type", name());
  }

  private Map<String, Object> typeDefinition(String description, boolean extension)
      throws GraphQlSyntaxException {
    Token keyword = peek();
    if (keyword.kind() != Kind.NAME) {
      throw unexpected();
    }
    String kind =
        switch (keyword.value()) {
          case "scalar" -> "SCALAR";
          case "type" -> "OBJECT";
          case "interface" -> "INTERFACE";
          case "union" -> "UNION";
          case "enum" -> "ENUM";
          case "input" -> "INPUT_OBJECT";
          default -> throw unexpected();
        };
    advance();
    String name = name();
    List<String> interfaces = new ArrayList<>();
    List<String> types = new ArrayList<>();
    if ((kind.equals("OBJECT") || kind.equals("INTERFACE")) && skipKeyword("implements")) {
      skip("&");
      do {
        interfaces.add(name());
      } while (skip("&"));
    }
    List<Map<String, Object>> dirs = directives(true);
    List<Map<String, Object>> fields = List.of();
    List<Map<String, Object>> enumValues = List.of();
    switch (kind) {
      case "OBJECT", "INTERFACE" -> fields = some("{", this::fieldDefinition, "}");
      case "INPUT_OBJECT" -> fields = some("{", this::inputValueDefinition, "}");
      case "ENUM" -> enumValues = some("{", this::enumValueDefinition, "}");
      case "UNION" -> {
        if (skip("=")) {
          skip("|");
          do {
            types.add(name());
          } while (skip("|"));
        }
      }
      default -> {}
    }
    if (extension
        && interfaces.isEmpty()
        && dirs.isEmpty()
        && fields.isEmpty()
        && enumValues.isEmpty()
        && types.isEmpty()) {
      throw unexpected();
    }
    return node(
        "BuiltIn", false,
        "Description", description,
        "Directives", dirs,
        "EnumValues", enumValues,
        "Fields", fields,
        "Interfaces", interfaces,
        "Kind", kind,
        "Name", name,
        "Types", types);
  }

  private Map<String, Object> fieldDefinition() throws GraphQlSyntaxException {
    String description = description();
    String name = name();
    List<Map<String, Object>> arguments = many("(", this::inputValueDefinition, ")");
    expect(":");
    Map<String, Object> type = type();
    return node(
        "Arguments", arguments,
        "Description", description,
        "Directives", directives(true),
        "Name", name,
        "Type", type);
  }

  private Map<String, Object> inputValueDefinition() throws GraphQlSyntaxException {
    String description = description();
    String name = name();
    expect(":");
    Map<String, Object> type = type();
    Map<String, Object> defaultValue = skip("=") ? value(true) : null;
    return node(
        "DefaultValue", defaultValue,
        "Description", description,
        "Directives", directives(true),
        "Name", name,
        "Type", type);
  }

  private Map<String, Object> enumValueDefinition() throws GraphQlSyntaxException {
    String description = description();
    String name = name();
    return node("Description", description, "Directives", directives(true), "Name", name);
  }

  private Map<String, Object> directiveDefinition(String description)
      throws GraphQlSyntaxException {
    expectKeyword("directive");
    expect("@");
    String name = name();
    List<Map<String, Object>> arguments = many("(", this::inputValueDefinition, ")");
    boolean repeatable = skipKeyword("repeatable");
    expectKeyword("on");
    skip("|");
    List<String> locations = new ArrayList<>();
    do {
      Token t = peek();
      String location = name();
      if (!DIRECTIVE_LOCATIONS.contains(location)) {
        throw unexpected(t);
      }
      locations.add(location);
    } while (skip("|"));
    return node(
        "Arguments", arguments,
        "Description", description,
        "IsRepeatable", repeatable,
        "Locations", locations,
        "Name", name);
  }
}
