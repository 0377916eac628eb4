package dev.polder.pii.stream;

import dev.polder.pii.redact.PseudonymRestorer;
import java.util.Objects;

/**
 * Restores pseudonyms in a streamed answer. A pseudonym split across chunks ({@code "<PER"} then
 * {@code "SON_1>"}) is held back until it is complete, at most {@link
 * PseudonymRestorer#MAX_PSEUDONYM_LENGTH} characters; everything else passes through at once.
 */
public final class StreamingRestorer {

  private final PseudonymRestorer restorer;
  private final String conversationId;
  private final StringBuilder held = new StringBuilder();

  public StreamingRestorer(PseudonymRestorer restorer, String conversationId) {
    this.restorer = Objects.requireNonNull(restorer, "restorer");
    this.conversationId = Objects.requireNonNull(conversationId, "conversationId");
  }

  public String feed(String delta) {
    held.append(delta);
    int keepFrom = partialPseudonymStart(held);
    String ready = held.substring(0, keepFrom);
    held.delete(0, keepFrom);
    return restorer.restore(ready, conversationId);
  }

  public String flush() {
    String rest = held.toString();
    held.setLength(0);
    return restorer.restore(rest, conversationId);
  }

  /** Start of a trailing {@code <TYPE_N} that may still become a pseudonym, else the length. */
  static int partialPseudonymStart(CharSequence s) {
    int lt = -1;
    for (int i = s.length() - 1;
        i >= 0 && s.length() - i <= PseudonymRestorer.MAX_PSEUDONYM_LENGTH;
        i--) {
      char c = s.charAt(i);
      if (c == '<') {
        lt = i;
        break;
      }
      if (!(Character.isUpperCase(c) || Character.isDigit(c) || c == '_')) {
        return s.length();
      }
    }
    return lt < 0 ? s.length() : lt;
  }
}
