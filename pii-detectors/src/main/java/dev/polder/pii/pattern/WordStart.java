package dev.polder.pii.pattern;

import java.util.Locale;
import java.util.Optional;

/**
 * The kind of character every match of a pattern begins with, at the start of a word. A pattern
 * that declares one is tried only at such positions instead of at every position of the text: a 1
 * KB prompt has a handful of words that start with a digit, and a thousand positions.
 *
 * <p>"Start of a word" is deliberately wider than the regex {@code \b}: the previous character is
 * not an ASCII letter, digit or underscore. Every position where {@code \b} followed by the class
 * can match is therefore tried, so declaring the class never loses a match of a pattern that begins
 * with {@code \b} and the class (the regex still decides).
 */
public enum WordStart {
  /** An ASCII digit: {@code \b\d...}. */
  DIGIT("digit"),
  /** An ASCII upper-case letter: {@code \b[A-Z]...}. */
  UPPER("upper");

  private final String yamlName;

  WordStart(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  public static Optional<WordStart> byName(String name) {
    for (WordStart s : values()) {
      if (s.yamlName.equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  boolean begins(char c) {
    return switch (this) {
      case DIGIT -> c >= '0' && c <= '9';
      case UPPER -> c >= 'A' && c <= 'Z';
    };
  }

  static boolean isAsciiWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
