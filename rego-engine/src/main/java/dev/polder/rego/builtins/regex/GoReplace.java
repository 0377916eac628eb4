package dev.polder.rego.builtins.regex;

import com.google.re2j.Pattern;
import java.util.List;

/** Go's Regexp.ReplaceAllString: {@code $1}, {@code ${1}}, {@code $name}, {@code $$}. */
final class GoReplace {

  private GoReplace() {}

  static String replaceAll(Pattern p, String src, String template) {
    List<int[]> matches = RegexBuiltins.findAll(p, src, -1);
    StringBuilder out = new StringBuilder();
    int last = 0;
    for (int[] m : matches) {
      out.append(src, last, m[0]);
      expand(out, template, src, m, p);
      last = m[1];
    }
    out.append(src.substring(last));
    return out.toString();
  }

  private static void expand(StringBuilder out, String template, String src, int[] m, Pattern p) {
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$' || i + 1 >= template.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = template.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      String name;
      int after;
      if (next == '{') {
        int close = template.indexOf('}', i + 2);
        if (close < 0) {
          out.append(c);
          i++;
          continue;
        }
        name = template.substring(i + 2, close);
        after = close + 1;
      } else {
        int j = i + 1;
        while (j < template.length()
            && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '_')) {
          j++;
        }
        if (j == i + 1) {
          out.append(c);
          i++;
          continue;
        }
        name = template.substring(i + 1, j);
        after = j;
      }
      int group = groupIndex(name, p);
      if (group >= 0 && 2 * group + 1 < m.length && m[2 * group] >= 0) {
        out.append(src, m[2 * group], m[2 * group + 1]);
      }
      i = after;
    }
  }

  private static int groupIndex(String name, Pattern p) {
    if (name.chars().allMatch(Character::isDigit)) {
      try {
        return Integer.parseInt(name);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    Integer g = p.namedGroups().get(name);
    return g == null ? -1 : g;
  }
}
