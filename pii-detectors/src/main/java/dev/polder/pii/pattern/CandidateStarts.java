package dev.polder.pii.pattern;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Positions where a match of a pattern can begin, found with plain character scans so that the
 * regex runs with {@code lookingAt} at a few positions instead of {@code find} over the whole text.
 * Each kind of hint yields a superset of the real match starts, so results are exactly those of
 * {@code find}.
 */
final class CandidateStarts {
  private CandidateStarts() {}

  /**
   * Sorted, distinct candidate positions.
   *
   * @param folded the text with ASCII upper case folded (same offsets as the text)
   * @param anchors literals a match contains, starting at most {@code lookback} characters before
   *     the literal (0: the match starts with it)
   * @param wordStarts classes of the first character of a match at a word start
   */
  static int[] of(
      String text, String folded, List<String> anchors, int lookback, Set<WordStart> wordStarts) {
    int[] positions = new int[16];
    int count = 0;
    for (String anchor : anchors) {
      for (int at = folded.indexOf(anchor); at >= 0; at = folded.indexOf(anchor, at + 1)) {
        for (int p = Math.max(0, at - lookback); p <= at; p++) {
          if (count == positions.length) {
            positions = Arrays.copyOf(positions, count * 2);
          }
          positions[count++] = p;
        }
      }
    }
    if (!wordStarts.isEmpty()) {
      int[] starts = WORD_STARTS.get().of(text, wordStarts);
      if (count == 0) {
        return starts;
      }
      int total = count + starts.length;
      if (total > positions.length) {
        positions = Arrays.copyOf(positions, total);
      }
      System.arraycopy(starts, 0, positions, count, starts.length);
      count = total;
    }
    return sortedDistinct(positions, count);
  }

  /**
   * Every pattern of every detector runs over the same text in turn: the word starts of the last
   * text seen on this thread are kept (by identity), per class, so the text is scanned once per
   * class however the detectors' patterns alternate between them.
   */
  private static final ThreadLocal<LastText> WORD_STARTS = ThreadLocal.withInitial(LastText::new);

  /** The text with ASCII upper case folded (same offsets), computed once per text and thread. */
  static String folded(String text) {
    LastText last = WORD_STARTS.get();
    if (text != last.foldedOf) {
      last.folded = PatternDetector.foldAsciiCase(text);
      last.foldedOf = text;
    }
    return last.folded;
  }

  private static final class LastText {
    private String text;
    private final int[][] byClass = new int[WordStart.values().length][];
    private int[] both;
    private String foldedOf;
    private String folded;

    int[] of(String text, Set<WordStart> classes) {
      if (text != this.text) {
        this.text = text;
        java.util.Arrays.fill(byClass, null);
        both = null;
      }
      if (classes.size() == 1) {
        return single(classes.iterator().next());
      }
      if (both == null) {
        int[] digits = single(WordStart.DIGIT);
        int[] uppers = single(WordStart.UPPER);
        int[] merged = Arrays.copyOf(digits, digits.length + uppers.length);
        System.arraycopy(uppers, 0, merged, digits.length, uppers.length);
        Arrays.sort(merged);
        both = merged;
      }
      return both;
    }

    private int[] single(WordStart start) {
      int[] starts = byClass[start.ordinal()];
      if (starts == null) {
        starts = scan(text, start);
        byClass[start.ordinal()] = starts;
      }
      return starts;
    }
  }

  private static int[] scan(String text, WordStart start) {
    int n = text.length();
    int[] starts = new int[16];
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (start.begins(text.charAt(i))
          && (i == 0 || !WordStart.isAsciiWordChar(text.charAt(i - 1)))) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  private static int[] sortedDistinct(int[] positions, int count) {
    Arrays.sort(positions, 0, count);
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      if (distinct == 0 || positions[distinct - 1] != positions[i]) {
        positions[distinct++] = positions[i];
      }
    }
    return Arrays.copyOf(positions, distinct);
  }
}
