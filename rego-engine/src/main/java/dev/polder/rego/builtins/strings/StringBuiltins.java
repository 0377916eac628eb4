package dev.polder.rego.builtins.strings;

import static dev.polder.rego.builtins.operands.Operands.array;
import static dev.polder.rego.builtins.operands.Operands.number;
import static dev.polder.rego.builtins.operands.Operands.object;
import static dev.polder.rego.builtins.operands.Operands.str;
import static dev.polder.rego.builtins.operands.Operands.string;
import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.B;
import static dev.polder.rego.types.Types.N;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.anyOf;
import static dev.polder.rego.types.Types.arrayOf;
import static dev.polder.rego.types.Types.fn;
import static dev.polder.rego.types.Types.objectOf;
import static dev.polder.rego.types.Types.setOf;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.types.Type;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** OPA's string built-ins: concat, contains, format_int, indexof, split, sprintf, trim, ... */
public final class StringBuiltins {

  private StringBuiltins() {}

  private static final Type STRINGS = anyOf(S, setOf(S), arrayOf(S));
  private static final Type STRING_COLLECTION = anyOf(arrayOf(S), setOf(S));

  public static void register(BuiltinRegistry r) {
    r.register(Builtin.of("concat", fn(S, S, STRING_COLLECTION), StringBuiltins::concat));
    r.register(
        Builtin.of("contains", fn(B, S, S), (c, a) -> bool(string(a, 1).contains(string(a, 2)))));
    r.register(
        Builtin.of(
            "startswith", fn(B, S, S), (c, a) -> bool(string(a, 1).startsWith(string(a, 2)))));
    r.register(
        Builtin.of("endswith", fn(B, S, S), (c, a) -> bool(string(a, 1).endsWith(string(a, 2)))));
    r.register(Builtin.of("lower", fn(S, S), (c, a) -> str(string(a, 1).toLowerCase(Locale.ROOT))));
    r.register(Builtin.of("upper", fn(S, S), (c, a) -> str(string(a, 1).toUpperCase(Locale.ROOT))));
    r.register(Builtin.of("format_int", fn(S, N, N), StringBuiltins::formatInt));
    r.register(Builtin.of("indexof", fn(N, S, S), StringBuiltins::indexOf));
    r.register(Builtin.of("indexof_n", fn(arrayOf(N), S, S), StringBuiltins::indexOfN));
    r.register(Builtin.of("split", fn(arrayOf(S), S, S), StringBuiltins::split));
    r.register(
        Builtin.of(
            "replace",
            fn(S, S, S, S),
            (c, a) -> str(string(a, 1).replace(string(a, 2), string(a, 3)))));
    r.register(
        Builtin.selfChecking(
            "strings.replace_n", fn(S, objectOf(S, S), S), StringBuiltins::replaceN));
    r.register(Builtin.of("substring", fn(S, S, N, N), StringBuiltins::substring));
    r.register(Builtin.of("sprintf", fn(S, S, arrayOf(A)), StringBuiltins::sprintf));
    r.register(
        Builtin.of("trim", fn(S, S, S), (c, a) -> str(Trim.both(string(a, 1), string(a, 2)))));
    r.register(
        Builtin.of("trim_left", fn(S, S, S), (c, a) -> str(Trim.left(string(a, 1), string(a, 2)))));
    r.register(
        Builtin.of(
            "trim_right", fn(S, S, S), (c, a) -> str(Trim.right(string(a, 1), string(a, 2)))));
    r.register(
        Builtin.of(
            "trim_prefix",
            fn(S, S, S),
            (c, a) -> {
              String s = string(a, 1);
              String p = string(a, 2);
              return str(s.startsWith(p) ? s.substring(p.length()) : s);
            }));
    r.register(
        Builtin.of(
            "trim_suffix",
            fn(S, S, S),
            (c, a) -> {
              String s = string(a, 1);
              String p = string(a, 2);
              return str(s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s);
            }));
    r.register(Builtin.of("trim_space", fn(S, S), (c, a) -> str(Trim.space(string(a, 1)))));
    r.register(
        Builtin.of(
            "strings.reverse",
            fn(S, S),
            (c, a) -> str(new StringBuilder(string(a, 1)).reverse().toString())));
    r.register(Builtin.of("strings.count", fn(N, S, S), StringBuiltins::count));
    r.register(
        Builtin.of(
            "strings.render_template",
            fn(S, S, objectOf(S, A)),
            (c, a) -> {
              try {
                return str(GoTemplate.render(string(a, 1), a.get(1)));
              } catch (GoTemplate.TemplateException e) {
                throw BuiltinException.error(e.getMessage());
              }
            }));
    r.register(
        Builtin.of(
            "strings.any_prefix_match", fn(B, STRINGS, STRINGS), (c, a) -> anyMatch(a, true)));
    r.register(
        Builtin.of(
            "strings.any_suffix_match", fn(B, STRINGS, STRINGS), (c, a) -> anyMatch(a, false)));
  }

  private static BooleanValue bool(boolean b) {
    return BooleanValue.of(b);
  }

  private static Value concat(BuiltinContext c, List<Value> a) throws BuiltinException {
    String delimiter = string(a, 1);
    List<String> parts = new ArrayList<>();
    for (Value v : Operands.elements(a.get(1))) {
      if (!(v instanceof StringValue s)) {
        throw BuiltinException.operandType(2, "one of {array[string], set[string]}", a.get(1));
      }
      parts.add(s.value());
    }
    return str(String.join(delimiter, parts));
  }

  private static Value formatInt(BuiltinContext c, List<Value> a) throws BuiltinException {
    NumberValue n = number(a, 1);
    NumberValue base = number(a, 2);
    int radix = base.isInt() ? base.asInt() : 0;
    if (radix != 2 && radix != 8 && radix != 10 && radix != 16) {
      throw BuiltinException.typeError("operand 2 must be one of {2, 8, 10, 16}");
    }
    BigInteger whole = n.asBigDecimal().setScale(0, RoundingMode.DOWN).toBigInteger();
    return str(whole.toString(radix));
  }

  private static Value indexOf(BuiltinContext c, List<Value> a) throws BuiltinException {
    String s = string(a, 1);
    int i = s.indexOf(string(a, 2));
    return NumberValue.of(i < 0 ? -1 : s.codePointCount(0, i));
  }

  private static Value indexOfN(BuiltinContext c, List<Value> a) throws BuiltinException {
    String s = string(a, 1);
    String needle = string(a, 2);
    List<Value> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int i = s.indexOf(needle, from);
      if (i < 0) {
        break;
      }
      out.add(NumberValue.of(s.codePointCount(0, i)));
      from = i + Math.max(1, Character.charCount(s.codePointAt(i)));
      if (from > s.length()) {
        break;
      }
    }
    return ArrayValue.of(out);
  }

  private static Value split(BuiltinContext c, List<Value> a) throws BuiltinException {
    String s = string(a, 1);
    String delimiter = string(a, 2);
    List<Value> out = new ArrayList<>();
    if (delimiter.isEmpty()) {
      s.codePoints().forEach(cp -> out.add(str(new String(Character.toChars(cp)))));
      return ArrayValue.of(out);
    }
    int from = 0;
    while (true) {
      int i = s.indexOf(delimiter, from);
      if (i < 0) {
        out.add(str(s.substring(from)));
        break;
      }
      out.add(str(s.substring(from, i)));
      from = i + delimiter.length();
    }
    return ArrayValue.of(out);
  }

  private static Value replaceN(BuiltinContext c, List<Value> a) throws BuiltinException {
    ObjectValue patterns = object(a, 1);
    String s = string(a, 2);
    List<String[]> pairs = new ArrayList<>();
    for (Value k : patterns.sortedKeys()) {
      if (!(k instanceof StringValue ks)) {
        throw BuiltinException.typeError("operand 1 non-string key found in pattern object");
      }
      if (!(patterns.get(k) instanceof StringValue vs)) {
        throw BuiltinException.typeError("operand 1 non-string value found in pattern object");
      }
      pairs.add(new String[] {ks.value(), vs.value()});
    }
    // Go's strings.Replacer: scan left to right; at each position the first pair that matches
    // (in key order) wins; replaced text is not scanned again.
    StringBuilder out = new StringBuilder();
    int i = 0;
    outer:
    while (i <= s.length()) {
      for (String[] p : pairs) {
        if (!p[0].isEmpty() && s.startsWith(p[0], i)) {
          out.append(p[1]);
          i += p[0].length();
          continue outer;
        }
      }
      if (i < s.length()) {
        out.append(s.charAt(i));
      }
      i++;
    }
    return str(out.toString());
  }

  private static Value substring(BuiltinContext c, List<Value> a) throws BuiltinException {
    String s = string(a, 1);
    int[] runes = s.codePoints().toArray();
    int start = Operands.intValue(a, 2);
    if (start >= runes.length) {
      return StringValue.EMPTY;
    }
    if (start < 0) {
      throw BuiltinException.error("negative offset");
    }
    int length = Operands.intValue(a, 3);
    int end = length < 0 ? runes.length : (int) Math.min((long) start + length, runes.length);
    return str(new String(runes, start, end - start));
  }

  private static Value sprintf(BuiltinContext c, List<Value> a) throws BuiltinException {
    String format = string(a, 1);
    ArrayValue values = array(a, 2);
    List<Object> args = new ArrayList<>(values.size());
    for (Value v : values) {
      args.add(goArgument(v));
    }
    return str(GoFormat.sprintf(format, args));
  }

  /** The Go value OPA hands to fmt.Sprintf for a Rego value. */
  static Object goArgument(Value v) {
    if (v instanceof NumberValue n) {
      if (n.isLong()) {
        return n.asLong();
      }
      java.math.BigDecimal big = n.asBigDecimal();
      // OPA passes integers written in full as big.Int, and anything else (fractions, exponent
      // notation) as float64, or as its text when it overflows float64.
      if (big.scale() == 0) {
        return n.asBigInteger();
      }
      double d = big.doubleValue();
      if (Double.isInfinite(d)) {
        return big.scale() < 0 ? big.unscaledValue() + "e" + (-big.scale()) : n.format();
      }
      return d;
    }
    if (v instanceof StringValue s) {
      return s.value();
    }
    return v.toString();
  }

  private static Value count(BuiltinContext c, List<Value> a) throws BuiltinException {
    String s = string(a, 1);
    String sub = string(a, 2);
    if (sub.isEmpty()) {
      return NumberValue.of(s.codePointCount(0, s.length()) + 1L);
    }
    long n = 0;
    int from = 0;
    while ((from = s.indexOf(sub, from)) >= 0) {
      n++;
      from += sub.length();
    }
    return NumberValue.of(n);
  }

  private static Value anyMatch(List<Value> a, boolean prefix) throws BuiltinException {
    List<String> strings = Operands.strings(a, 1);
    List<String> affixes = Operands.strings(a, 2);
    for (String s : strings) {
      for (String x : affixes) {
        if (prefix ? s.startsWith(x) : s.endsWith(x)) {
          return BooleanValue.TRUE;
        }
      }
    }
    return BooleanValue.FALSE;
  }
}
