package dev.polder.runtime.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over the bytes of an audit line (without its newline), as lowercase hex. */
public final class ChainHash {
  /** The {@code prev} of the first record of a log: nothing came before it. */
  public static final String GENESIS = "0".repeat(64);

  private static final HexFormat HEX = HexFormat.of();

  private ChainHash() {}

  public static String of(byte[] line) {
    return HEX.formatHex(digest().digest(line));
  }

  public static String of(byte[] buffer, int offset, int length) {
    MessageDigest digest = digest();
    digest.update(buffer, offset, length);
    return HEX.formatHex(digest.digest());
  }

  public static boolean isHash(String text) {
    if (text.length() != 64) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
