package dev.polder.rego.builtins.strings;

import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** Evaluates one text/template pipeline ({@code .a.b | printf "%s"}) for {@link GoTemplate}. */
final class PipelineEval {

  private final Value dot;
  private final Deque<Map<String, Value>> scopes;
  private String src;
  private int pos;

  PipelineEval(Value dot, Deque<Map<String, Value>> scopes) {
    this.dot = dot;
    this.scopes = scopes;
  }

  Value eval(String pipeline) throws GoTemplate.TemplateException {
    src = pipeline;
    pos = 0;
    Value v = pipeline();
    skipSpace();
    if (pos < src.length()) {
      throw new GoTemplate.TemplateException("template: unexpected \"" + src.substring(pos) + "\"");
    }
    return v;
  }

  private Value pipeline() throws GoTemplate.TemplateException {
    Value v = command(null);
    skipSpace();
    while (pos < src.length() && src.charAt(pos) == '|') {
      pos++;
      v = command(v);
      skipSpace();
    }
    return v;
  }

  /** A command; {@code piped} (if not null) is appended as the last argument. */
  private Value command(Value piped) throws GoTemplate.TemplateException {
    skipSpace();
    List<Object> words = new ArrayList<>();
    while (true) {
      skipSpace();
      if (pos >= src.length() || src.charAt(pos) == '|' || src.charAt(pos) == ')') {
        break;
      }
      char c = src.charAt(pos);
      if (Character.isLetter(c)) {
        int start = pos;
        while (pos < src.length()
            && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
          pos++;
        }
        String ident = src.substring(start, pos);
        switch (ident) {
          case "true" -> words.add(BooleanValue.TRUE);
          case "false" -> words.add(BooleanValue.FALSE);
          case "nil" -> words.add(Value.nullValue());
          default -> words.add(ident);
        }
      } else {
        words.add(operand());
      }
    }
    if (piped != null) {
      words.add(piped);
    }
    if (words.isEmpty()) {
      throw new GoTemplate.TemplateException("template: missing value for command");
    }
    if (words.get(0) instanceof String fn) {
      List<Value> args = new ArrayList<>();
      for (Object w : words.subList(1, words.size())) {
        if (w instanceof String s) {
          throw new GoTemplate.TemplateException("template: function \"" + s + "\" not defined");
        }
        args.add((Value) w);
      }
      return call(fn, args);
    }
    if (words.size() > 1) {
      throw new GoTemplate.TemplateException("template: can't give argument to non-function");
    }
    return (Value) words.get(0);
  }

  private Value operand() throws GoTemplate.TemplateException {
    char c = src.charAt(pos);
    if (c == '(') {
      pos++;
      Value v = pipeline();
      skipSpace();
      expect(')');
      return fields(v);
    }
    if (c == '"' || c == '`') {
      return StringValue.of(string(c));
    }
    if (Character.isDigit(c) || c == '-') {
      int start = pos++;
      while (pos < src.length()
          && (Character.isDigit(src.charAt(pos)) || ".eE+-".indexOf(src.charAt(pos)) >= 0)) {
        pos++;
      }
      try {
        return NumberValue.parse(src.substring(start, pos));
      } catch (NumberFormatException e) {
        throw new GoTemplate.TemplateException("template: bad number " + src.substring(start, pos));
      }
    }
    if (c == '$') {
      int start = pos++;
      while (pos < src.length()
          && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
      String name = src.substring(start, pos);
      Value v = lookup(name);
      return fields(v);
    }
    if (c == '.') {
      if (pos + 1 >= src.length() || !isFieldStart(src.charAt(pos + 1))) {
        pos++;
        return dot;
      }
      return fields(dot);
    }
    throw new GoTemplate.TemplateException("template: unexpected \"" + c + "\" in operand");
  }

  private static boolean isFieldStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  /** Follows ".a.b" after a value; missing keys give {@code <undefined>}. */
  private Value fields(Value v) {
    Value current = v;
    while (pos + 1 < src.length() && src.charAt(pos) == '.' && isFieldStart(src.charAt(pos + 1))) {
      pos++;
      int start = pos;
      while (pos < src.length()
          && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
      String name = src.substring(start, pos);
      Value next = current instanceof ObjectValue o ? o.get(name) : null;
      current = next == null ? GoTemplate.missing() : next;
    }
    return current;
  }

  private Value lookup(String name) throws GoTemplate.TemplateException {
    for (Map<String, Value> scope : scopes) {
      Value v = scope.get(name);
      if (v != null) {
        return v;
      }
    }
    throw new GoTemplate.TemplateException("template: undefined variable \"" + name + "\"");
  }

  private String string(char quote) throws GoTemplate.TemplateException {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < src.length() && src.charAt(pos) != quote) {
      char c = src.charAt(pos++);
      if (c == '\\' && quote == '"' && pos < src.length()) {
        char e = src.charAt(pos++);
        sb.append(
            switch (e) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> e;
            });
      } else {
        sb.append(c);
      }
    }
    expect(quote);
    return sb.toString();
  }

  private void expect(char c) throws GoTemplate.TemplateException {
    if (pos >= src.length() || src.charAt(pos) != c) {
      throw new GoTemplate.TemplateException("template: expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private static Value call(String fn, List<Value> args) throws GoTemplate.TemplateException {
    switch (fn) {
      case "not":
        arity(fn, args, 1);
        return BooleanValue.of(!GoTemplate.truth(args.get(0)));
      case "and":
        for (Value a : args) {
          if (!GoTemplate.truth(a)) {
            return a;
          }
        }
        return args.get(args.size() - 1);
      case "or":
        for (Value a : args) {
          if (GoTemplate.truth(a)) {
            return a;
          }
        }
        return args.get(args.size() - 1);
      case "len":
        arity(fn, args, 1);
        Value x = args.get(0);
        if (x instanceof StringValue s) {
          return Value.of(s.value().length());
        }
        if (x instanceof ObjectValue o) {
          return Value.of(o.size());
        }
        if (x instanceof ArrayValue || x instanceof SetValue) {
          return Value.of(Operands.elements(x).size());
        }
        throw new GoTemplate.TemplateException("template: len of " + x.typeName());
      case "index":
        Value cur = args.get(0);
        for (Value k : args.subList(1, args.size())) {
          if (cur instanceof ArrayValue a
              && k instanceof NumberValue n
              && n.isInt()
              && n.asInt() >= 0
              && n.asInt() < a.size()) {
            cur = a.get(n.asInt());
          } else if (cur instanceof ObjectValue o && o.get(k) != null) {
            cur = o.get(k);
          } else {
            return GoTemplate.missing();
          }
        }
        return cur;
      case "eq", "ne", "lt", "le", "gt", "ge":
        arity(fn, args, 2);
        int c = args.get(0).compareTo(args.get(1));
        boolean r =
            switch (fn) {
              case "eq" -> c == 0;
              case "ne" -> c != 0;
              case "lt" -> c < 0;
              case "le" -> c <= 0;
              case "gt" -> c > 0;
              default -> c >= 0;
            };
        return BooleanValue.of(r);
      case "print", "println":
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
          if (i > 0
              && (fn.equals("println")
                  || !(args.get(i) instanceof StringValue
                      || args.get(i - 1) instanceof StringValue))) {
            sb.append(' ');
          }
          sb.append(GoTemplate.print(args.get(i)));
        }
        return StringValue.of(fn.equals("println") ? sb.append('\n').toString() : sb.toString());
      case "printf":
        if (args.isEmpty() || !(args.get(0) instanceof StringValue format)) {
          throw new GoTemplate.TemplateException("template: printf needs a format string");
        }
        List<Object> goArgs = new ArrayList<>();
        for (Value a : args.subList(1, args.size())) {
          goArgs.add(StringBuiltins.goArgument(a));
        }
        return StringValue.of(GoFormat.sprintf(format.value(), goArgs));
      default:
        throw new GoTemplate.TemplateException("template: function \"" + fn + "\" not defined");
    }
  }

  private static void arity(String fn, List<Value> args, int n)
      throws GoTemplate.TemplateException {
    if (args.size() != n) {
      throw new GoTemplate.TemplateException(
          "template: wrong number of args for " + fn + ": want " + n + " got " + args.size());
    }
  }
}
