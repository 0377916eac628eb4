package dev.polder.rego.builtins.regex;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.concurrent.ConcurrentHashMap;

/** Compiled RE2 patterns shared by all evaluations; bounded so hostile inputs cannot grow it. */
final class RegexCache {

  private static final int MAX_ENTRIES = 10_000;
  private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private RegexCache() {}

  /**
   * @throws PatternSyntaxException if the pattern is not valid RE2 syntax
   */
  static Pattern compile(String regex) {
    Pattern p = CACHE.get(regex);
    if (p == null) {
      p = Pattern.compile(regex);
      if (CACHE.size() >= MAX_ENTRIES) {
        CACHE.clear();
      }
      CACHE.put(regex, p);
    }
    return p;
  }
}
