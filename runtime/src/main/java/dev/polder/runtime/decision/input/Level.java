package dev.polder.runtime.decision.input;

import java.util.Locale;

/** Classification levels in increasing order of sensitivity; the ordinal is the order. */
public enum Level {
  PUBLIC,
  INTERNAL,
  CONFIDENTIAL,
  RESTRICTED;

  /** The lower-case name used in rules, policies and the input document. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Level other) {
    return compareTo(other) >= 0;
  }

  /**
   * Parses a level name as authors write it ({@code confidential}); rejects anything else with a
   * message that lists the valid names.
   */
  public static Level parse(String text) {
    if (text != null) {
      for (Level level : values()) {
        if (level.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
          return level;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown classification level '"
            + text
            + "' (expected public, internal, confidential or restricted)");
  }

  public static Level max(Level a, Level b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }
}
