package dev.polder.pii.validate;

import java.util.Locale;

/**
 * Generic secrets next to key-like names: the value must look random (Shannon entropy of at least
 * 3.5 bits per character, 3.0 for hex strings; a digit and a letter) and must not be an obvious placeholder.
 */
public final class EntropyValidator implements Validator {

  static final double MIN_BITS_PER_CHAR = 3.5;

  /** Hex digests carry at most 4 bits per character; random 32-hex keys measure 3.4-3.9. */
  static final double MIN_BITS_PER_HEX_CHAR = 3.0;

  private static final String[] PLACEHOLDERS = {
    "your", "example", "xxxx", "placeholder", "changeme", "redacted", "dummy", "sample", "1234567"
  };

  @Override
  public String name() {
    return "entropy";
  }

  /** Randomness does not prove a secret; it only rules out words and placeholders. */
  @Override
  public boolean confirms() {
    return false;
  }

  @Override
  public boolean isValid(String candidate) {
    boolean digit = false;
    boolean letter = false;
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      digit |= Character.isDigit(c);
      letter |= Character.isLetter(c);
    }
    if (!digit || !letter) {
      return false;
    }
    String lower = candidate.toLowerCase(Locale.ROOT);
    for (String placeholder : PLACEHOLDERS) {
      if (lower.contains(placeholder)) {
        return false;
      }
    }
    boolean hex = candidate.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    return shannonBitsPerChar(candidate) >= (hex ? MIN_BITS_PER_HEX_CHAR : MIN_BITS_PER_CHAR);
  }

  public static double shannonBitsPerChar(String s) {
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double bits = 0;
    double n = s.length();
    for (int count : counts) {
      if (count > 0) {
        double p = count / n;
        bits -= p * (Math.log(p) / Math.log(2));
      }
    }
    if (other > 0) {
      double p = other / n;
      bits -= p * (Math.log(p) / Math.log(2));
    }
    return bits;
  }
}
