package dev.polder.rego.builtins.net;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An IPv4 (32 bits) or IPv6 (128 bits) address as an unsigned integer. Parsed and printed as Go's
 * {@code net} package does, without any name resolution.
 */
public record IpAddress(BigInteger value, int bits) implements Comparable<IpAddress> {

  public boolean isV4() {
    return bits == 32;
  }

  /** Parses a literal IPv4 ("10.0.0.1") or IPv6 ("fe80::1", "::ffff:1.2.3.4") address. */
  public static Optional<IpAddress> parse(String s) {
    if (s.indexOf(':') >= 0) {
      return parseV6(s);
    }
    return parseV4(s).map(v -> new IpAddress(BigInteger.valueOf(v), 32));
  }

  /** Dotted quad without leading zeros, as Go accepts it; hand-rolled because it is per request. */
  private static Optional<Long> parseV4(String s) {
    long v = 0;
    int octets = 0;
    int i = 0;
    int n = s.length();
    while (octets < 4) {
      int start = i;
      int octet = 0;
      while (i < n && i - start < 3) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        octet = octet * 10 + (c - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || octet > 255 || (digits > 1 && s.charAt(start) == '0')) {
        return Optional.empty();
      }
      v = (v << 8) | octet;
      octets++;
      if (octets < 4) {
        if (i >= n || s.charAt(i) != '.') {
          return Optional.empty();
        }
        i++;
      }
    }
    return i == n ? Optional.of(v) : Optional.empty();
  }

  private static Optional<IpAddress> parseV6(String s) {
    int[] groups = new int[8];
    int count = 0;
    int ellipsis = -1;
    int i = 0;
    if (s.startsWith("::")) {
      ellipsis = 0;
      i = 2;
      if (i == s.length()) {
        return Optional.of(new IpAddress(BigInteger.ZERO, 128));
      }
    }
    while (i < s.length()) {
      if (count >= 8) {
        return Optional.empty();
      }
      int end = i;
      while (end < s.length() && isHex(s.charAt(end))) {
        end++;
      }
      if (end < s.length() && s.charAt(end) == '.') {
        // Embedded IPv4 in the last 32 bits.
        if (count > 6) {
          return Optional.empty();
        }
        Optional<Long> v4 = parseV4(s.substring(i));
        if (v4.isEmpty()) {
          return Optional.empty();
        }
        groups[count++] = (int) (v4.get() >>> 16);
        groups[count++] = (int) (v4.get() & 0xffff);
        i = s.length();
        break;
      }
      if (end == i || end - i > 4) {
        return Optional.empty();
      }
      groups[count++] = Integer.parseInt(s.substring(i, end), 16);
      i = end;
      if (i == s.length()) {
        break;
      }
      if (s.charAt(i) != ':') {
        return Optional.empty();
      }
      i++;
      if (i < s.length() && s.charAt(i) == ':') {
        if (ellipsis >= 0) {
          return Optional.empty();
        }
        ellipsis = count;
        i++;
        if (i == s.length()) {
          break;
        }
      } else if (i == s.length()) {
        return Optional.empty();
      }
    }
    if (count < 8) {
      if (ellipsis < 0) {
        return Optional.empty();
      }
      int shift = 8 - count;
      for (int j = count - 1; j >= ellipsis; j--) {
        groups[j + shift] = groups[j];
      }
      for (int j = ellipsis; j < ellipsis + shift; j++) {
        groups[j] = 0;
      }
    } else if (ellipsis >= 0) {
      return Optional.empty();
    }
    BigInteger v = BigInteger.ZERO;
    for (int g : groups) {
      v = v.shiftLeft(16).or(BigInteger.valueOf(g));
    }
    return Optional.of(new IpAddress(v, 128));
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Go's {@code IP.String}: dotted quad, or RFC 5952 with the longest zero run as "::". */
  @Override
  public String toString() {
    if (isV4()) {
      long v = value.longValue();
      return ((v >> 24) & 0xff)
          + "."
          + ((v >> 16) & 0xff)
          + "."
          + ((v >> 8) & 0xff)
          + "."
          + (v & 0xff);
    }
    int[] groups = new int[8];
    for (int j = 0; j < 8; j++) {
      groups[j] = value.shiftRight(16 * (7 - j)).intValue() & 0xffff;
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int j = 0; j < 8; ) {
      if (groups[j] != 0) {
        j++;
        continue;
      }
      int k = j;
      while (k < 8 && groups[k] == 0) {
        k++;
      }
      if (k - j > bestLen && k - j >= 2) {
        bestStart = j;
        bestLen = k - j;
      }
      j = k;
    }
    StringBuilder out = new StringBuilder();
    for (int j = 0; j < 8; j++) {
      if (j == bestStart) {
        out.append("::");
        j += bestLen - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[j]));
    }
    return out.toString();
  }

  @Override
  public int compareTo(IpAddress o) {
    if (bits != o.bits) {
      return Integer.compare(bits, o.bits);
    }
    return value.compareTo(o.value);
  }
}
