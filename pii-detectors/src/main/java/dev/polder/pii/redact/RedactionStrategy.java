package dev.polder.pii.redact;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What happens to one entity type, ordered from least to most protective (the redact decision point
 * combines answers by taking the most protective).
 */
public enum RedactionStrategy {
  /** Leave the value as it is. */
  KEEP,
  /** Replace by the type in brackets: {@code [EMAIL_ADDRESS]}. */
  MASK,
  /**
   * Replace by a keyed HMAC of the value, stable across requests: {@code [EMAIL_ADDRESS:1f2e…]}.
   */
  HASH,
  /** Replace by a numbered stand-in kept in the vault: {@code <PERSON_1>}; reversible. */
  PSEUDONYMIZE,
  /** Refuse the whole text. */
  BLOCK;

  /** Parses the configuration spelling ({@code keep}, {@code mask}, …), case-insensitively. */
  public static RedactionStrategy parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown redaction strategy '"
              + value
              + "' (known: "
              + Arrays.stream(values())
                  .map(RedactionStrategy::configName)
                  .collect(Collectors.joining(", "))
              + ")");
    }
  }

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public RedactionStrategy mostProtective(RedactionStrategy other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
