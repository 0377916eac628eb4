package dev.polder.connectors.translate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rough token count (words and punctuation marks) for backends that report none. Only used where
 * no real count exists; close enough for budgets, not for billing.
 */
public final class TokenEstimate {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+|[^\\p{L}\\p{N}_\\s]");

  private TokenEstimate() {}

  public static long of(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    Matcher matcher = TOKEN.matcher(text);
    long count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
