package dev.polder.rego.builtins.encoding;

import java.io.ByteArrayOutputStream;

/**
 * Base64 decoding with the strictness and error messages of Go's encoding/base64 ({@code illegal
 * base64 data at input byte N}). Carriage returns and newlines are ignored, as in Go.
 */
public final class GoBase64 {

  private GoBase64() {}

  /** A decoding failure; the message is Go's. */
  public static final class DecodeException extends Exception {
    DecodeException(int position) {
      super("illegal base64 data at input byte " + position);
    }
  }

  private static final String STD =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final String URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /**
   * Decodes {@code s}.
   *
   * @param url the URL alphabet ({@code -_}) instead of the standard one ({@code +/})
   * @param padded padding is required (Go's StdEncoding/URLEncoding) or refused (Raw*Encoding)
   */
  public static byte[] decode(String s, boolean url, boolean padded) throws DecodeException {
    String alphabet = url ? URL : STD;
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 3 / 4);
    int[] quantum = new int[4];
    int n = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n') {
        i++;
        continue;
      }
      if (c == '=') {
        if (!padded || n < 2) {
          throw new DecodeException(i);
        }
        // "xx==" or "xxx=": the rest must be the remaining padding and nothing else.
        int need = 4 - n;
        int j = i;
        int found = 0;
        while (j < s.length() && found < need) {
          char p = s.charAt(j);
          if (p == '\r' || p == '\n') {
            j++;
            continue;
          }
          if (p != '=') {
            throw new DecodeException(j);
          }
          found++;
          j++;
        }
        if (found < need) {
          throw new DecodeException(s.length());
        }
        while (j < s.length() && (s.charAt(j) == '\r' || s.charAt(j) == '\n')) {
          j++;
        }
        if (j < s.length()) {
          throw new DecodeException(j);
        }
        flush(out, quantum, n);
        return out.toByteArray();
      }
      int v = alphabet.indexOf(c);
      if (v < 0) {
        throw new DecodeException(i);
      }
      quantum[n++] = v;
      if (n == 4) {
        flush(out, quantum, 4);
        n = 0;
      }
      i++;
    }
    if (n != 0) {
      if (padded || n == 1) {
        throw new DecodeException(s.length() - n);
      }
      flush(out, quantum, n);
    }
    return out.toByteArray();
  }

  private static void flush(ByteArrayOutputStream out, int[] q, int n) {
    int bits = 0;
    for (int k = 0; k < 4; k++) {
      bits = (bits << 6) | (k < n ? q[k] : 0);
    }
    out.write((bits >> 16) & 0xff);
    if (n > 2) {
      out.write((bits >> 8) & 0xff);
    }
    if (n > 3) {
      out.write(bits & 0xff);
    }
  }
}
