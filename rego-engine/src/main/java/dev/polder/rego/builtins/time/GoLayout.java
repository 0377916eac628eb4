package dev.polder.rego.builtins.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Go {@code time} layout ("2006-01-02T15:04:05Z07:00") split into literal text and reference
 * elements, as Go's {@code nextStdChunk} splits it. Used by {@link GoTimeFormatter} and {@link
 * GoTimeParser}.
 */
final class GoLayout {

  /** The reference elements of a Go layout. */
  enum Element {
    LONG_MONTH("January"),
    MONTH("Jan"),
    NUM_MONTH("1"),
    ZERO_MONTH("01"),
    LONG_WEEKDAY("Monday"),
    WEEKDAY("Mon"),
    DAY("2"),
    UNDER_DAY("_2"),
    ZERO_DAY("02"),
    UNDER_YEAR_DAY("__2"),
    ZERO_YEAR_DAY("002"),
    HOUR("15"),
    HOUR12("3"),
    ZERO_HOUR12("03"),
    MINUTE("4"),
    ZERO_MINUTE("04"),
    SECOND("5"),
    ZERO_SECOND("05"),
    LONG_YEAR("2006"),
    YEAR("06"),
    PM("PM"),
    LOWER_PM("pm"),
    TZ("MST"),
    ISO8601_TZ("Z0700"),
    ISO8601_SECONDS_TZ("Z070000"),
    ISO8601_SHORT_TZ("Z07"),
    ISO8601_COLON_TZ("Z07:00"),
    ISO8601_COLON_SECONDS_TZ("Z07:00:00"),
    NUM_TZ("-0700"),
    NUM_SECONDS_TZ("-070000"),
    NUM_SHORT_TZ("-07"),
    NUM_COLON_TZ("-07:00"),
    NUM_COLON_SECONDS_TZ("-07:00:00"),
    /** ".000" or ",000": fixed number of fractional digits. */
    FRAC_ZEROS(null),
    /** ".999" or ",999": up to that many digits, trailing zeros removed. */
    FRAC_NINES(null);

    final String text;

    Element(String text) {
      this.text = text;
    }
  }

  /** One chunk: either a literal, or an element (with fraction digit count and separator). */
  record Chunk(String literal, Element element, int fracDigits, char fracSeparator) {}

  /** Go's predefined layout names that OPA accepts in place of a layout. */
  static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("ANSIC", "Mon Jan _2 15:04:05 2006"),
          Map.entry("UnixDate", "Mon Jan _2 15:04:05 MST 2006"),
          Map.entry("RubyDate", "Mon Jan 02 15:04:05 -0700 2006"),
          Map.entry("RFC822", "02 Jan 06 15:04 MST"),
          Map.entry("RFC822Z", "02 Jan 06 15:04 -0700"),
          Map.entry("RFC850", "Monday, 02-Jan-06 15:04:05 MST"),
          Map.entry("RFC1123", "Mon, 02 Jan 2006 15:04:05 MST"),
          Map.entry("RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700"),
          Map.entry("RFC3339", "2006-01-02T15:04:05Z07:00"),
          Map.entry("RFC3339Nano", "2006-01-02T15:04:05.999999999Z07:00"),
          Map.entry("Kitchen", "3:04PM"),
          Map.entry("Stamp", "Jan _2 15:04:05"),
          Map.entry("StampMilli", "Jan _2 15:04:05.000"),
          Map.entry("StampMicro", "Jan _2 15:04:05.000000"),
          Map.entry("StampNano", "Jan _2 15:04:05.000000000"),
          Map.entry("DateTime", "2006-01-02 15:04:05"),
          Map.entry("DateOnly", "2006-01-02"),
          Map.entry("TimeOnly", "15:04:05"));

  static final String RFC3339_NANO = NAMED.get("RFC3339Nano");

  private GoLayout() {}

  /** Resolves a predefined layout name (e.g. "RFC1123Z") or returns the layout unchanged. */
  static String resolve(String layout) {
    return NAMED.getOrDefault(layout, layout);
  }

  private static final int MAX_CACHED = 1_000;
  private static final java.util.concurrent.ConcurrentHashMap<String, List<Chunk>> SPLIT =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The chunks of a layout; layouts are few and reused, so they are split once. */
  static List<Chunk> split(String layout) {
    List<Chunk> cached = SPLIT.get(layout);
    if (cached == null) {
      cached = List.copyOf(splitUncached(layout));
      if (SPLIT.size() >= MAX_CACHED) {
        SPLIT.clear();
      }
      SPLIT.put(layout, cached);
    }
    return cached;
  }

  private static List<Chunk> splitUncached(String layout) {
    List<Chunk> chunks = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < layout.length()) {
      Match m = matchAt(layout, i);
      if (m == null) {
        literal.append(layout.charAt(i));
        i++;
        continue;
      }
      if (literal.length() > 0) {
        chunks.add(new Chunk(literal.toString(), null, 0, '.'));
        literal.setLength(0);
      }
      chunks.add(m.chunk);
      i += m.length;
    }
    if (literal.length() > 0) {
      chunks.add(new Chunk(literal.toString(), null, 0, '.'));
    }
    return chunks;
  }

  private record Match(Chunk chunk, int length) {}

  private static Match el(Element e, int length) {
    return new Match(new Chunk(null, e, 0, '.'), length);
  }

  /** Mirrors Go's nextStdChunk: which element, if any, starts at {@code i}. */
  private static Match matchAt(String s, int i) {
    char c = s.charAt(i);
    switch (c) {
      case 'J':
        if (s.startsWith("Jan", i)) {
          return s.startsWith("January", i) ? el(Element.LONG_MONTH, 7) : el(Element.MONTH, 3);
        }
        return null;
      case 'M':
        if (s.startsWith("Mon", i)) {
          if (s.startsWith("Monday", i)) {
            return el(Element.LONG_WEEKDAY, 6);
          }
          if (!startsWithLowerLetter(s, i + 3)) {
            return el(Element.WEEKDAY, 3);
          }
        }
        if (s.startsWith("MST", i)) {
          return el(Element.TZ, 3);
        }
        return null;
      case '0':
        if (i + 1 < s.length() && s.charAt(i + 1) >= '1' && s.charAt(i + 1) <= '6') {
          Element[] two = {
            Element.ZERO_MONTH,
            Element.ZERO_DAY,
            Element.ZERO_HOUR12,
            Element.ZERO_MINUTE,
            Element.ZERO_SECOND,
            Element.YEAR
          };
          return el(two[s.charAt(i + 1) - '1'], 2);
        }
        if (s.startsWith("002", i)) {
          return el(Element.ZERO_YEAR_DAY, 3);
        }
        return null;
      case '1':
        if (s.startsWith("15", i)) {
          return el(Element.HOUR, 2);
        }
        return el(Element.NUM_MONTH, 1);
      case '2':
        if (s.startsWith("2006", i)) {
          return el(Element.LONG_YEAR, 4);
        }
        return el(Element.DAY, 1);
      case '_':
        if (s.startsWith("_2", i)) {
          if (s.startsWith("_2006", i)) {
            // Go treats "_2006" as a literal underscore followed by the year.
            return null;
          }
          return el(Element.UNDER_DAY, 2);
        }
        if (s.startsWith("__2", i)) {
          return el(Element.UNDER_YEAR_DAY, 3);
        }
        return null;
      case '3':
        return el(Element.HOUR12, 1);
      case '4':
        return el(Element.MINUTE, 1);
      case '5':
        return el(Element.SECOND, 1);
      case 'P':
        return s.startsWith("PM", i) ? el(Element.PM, 2) : null;
      case 'p':
        return s.startsWith("pm", i) ? el(Element.LOWER_PM, 2) : null;
      case '-':
        for (Element e :
            new Element[] {
              Element.NUM_COLON_SECONDS_TZ,
              Element.NUM_SECONDS_TZ,
              Element.NUM_COLON_TZ,
              Element.NUM_TZ,
              Element.NUM_SHORT_TZ
            }) {
          if (s.startsWith(e.text, i)) {
            return el(e, e.text.length());
          }
        }
        return null;
      case 'Z':
        for (Element e :
            new Element[] {
              Element.ISO8601_SECONDS_TZ,
              Element.ISO8601_COLON_SECONDS_TZ,
              Element.ISO8601_TZ,
              Element.ISO8601_COLON_TZ,
              Element.ISO8601_SHORT_TZ
            }) {
          if (s.startsWith(e.text, i)) {
            return el(e, e.text.length());
          }
        }
        return null;
      case '.':
      case ',':
        if (i + 1 < s.length() && (s.charAt(i + 1) == '0' || s.charAt(i + 1) == '9')) {
          char digit = s.charAt(i + 1);
          int j = i + 1;
          while (j < s.length() && s.charAt(j) == digit) {
            j++;
          }
          if (j == s.length() || !Character.isDigit(s.charAt(j))) {
            Element e = digit == '0' ? Element.FRAC_ZEROS : Element.FRAC_NINES;
            return new Match(new Chunk(null, e, j - (i + 1), c), j - i);
          }
        }
        return null;
      default:
        return null;
    }
  }

  private static boolean startsWithLowerLetter(String s, int i) {
    return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
  }
}
