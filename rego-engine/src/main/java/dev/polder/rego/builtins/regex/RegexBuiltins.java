package dev.polder.rego.builtins.regex;

import static dev.polder.rego.builtins.operands.Operands.str;
import static dev.polder.rego.builtins.operands.Operands.string;
import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.B;
import static dev.polder.rego.types.Types.N;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.arrayOf;
import static dev.polder.rego.types.Types.fn;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/** regex.* built-ins with RE2 semantics (linear time), as Go's regexp package has them. */
public final class RegexBuiltins {

  private RegexBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.register(Builtin.of("regex.match", fn(B, S, S), RegexBuiltins::match));
    r.register(
        Builtin.of(
            "regex.is_valid",
            fn(B, A),
            (c, a) -> {
              if (!(a.get(0) instanceof StringValue s)) {
                return BooleanValue.FALSE;
              }
              try {
                RegexCache.compile(s.value());
                return BooleanValue.TRUE;
              } catch (PatternSyntaxException e) {
                return BooleanValue.FALSE;
              }
            }));
    r.register(
        Builtin.of(
            "regex.find_n",
            fn(arrayOf(S), S, S, N),
            (c, a) -> {
              List<Value> out = new ArrayList<>();
              for (int[] m : findAll(compile(string(a, 1)), string(a, 2), limit(a))) {
                out.add(str(string(a, 2).substring(m[0], m[1])));
              }
              return ArrayValue.of(out);
            }));
    r.register(
        Builtin.of(
            "regex.find_all_string_submatch_n",
            fn(arrayOf(arrayOf(S)), S, S, N),
            (c, a) -> {
              String s = string(a, 2);
              List<Value> out = new ArrayList<>();
              for (int[] m : findAll(compile(string(a, 1)), s, limit(a))) {
                List<Value> groups = new ArrayList<>();
                for (int g = 0; g < m.length; g += 2) {
                  groups.add(str(m[g] < 0 ? "" : s.substring(m[g], m[g + 1])));
                }
                out.add(ArrayValue.of(groups));
              }
              return ArrayValue.of(out);
            }));
    r.register(Builtin.of("regex.split", fn(arrayOf(S), S, S), RegexBuiltins::split));
    r.register(
        Builtin.of(
            "regex.globs_match",
            fn(B, S, S),
            (c, a) -> {
              try {
                return BooleanValue.of(GlobIntersection.intersect(string(a, 1), string(a, 2)));
              } catch (IllegalArgumentException e) {
                throw BuiltinException.error(e.getMessage());
              }
            }));
    r.register(
        Builtin.of(
            "regex.replace",
            fn(S, S, S, S),
            (c, a) ->
                str(GoReplace.replaceAll(compile(string(a, 2)), string(a, 1), string(a, 3)))));
    r.register(Builtin.of("regex.template_match", fn(B, S, S, S, S), RegexBuiltins::templateMatch));
  }

  private static Pattern compile(String regex) throws BuiltinException {
    try {
      return RegexCache.compile(regex);
    } catch (PatternSyntaxException e) {
      throw BuiltinException.error("error parsing regexp: " + e.getMessage());
    }
  }

  private static int limit(List<Value> a) throws BuiltinException {
    return Operands.intValue(a, 3);
  }

  private static Value match(BuiltinContext c, List<Value> a) throws BuiltinException {
    return BooleanValue.of(compile(string(a, 1)).matcher(string(a, 2)).find());
  }

  /**
   * Go's FindAll: successive non-overlapping matches; an empty match right after the previous match
   * is skipped. Each result holds start/end pairs of every group (-1 when unmatched).
   */
  static List<int[]> findAll(Pattern p, String s, int n) {
    List<int[]> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    Matcher m = p.matcher(s);
    int pos = 0;
    int prevEnd = -1;
    while (pos <= s.length() && (n < 0 || out.size() < n)) {
      if (!m.find(pos)) {
        break;
      }
      int start = m.start();
      int end = m.end();
      if (start == end && start == prevEnd) {
        // Empty match abutting the previous one: try one character further.
        if (start >= s.length()) {
          break;
        }
        pos = start + Character.charCount(s.codePointAt(start));
        continue;
      }
      int[] groups = new int[(m.groupCount() + 1) * 2];
      for (int g = 0; g <= m.groupCount(); g++) {
        groups[2 * g] = m.start(g);
        groups[2 * g + 1] = m.end(g);
      }
      out.add(groups);
      prevEnd = end;
      if (end == start) {
        if (end >= s.length()) {
          break;
        }
        pos = end + Character.charCount(s.codePointAt(end));
      } else {
        pos = end;
      }
    }
    return out;
  }

  private static Value split(BuiltinContext c, List<Value> a) throws BuiltinException {
    String regex = string(a, 1);
    String s = string(a, 2);
    List<Value> out = new ArrayList<>();
    if (!regex.isEmpty() && s.isEmpty()) {
      out.add(StringValue.EMPTY);
      return ArrayValue.of(out);
    }
    int beg = 0;
    int end = 0;
    for (int[] m : findAll(compile(regex), s, -1)) {
      end = m[0];
      if (m[1] != 0) {
        out.add(str(s.substring(beg, end)));
      }
      beg = m[1];
    }
    if (end != s.length()) {
      out.add(str(s.substring(beg)));
    }
    return ArrayValue.of(out);
  }

  private static Value templateMatch(BuiltinContext c, List<Value> a) throws BuiltinException {
    String template = string(a, 1);
    String value = string(a, 2);
    String open = string(a, 3);
    String close = string(a, 4);
    StringBuilder regex = new StringBuilder("^");
    int i = 0;
    while (i < template.length()) {
      int start = template.indexOf(open, i);
      if (start < 0) {
        regex.append(Pattern.quote(template.substring(i)));
        break;
      }
      int stop = template.indexOf(close, start + open.length());
      if (stop < 0) {
        throw BuiltinException.error("unbalanced delimiters in template " + template);
      }
      regex.append(Pattern.quote(template.substring(i, start)));
      regex.append("(?:").append(template, start + open.length(), stop).append(')');
      i = stop + close.length();
    }
    regex.append('$');
    return BooleanValue.of(compile(regex.toString()).matcher(value).find());
  }
}
