package dev.polder.rego.builtins.strings;

/** Go's strings.Trim/TrimLeft/TrimRight (cut set of code points) and TrimSpace. */
final class Trim {

  private Trim() {}

  static String both(String s, String cutset) {
    return right(left(s, cutset), cutset);
  }

  static String left(String s, String cutset) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (cutset.indexOf(cp) < 0) {
        break;
      }
      i += Character.charCount(cp);
    }
    return s.substring(i);
  }

  static String right(String s, String cutset) {
    int end = s.length();
    while (end > 0) {
      int cp = s.codePointBefore(end);
      if (cutset.indexOf(cp) < 0) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  /** Trims Unicode white space as Go's unicode.IsSpace defines it. */
  static String space(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  private static boolean isSpace(int cp) {
    return switch (cp) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
      default -> cp > 0xFF && Character.isSpaceChar(cp);
    };
  }
}
