package dev.polder.pii.redact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed HMAC-SHA256 of a value, so equal values give equal tokens (joins and counts still work on
 * redacted text) while nobody without the key can test a guess. The type is part of the input, so
 * the same digits as a phone number and as an account number hash differently.
 */
public final class HmacHasher {

  /** Hex characters kept: 64 bits, enough to tell values apart within an organisation's data. */
  public static final int HEX_CHARS = 16;

  private final SecretKeySpec key;

  public HmacHasher(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("HMAC key must be at least 16 bytes, got " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /** {@code [TYPE:hex]} */
  public String token(String entityType, String value) {
    return "[" + entityType + ":" + hex(entityType, value) + "]";
  }

  public String hex(String entityType, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(entityType.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }
}
