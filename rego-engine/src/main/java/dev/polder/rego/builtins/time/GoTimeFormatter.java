package dev.polder.rego.builtins.time;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** Formats a time with a Go layout, as Go's {@code time.Time.Format} does. */
public final class GoTimeFormatter {

  private GoTimeFormatter() {}

  /** Formats {@code t} with {@code layout} (a Go layout or a predefined name like "RFC1123Z"). */
  public static String format(ZonedDateTime t, String layout) {
    StringBuilder out = new StringBuilder();
    for (GoLayout.Chunk chunk : GoLayout.split(GoLayout.resolve(layout))) {
      if (chunk.element() == null) {
        out.append(chunk.literal());
      } else {
        appendElement(out, t, chunk);
      }
    }
    return out.toString();
  }

  private static void appendElement(StringBuilder out, ZonedDateTime t, GoLayout.Chunk chunk) {
    int offsetSeconds = t.getOffset().getTotalSeconds();
    switch (chunk.element()) {
      case LONG_MONTH -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
      case MONTH -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
      case NUM_MONTH -> out.append(t.getMonthValue());
      case ZERO_MONTH -> pad(out, t.getMonthValue(), 2, '0');
      case LONG_WEEKDAY ->
          out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
      case WEEKDAY -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
      case DAY -> out.append(t.getDayOfMonth());
      case UNDER_DAY -> pad(out, t.getDayOfMonth(), 2, ' ');
      case ZERO_DAY -> pad(out, t.getDayOfMonth(), 2, '0');
      case UNDER_YEAR_DAY -> pad(out, t.getDayOfYear(), 3, ' ');
      case ZERO_YEAR_DAY -> pad(out, t.getDayOfYear(), 3, '0');
      case HOUR -> pad(out, t.getHour(), 2, '0');
      case HOUR12 -> out.append(hour12(t));
      case ZERO_HOUR12 -> pad(out, hour12(t), 2, '0');
      case MINUTE -> out.append(t.getMinute());
      case ZERO_MINUTE -> pad(out, t.getMinute(), 2, '0');
      case SECOND -> out.append(t.getSecond());
      case ZERO_SECOND -> pad(out, t.getSecond(), 2, '0');
      case LONG_YEAR -> {
        int y = t.getYear();
        if (y < 0) {
          out.append('-');
          y = -y;
        }
        pad(out, y, 4, '0');
      }
      case YEAR -> pad(out, Math.floorMod(t.getYear(), 100), 2, '0');
      case PM -> out.append(t.getHour() >= 12 ? "PM" : "AM");
      case LOWER_PM -> out.append(t.getHour() >= 12 ? "pm" : "am");
      case TZ -> out.append(zoneAbbreviation(t));
      case FRAC_ZEROS, FRAC_NINES -> appendFraction(out, t.getNano(), chunk);
      default -> appendOffset(out, offsetSeconds, chunk.element());
    }
  }

  private static int hour12(ZonedDateTime t) {
    int h = t.getHour() % 12;
    return h == 0 ? 12 : h;
  }

  private static String zoneAbbreviation(ZonedDateTime t) {
    String id = t.getZone().getId();
    if (id.equals("Z") || id.equals("UTC") || id.equals("Etc/UTC")) {
      return "UTC";
    }
    String name =
        t.getZone()
            .getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
            .replace("GMT", "")
            .replace(":", "");
    if (!name.isEmpty() && Character.isLetter(name.charAt(0))) {
      return name;
    }
    // Go prints the numeric offset when the zone has no abbreviation.
    StringBuilder out = new StringBuilder();
    appendOffset(out, t.getOffset().getTotalSeconds(), GoLayout.Element.NUM_TZ);
    return out.toString();
  }

  private static void appendFraction(StringBuilder out, int nanos, GoLayout.Chunk chunk) {
    String digits = String.format("%09d", nanos).substring(0, chunk.fracDigits());
    if (chunk.element() == GoLayout.Element.FRAC_NINES) {
      int end = digits.length();
      while (end > 0 && digits.charAt(end - 1) == '0') {
        end--;
      }
      digits = digits.substring(0, end);
      if (digits.isEmpty()) {
        return;
      }
    }
    out.append(chunk.fracSeparator()).append(digits);
  }

  private static void appendOffset(StringBuilder out, int offsetSeconds, GoLayout.Element e) {
    boolean iso = e.name().startsWith("ISO8601");
    if (iso && offsetSeconds == 0) {
      out.append('Z');
      return;
    }
    int abs = Math.abs(offsetSeconds);
    out.append(offsetSeconds < 0 ? '-' : '+');
    pad(out, abs / 3600, 2, '0');
    boolean colon = e.text.contains(":");
    boolean minutes = e != GoLayout.Element.NUM_SHORT_TZ && e != GoLayout.Element.ISO8601_SHORT_TZ;
    boolean seconds = e.text.endsWith("0000") || e.text.endsWith(":00:00");
    if (minutes) {
      if (colon) {
        out.append(':');
      }
      pad(out, abs / 60 % 60, 2, '0');
    }
    if (seconds) {
      if (colon) {
        out.append(':');
      }
      pad(out, abs % 60, 2, '0');
    }
  }

  private static void pad(StringBuilder out, int value, int width, char padding) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      out.append(padding);
    }
    out.append(s);
  }
}
