package dev.polder.pii.detect;

import java.util.Objects;

/**
 * One detected entity. Offsets are UTF-16 code-unit indexes into the scanned text ({@code start}
 * inclusive, {@code end} exclusive), exactly as {@link String#substring(int, int)} takes them.
 *
 * @param type entity type, upper snake case (e.g. {@code EMAIL_ADDRESS}, {@code PERSON})
 * @param score confidence in [0, 1]
 * @param detector name of the registry entry that produced it
 * @param validated true when a checksum or structural validator confirmed the value
 */
public record Finding(
    String type, int start, int end, double score, String detector, boolean validated) {

  public Finding {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(detector, "detector");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "finding span must satisfy 0 <= start < end, got [" + start + ", " + end + ")");
    }
    if (score < 0 || score > 1 || Double.isNaN(score)) {
      throw new IllegalArgumentException("finding score must be in [0, 1], got " + score);
    }
  }

  public int length() {
    return end - start;
  }

  public boolean overlaps(Finding other) {
    return start < other.end && other.start < end;
  }

  public Finding withScore(double newScore) {
    return new Finding(type, start, end, newScore, detector, validated);
  }

  public Finding shiftedBy(int offset) {
    return new Finding(type, start + offset, end + offset, score, detector, validated);
  }

  /** The covered text; callers must take care never to log it. */
  public String textIn(String text) {
    return text.substring(start, end);
  }
}
