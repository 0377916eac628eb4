package dev.polder.pii.redact;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts originals back into an answer for a caller allowed to see them: every {@code <TYPE_N>} the
 * vault knows for the conversation is replaced; unknown or expired ones stay as they are.
 */
public final class PseudonymRestorer {

  /** A pseudonym as {@link PseudonymVault#format} writes it. */
  public static final Pattern PSEUDONYM = Pattern.compile("<[A-Z][A-Z0-9_]{0,62}_[0-9]{1,9}>");

  /** Longest pseudonym text, for stream hold-back. */
  public static final int MAX_PSEUDONYM_LENGTH = 1 + 63 + 1 + 9 + 1;

  private final PseudonymVault vault;

  public PseudonymRestorer(PseudonymVault vault) {
    this.vault = Objects.requireNonNull(vault, "vault");
  }

  public String restore(String text, String conversationId) {
    if (text.indexOf('<') < 0) {
      return text;
    }
    Matcher m = PSEUDONYM.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    while (m.find()) {
      var original = vault.originalOf(conversationId, m.group());
      if (original.isPresent()) {
        out.append(text, copied, m.start()).append(original.get());
        copied = m.end();
      }
    }
    return out.append(text, copied, text.length()).toString();
  }
}
