package dev.polder.rego.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polder.rego.ast.Module;
import dev.polder.rego.ast.Rule;
import dev.polder.rego.ast.Term;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code rego.metadata.rule()} and {@code rego.metadata.chain()} return inside a rule, built
 * from the {@code # METADATA} blocks as OPA does: the rule's own (rule scope) annotations, then the
 * document scope of its path, the package scope, and subpackages scopes from the closest package
 * outwards. The compiler replaces the calls with these constants.
 */
final class RuleMetadata {
  private final Map<List<Value>, ObjectValue> packageScope = new HashMap<>();

  /** Document and subpackages annotations by path (OPA keeps both in one tree). */
  private final Map<List<Value>, Entry> byPath = new HashMap<>();

  private record Entry(List<Value> path, ObjectValue annotations) {}

  RuleMetadata(List<Module> modules, List<CompileError> errors) {
    for (Module m : modules) {
      List<Value> pkg = strings(m.packagePath());
      JsonNode pa = m.packageAnnotations();
      if (pa != null) {
        ObjectValue obj = toObject(pa);
        if (pa.path("scope").asText().equals("subpackages")) {
          byPath.putIfAbsent(pkg, new Entry(pkg, obj));
        } else if (packageScope.putIfAbsent(pkg, obj) != null) {
          errors.add(
              new CompileError(
                  CompileError.TYPE,
                  new dev.polder.rego.ast.Location(m.file(), 1, 1),
                  "package annotation redeclared"));
        }
      }
      for (Rule r : m.rules()) {
        JsonNode ra = r.annotations();
        if (ra != null && ra.path("scope").asText().equals("document")) {
          List<Value> path = rulePath(m, r);
          if (byPath.putIfAbsent(path, new Entry(path, toObject(ra))) != null) {
            errors.add(
                new CompileError(CompileError.TYPE, r.loc(), "document annotation redeclared"));
          }
        }
      }
    }
  }

  /** {@code rego.metadata.rule()}: the rule's own annotations, or an empty object. */
  Value rule(Rule r) {
    JsonNode ra = r.annotations();
    return ra != null && ra.path("scope").asText().equals("rule")
        ? toObject(ra)
        : ObjectValue.EMPTY;
  }

  /** {@code rego.metadata.chain()}: entries {@code {"path": [...], "annotations": {...}}}. */
  Value chain(Module m, Rule r) {
    List<Value> path = rulePath(m, r);
    List<Value> out = new ArrayList<>();
    JsonNode ra = r.annotations();
    if (ra != null && ra.path("scope").asText().equals("rule")) {
      out.add(entry(path, toObject(ra)));
    } else {
      out.add(entry(path, null)); // always one leading entry for the rule itself
    }
    Entry doc = byPath.get(path);
    if (doc != null) {
      out.add(entry(doc.path(), doc.annotations()));
    }
    List<Value> pkg = strings(m.packagePath());
    ObjectValue pa = packageScope.get(pkg);
    if (pa != null) {
      out.add(entry(pkg, pa));
    }
    for (int n = pkg.size(); n >= 1; n--) {
      Entry sub = byPath.get(pkg.subList(0, n));
      if (sub != null) {
        out.add(entry(sub.path(), sub.annotations()));
      }
    }
    return ArrayValue.of(out);
  }

  private static Value entry(List<Value> path, ObjectValue annotations) {
    ObjectValue.Builder b = ObjectValue.builder();
    b.put(StringValue.of("path"), ArrayValue.of(path));
    if (annotations != null) {
      b.put(StringValue.of("annotations"), annotations);
    }
    return b.build();
  }

  /** The rule's path below {@code data}: package, name, then the constant part of its head. */
  private static List<Value> rulePath(Module m, Rule r) {
    List<Value> path = strings(m.packagePath());
    path.add(StringValue.of(r.name()));
    for (int i = 1; i < r.head().size() && r.head().get(i) instanceof Term.Scalar s; i++) {
      path.add(s.value());
    }
    return path;
  }

  private static List<Value> strings(List<String> names) {
    List<Value> out = new ArrayList<>(names.size() + 2);
    for (String n : names) {
      out.add(StringValue.of(n));
    }
    return out;
  }

  /** An annotation block as OPA's object form: known keys only, authors and links normalised. */
  static ObjectValue toObject(JsonNode a) {
    ObjectValue.Builder b = ObjectValue.builder();
    putText(b, "scope", a.path("scope"));
    putText(b, "title", a.path("title"));
    putText(b, "description", a.path("description"));
    if (a.path("entrypoint").asBoolean(false)) {
      b.put(StringValue.of("entrypoint"), BooleanValue.TRUE);
    }
    List<Value> orgs = new ArrayList<>();
    for (JsonNode o : a.path("organizations")) {
      orgs.add(StringValue.of(o.asText()));
    }
    putList(b, "organizations", orgs);
    List<Value> links = new ArrayList<>();
    for (JsonNode rr : a.path("related_resources")) {
      ObjectValue.Builder l = ObjectValue.builder();
      l.put(
          StringValue.of("ref"),
          StringValue.of(rr.isObject() ? rr.path("ref").asText() : rr.asText()));
      putText(l, "description", rr.path("description"));
      links.add(l.build());
    }
    putList(b, "related_resources", links);
    List<Value> authors = new ArrayList<>();
    for (JsonNode au : a.path("authors")) {
      authors.add(author(au));
    }
    putList(b, "authors", authors);
    List<Value> schemas = new ArrayList<>();
    for (JsonNode s : a.path("schemas")) {
      schemas.add(schema(s));
    }
    putList(b, "schemas", schemas);
    JsonNode custom = a.path("custom");
    if (custom.isObject() && custom.size() > 0) {
      b.put(StringValue.of("custom"), Value.fromJson(custom));
    }
    return (ObjectValue) b.build();
  }

  /** {@code "Name <email>"} or {@code {name, email}}. */
  private static Value author(JsonNode au) {
    String name;
    String email = "";
    if (au.isObject()) {
      name = au.path("name").asText("");
      email = au.path("email").asText("");
    } else {
      String s = au.asText().trim();
      name = s;
      int lt = s.lastIndexOf('<');
      if (s.endsWith(">") && lt >= 0) {
        email = s.substring(lt + 1, s.length() - 1).trim();
        name = s.substring(0, lt).trim();
      }
    }
    ObjectValue.Builder b = ObjectValue.builder();
    if (!name.isEmpty()) {
      b.put(StringValue.of("name"), StringValue.of(name));
    }
    if (!email.isEmpty()) {
      b.put(StringValue.of("email"), StringValue.of(email));
    }
    return b.build();
  }

  /** {@code input.x: schema.y} or {@code input.x: {definition}}: refs as arrays of names. */
  private static Value schema(JsonNode s) {
    ObjectValue.Builder b = ObjectValue.builder();
    var fields = s.fields();
    if (fields.hasNext()) {
      var e = fields.next();
      b.put(StringValue.of("path"), refArray(e.getKey()));
      if (e.getValue().isTextual()) {
        b.put(StringValue.of("schema"), refArray(e.getValue().asText()));
      } else {
        b.put(StringValue.of("definition"), Value.fromJson(e.getValue()));
      }
    }
    return b.build();
  }

  private static Value refArray(String dotted) {
    List<Value> parts = new ArrayList<>();
    for (String p : dotted.split("\\.")) {
      parts.add(StringValue.of(p));
    }
    return ArrayValue.of(parts);
  }

  private static void putText(ObjectValue.Builder b, String key, JsonNode v) {
    if (v.isValueNode() && !v.isNull() && !v.asText().isEmpty()) {
      b.put(StringValue.of(key), StringValue.of(v.asText()));
    }
  }

  private static void putList(ObjectValue.Builder b, String key, List<Value> items) {
    if (!items.isEmpty()) {
      b.put(StringValue.of(key), ArrayValue.of(items));
    }
  }
}
