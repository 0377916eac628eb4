package dev.polder.pii.validate;

/**
 * IPv4 (dotted quad, octets 0-255 without leading zeros) and IPv6 (RFC 4291 text forms: eight
 * groups, one {@code ::}, optional trailing IPv4, optional zone) by parsing, never by DNS.
 */
public final class IpAddressValidator implements Validator {

  @Override
  public String name() {
    return "ip";
  }

  @Override
  public boolean isValid(String candidate) {
    return candidate.indexOf(':') >= 0 ? isIpv6(candidate) : isIpv4(candidate);
  }

  public static boolean isIpv4(String s) {
    int parts = 0;
    int start = 0;
    while (true) {
      int dot = s.indexOf('.', start);
      int end = dot < 0 ? s.length() : dot;
      if (!isOctet(s, start, end)) {
        return false;
      }
      parts++;
      if (dot < 0) {
        return parts == 4;
      }
      start = dot + 1;
    }
  }

  private static boolean isOctet(String s, int start, int end) {
    int len = end - start;
    if (len < 1 || len > 3 || (len > 1 && s.charAt(start) == '0')) {
      return false;
    }
    int value = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 255;
  }

  public static boolean isIpv6(String s) {
    int percent = s.indexOf('%');
    if (percent >= 0) {
      if (percent == s.length() - 1) {
        return false;
      }
      s = s.substring(0, percent);
    }
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    int groups = 0;
    String[] sides =
        doubleColon >= 0
            ? new String[] {s.substring(0, doubleColon), s.substring(doubleColon + 2)}
            : new String[] {s};
    for (int side = 0; side < sides.length; side++) {
      String part = sides[side];
      if (part.isEmpty()) {
        continue;
      }
      String[] fields = part.split(":", -1);
      for (int i = 0; i < fields.length; i++) {
        String field = fields[i];
        boolean last = side == sides.length - 1 && i == fields.length - 1;
        if (last && field.indexOf('.') >= 0) {
          if (!isIpv4(field)) {
            return false;
          }
          groups += 2;
        } else if (isHexGroup(field)) {
          groups++;
        } else {
          return false;
        }
      }
    }
    return doubleColon >= 0 ? groups <= 7 : groups == 8;
  }

  private static boolean isHexGroup(String field) {
    if (field.isEmpty() || field.length() > 4) {
      return false;
    }
    for (int i = 0; i < field.length(); i++) {
      if (Character.digit(field.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
