package dev.polder.rego.builtins.graphql;

import dev.polder.rego.builtins.graphql.Lexer.Kind;
import dev.polder.rego.builtins.graphql.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses an executable (query) document into gqlparser's QueryDocument JSON shape. */
final class QueryParser extends Parser {

  private QueryParser(String source) {
    super(source);
  }

  static Map<String, Object> parse(String source) throws GraphQlSyntaxException {
    return new QueryParser(source).document();
  }

  /** The document and where its nodes start. */
  record Parsed(Map<String, Object> document, Map<Map<String, Object>, Token> positions) {}

  static Parsed parseWithPositions(String source) throws GraphQlSyntaxException {
    QueryParser p = new QueryParser(source);
    return new Parsed(p.document(), p.positions);
  }

  private Map<String, Object> document() throws GraphQlSyntaxException {
    List<Map<String, Object>> operations = new ArrayList<>();
    List<Map<String, Object>> fragments = new ArrayList<>();
    while (!atEof()) {
      Token t = peek();
      if (t.is("{")) {
        operations.add(operation());
      } else if (t.kind() == Kind.NAME) {
        switch (t.value()) {
          case "query", "mutation", "subscription" -> operations.add(operation());
          case "fragment" -> fragments.add(fragment());
          default -> throw unexpected();
        }
      } else {
        throw unexpected();
      }
    }
    return node("Fragments", fragments, "Operations", operations);
  }

  private Map<String, Object> operation() throws GraphQlSyntaxException {
    if (peek().is("{")) {
      return node("Name", "", "Operation", "query", "SelectionSet", selectionSet());
    }
    String operation = advance().value();
    String name = peek().kind() == Kind.NAME ? name() : "";
    List<Map<String, Object>> variables = many("(", this::variableDefinition, ")");
    List<Map<String, Object>> directives = directives(false);
    return node(
        "Directives", directives,
        "Name", name,
        "Operation", operation,
        "SelectionSet", selectionSet(),
        "VariableDefinitions", variables);
  }

  private Map<String, Object> variableDefinition() throws GraphQlSyntaxException {
    expect("$");
    String variable = name();
    expect(":");
    Map<String, Object> type = type();
    Map<String, Object> defaultValue = skip("=") ? value(true) : null;
    List<Map<String, Object>> directives = directives(true);
    return node(
        "DefaultValue", defaultValue,
        "Directives", directives,
        "Type", type,
        "Used", false,
        "Variable", variable);
  }

  private List<Map<String, Object>> selectionSet() throws GraphQlSyntaxException {
    if (!peek().is("{")) {
      Token t = peek();
      if (t.kind() == Kind.INVALID) {
        throw unexpected(t);
      }
      throw new GraphQlSyntaxException("Expected {, found " + t.describe(), t.line(), t.column());
    }
    enter();
    List<Map<String, Object>> selections = some("{", this::selection, "}");
    leave();
    return selections;
  }

  private Map<String, Object> selection() throws GraphQlSyntaxException {
    if (skip("...")) {
      if (peek().kind() == Kind.NAME && !peek().isName("on")) {
        String name = name();
        return node("Directives", directives(false), "Name", name);
      }
      String typeCondition = skipKeyword("on") ? name() : "";
      List<Map<String, Object>> directives = directives(false);
      return node(
          "Directives", directives,
          "SelectionSet", selectionSet(),
          "TypeCondition", typeCondition);
    }
    Token start = peek();
    String alias = name();
    String name = alias;
    if (skip(":")) {
      name = name();
    }
    List<Map<String, Object>> arguments = arguments(false);
    List<Map<String, Object>> directives = directives(false);
    List<Map<String, Object>> selections = peek().is("{") ? selectionSet() : List.of();
    Map<String, Object> field =
        node(
            "Alias", alias,
            "Arguments", arguments,
            "Directives", directives,
            "Name", name,
            "SelectionSet", selections);
    positions.put(field, start);
    return field;
  }

  private Map<String, Object> fragment() throws GraphQlSyntaxException {
    expectKeyword("fragment");
    if (peek().isName("on")) {
      throw unexpected();
    }
    String name = name();
    List<Map<String, Object>> variables = many("(", this::variableDefinition, ")");
    expectKeyword("on");
    String typeCondition = name();
    List<Map<String, Object>> directives = directives(false);
    return node(
        "Directives", directives,
        "Name", name,
        "SelectionSet", selectionSet(),
        "TypeCondition", typeCondition,
        "VariableDefinition", variables);
  }
}
