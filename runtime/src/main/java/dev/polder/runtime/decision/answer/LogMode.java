package dev.polder.runtime.decision.answer;

import java.util.Locale;

/** What the audit log may keep of prompts and responses, from most to least kept. */
public enum LogMode {
  FULL,
  REDACTED,
  METADATA;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static LogMode parse(String text) {
    for (LogMode mode : values()) {
      if (mode.label().equals(text)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown log mode '" + text + "' (expected full, redacted or metadata)");
  }

  /** The stricter of two modes (keeps less); null means "not stated". */
  public static LogMode strictest(LogMode a, LogMode b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }
}
