package dev.polder.rego.builtins.graphql;

import static dev.polder.rego.builtins.graphql.Schema.error;
import static dev.polder.rego.builtins.graphql.Schema.list;
import static dev.polder.rego.builtins.graphql.Schema.map;
import static dev.polder.rego.builtins.graphql.Schema.maps;
import static dev.polder.rego.builtins.graphql.Schema.str;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subset of gqlparser's query validation rules that decide validity: known fields, arguments,
 * fragments, types and variables, required arguments, leaf selections.
 */
final class QueryValidator {

  private final Schema schema;
  private final Map<String, Map<String, Object>> fragments = new LinkedHashMap<>();
  private final Map<Map<String, Object>, Lexer.Token> positions;
  private Set<String> definedVariables = new HashSet<>();

  private QueryValidator(Schema schema, Map<Map<String, Object>, Lexer.Token> positions) {
    this.schema = schema;
    this.positions = positions;
  }

  static void validate(Map<String, Object> query, Schema schema) throws GraphQlSyntaxException {
    validate(query, Map.of(), schema);
  }

  /** Validates; positions (from the parser, may be empty) place the messages like gqlparser. */
  static void validate(
      Map<String, Object> query, Map<Map<String, Object>, Lexer.Token> positions, Schema schema)
      throws GraphQlSyntaxException {
    QueryValidator v = new QueryValidator(schema, positions);
    for (Map<String, Object> f : maps(query.get("Fragments"))) {
      String name = str(f.get("Name"));
      if (v.fragments.put(name, f) != null) {
        throw error("There can be only one fragment named \"" + name + "\".");
      }
    }
    Set<String> operationNames = new HashSet<>();
    List<Map<String, Object>> operations = maps(query.get("Operations"));
    for (Map<String, Object> op : operations) {
      String name = str(op.get("Name"));
      if (name.isEmpty() && operations.size() > 1) {
        throw error("This anonymous operation must be the only defined operation.");
      }
      if (!name.isEmpty() && !operationNames.add(name)) {
        throw error("There can be only one operation named \"" + name + "\".");
      }
      v.operation(op);
    }
    for (Map<String, Object> f : v.fragments.values()) {
      v.definedVariables = null;
      v.selections(maps(f.get("SelectionSet")), v.typeCondition(f), new HashSet<>());
    }
  }

  private void operation(Map<String, Object> op) throws GraphQlSyntaxException {
    String kind = str(op.get("Operation"));
    String rootName = schema.operationTypes.get(kind);
    if (rootName == null) {
      throw error("Schema does not support operation type \"" + kind + "\"");
    }
    definedVariables = new HashSet<>();
    for (Map<String, Object> var : maps(op.get("VariableDefinitions"))) {
      String name = str(var.get("Variable"));
      if (!definedVariables.add(name)) {
        throw error("There can be only one variable named \"$" + name + "\".");
      }
      String type = Schema.namedType(map(var.get("Type")));
      Map<String, Object> t = schema.types.get(type);
      if (t == null) {
        throw error("Unknown type \"" + type + "\".");
      }
      String tk = str(t.get("Kind"));
      if (tk.equals("OBJECT") || tk.equals("INTERFACE") || tk.equals("UNION")) {
        throw error("Variable \"$" + name + "\" cannot be non-input type \"" + type + "\".");
      }
    }
    selections(maps(op.get("SelectionSet")), schema.types.get(rootName), new HashSet<>());
  }

  private Map<String, Object> typeCondition(Map<String, Object> fragment)
      throws GraphQlSyntaxException {
    String name = str(fragment.get("TypeCondition"));
    Map<String, Object> t = schema.types.get(name);
    if (t == null) {
      throw error("Unknown type \"" + name + "\".");
    }
    return t;
  }

  private void selections(
      List<Map<String, Object>> selections, Map<String, Object> parent, Set<String> visiting)
      throws GraphQlSyntaxException {
    for (Map<String, Object> s : selections) {
      directives(s);
      if (s.containsKey("TypeCondition")) {
        Map<String, Object> t = str(s.get("TypeCondition")).isEmpty() ? parent : typeCondition(s);
        selections(maps(s.get("SelectionSet")), t, visiting);
      } else if (!s.containsKey("Alias")) {
        String name = str(s.get("Name"));
        Map<String, Object> f = fragments.get(name);
        if (f == null) {
          throw error("Unknown fragment \"" + name + "\".");
        }
        if (visiting.add(name)) {
          selections(maps(f.get("SelectionSet")), typeCondition(f), visiting);
          visiting.remove(name);
        } else {
          throw error("Cannot spread fragment \"" + name + "\" within itself.");
        }
      } else {
        field(s, parent, visiting);
      }
    }
  }

  private void field(Map<String, Object> s, Map<String, Object> parent, Set<String> visiting)
      throws GraphQlSyntaxException {
    String name = str(s.get("Name"));
    if (name.equals("__typename")) {
      return;
    }
    Map<String, Object> def = Schema.field(parent, name);
    if (def == null) {
      throw at(
          s, "Cannot query field \"" + name + "\" on type \"" + str(parent.get("Name")) + "\".");
    }
    try {
      arguments(maps(s.get("Arguments")), maps(def.get("Arguments")), "Field \"" + name + "\"");
    } catch (GraphQlSyntaxException e) {
      throw at(s, e.getMessage());
    }
    Map<String, Object> type = schema.types.get(Schema.namedType(map(def.get("Type"))));
    String kind = str(type.get("Kind"));
    boolean leaf = kind.equals("SCALAR") || kind.equals("ENUM");
    List<Map<String, Object>> sub = maps(s.get("SelectionSet"));
    if (leaf && !sub.isEmpty()) {
      throw error(
          "Field \""
              + name
              + "\" must not have a selection since type \""
              + str(type.get("Name"))
              + "\" has no subfields.");
    }
    if (!leaf && sub.isEmpty()) {
      throw error(
          "Field \""
              + name
              + "\" of type \""
              + str(type.get("Name"))
              + "\" must have a selection of subfields.");
    }
    selections(sub, type, visiting);
  }

  private void directives(Map<String, Object> node) throws GraphQlSyntaxException {
    for (Map<String, Object> d : maps(node.get("Directives"))) {
      String name = str(d.get("Name"));
      if (!schema.directiveLocations.containsKey(name)) {
        throw error("Unknown directive \"@" + name + "\".");
      }
      Map<String, Object> def = schema.directiveDefinitions.get(name);
      List<Map<String, Object>> params =
          def != null
              ? maps(def.get("Arguments"))
              : name.equals("include") || name.equals("skip")
                  ? List.of(
                      Parser.node(
                          "Name",
                          "if",
                          "Type",
                          Parser.node("NamedType", "Boolean", "NonNull", true)))
                  : List.of();
      arguments(maps(d.get("Arguments")), params, "Directive \"@" + name + "\"");
    }
  }

  private void arguments(
      List<Map<String, Object>> given, List<Map<String, Object>> params, String owner)
      throws GraphQlSyntaxException {
    Set<String> seen = new HashSet<>();
    for (Map<String, Object> a : given) {
      String name = str(a.get("Name"));
      Map<String, Object> param = null;
      for (Map<String, Object> p : params) {
        if (str(p.get("Name")).equals(name)) {
          param = p;
        }
      }
      if (param == null) {
        throw error(
            "Unknown argument \""
                + name
                + "\" on "
                + owner.toLowerCase().charAt(0)
                + owner.substring(1)
                + ".");
      }
      if (!seen.add(name)) {
        throw error("There can be only one argument named \"" + name + "\".");
      }
      variables(map(a.get("Value")));
    }
    for (Map<String, Object> p : params) {
      Map<String, Object> type = map(p.get("Type"));
      if (Boolean.TRUE.equals(type.get("NonNull"))
          && p.get("DefaultValue") == null
          && !seen.contains(str(p.get("Name")))) {
        throw error(
            owner
                + " argument \""
                + str(p.get("Name"))
                + "\" of type \""
                + typeString(type)
                + "\" is required, but it was not provided");
      }
    }
  }

  private void variables(Map<String, Object> value) throws GraphQlSyntaxException {
    Object kind = value.get("Kind");
    if (kind instanceof Number n && n.intValue() == Parser.VARIABLE) {
      String name = str(value.get("Raw"));
      if (definedVariables != null && !definedVariables.contains(name)) {
        throw error("Variable \"$" + name + "\" is not defined.");
      }
    }
    for (Object child : list(value.get("Children"))) {
      variables(map(map(child).get("Value")));
    }
  }

  /** The message placed at the node's position when the parser recorded one. */
  private GraphQlSyntaxException at(Map<String, Object> node, String message) {
    Lexer.Token t = positions.get(node);
    return t == null ? error(message) : new GraphQlSyntaxException(message, t.line(), t.column());
  }

  static String typeString(Map<String, Object> type) {
    String s =
        type.get("Elem") != null
            ? "[" + typeString(map(type.get("Elem"))) + "]"
            : str(type.get("NamedType"));
    return Boolean.TRUE.equals(type.get("NonNull")) ? s + "!" : s;
  }
}
