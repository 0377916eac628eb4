package dev.polder.pii.ner;

/**
 * An entity found by a recogniser, before it becomes a {@code Finding}: UTF-16 offsets into the
 * scanned text ({@code start} inclusive, {@code end} exclusive) and a score in [0, 1].
 */
public record EntitySpan(NerEntityType type, int start, int end, double score) {

  public EntitySpan {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "span must satisfy 0 <= start < end: " + start + ", " + end);
    }
  }

  public boolean overlaps(EntitySpan other) {
    return start < other.end && other.start < end;
  }
}
