package dev.polder.rego.builtins.time;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Parses a time with a Go layout, as Go's {@code time.Parse} does: literal text must match (a space
 * matches a run of spaces), elements are read in lockstep, fractional seconds are accepted after a
 * seconds element even when the layout has none, and a value without a zone is UTC.
 */
public final class GoTimeParser {

  private GoTimeParser() {}

  /** Thrown with Go's message shape: {@code parsing time "v" as "layout": cannot parse ...}. */
  public static final class ParseException extends Exception {
    ParseException(String message) {
      super(message);
    }
  }

  public static ZonedDateTime parse(String layout, String value) throws ParseException {
    return new State(GoLayout.resolve(layout), value).run();
  }

  private static final class State {
    private final String layout;
    private final String original;
    private String value;
    private int year = 1;
    private int month = -1;
    private int day = -1;
    private int yearDay = -1;
    private int hour;
    private int minute;
    private int second;
    private int nanos;
    private boolean pmSet;
    private boolean amSet;
    private ZoneOffset offset;

    State(String layout, String value) {
      this.layout = layout;
      this.original = value;
      this.value = value;
    }

    ZonedDateTime run() throws ParseException {
      List<GoLayout.Chunk> chunks = GoLayout.split(layout);
      for (int i = 0; i < chunks.size(); i++) {
        GoLayout.Chunk chunk = chunks.get(i);
        if (chunk.element() == null) {
          skipLiteral(chunk.literal());
          continue;
        }
        String before = value;
        try {
          parseElement(chunk, i + 1 < chunks.size() ? chunks.get(i + 1) : null);
        } catch (RuntimeException e) {
          throw bad(before, chunk);
        }
      }
      if (!value.isEmpty()) {
        throw new ParseException(
            "parsing time " + quote(original) + ": extra text: " + quote(value));
      }
      return build();
    }

    private ZonedDateTime build() throws ParseException {
      if (pmSet && hour < 12) {
        hour += 12;
      } else if (amSet && hour == 12) {
        hour = 0;
      }
      try {
        LocalDateTime local;
        if (yearDay >= 0) {
          local = LocalDateTime.of(year, 1, 1, hour, minute, second, nanos).plusDays(yearDay - 1L);
        } else {
          int m = month < 0 ? 1 : month;
          int d = day < 0 ? 1 : day;
          local = LocalDateTime.of(year, m, d, hour, minute, second, nanos);
        }
        ZoneId zone = offset == null ? ZoneOffset.UTC : offset;
        return ZonedDateTime.of(local, zone);
      } catch (DateTimeException e) {
        throw new ParseException("parsing time " + quote(original) + ": day out of range");
      }
    }

    private void skipLiteral(String prefix) throws ParseException {
      String p = prefix;
      while (!p.isEmpty()) {
        if (p.charAt(0) == ' ') {
          if (!value.isEmpty() && value.charAt(0) != ' ') {
            throw badLiteral(prefix);
          }
          p = p.stripLeading();
          value = cutSpace(value);
          continue;
        }
        if (value.isEmpty() || value.charAt(0) != p.charAt(0)) {
          throw badLiteral(prefix);
        }
        p = p.substring(1);
        value = value.substring(1);
      }
    }

    private static String cutSpace(String s) {
      int i = 0;
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      return s.substring(i);
    }

    private void parseElement(GoLayout.Chunk chunk, GoLayout.Chunk next) {
      switch (chunk.element()) {
        case YEAR -> {
          int y = fixedDigits(2);
          year = y >= 69 ? 1900 + y : 2000 + y;
        }
        case LONG_YEAR -> year = fixedDigits(4);
        case MONTH -> month = lookup(TextStyle.SHORT, true) + 1;
        case LONG_MONTH -> month = lookup(TextStyle.FULL, true) + 1;
        case NUM_MONTH, ZERO_MONTH -> {
          month = number(chunk.element() == GoLayout.Element.ZERO_MONTH);
          check(month >= 1 && month <= 12);
        }
        case WEEKDAY -> lookup(TextStyle.SHORT, false);
        case LONG_WEEKDAY -> lookup(TextStyle.FULL, false);
        case DAY, UNDER_DAY, ZERO_DAY -> {
          if (chunk.element() == GoLayout.Element.UNDER_DAY && value.startsWith(" ")) {
            value = value.substring(1);
          }
          day = number(chunk.element() == GoLayout.Element.ZERO_DAY);
          check(day >= 1 && day <= 31);
        }
        case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
          if (chunk.element() == GoLayout.Element.UNDER_YEAR_DAY) {
            value = cutSpace(value);
          }
          yearDay = chunk.element() == GoLayout.Element.ZERO_YEAR_DAY ? fixedDigits(3) : digits(3);
          check(yearDay >= 1 && yearDay <= 366);
        }
        case HOUR -> {
          hour = number(false);
          check(hour < 24);
        }
        case HOUR12, ZERO_HOUR12 -> {
          hour = number(chunk.element() == GoLayout.Element.ZERO_HOUR12);
          check(hour <= 12);
        }
        case MINUTE, ZERO_MINUTE -> {
          minute = number(chunk.element() == GoLayout.Element.ZERO_MINUTE);
          check(minute < 60);
        }
        case SECOND, ZERO_SECOND -> {
          second = number(chunk.element() == GoLayout.Element.ZERO_SECOND);
          check(second < 60);
          boolean layoutHasFraction =
              next != null
                  && (next.element() == GoLayout.Element.FRAC_ZEROS
                      || next.element() == GoLayout.Element.FRAC_NINES);
          if (!layoutHasFraction
              && value.length() >= 2
              && (value.charAt(0) == '.' || value.charAt(0) == ',')
              && Character.isDigit(value.charAt(1))) {
            value = value.substring(1);
            nanos = fraction(Integer.MAX_VALUE);
          }
        }
        case PM, LOWER_PM -> {
          String ampm = value.substring(0, 2);
          String upper = ampm.toUpperCase(Locale.ROOT);
          check(chunk.element() == GoLayout.Element.PM ? ampm.equals(upper) : true);
          check(upper.equals("AM") || upper.equals("PM"));
          pmSet = upper.equals("PM");
          amSet = !pmSet;
          value = value.substring(2);
        }
        case TZ -> parseZoneAbbreviation();
        case FRAC_ZEROS -> {
          check(value.length() > chunk.fracDigits() && value.charAt(0) == chunk.fracSeparator());
          value = value.substring(1);
          String digits = value.substring(0, chunk.fracDigits());
          check(digits.chars().allMatch(Character::isDigit));
          nanos = fraction(chunk.fracDigits());
        }
        case FRAC_NINES -> {
          if (value.length() >= 2
              && (value.charAt(0) == '.' || value.charAt(0) == ',')
              && Character.isDigit(value.charAt(1))) {
            value = value.substring(1);
            nanos = fraction(Integer.MAX_VALUE);
          }
        }
        default -> parseNumericZone(chunk.element());
      }
    }

    private void parseZoneAbbreviation() {
      if (value.startsWith("UTC")) {
        offset = ZoneOffset.UTC;
        value = value.substring(3);
        return;
      }
      int n = 0;
      while (n < value.length() && Character.isUpperCase(value.charAt(n))) {
        n++;
      }
      check(n >= 3 && n <= 5);
      // Go gives an unknown abbreviation a zero offset (the local zone is UTC here).
      offset = ZoneOffset.UTC;
      value = value.substring(n);
    }

    private void parseNumericZone(GoLayout.Element e) {
      if (e.name().startsWith("ISO8601") && value.startsWith("Z")) {
        offset = ZoneOffset.UTC;
        value = value.substring(1);
        return;
      }
      char sign = value.charAt(0);
      check(sign == '+' || sign == '-');
      value = value.substring(1);
      int hh = fixedDigits(2);
      int mm = 0;
      int ss = 0;
      boolean colon = e.text.contains(":");
      boolean hasMinutes =
          e != GoLayout.Element.NUM_SHORT_TZ && e != GoLayout.Element.ISO8601_SHORT_TZ;
      boolean hasSeconds = e.text.endsWith("0000") || e.text.endsWith(":00:00");
      if (hasMinutes) {
        if (colon) {
          expect(':');
        }
        mm = fixedDigits(2);
      }
      if (hasSeconds) {
        if (colon) {
          expect(':');
        }
        ss = fixedDigits(2);
      }
      int total = hh * 3600 + mm * 60 + ss;
      offset = ZoneOffset.ofTotalSeconds(sign == '-' ? -total : total);
    }

    private void expect(char c) {
      check(!value.isEmpty() && value.charAt(0) == c);
      value = value.substring(1);
    }

    private int fraction(int maxDigits) {
      int n = 0;
      while (n < value.length() && n < maxDigits && Character.isDigit(value.charAt(n))) {
        n++;
      }
      check(n > 0);
      String digits = value.substring(0, n);
      value = value.substring(n);
      String nine = (digits + "000000000").substring(0, 9);
      return Integer.parseInt(nine);
    }

    private int lookup(TextStyle style, boolean months) {
      String[] names = new String[months ? 12 : 7];
      for (int i = 0; i < names.length; i++) {
        names[i] =
            months
                ? java.time.Month.of(i + 1).getDisplayName(style, Locale.ENGLISH)
                : java.time.DayOfWeek.of(i == 0 ? 7 : i).getDisplayName(style, Locale.ENGLISH);
      }
      for (int i = 0; i < names.length; i++) {
        String name = names[i];
        if (value.length() >= name.length()
            && value.substring(0, name.length()).equalsIgnoreCase(name)) {
          value = value.substring(name.length());
          return i;
        }
      }
      throw new IllegalArgumentException("bad name");
    }

    /** One or two digits; exactly two when {@code fixed}. */
    private int number(boolean fixed) {
      check(!value.isEmpty() && Character.isDigit(value.charAt(0)));
      if (value.length() < 2 || !Character.isDigit(value.charAt(1))) {
        check(!fixed);
        int n = value.charAt(0) - '0';
        value = value.substring(1);
        return n;
      }
      int n = (value.charAt(0) - '0') * 10 + (value.charAt(1) - '0');
      value = value.substring(2);
      return n;
    }

    private int fixedDigits(int count) {
      check(value.length() >= count);
      for (int i = 0; i < count; i++) {
        check(Character.isDigit(value.charAt(i)));
      }
      int n = Integer.parseInt(value.substring(0, count));
      value = value.substring(count);
      return n;
    }

    private int digits(int max) {
      int n = 0;
      while (n < value.length() && n < max && Character.isDigit(value.charAt(n))) {
        n++;
      }
      check(n > 0);
      int v = Integer.parseInt(value.substring(0, n));
      value = value.substring(n);
      return v;
    }

    private static void check(boolean ok) {
      if (!ok) {
        throw new IllegalArgumentException("bad element");
      }
    }

    private ParseException bad(String valueElem, GoLayout.Chunk chunk) {
      String layoutElem =
          chunk.element().text != null
              ? chunk.element().text
              : chunk.fracSeparator()
                  + (chunk.element() == GoLayout.Element.FRAC_ZEROS ? "0" : "9")
                      .repeat(chunk.fracDigits());
      return new ParseException(
          "parsing time "
              + quote(original)
              + " as "
              + quote(layout)
              + ": cannot parse "
              + quote(valueElem)
              + " as "
              + quote(layoutElem));
    }

    private ParseException badLiteral(String prefix) {
      return new ParseException(
          "parsing time "
              + quote(original)
              + " as "
              + quote(layout)
              + ": cannot parse "
              + quote(value)
              + " as "
              + quote(prefix));
    }

    private static String quote(String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
  }
}
