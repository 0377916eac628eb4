package dev.polder.pii.validate;

/**
 * Confirms or rejects a pattern match by structure or checksum. A rejected candidate is dropped; a
 * confirmed one is reported as validated, which wins overlaps against unvalidated findings.
 */
public interface Validator {

  /** The name detectors.yaml uses in {@code validator:}. */
  String name();

  /** {@code candidate} is the matched text exactly as it appears (separators included). */
  boolean isValid(String candidate);

  /**
   * Whether passing this validator confirms the value (checksums, structure), so findings are
   * reported as validated. Heuristic filters such as entropy only reject candidates.
   */
  default boolean confirms() {
    return true;
  }

  /** Digits of {@code s}, other characters dropped. */
  static String digitsOf(String s) {
    StringBuilder digits = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.toString();
  }
}
