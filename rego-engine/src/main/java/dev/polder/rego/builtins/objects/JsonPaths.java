package dev.polder.rego.builtins.objects;

import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paths as json.filter, json.remove and json.patch take them: a JSON-pointer-like string ("a/b/0",
 * leading "/" optional, "~1" for "/" and "~0" for "~") or an array of segments.
 */
final class JsonPaths {

  private JsonPaths() {}

  /** A trie of path segments; {@code terminal} marks the end of a listed path. */
  static final class Node {
    final Map<Value, Node> children = new LinkedHashMap<>();
    boolean terminal;

    Node child(Value segment) {
      Node n = children.get(segment);
      if (n == null && segment instanceof NumberValue num) {
        n = children.get(StringValue.of(num.format()));
      }
      return n;
    }
  }

  /** Splits a string path into segments. */
  static List<Value> parse(String path) {
    List<Value> out = new ArrayList<>();
    if (path.isEmpty()) {
      return out;
    }
    String p = path.startsWith("/") ? path.substring(1) : path;
    for (String part : p.split("/", -1)) {
      out.add(StringValue.of(part.replace("~1", "/").replace("~0", "~")));
    }
    return out;
  }

  /** The segments of one path operand element (string or array), or null if it is neither. */
  static List<Value> segments(Value path) {
    if (path instanceof StringValue s) {
      return parse(s.value());
    }
    if (path instanceof ArrayValue a) {
      return a.asList();
    }
    return null;
  }

  /** Builds the trie of all paths of a set/array operand (operand 2 of json.filter/remove). */
  static Node trie(Value paths) throws BuiltinException {
    Node root = new Node();
    for (Value p : Operands.elements(paths)) {
      List<Value> segs = segments(p);
      if (segs == null) {
        throw BuiltinException.typeError(
            "operand 2 must be one of {set, array} containing string paths or array of path"
                + " segments but got "
                + p.typeName());
      }
      Node n = root;
      for (Value s : segs) {
        n = n.children.computeIfAbsent(s, k -> new Node());
      }
      n.terminal = true;
    }
    return root;
  }
}
