package dev.polder.rego.builtins.encoding;

/** Go strings are bytes; Rego strings here are Java strings. Conversion as Go ranges over bytes. */
public final class GoStrings {

  private GoStrings() {}

  /**
   * Decodes UTF-8 as Go does when it reads runes: every byte of an invalid sequence becomes one
   * U+FFFD, so rune counts agree with Go's.
   */
  public static String fromUtf8(byte[] b) {
    StringBuilder out = new StringBuilder(b.length);
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        out.append((char) c);
        i++;
        continue;
      }
      int len;
      int cp;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
        min = 0x10000;
      } else {
        out.append('\uFFFD');
        i++;
        continue;
      }
      boolean ok = i + len <= b.length;
      for (int k = 1; ok && k < len; k++) {
        int cc = b[i + k] & 0xff;
        if ((cc & 0xC0) != 0x80) {
          ok = false;
        } else {
          cp = (cp << 6) | (cc & 0x3F);
        }
      }
      if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        out.append('\uFFFD');
        i++;
        continue;
      }
      out.appendCodePoint(cp);
      i += len;
    }
    return out.toString();
  }
}
