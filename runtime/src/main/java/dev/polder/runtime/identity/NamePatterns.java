package dev.polder.runtime.identity;

import java.util.Collection;

/** Names with {@code *} as a wildcard for any run of characters, as roles grant them. */
public final class NamePatterns {

  private NamePatterns() {}

  /** Whether any of the patterns matches the name. */
  public static boolean anyMatches(Collection<String> patterns, String name) {
    for (String pattern : patterns) {
      if (matches(pattern, name)) {
        return true;
      }
    }
    return false;
  }

  public static boolean matches(String pattern, String name) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.indexOf('*') < 0) {
      return pattern.equals(name);
    }
    return glob(pattern, 0, name, 0);
  }

  private static boolean glob(String pattern, int p, String name, int n) {
    // Iterative with one backtrack point: linear for the short names roles hold.
    int star = -1;
    int mark = 0;
    while (n < name.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = n;
      } else if (p < pattern.length() && pattern.charAt(p) == name.charAt(n)) {
        p++;
        n++;
      } else if (star >= 0) {
        p = star + 1;
        n = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
