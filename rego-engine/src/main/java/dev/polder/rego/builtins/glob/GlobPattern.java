package dev.polder.rego.builtins.glob;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A compiled glob pattern with the syntax of gobwas/glob, which OPA's {@code glob.match} uses.
 *
 * <p>{@code *} matches any run of non-delimiter characters, {@code **} any run of characters,
 * {@code ?} one non-delimiter character, {@code [abc]}, {@code [a-z]}, {@code [!a-z]} one character
 * of (not of) a class, {@code {a,b}} one of the alternatives, and a backslash escapes the next
 * character. The pattern is translated to a regular expression once; matching is then a regex
 * match.
 */
public final class GlobPattern {

  private final Pattern regex;

  private GlobPattern(Pattern regex) {
    this.regex = regex;
  }

  /**
   * Compiles {@code glob} with the given delimiters (code points).
   *
   * @throws IllegalArgumentException if the pattern is malformed (unclosed class or group)
   */
  public static GlobPattern compile(String glob, List<Integer> delimiters) {
    StringBuilder out = new StringBuilder();
    Translator t = new Translator(glob, delimiters);
    t.translateSequence(out, false);
    if (t.pos < glob.length()) {
      throw new IllegalArgumentException("unexpected '" + glob.charAt(t.pos) + "' in glob " + glob);
    }
    return new GlobPattern(Pattern.compile(out.toString(), Pattern.DOTALL));
  }

  public boolean matches(String text) {
    return regex.matcher(text).matches();
  }

  /** Escapes every glob meta character in {@code text}, as {@code glob.quote_meta} does. */
  public static String quoteMeta(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("*?\\[]{}".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static final class Translator {
    private final String glob;
    private final String notDelimiter;
    private int pos;

    Translator(String glob, List<Integer> delimiters) {
      this.glob = glob;
      if (delimiters.isEmpty()) {
        this.notDelimiter = "(?s:.)";
      } else {
        StringBuilder cls = new StringBuilder("[^");
        for (int d : delimiters) {
          appendClassChar(cls, d);
        }
        this.notDelimiter = cls.append(']').toString();
      }
    }

    /** Translates until end of input or, inside a {...} group, until ',' or '}'. */
    void translateSequence(StringBuilder out, boolean inGroup) {
      while (pos < glob.length()) {
        int c = glob.codePointAt(pos);
        if (inGroup && (c == ',' || c == '}')) {
          return;
        }
        pos += Character.charCount(c);
        switch (c) {
          case '*' -> {
            if (pos < glob.length() && glob.charAt(pos) == '*') {
              pos++;
              out.append("(?s:.)*");
            } else {
              out.append(notDelimiter).append('*');
            }
          }
          case '?' -> out.append(notDelimiter);
          case '[' -> translateClass(out);
          case '{' -> translateGroup(out);
          case '\\' -> {
            if (pos >= glob.length()) {
              throw new IllegalArgumentException("glob ends with an escape character: " + glob);
            }
            int escaped = glob.codePointAt(pos);
            pos += Character.charCount(escaped);
            out.append(Pattern.quote(new String(Character.toChars(escaped))));
          }
          default -> out.append(Pattern.quote(new String(Character.toChars(c))));
        }
      }
    }

    private void translateGroup(StringBuilder out) {
      List<String> alternatives = new ArrayList<>();
      while (true) {
        StringBuilder alt = new StringBuilder();
        translateSequence(alt, true);
        alternatives.add(alt.toString());
        if (pos >= glob.length()) {
          throw new IllegalArgumentException("unclosed '{' in glob " + glob);
        }
        char sep = glob.charAt(pos++);
        if (sep == '}') {
          break;
        }
      }
      out.append("(?:").append(String.join("|", alternatives)).append(')');
    }

    private void translateClass(StringBuilder out) {
      StringBuilder cls = new StringBuilder("[");
      if (pos < glob.length() && glob.charAt(pos) == '!') {
        cls.append('^');
        pos++;
      }
      boolean empty = true;
      while (true) {
        if (pos >= glob.length()) {
          throw new IllegalArgumentException("unclosed '[' in glob " + glob);
        }
        int c = glob.codePointAt(pos);
        if (c == ']' && !empty) {
          pos++;
          break;
        }
        if (c == ']') {
          throw new IllegalArgumentException("empty character class in glob " + glob);
        }
        pos += Character.charCount(c);
        if (c == '\\' && pos < glob.length()) {
          c = glob.codePointAt(pos);
          pos += Character.charCount(c);
        }
        appendClassChar(cls, c);
        empty = false;
        if (pos + 1 < glob.length() && glob.charAt(pos) == '-' && glob.charAt(pos + 1) != ']') {
          pos++;
          int hi = glob.codePointAt(pos);
          pos += Character.charCount(hi);
          cls.append('-');
          appendClassChar(cls, hi);
        }
      }
      out.append(cls).append(']');
    }

    private static void appendClassChar(StringBuilder cls, int c) {
      if (Character.isLetterOrDigit(c)) {
        cls.appendCodePoint(c);
      } else {
        cls.append(String.format("\\x{%x}", c));
      }
    }
  }
}
