package dev.polder.runtime.decision.answer;

import java.util.Locale;

/** What happens to an entity type, from least to most protective (the ordinal is the order). */
public enum RedactAction {
  KEEP,
  MASK,
  HASH,
  PSEUDONYMIZE,
  BLOCK;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RedactAction parse(String text) {
    for (RedactAction action : values()) {
      if (action.label().equals(text)) {
        return action;
      }
    }
    throw new IllegalArgumentException(
        "unknown redact action '" + text + "' (expected keep, mask, hash, pseudonymize or block)");
  }

  public static RedactAction mostProtective(RedactAction a, RedactAction b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }
}
