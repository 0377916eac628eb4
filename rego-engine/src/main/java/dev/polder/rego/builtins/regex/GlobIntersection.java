package dev.polder.rego.builtins.regex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Whether two "regex globs" (as OPA's regex.globs_match takes them: literals, {@code .}, character
 * classes {@code [a-z]} / {@code [^a-z]}, escapes, and the quantifiers {@code *}, {@code +}, {@code
 * ?}) match at least one common string. Both patterns become small NFAs whose product is searched
 * breadth-first, so the cost is linear in the product of the pattern sizes.
 */
final class GlobIntersection {

  private GlobIntersection() {}

  private static final int MAX_CODE_POINT = Character.MAX_CODE_POINT;

  /** A set of code points as sorted, disjoint, inclusive ranges [lo0, hi0, lo1, hi1, ...]. */
  private record CharSet(int[] ranges) {
    static CharSet any() {
      return new CharSet(new int[] {0, MAX_CODE_POINT});
    }

    static CharSet of(int c) {
      return new CharSet(new int[] {c, c});
    }

    boolean intersects(CharSet o) {
      int i = 0;
      int j = 0;
      while (i < ranges.length && j < o.ranges.length) {
        if (ranges[i + 1] < o.ranges[j]) {
          i += 2;
        } else if (o.ranges[j + 1] < ranges[i]) {
          j += 2;
        } else {
          return true;
        }
      }
      return false;
    }
  }

  private enum Quantifier {
    ONE,
    STAR,
    OPTIONAL
  }

  private record Token(CharSet chars, Quantifier q) {}

  /**
   * @throws IllegalArgumentException with the message shape of glob-intersection for bad input
   */
  static boolean intersect(String a, String b) {
    List<Token> ta = tokens(a);
    List<Token> tb = tokens(b);
    int nb = tb.size() + 1;
    BitSet seen = new BitSet((ta.size() + 1) * nb);
    Deque<int[]> queue = new ArrayDeque<>();
    visit(0, 0, ta, tb, seen, queue);
    while (!queue.isEmpty()) {
      int[] s = queue.poll();
      int i = s[0];
      int j = s[1];
      if (i == ta.size() && j == tb.size()) {
        return true;
      }
      if (i < ta.size() && j < tb.size() && ta.get(i).chars().intersects(tb.get(j).chars())) {
        // Consume one common character; a STAR token may stay where it is.
        for (int ni : after(ta.get(i), i)) {
          for (int nj : after(tb.get(j), j)) {
            visit(ni, nj, ta, tb, seen, queue);
          }
        }
      }
    }
    return false;
  }

  private static int[] after(Token t, int i) {
    return t.q() == Quantifier.STAR ? new int[] {i, i + 1} : new int[] {i + 1};
  }

  /** Adds (i, j) and everything reachable from it without consuming input. */
  private static void visit(
      int i, int j, List<Token> ta, List<Token> tb, BitSet seen, Deque<int[]> queue) {
    int nb = tb.size() + 1;
    if (seen.get(i * nb + j)) {
      return;
    }
    seen.set(i * nb + j);
    queue.add(new int[] {i, j});
    if (i < ta.size() && ta.get(i).q() != Quantifier.ONE) {
      visit(i + 1, j, ta, tb, seen, queue);
    }
    if (j < tb.size() && tb.get(j).q() != Quantifier.ONE) {
      visit(i, j + 1, ta, tb, seen, queue);
    }
  }

  private static List<Token> tokens(String p) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < p.length()) {
      int c = p.codePointAt(i);
      int start = i;
      i += Character.charCount(c);
      CharSet chars;
      switch (c) {
        case '.' -> chars = CharSet.any();
        case '\\' -> {
          if (i >= p.length()) {
            throw invalid(p, i, "escape at end of input");
          }
          int e = p.codePointAt(i);
          i += Character.charCount(e);
          chars = CharSet.of(e);
        }
        case '[' -> {
          int close = classEnd(p, i);
          if (close < 0) {
            throw invalid(p, start + 1, "set-open '[' with no closing ']'");
          }
          chars = charClass(p.substring(i, close));
          i = close + 1;
        }
        case ']' -> throw invalid(p, start + 1, "set-close ']' with no preceding '['");
        case '*', '+', '?' ->
            throw invalid(p, start + 1, "quantifier '" + (char) c + "' with nothing to repeat");
        default -> chars = CharSet.of(c);
      }
      Quantifier q = Quantifier.ONE;
      if (i < p.length()) {
        char next = p.charAt(i);
        if (next == '*') {
          q = Quantifier.STAR;
          i++;
        } else if (next == '?') {
          q = Quantifier.OPTIONAL;
          i++;
        } else if (next == '+') {
          out.add(new Token(chars, Quantifier.ONE));
          q = Quantifier.STAR;
          i++;
        }
      }
      out.add(new Token(chars, q));
    }
    return out;
  }

  private static int classEnd(String p, int from) {
    for (int i = from; i < p.length(); i++) {
      if (p.charAt(i) == '\\') {
        i++;
      } else if (p.charAt(i) == ']' && i > from) {
        return i;
      }
    }
    return -1;
  }

  private static CharSet charClass(String body) {
    boolean negate = body.startsWith("^");
    String s = negate ? body.substring(1) : body;
    List<int[]> ranges = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      int lo = s.codePointAt(i);
      i += Character.charCount(lo);
      if (lo == '\\' && i < s.length()) {
        lo = s.codePointAt(i);
        i += Character.charCount(lo);
      }
      int hi = lo;
      if (i + 1 < s.length() && s.charAt(i) == '-') {
        hi = s.codePointAt(i + 1);
        i += 1 + Character.charCount(hi);
      }
      ranges.add(new int[] {Math.min(lo, hi), Math.max(lo, hi)});
    }
    ranges.sort((x, y) -> Integer.compare(x[0], y[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] r : ranges) {
      if (!merged.isEmpty() && r[0] <= merged.get(merged.size() - 1)[1] + 1) {
        int[] last = merged.get(merged.size() - 1);
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.add(r);
      }
    }
    if (negate) {
      List<int[]> complement = new ArrayList<>();
      int next = 0;
      for (int[] r : merged) {
        if (r[0] > next) {
          complement.add(new int[] {next, r[0] - 1});
        }
        next = r[1] + 1;
      }
      if (next <= MAX_CODE_POINT) {
        complement.add(new int[] {next, MAX_CODE_POINT});
      }
      merged = complement;
    }
    int[] flat = new int[merged.size() * 2];
    for (int k = 0; k < merged.size(); k++) {
      flat[2 * k] = merged.get(k)[0];
      flat[2 * k + 1] = merged.get(k)[1];
    }
    return new CharSet(flat);
  }

  private static IllegalArgumentException invalid(String input, int pos, String problem) {
    return new IllegalArgumentException(
        "input:" + input + ", pos:" + pos + ", " + problem + ": the input provided is invalid");
  }
}
