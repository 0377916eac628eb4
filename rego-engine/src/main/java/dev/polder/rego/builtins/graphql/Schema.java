package dev.polder.rego.builtins.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schema document merged with its extensions and checked the way gqlparser's LoadSchema does:
 * types referenced must exist and be of the right kind, interfaces must be implemented, directives
 * used must be declared where they apply. Definitions are the parser's (or a caller's) JSON maps.
 */
final class Schema {

  private static final Set<String> BUILTIN_SCALARS =
      Set.of("String", "Int", "Float", "Boolean", "ID");
  private static final Map<String, Set<String>> BUILTIN_DIRECTIVES =
      Map.of(
          "deprecated",
              Set.of(
                  "FIELD_DEFINITION",
                  "ENUM_VALUE",
                  "ARGUMENT_DEFINITION",
                  "INPUT_FIELD_DEFINITION"),
          "include", Set.of("FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"),
          "skip", Set.of("FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"),
          "specifiedBy", Set.of("SCALAR"),
          "oneOf", Set.of("INPUT_OBJECT"),
          "defer", Set.of("FRAGMENT_SPREAD", "INLINE_FRAGMENT"));

  final Map<String, Map<String, Object>> types = new LinkedHashMap<>();
  final Map<String, Set<String>> directiveLocations = new LinkedHashMap<>(BUILTIN_DIRECTIVES);
  final Map<String, Map<String, Object>> directiveDefinitions = new LinkedHashMap<>();
  final Map<String, String> operationTypes = new LinkedHashMap<>();

  private Schema() {}

  /** Loads and validates; throws with gqlparser's message for the first problem. */
  static Schema load(Map<String, Object> document) throws GraphQlSyntaxException {
    Schema s = new Schema();
    for (String scalar : BUILTIN_SCALARS) {
      s.types.put(scalar, Parser.node("Kind", "SCALAR", "Name", scalar));
    }
    for (Map<String, Object> d : maps(document.get("Definitions"))) {
      String name = str(d.get("Name"));
      if (s.types.containsKey(name) && !BUILTIN_SCALARS.contains(name)) {
        throw error("Cannot redeclare type " + name + ".");
      }
      s.types.put(name, new LinkedHashMap<>(d));
    }
    for (Map<String, Object> d : maps(document.get("Directives"))) {
      String name = str(d.get("Name"));
      s.directiveLocations.put(name, Set.copyOf(strings(d.get("Locations"))));
      s.directiveDefinitions.put(name, d);
    }
    for (Map<String, Object> e : maps(document.get("Extensions"))) {
      s.extend(e);
    }
    for (Map<String, Object> t : s.types.values()) {
      s.checkType(t);
    }
    List<Map<String, Object>> schemas = new ArrayList<>(maps(document.get("Schema")));
    schemas.addAll(maps(document.get("SchemaExtension")));
    for (Map<String, Object> def : schemas) {
      s.checkDirectives(def, "SCHEMA");
      for (Map<String, Object> op : maps(def.get("OperationTypes"))) {
        String type = str(op.get("Type"));
        if (!s.types.containsKey(type)) {
          throw error(
              "Schema root "
                  + str(op.get("Operation"))
                  + " refers to a type "
                  + type
                  + " that does not exist.");
        }
        s.operationTypes.put(str(op.get("Operation")), type);
      }
    }
    if (maps(document.get("Schema")).isEmpty()) {
      for (String op : List.of("query", "mutation", "subscription")) {
        String type = Character.toUpperCase(op.charAt(0)) + op.substring(1);
        if (s.types.containsKey(type)) {
          s.operationTypes.putIfAbsent(op, type);
        }
      }
    }
    return s;
  }

  private void extend(Map<String, Object> e) throws GraphQlSyntaxException {
    String name = str(e.get("Name"));
    Map<String, Object> base = types.get(name);
    if (base == null) {
      types.put(name, new LinkedHashMap<>(e));
      return;
    }
    if (!str(base.get("Kind")).equals(str(e.get("Kind")))) {
      throw error(
          "Cannot extend type "
              + name
              + " because the base type is a "
              + str(base.get("Kind"))
              + ", not "
              + str(e.get("Kind"))
              + ".");
    }
    for (String key : List.of("Directives", "Interfaces", "Fields", "Types", "EnumValues")) {
      List<Object> merged = new ArrayList<>(list(base.get(key)));
      merged.addAll(list(e.get(key)));
      if (!merged.isEmpty()) {
        base.put(key, merged);
      }
    }
  }

  private void checkType(Map<String, Object> t) throws GraphQlSyntaxException {
    String kind = str(t.get("Kind"));
    String name = str(t.get("Name"));
    checkDirectives(t, kind);
    switch (kind) {
      case "OBJECT", "INTERFACE" -> {
        for (Map<String, Object> f : maps(t.get("Fields"))) {
          checkFieldType(f, false);
          checkDirectives(f, "FIELD_DEFINITION");
          for (Map<String, Object> a : maps(f.get("Arguments"))) {
            checkFieldType(a, true);
            checkDirectives(a, "ARGUMENT_DEFINITION");
          }
        }
        for (String iface : strings(t.get("Interfaces"))) {
          Map<String, Object> it = types.get(iface);
          if (it == null) {
            throw error("Undefined type " + iface + ".");
          }
          if (!str(it.get("Kind")).equals("INTERFACE")) {
            throw error(kind + " " + name + " implements non-interface " + iface + ".");
          }
          for (String inherited : strings(it.get("Interfaces"))) {
            if (!strings(t.get("Interfaces")).contains(inherited)) {
              throw error(
                  kind
                      + " "
                      + name
                      + " must implement "
                      + inherited
                      + " because it is "
                      + "implemented by "
                      + iface
                      + ".");
            }
          }
          for (Map<String, Object> f : maps(it.get("Fields"))) {
            if (field(t, str(f.get("Name"))) == null) {
              throw error(
                  "For "
                      + name
                      + " to implement "
                      + iface
                      + " it must have a field "
                      + "called "
                      + str(f.get("Name"))
                      + ".");
            }
          }
        }
      }
      case "INPUT_OBJECT" -> {
        for (Map<String, Object> f : maps(t.get("Fields"))) {
          checkFieldType(f, true);
          checkDirectives(f, "INPUT_FIELD_DEFINITION");
        }
      }
      case "UNION" -> {
        for (String member : strings(t.get("Types"))) {
          Map<String, Object> mt = types.get(member);
          if (mt == null) {
            throw error("Undefined type " + member + ".");
          }
          if (!str(mt.get("Kind")).equals("OBJECT")) {
            throw error("UNION type \"" + member + "\" must be OBJECT.");
          }
        }
      }
      case "ENUM" -> {
        for (Map<String, Object> v : maps(t.get("EnumValues"))) {
          checkDirectives(v, "ENUM_VALUE");
        }
      }
      default -> {}
    }
  }

  private void checkFieldType(Map<String, Object> f, boolean input) throws GraphQlSyntaxException {
    String named = namedType(map(f.get("Type")));
    Map<String, Object> t = types.get(named);
    if (t == null) {
      throw error("Undefined type " + named + ".");
    }
    String kind = str(t.get("Kind"));
    boolean ok =
        input
            ? !kind.equals("OBJECT") && !kind.equals("INTERFACE") && !kind.equals("UNION")
            : !kind.equals("INPUT_OBJECT");
    if (!ok) {
      throw error("type " + named + " is not an " + (input ? "input" : "output") + " type.");
    }
  }

  void checkDirectives(Map<String, Object> node, String location) throws GraphQlSyntaxException {
    for (Map<String, Object> d : maps(node.get("Directives"))) {
      String name = str(d.get("Name"));
      Set<String> locations = directiveLocations.get(name);
      if (locations == null) {
        throw error("Undefined directive " + name + ".");
      }
      if (!locations.contains(location)) {
        throw error("Directive " + name + " is not applicable on " + location + ".");
      }
    }
  }

  static Map<String, Object> field(Map<String, Object> type, String name) {
    for (Map<String, Object> f : maps(type.get("Fields"))) {
      if (str(f.get("Name")).equals(name)) {
        return f;
      }
    }
    return null;
  }

  static String namedType(Map<String, Object> type) {
    while (type.get("Elem") != null) {
      type = map(type.get("Elem"));
    }
    return str(type.get("NamedType"));
  }

  static GraphQlSyntaxException error(String message) {
    return new GraphQlSyntaxException(message, 0, 0);
  }

  static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }

  static List<Map<String, Object>> maps(Object o) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object e : list(o)) {
      out.add(map(e));
    }
    return out;
  }

  static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    for (Object e : list(o)) {
      out.add(str(e));
    }
    return out;
  }
}
