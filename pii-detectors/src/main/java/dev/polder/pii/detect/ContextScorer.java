package dev.polder.pii.detect;

import java.util.List;
import java.util.Locale;

/**
 * Raises a candidate's score when one of its detector's context words appears near it ("card"
 * before a 16-digit number, "born" before a date). By default the window is ~50 characters before
 * (about six words) and ~25 after; words match case-insensitively on word boundaries, so "dob" does
 * not match inside "adobe".
 */
public final class ContextScorer {

  private ContextScorer() {}

  public static double score(String text, Finding finding, DetectorSettings settings) {
    List<String> words = settings.contextWords();
    if (words.isEmpty() || finding.score() >= 1.0) {
      return finding.score();
    }
    if (hasContextWord(text, finding.start(), finding.end(), words, settings.contextWindow())) {
      return Math.min(1.0, finding.score() + settings.contextBoost());
    }
    return finding.score();
  }

  static boolean hasContextWord(
      String text, int start, int end, List<String> words, DetectorSettings.ContextWindow window) {
    int from = Math.max(0, start - window.before());
    int to = Math.min(text.length(), end + window.after());
    String before = text.substring(from, start).toLowerCase(Locale.ROOT);
    String after = text.substring(end, to).toLowerCase(Locale.ROOT);
    for (String word : words) {
      if (containsWord(before, word) || containsWord(after, word)) {
        return true;
      }
    }
    return false;
  }

  /** {@code word} is lower case already (the registry normalises it). */
  static boolean containsWord(String haystack, String word) {
    int at = haystack.indexOf(word);
    while (at >= 0) {
      int after = at + word.length();
      boolean leftOk = at == 0 || !Character.isLetterOrDigit(haystack.charAt(at - 1));
      boolean rightOk =
          after >= haystack.length() || !Character.isLetterOrDigit(haystack.charAt(after));
      if (leftOk && rightOk) {
        return true;
      }
      at = haystack.indexOf(word, at + 1);
    }
    return false;
  }
}
