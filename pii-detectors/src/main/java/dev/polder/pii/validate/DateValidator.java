package dev.polder.pii.validate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar date that can be a date of birth: it exists (no 31 February) and its year lies between
 * 1900 and 2030. Reads numeric forms (2024-03-12, 12/03/1985, 03/12/1985, 12.03.1985: valid if
 * either day-month order is) and written forms ("12 March 1985", "March 12, 1985").
 */
public final class DateValidator implements Validator {

  private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
  private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
  private static final Pattern DAY_MONTH_NAME =
      Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})");
  private static final Pattern MONTH_NAME_DAY =
      Pattern.compile("([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  @Override
  public String name() {
    return "date";
  }

  @Override
  public boolean isValid(String candidate) {
    String s = candidate.trim();
    Matcher m = ISO.matcher(s);
    if (m.matches()) {
      return exists(num(m, 1), num(m, 2), num(m, 3));
    }
    m = NUMERIC.matcher(s);
    if (m.matches()) {
      int a = num(m, 1);
      int b = num(m, 2);
      int year = num(m, 3);
      return exists(year, b, a) || exists(year, a, b);
    }
    m = DAY_MONTH_NAME.matcher(s);
    if (m.matches()) {
      return exists(num(m, 3), month(m.group(2)), num(m, 1));
    }
    m = MONTH_NAME_DAY.matcher(s);
    if (m.matches()) {
      return exists(num(m, 3), month(m.group(1)), num(m, 2));
    }
    return false;
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static int month(String name) {
    if (name.length() < 3) {
      return -1;
    }
    return MONTHS.getOrDefault(name.substring(0, 3).toLowerCase(Locale.ROOT), -1);
  }

  private static boolean exists(int year, int month, int day) {
    if (year < 1900 || year > 2030) {
      return false;
    }
    try {
      LocalDate.of(year, month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
