package dev.polder.rego.builtins.strings;

import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of Go's text/template that policies use for messages: {@code {{.field.path}}}, {@code
 * {{$var}}}, {@code if/else/end}, {@code range} (with index and value variables and else), {@code
 * with}, comments, trim markers, and the functions and, or, not, len, index, eq, ne, lt, le, gt,
 * ge, print, printf. A missing key prints {@code <undefined>}, as OPA's strings.render_template.
 */
final class GoTemplate {

  /** A template that does not parse or execute; the message is for the policy author. */
  static final class TemplateException extends Exception {
    TemplateException(String message) {
      super(message);
    }
  }

  private static final Value MISSING = StringValue.of("<undefined>");

  private sealed interface Node permits Text, Action, If, Range, With {}

  private record Text(String text) implements Node {}

  private record Action(String pipeline, String declare) implements Node {}

  private record If(String pipeline, List<Node> then, List<Node> otherwise) implements Node {}

  private record With(String pipeline, List<Node> then, List<Node> otherwise) implements Node {}

  private record Range(
      String keyVar, String valueVar, String pipeline, List<Node> body, List<Node> otherwise)
      implements Node {}

  private final List<Node> root;

  private GoTemplate(List<Node> root) {
    this.root = root;
  }

  static String render(String template, Value data) throws TemplateException {
    GoTemplate t = parse(template);
    StringBuilder out = new StringBuilder();
    Deque<Map<String, Value>> scopes = new ArrayDeque<>();
    Map<String, Value> top = new HashMap<>();
    top.put("$", data);
    scopes.push(top);
    t.execute(t.root, data, scopes, out);
    return out.toString();
  }

  // ---- parsing ----

  private record Token(boolean action, String text) {}

  private static List<Token> tokenize(String src) throws TemplateException {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < src.length()) {
      int open = src.indexOf("{{", i);
      if (open < 0) {
        tokens.add(new Token(false, src.substring(i)));
        break;
      }
      String text = src.substring(i, open);
      int start = open + 2;
      boolean trimLeft = src.startsWith("- ", start) || src.startsWith("-\t", start);
      if (trimLeft) {
        text = text.stripTrailing();
        start += 1;
      }
      int close = findClose(src, start);
      if (close < 0) {
        throw new TemplateException("template: unclosed action");
      }
      String body = src.substring(start, close);
      int after = close + 2;
      if (body.endsWith(" -") || body.endsWith("\t-")) {
        body = body.substring(0, body.length() - 1);
        while (after < src.length() && Character.isWhitespace(src.charAt(after))) {
          after++;
        }
      }
      if (!text.isEmpty()) {
        tokens.add(new Token(false, text));
      }
      tokens.add(new Token(true, body.strip()));
      i = after;
    }
    return tokens;
  }

  /** The index of the "}}" that ends an action, skipping quoted strings. */
  private static int findClose(String src, int from) {
    char quote = 0;
    for (int i = from; i < src.length(); i++) {
      char c = src.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '`' || c == '\'') {
        quote = c;
      } else if (c == '}' && src.startsWith("}}", i)) {
        return i;
      }
    }
    return -1;
  }

  private static GoTemplate parse(String src) throws TemplateException {
    List<Token> tokens = tokenize(src);
    int[] pos = {0};
    List<Node> nodes = parseList(tokens, pos, null);
    if (pos[0] < tokens.size()) {
      throw new TemplateException("template: unexpected {{" + tokens.get(pos[0]).text() + "}}");
    }
    return new GoTemplate(nodes);
  }

  /** Parses nodes until {{end}} or {{else}}; {@code terminator} receives which one ended it. */
  private static List<Node> parseList(List<Token> tokens, int[] pos, String[] terminator)
      throws TemplateException {
    List<Node> nodes = new ArrayList<>();
    while (pos[0] < tokens.size()) {
      Token t = tokens.get(pos[0]);
      if (!t.action()) {
        nodes.add(new Text(t.text()));
        pos[0]++;
        continue;
      }
      String a = t.text();
      if (a.startsWith("/*")) {
        pos[0]++;
        continue;
      }
      if (a.equals("end") || a.equals("else") || a.startsWith("else ")) {
        if (terminator == null) {
          throw new TemplateException("template: unexpected {{" + a + "}}");
        }
        terminator[0] = a;
        pos[0]++;
        return nodes;
      }
      pos[0]++;
      if (a.startsWith("if ")) {
        nodes.add(parseIf(tokens, pos, a.substring(3).strip(), true));
        continue;
      }
      if (a.startsWith("with ")) {
        nodes.add(parseIf(tokens, pos, a.substring(5).strip(), false));
        continue;
      }
      if (a.startsWith("range ")) {
        String spec = a.substring(6).strip();
        String keyVar = null;
        String valueVar = null;
        int assign = spec.indexOf(":=");
        if (assign > 0) {
          String[] vars = spec.substring(0, assign).split(",");
          if (vars.length == 2) {
            keyVar = vars[0].strip();
            valueVar = vars[1].strip();
          } else {
            valueVar = vars[0].strip();
          }
          spec = spec.substring(assign + 2).strip();
        }
        String[] end = new String[1];
        List<Node> body = parseList(tokens, pos, end);
        List<Node> otherwise = List.of();
        if ("else".equals(end[0])) {
          String[] end2 = new String[1];
          otherwise = parseList(tokens, pos, end2);
          end[0] = end2[0];
        }
        if (!"end".equals(end[0])) {
          throw new TemplateException("template: expected {{end}} for range");
        }
        nodes.add(new Range(keyVar, valueVar, spec, body, otherwise));
        continue;
      }
      if (a.startsWith("define ") || a.startsWith("template ") || a.startsWith("block ")) {
        throw new TemplateException("template: {{" + a.split(" ")[0] + "}} is not supported");
      }
      int assign = a.indexOf(":=");
      if (a.startsWith("$") && assign > 0) {
        nodes.add(new Action(a.substring(assign + 2).strip(), a.substring(0, assign).strip()));
      } else {
        nodes.add(new Action(a, null));
      }
    }
    if (terminator != null) {
      throw new TemplateException("template: unexpected EOF");
    }
    return nodes;
  }

  /** An if (or with) block after its opening action, through its {{end}}. */
  private static Node parseIf(List<Token> tokens, int[] pos, String pipeline, boolean isIf)
      throws TemplateException {
    String[] end = new String[1];
    List<Node> then = parseList(tokens, pos, end);
    List<Node> otherwise = List.of();
    if (end[0].startsWith("else if ")) {
      // {{else if x}} is {{else}}{{if x}}...{{end}}, sharing the outer {{end}}.
      otherwise = List.of(parseIf(tokens, pos, end[0].substring(8).strip(), true));
    } else if (end[0].equals("else")) {
      String[] end2 = new String[1];
      otherwise = parseList(tokens, pos, end2);
      if (!"end".equals(end2[0])) {
        throw new TemplateException("template: expected {{end}}");
      }
    } else if (!end[0].equals("end")) {
      throw new TemplateException("template: unexpected {{" + end[0] + "}}");
    }
    return isIf ? new If(pipeline, then, otherwise) : new With(pipeline, then, otherwise);
  }

  // ---- execution ----

  private void execute(
      List<Node> nodes, Value dot, Deque<Map<String, Value>> scopes, StringBuilder out)
      throws TemplateException {
    for (Node n : nodes) {
      if (n instanceof Text t) {
        out.append(t.text());
      } else if (n instanceof Action a) {
        Value v = new PipelineEval(dot, scopes).eval(a.pipeline());
        if (a.declare() != null) {
          scopes.peek().put(a.declare(), v);
        } else {
          out.append(print(v));
        }
      } else if (n instanceof If i) {
        Value v = new PipelineEval(dot, scopes).eval(i.pipeline());
        scoped(truth(v) ? i.then() : i.otherwise(), dot, scopes, out);
      } else if (n instanceof With w) {
        Value v = new PipelineEval(dot, scopes).eval(w.pipeline());
        if (truth(v)) {
          scoped(w.then(), v, scopes, out);
        } else {
          scoped(w.otherwise(), dot, scopes, out);
        }
      } else {
        range((Range) n, dot, scopes, out);
      }
    }
  }

  private void scoped(
      List<Node> nodes, Value dot, Deque<Map<String, Value>> scopes, StringBuilder out)
      throws TemplateException {
    scopes.push(new HashMap<>());
    try {
      execute(nodes, dot, scopes, out);
    } finally {
      scopes.pop();
    }
  }

  private void range(Range r, Value dot, Deque<Map<String, Value>> scopes, StringBuilder out)
      throws TemplateException {
    Value coll = new PipelineEval(dot, scopes).eval(r.pipeline());
    List<Value[]> pairs = new ArrayList<>();
    if (coll instanceof ArrayValue a) {
      for (int i = 0; i < a.size(); i++) {
        pairs.add(new Value[] {Value.of(i), a.get(i)});
      }
    } else if (coll instanceof SetValue s) {
      int i = 0;
      for (Value v : s) {
        pairs.add(new Value[] {Value.of(i++), v});
      }
    } else if (coll instanceof ObjectValue o) {
      for (Value k : o.sortedKeys()) {
        pairs.add(new Value[] {k, o.get(k)});
      }
    } else if (!coll.isNull() && coll != MISSING) {
      throw new TemplateException("template: range can't iterate over " + print(coll));
    }
    if (pairs.isEmpty()) {
      scoped(r.otherwise(), dot, scopes, out);
      return;
    }
    for (Value[] kv : pairs) {
      Map<String, Value> scope = new HashMap<>();
      if (r.keyVar() != null) {
        scope.put(r.keyVar(), kv[0]);
      }
      if (r.valueVar() != null) {
        scope.put(r.valueVar(), kv[1]);
      }
      scopes.push(scope);
      try {
        execute(r.body(), kv[1], scopes, out);
      } finally {
        scopes.pop();
      }
    }
  }

  static boolean truth(Value v) {
    if (v == null || v.isNull() || v == MISSING) {
      return false;
    }
    if (v instanceof BooleanValue b) {
      return b.value();
    }
    if (v instanceof NumberValue n) {
      return n.signum() != 0;
    }
    if (v instanceof StringValue s) {
      return !s.value().isEmpty();
    }
    if (v instanceof ArrayValue a) {
      return !a.isEmpty();
    }
    if (v instanceof SetValue s) {
      return !s.isEmpty();
    }
    return !((ObjectValue) v).isEmpty();
  }

  /** Go's %v of the JSON form of a value: maps as map[k:v], slices as [a b]. */
  static String print(Value v) {
    if (v == null || v.isNull()) {
      return "<nil>";
    }
    if (v instanceof StringValue s) {
      return s.value();
    }
    if (v instanceof NumberValue n) {
      return n.format();
    }
    if (v instanceof BooleanValue b) {
      return Boolean.toString(b.value());
    }
    if (v instanceof ObjectValue o) {
      StringBuilder sb = new StringBuilder("map[");
      boolean first = true;
      for (Value k : o.sortedKeys()) {
        sb.append(first ? "" : " ").append(print(k)).append(':').append(print(o.get(k)));
        first = false;
      }
      return sb.append(']').toString();
    }
    StringBuilder sb = new StringBuilder("[");
    boolean first = true;
    for (Value e : Operands.elements(v)) {
      sb.append(first ? "" : " ").append(print(e));
      first = false;
    }
    return sb.append(']').toString();
  }

  static Value missing() {
    return MISSING;
  }
}
